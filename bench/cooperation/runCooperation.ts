/**
 * The cooperation part of `npm run bench -- --part cooperation`: our gateway over the region and the
 * four bureaus the part uses, with its relay on at the gateway's defaults (what ECOGRAPH_RELAY_* set
 * in production), then (1) a write against a read of the same record, (2) notice delivery latency to
 * each recipient, (3) a stopped recipient catching up on a backlog. The bureaus were started with
 * ECOGRAPH_GATEWAY_URL pointing at `gatewayPort`, which this gateway listens on: a bureau asks it for
 * the river's sections when an incident is reported.
 */
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchTrust } from '../benchTrust.ts';
import type { BenchOptions } from '../parseBenchArgs.ts';
import type { CpuGroups } from '../processCpu.ts';
import { restartBureau, type Subgraphs } from '../startSubgraphs.ts';
import { startOurGateway, type TargetContext } from '../startTarget.ts';
import type { CooperationResult } from './CooperationResult.ts';
import { BACKLOG_RECIPIENT, COOPERATION_BUREAUS, NOTICE_RECIPIENTS, REPORTER } from './cooperationQueries.ts';
import { pendingDeliveries } from './cooperationStores.ts';
import { measureBacklogDrain } from './measureBacklogDrain.ts';
import { measureNoticeLatency } from './measureNoticeLatency.ts';
import { measureWriteVsRead } from './measureWriteVsRead.ts';

/** How long the notices of part (1) may take to drain before part (2) starts. */
const DRAIN_WAIT_MS = 120_000;

export interface CooperationContext extends TargetContext {
  readonly gatewayPort: number;
  readonly dataDir: string;
  readonly options: BenchOptions;
  readonly cpu: CpuGroups;
  readonly say: (text: string) => void;
}

export async function runCooperation(ctx: CooperationContext): Promise<CooperationResult> {
  const { options, say, trust, subgraphs } = ctx;
  say('cooperation: starting our gateway with its relay over the region and bureaus ' + COOPERATION_BUREAUS.join(', ') + ' …');
  const gateway = await startOurGateway(ctx, 'gateway-cooperation', COOPERATION_BUREAUS, { ECOGRAPH_GATEWAY_PORT: String(ctx.gatewayPort) });
  try {
    const url = gateway.url;
    const reporter = await trust.callerHeadersFor({ sub: 'bench-reporter', bureau: REPORTER, scope: 'incidents:write bulletins:write' });
    const officers = new Map(await Promise.all(NOTICE_RECIPIENTS.map(async (code) =>
      [code, await trust.callerHeadersFor({ sub: `bench-officer-${code}`, bureau: code, scope: 'notices:acknowledge' })] as const)));
    const senderUrl = bureauUrl(subgraphs, REPORTER);

    say(`cooperation (1): ${options.coopDuration} s of reportIncident, then of node(id), at 1 connection …`);
    const writeVsRead = await measureWriteVsRead({ url, headers: reporter, seconds: options.coopDuration, cpu: { gateway: [gateway.pid], ...ctx.cpu } });
    say(`cooperation (1): write p50 ${writeVsRead.write.p50Ms.toFixed(2)} ms, read p50 ${writeVsRead.read.p50Ms.toFixed(2)} ms`);
    await drained(senderUrl, trust);

    say(`cooperation (2): ${options.coopIncidents} incidents, each timed to ${NOTICE_RECIPIENTS.join(' and ')}'s inboxes …`);
    const noticeLatency = await measureNoticeLatency({ url, reporterHeaders: reporter, officerHeaders: officers, incidents: options.coopIncidents, say });
    await drained(senderUrl, trust);

    say(`cooperation (3): ${options.coopPending} messages for ${BACKLOG_RECIPIENT} while it is down …`);
    const recipient = subgraphs.bureaus.get(BACKLOG_RECIPIENT)!;
    const backlog = await measureBacklogDrain({
      gatewayUrl: url, senderUrl, gatewayPid: gateway.pid, senderPid: subgraphs.bureaus.get(REPORTER)!.pid, dataDir: ctx.dataDir, trust, senderHeaders: reporter,
      messages: options.coopPending, concurrency: options.coopConcurrency, say,
      stopRecipient: () => recipient.stop(),
      startRecipient: () => restartBureau(ctx.children, subgraphs, BACKLOG_RECIPIENT, new URL(recipient.url).port, ctx.verbose),
    });
    say(`cooperation (3): ${backlog.messages} delivered ${(backlog.allDeliveredAfterMs / 1000).toFixed(1)} s after the recipient came back ` +
      `(first after ${(backlog.firstDeliveryAfterMs / 1000).toFixed(1)} s), drain ${backlog.drainPerSecond.toFixed(0)} messages/s`);
    return { relaySettings: 'the gateway\'s defaults (ECOGRAPH_RELAY_INTERVAL_MS 1000, backoff 500 ms doubling to 300 s)', writeVsRead, noticeLatency, backlog };
  } finally {
    await gateway.stop();
  }
}

function bureauUrl(subgraphs: Subgraphs, code: string): string {
  const child = subgraphs.bureaus.get(code);
  if (!child) throw new Error(`bureau ${code} was not started`);
  return child.url;
}

/** Waits until the reporter's outbox is empty, so one part's deliveries do not run into the next. */
async function drained(senderUrl: string, trust: BenchTrust): Promise<void> {
  for (const deadline = Date.now() + DRAIN_WAIT_MS; Date.now() < deadline; await sleep(200)) {
    if (await pendingDeliveries(senderUrl, REPORTER, trust) === 0) return;
  }
  throw new Error(`${REPORTER}'s outbox did not drain within ${DRAIN_WAIT_MS / 1000} s`);
}
