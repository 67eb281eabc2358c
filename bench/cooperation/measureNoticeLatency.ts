/**
 * Part (2): how long after reportIncident is answered at the gateway its notice can be read in each
 * recipient's inbox, through the gateway as that bureau's officer (receivedNotices, newest first).
 * One incident at a time, each recipient's inbox asked every POLL_INTERVAL_MS until the notice is
 * there: the figures include the relay's pause between passes (ECOGRAPH_RELAY_INTERVAL_MS). Each
 * incident is reported after a random pause of up to PHASE_SPREAD_MS: reported right after the last
 * one was found, every incident would land just after a relay pass and wait a whole interval (the
 * first small run showed p50 = p99 ≈ 1 s), where real reports come at any point of it.
 */
import { performance } from 'node:perf_hooks';
import { setTimeout as sleep } from 'node:timers/promises';
import { percentile } from '../measureTarget.ts';
import { postGraphQL, requestBody } from '../postGraphQL.ts';
import type { NoticeLatency, Percentiles } from './CooperationResult.ts';
import { NEWEST_RECEIVED, reportIncidentBody } from './cooperationQueries.ts';

const POLL_INTERVAL_MS = 20;
/** At least the relay's interval (1000 ms by default), so reports fall on every phase of it. */
const PHASE_SPREAD_MS = 1_000;
/** A notice not readable by then is a failure of the run, not a slow sample. */
const GIVE_UP_MS = 60_000;

export interface NoticeLatencySettings {
  readonly url: string;
  readonly reporterHeaders: Readonly<Record<string, string>>;
  /** Each recipient's officer token, by bureau code. */
  readonly officerHeaders: ReadonlyMap<string, Readonly<Record<string, string>>>;
  readonly incidents: number;
  readonly say: (text: string) => void;
}

export async function measureNoticeLatency({ url, reporterHeaders, officerHeaders, incidents, say }: NoticeLatencySettings): Promise<NoticeLatency> {
  const samples = new Map([...officerHeaders.keys()].map((code) => [code, [] as number[]]));
  for (let i = 1; i <= incidents; i++) {
    await sleep(Math.random() * PHASE_SPREAD_MS);
    const answer = await postGraphQL(url, reportIncidentBody(i), reporterHeaders);
    const answeredAt = performance.now();
    const id = (answer.body.data?.['reportIncident'] as { id?: string } | null | undefined)?.id;
    if (answer.body.errors || typeof id !== 'string') throw new Error(`reportIncident failed: ${JSON.stringify(answer.body)}`);
    await Promise.all([...officerHeaders].map(async ([code, headers]) => {
      samples.get(code)!.push(await readableAfter(url, code, headers, id, answeredAt));
    }));
    if (i % 50 === 0) say(`cooperation: ${i} of ${incidents} incidents timed to their recipients`);
  }
  return {
    incidents,
    byRecipient: Object.fromEntries([...samples].map(([code, ms]) => [code, percentiles(ms)])),
    pollIntervalMs: POLL_INTERVAL_MS,
  };
}

async function readableAfter(url: string, code: string, headers: Readonly<Record<string, string>>, incidentId: string, since: number): Promise<number> {
  const body = requestBody(NEWEST_RECEIVED, { code });
  for (;;) {
    const answer = await postGraphQL(url, body, headers);
    if (answer.body.errors) throw new Error(`receivedNotices of ${code} failed: ${JSON.stringify(answer.body.errors)}`);
    const edges = (answer.body.data?.['receivedNotices'] as { edges?: Array<{ node: { incidentId: string } }> } | null | undefined)?.edges ?? [];
    if (edges.some((e) => e.node.incidentId === incidentId)) return performance.now() - since;
    if (performance.now() - since > GIVE_UP_MS) throw new Error(`the notice of ${incidentId} was not in ${code}'s inbox after ${GIVE_UP_MS} ms`);
    await sleep(POLL_INTERVAL_MS);
  }
}

export function percentiles(values: readonly number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  return { count: sorted.length, p50Ms: percentile(sorted, 0.5), p90Ms: percentile(sorted, 0.9), p99Ms: percentile(sorted, 0.99), maxMs: sorted.at(-1) ?? Number.NaN };
}
