/**
 * Load on ONE target at a time with autocannon: a warm-up run (discarded), then the measured run.
 * Latencies are collected from autocannon's per-response event rather than its histogram, which
 * records whole milliseconds: a direct subgraph answers in about one, so p50 would be meaningless.
 * Any non-2xx, socket error, timeout or GraphQL `errors` in a body makes the measurement fail
 * loudly instead of reporting the speed of error responses.
 */
import autocannon, { type AutocannonResult } from 'autocannon';
import { cpus } from 'node:os';
import { cpuPerRequest, otherCpuShare, snapshotCpu, type CpuGroups } from './processCpu.ts';
import { sampleRss } from './processMemory.ts';

export interface LoadSettings {
  readonly connections: number;
  readonly warmupSeconds: number;
  readonly durationSeconds: number;
  /** Processes whose CPU time is charged to the measured requests, by group name. */
  readonly cpu?: CpuGroups;
  /** Extra headers, the same on every request (a gateway's caller token). */
  readonly headers?: Readonly<Record<string, string>>;
  /**
   * Extra headers made anew for each request, or null (a bureau asked directly needs a fresh
   * gateway token every time: it refuses a replayed one). Signing happens in the load generator,
   * so its cost is charged to the load generator, not to the target.
   */
  readonly freshHeaders?: (() => Record<string, string>) | null;
  /** A body made anew for each request, or null (a write needs a fresh idempotency key every time). */
  readonly freshBody?: (() => string) | null;
  /** The process whose resident memory is sampled during the measured run (the gateway), or null. */
  readonly rssPid?: number | null;
}

export interface Measurement {
  readonly connections: number;
  readonly seconds: number;
  readonly requests: number;
  readonly requestsPerSecond: number;
  readonly p50Ms: number;
  readonly p90Ms: number;
  readonly p99Ms: number;
  readonly maxMs: number;
  /** non-2xx + socket errors + timeouts + bodies with GraphQL errors, warm-up included; must be 0. */
  readonly failures: number;
  /** CPU ms per request by process group (Linux only; null elsewhere). */
  readonly cpuMsPerRequest: Record<string, number> | null;
  /** Share of all cores that processes outside the bench used meanwhile (Linux only). */
  readonly otherCpuShare: number | null;
  /** The most resident memory of `rssPid` sampled during the measured run, MiB (Linux only). */
  readonly rssMaxMiB: number | null;
}

const TIMEOUT_SECONDS = 10;

export async function measureTarget(url: string, body: string, load: LoadSettings): Promise<Measurement> {
  const warmup = load.warmupSeconds > 0 ? await fire(url, body, load.connections, load.warmupSeconds, null, load) : null;
  const latencies: number[] = [];
  const cpuBefore = load.cpu ? snapshotCpu(load.cpu) : null;
  const rss = load.rssPid ? sampleRss(load.rssPid) : null;
  const started = process.hrtime.bigint();
  const result = await fire(url, body, load.connections, load.durationSeconds, latencies, load);
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  const rssMaxMiB = rss?.stop() ?? null;
  const cpuAfter = load.cpu ? snapshotCpu(load.cpu) : null;
  const failures = failuresOf(result) + (warmup ? failuresOf(warmup) : 0);
  const sorted = Float64Array.from(latencies).sort();
  return {
    connections: load.connections,
    seconds,
    requests: latencies.length,
    requestsPerSecond: latencies.length / seconds,
    p50Ms: percentile(sorted, 0.5),
    p90Ms: percentile(sorted, 0.9),
    p99Ms: percentile(sorted, 0.99),
    maxMs: sorted.at(-1) ?? Number.NaN,
    failures,
    cpuMsPerRequest: cpuPerRequest(cpuBefore, cpuAfter, latencies.length),
    otherCpuShare: otherCpuShare(cpuBefore, cpuAfter, seconds, cpus().length),
    rssMaxMiB,
  };
}

async function fire(
  url: string, body: string, connections: number, seconds: number, latencies: number[] | null,
  { headers, freshHeaders, freshBody }: Pick<LoadSettings, 'headers' | 'freshHeaders' | 'freshBody'>,
) {
  const base = { 'content-type': 'application/json', ...headers };
  const setupRequest = (req: Record<string, unknown>) => ({
    ...req,
    ...(freshHeaders && { headers: { ...base, ...freshHeaders() } }),
    ...(freshBody && { body: freshBody() }),
  });
  const instance = autocannon({
    url,
    method: 'POST',
    headers: base,
    body,
    // autocannon rebuilds a request before each send only when it has a setupRequest.
    ...((freshHeaders ?? freshBody) && { requests: [{ setupRequest }] }),
    connections,
    duration: seconds,
    timeout: TIMEOUT_SECONDS,
    // A cheap substring test: JSON.parse of every body would load the generator's own CPU share.
    verifyBody: (text) => !text.includes('"errors"'),
  });
  if (latencies) {
    instance.on('response', (_client, status, _bytes, ms) => {
      if (status >= 200 && status < 300) latencies.push(ms);
    });
  }
  return await instance;
}

function failuresOf(result: AutocannonResult): number {
  return result.non2xx + result.errors + result.timeouts + result.mismatches;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, q: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
}
