/**
 * One scenario on its (already started) target. First `prepareScenario`: check the answer, warm up. Then, in
 * each round, `measureRound`: the loaded run, then the one-connection run. The loaded run shows
 * throughput (and latency with queueing); the one-connection run shows what a single request costs
 * end to end, which is what the fan-out latency target is about.
 *
 * The bench interleaves rounds of every scenario (bench.main.ts): on a shared virtual machine the
 * same target measured a minute apart differs by a quarter, so a peer is compared with ours in the
 * same round, and the figures are the rounds' medians (`combineRounds`). A round starts once the
 * machine is quiet (the idle targets' own after-work included).
 *
 * Behind record-replay bureaus, the check is the recording pass: the bureaus pass it to the real
 * ones and keep their answers; then they switch to replaying, and the rounds are measured. A request
 * they had not recorded is an error response (so a failure) and is counted again here.
 */
import type { ScenarioResult, ScenarioRound } from './BenchReport.ts';
import { measureTarget, type Measurement } from './measureTarget.ts';
import { median } from './median.ts';
import { waitForQuiet, type CpuGroups } from './processCpu.ts';
import type { BenchOptions } from './parseBenchArgs.ts';
import type { Fixtures } from './probeFixtures.ts';
import type { Scenario } from './scenarios.ts';
import type { Target } from './startTarget.ts';
import { verifyTarget } from './verifyTarget.ts';

/** Once the target is warm (JIT, caches, pools), a second before each round fills the connections again. */
const ROUND_WARMUP_SECONDS = 1;

/**
 * Checks the answer (behind replay bureaus: records what it asks for), then warms the target up
 * under load for `--warmup` seconds, so that every round finds it equally warm. Leaves the replay
 * bureaus replaying.
 */
export async function prepareScenario(
  scenario: Scenario, target: Target, body: string, fixtures: Fixtures, options: BenchOptions, say: (text: string) => void,
): Promise<void> {
  await target.replay?.record();
  await verifyTarget(scenario, target, body, fixtures);
  await target.replay?.replay();
  if (options.warmup === 0) return;
  say(`${scenario.name}: ${options.warmup} s warm-up at ${options.connections} connections …`);
  const warmup = await measureTarget(target.url, body, {
    connections: options.connections, warmupSeconds: 0, durationSeconds: options.warmup, headers: target.headers, freshHeaders: target.freshHeaders,
  });
  if (warmup.failures > 0) throw new Error(`${scenario.name}: ${warmup.failures} requests failed while warming up`);
}

export async function measureRound(
  scenario: Scenario, target: Target, body: string, options: BenchOptions, round: number, say: (text: string) => void,
  subgraphCpu: CpuGroups,
): Promise<ScenarioRound> {
  const quiet = await waitForQuiet();
  if (quiet && !quiet.quiet) say(`${scenario.name}: the machine stayed busy (${(quiet.share * 100).toFixed(0)} % of the cores) before this round; measuring anyway`);
  const missesBefore = (await target.replay?.stats())?.misses ?? 0;
  const cpu: CpuGroups = target.pid === null ? subgraphCpu : { gateway: [target.pid], ...subgraphCpu };
  const settings = { cpu, headers: target.headers, freshHeaders: target.freshHeaders, rssPid: target.pid };
  const warmup = Math.min(options.warmup, ROUND_WARMUP_SECONDS);
  const of = `round ${round + 1}/${options.rounds}`;
  say(`${scenario.name} (${of}): ${warmup} s warm-up + ${options.duration} s at ${options.connections} connections …`);
  const loaded = await measureTarget(target.url, body, {
    connections: options.connections, warmupSeconds: warmup, durationSeconds: options.duration, ...settings,
  });
  let serial: Measurement | null = null;
  if (options.serialDuration > 0) {
    say(`${scenario.name} (${of}): ${options.serialDuration} s at 1 connection …`);
    serial = await measureTarget(target.url, body, {
      connections: 1, warmupSeconds: warmup, durationSeconds: options.serialDuration, ...settings,
    });
  }
  const misses = ((await target.replay?.stats())?.misses ?? 0) - missesBefore;
  if (misses > 0) say(`${scenario.name}: the replay bureaus had no recording for ${misses} requests (answered as errors)`);
  const failures = loaded.failures + (serial?.failures ?? 0);
  say(`${scenario.name} (${of}): ${loaded.requestsPerSecond.toFixed(0)} req/s, p50 ${loaded.p50Ms.toFixed(2)} ms, p99 ${loaded.p99Ms.toFixed(2)} ms` +
    (serial ? `; 1 connection: p50 ${serial.p50Ms.toFixed(2)} ms` : '') + (failures > 0 ? `; ${failures} FAILED REQUESTS` : ''));
  return { loaded: misses > 0 ? { ...loaded, failures: loaded.failures + misses } : loaded, serial };
}

/** A scenario's figures over its rounds: each the rounds' median; memory the most, failures the sum. */
export function combineRounds(scenario: Scenario, target: Target, rounds: readonly ScenarioRound[]): ScenarioResult {
  const serials = rounds.flatMap((r) => (r.serial ? [r.serial] : []));
  return {
    name: scenario.name, label: scenario.label, target: scenario.target, kind: target.kind, replay: target.replay !== null,
    rssAtStartMiB: target.rssAtStartMiB,
    loaded: combineMeasurements(rounds.map((r) => r.loaded)),
    serial: serials.length === rounds.length && serials.length > 0 ? combineMeasurements(serials) : null,
    rounds,
  };
}

export function combineMeasurements(measurements: readonly Measurement[]): Measurement {
  const [first] = measurements;
  if (first === undefined) throw new Error('no measurement to combine');
  const med = (pick: (m: Measurement) => number) => median(measurements.map(pick));
  const most = (pick: (m: Measurement) => number | null) => {
    const known = measurements.map(pick).filter((v): v is number => v !== null);
    return known.length === 0 ? null : Math.max(...known);
  };
  const cpuGroups = [...new Set(measurements.flatMap((m) => Object.keys(m.cpuMsPerRequest ?? {})))];
  return {
    connections: first.connections,
    seconds: measurements.reduce((sum, m) => sum + m.seconds, 0),
    requests: measurements.reduce((sum, m) => sum + m.requests, 0),
    requestsPerSecond: med((m) => m.requestsPerSecond),
    p50Ms: med((m) => m.p50Ms),
    p90Ms: med((m) => m.p90Ms),
    p99Ms: med((m) => m.p99Ms),
    maxMs: Math.max(...measurements.map((m) => m.maxMs)),
    failures: measurements.reduce((sum, m) => sum + m.failures, 0),
    cpuMsPerRequest: first.cpuMsPerRequest === null ? null
      : Object.fromEntries(cpuGroups.map((group) => [group, med((m) => m.cpuMsPerRequest?.[group] ?? Number.NaN)])),
    otherCpuShare: most((m) => m.otherCpuShare),
    rssMaxMiB: most((m) => m.rssMaxMiB),
  };
}
