/**
 * Part (3): a recipient comes back to a backlog. 荣昌 (500153) is stopped; 遂宁 sends it `messages`
 * bulletins through the gateway (`concurrency` requests at a time, each with a fresh idempotency
 * key), so its outbox holds them all; then 荣昌 starts again on the same port and the relay catches
 * up. Timed from 荣昌 ready until 遂宁's outbox holds nothing pending; the first and last arrivals come
 * from the stores' own timestamps (one clock: one machine). Then the stores are read to check that
 * every message arrived once, with the pair's sequence numbers 1…n in order, and is marked DELIVERED.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import type { BenchTrust } from '../benchTrust.ts';
import type { RunningChild } from '../ChildProcesses.ts';
import { cpus } from 'node:os';
import { postGraphQL } from '../postGraphQL.ts';
import { cpuPerRequest, otherCpuShare, snapshotCpu } from '../processCpu.ts';
import type { BacklogDrain } from './CooperationResult.ts';
import { BACKLOG_RECIPIENT, REPORTER, sendBulletinBody } from './cooperationQueries.ts';
import { pendingDeliveries, readInbox, readOutbox } from './cooperationStores.ts';

const POLL_INTERVAL_MS = 100;
/** Longer than the relay's longest backoff (5 min) plus a slow drain. */
const GIVE_UP_MS = 20 * 60_000;

export interface BacklogSettings {
  readonly gatewayUrl: string;
  readonly senderUrl: string;
  /** The relaying gateway's and the sender's processes (their CPU is charged to the drain). */
  readonly gatewayPid: number;
  readonly senderPid: number;
  readonly dataDir: string;
  readonly trust: BenchTrust;
  /** The sender's token (bureau 510900, bulletins:write). */
  readonly senderHeaders: Readonly<Record<string, string>>;
  readonly messages: number;
  readonly concurrency: number;
  stopRecipient(): Promise<void>;
  startRecipient(): Promise<RunningChild>;
  readonly say: (text: string) => void;
}

export async function measureBacklogDrain(s: BacklogSettings): Promise<BacklogDrain> {
  const pendingBefore = await pendingDeliveries(s.senderUrl, REPORTER, s.trust);
  await s.stopRecipient();
  s.say(`cooperation: ${BACKLOG_RECIPIENT} stopped; sending it ${s.messages} bulletins, ${s.concurrency} at a time …`);
  const writeStarted = performance.now();
  let next = 0;
  await Promise.all(Array.from({ length: s.concurrency }, async () => {
    while (next < s.messages) {
      const n = ++next;
      const answer = await postGraphQL(s.gatewayUrl, sendBulletinBody(n), s.senderHeaders);
      if (answer.status !== 200 || answer.body.errors) throw new Error(`sendBulletin #${n} failed: HTTP ${answer.status} ${JSON.stringify(answer.body.errors ?? answer.body)}`);
      if (n % 1000 === 0) s.say(`cooperation: ${n} bulletins sent`);
    }
  }));
  const writeSeconds = (performance.now() - writeStarted) / 1000;
  const pending = await pendingDeliveries(s.senderUrl, REPORTER, s.trust);
  if (pending < pendingBefore + s.messages) throw new Error(`only ${pending} messages pending at ${REPORTER} after sending ${s.messages}`);

  const recipient = await s.startRecipient();
  const readyAt = Date.now();
  const cpuGroups = { gateway: [s.gatewayPid], sender: [s.senderPid], recipient: [recipient.pid] };
  const cpuBefore = snapshotCpu(cpuGroups);
  s.say(`cooperation: ${BACKLOG_RECIPIENT} ready again (${recipient.url}); waiting for ${pending} deliveries …`);
  for (let last = pending; ;) {
    await sleep(POLL_INTERVAL_MS);
    const now = await pendingDeliveries(s.senderUrl, REPORTER, s.trust);
    if (now === 0) break;
    if (Date.now() - readyAt > GIVE_UP_MS) throw new Error(`${now} messages still pending at ${REPORTER} ${GIVE_UP_MS / 1000} s after ${BACKLOG_RECIPIENT} came back`);
    if (Math.floor(now / 1000) !== Math.floor(last / 1000)) s.say(`cooperation: ${now} pending`);
    last = now;
  }

  const cpuAfter = snapshotCpu(cpuGroups);
  const outbox = readOutbox(s.dataDir, REPORTER, BACKLOG_RECIPIENT);
  const inbox = readInbox(s.dataDir, BACKLOG_RECIPIENT, REPORTER);
  const arrived = inbox.filter((row) => row.receivedAt >= readyAt);
  const firstArrival = Math.min(...arrived.map((row) => row.receivedAt));
  const lastArrival = Math.max(...arrived.map((row) => row.receivedAt));
  const lastMarked = Math.max(...outbox.map((row) => row.deliveredAt ?? Number.NaN));
  const drainMs = lastArrival - firstArrival;
  const allDeliveredAfterMs = lastMarked - readyAt;
  const outboxIds = new Set(outbox.map((row) => row.messageId));
  return {
    sender: REPORTER,
    recipient: BACKLOG_RECIPIENT,
    messages: s.messages,
    writtenBy: `sendBulletin through the gateway, ${s.concurrency} requests at a time`,
    writeSeconds,
    firstDeliveryAfterMs: firstArrival - readyAt,
    drainMs,
    allDeliveredAfterMs,
    drainPerSecond: drainMs > 0 ? (arrived.length * 1000) / drainMs : Number.POSITIVE_INFINITY,
    overallPerSecond: (arrived.length * 1000) / allDeliveredAfterMs,
    cpuMsPerMessage: cpuPerRequest(cpuBefore, cpuAfter, arrived.length),
    otherCpuShare: otherCpuShare(cpuBefore, cpuAfter, (Date.now() - readyAt) / 1000, cpus().length),
    checks: {
      allArrived: arrived.length === pending,
      allMarkedDelivered: outbox.every((row) => row.deliveredAt !== null),
      inboxSequencesContiguous: inbox.every((row, i) => row.sequence === i + 1),
      sameMessages: inbox.length === outbox.length && inbox.every((row) => outboxIds.has(row.messageId)),
    },
  };
}
