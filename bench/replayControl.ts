/** The bench's side of the record-replay bureaus (bench/replayBureaus.ts): start, switch mode, read counts. */
import type { ChildProcesses, RunningChild } from './ChildProcesses.ts';
import { ENTRIES } from './entries.ts';
import type { ReplayStats } from './ReplayRecordings.ts';

const READY_TIMEOUT_MS = 60_000;

export interface ReplayBureaus {
  readonly child: RunningChild;
  /** The stand-in URL of bureau `code` (its gateway-facing /graphql). */
  urlOf(code: string): string;
  /** Pass requests to the real bureaus and keep their answers (before a target's check). */
  record(): Promise<ReplayStats>;
  /** Answer only from recordings, after the fixed latency (before a measured run). */
  replay(): Promise<ReplayStats>;
  stats(): Promise<ReplayStats>;
}

export async function startReplayBureaus(
  children: ChildProcesses, real: ReadonlyMap<string, string>, latencyMs: number, publicKeyPath: string, verbose: boolean,
): Promise<ReplayBureaus> {
  const child = await children.start({
    name: 'replay-bureaus',
    entry: ENTRIES.replayBureaus,
    env: {
      BENCH_REPLAY_BUREAUS: [...real].map(([code, url]) => `${code}=${url}`).join(','),
      BENCH_REPLAY_LATENCY_MS: String(latencyMs),
      BENCH_GATEWAY_PUBLIC_KEY: publicKeyPath,
    },
    readyTimeoutMs: READY_TIMEOUT_MS,
    verbose,
  });
  const call = async (method: 'GET' | 'POST', route: string): Promise<ReplayStats> => {
    const res = await fetch(new URL(`__replay/${route}`, child.url), { method, signal: AbortSignal.timeout(5_000) });
    if (!res.ok) throw new Error(`replay bureaus: ${method} ${route} answered HTTP ${res.status}`);
    return (await res.json()) as ReplayStats;
  };
  return {
    child,
    urlOf: (code) => new URL(`${code}/graphql`, child.url).href,
    record: () => call('POST', 'record'),
    replay: () => call('POST', 'replay'),
    stats: () => call('GET', 'stats'),
  };
}
