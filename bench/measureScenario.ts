/**
 * One scenario on its (already started) target: check the answer, then the loaded run, then the
 * one-connection run. The loaded run shows throughput (and latency with queueing); the
 * one-connection run shows what a single request costs end to end, which is what the fan-out
 * latency target is about.
 *
 * Behind record-replay bureaus, the check is the recording pass: the bureaus pass it to the real
 * ones and keep their answers; then they switch to replaying, and the runs are measured. A request
 * they had not recorded is an error response (so a failure) and is counted again here.
 */
import type { ScenarioResult } from './BenchReport.ts';
import { measureTarget, type Measurement } from './measureTarget.ts';
import type { CpuGroups } from './processCpu.ts';
import type { BenchOptions } from './parseBenchArgs.ts';
import type { Fixtures } from './probeFixtures.ts';
import type { Scenario } from './scenarios.ts';
import type { Target } from './startTarget.ts';
import { verifyTarget } from './verifyTarget.ts';

const SERIAL_WARMUP_SECONDS = 1; // the loaded run just warmed the target up

export async function measureScenario(
  scenario: Scenario, target: Target, body: string, fixtures: Fixtures, options: BenchOptions, say: (text: string) => void,
  subgraphCpu: CpuGroups,
): Promise<ScenarioResult> {
  await target.replay?.record();
  await verifyTarget(scenario, target, body, fixtures);
  const missesBefore = (await target.replay?.replay())?.misses ?? 0;
  const cpu: CpuGroups = target.pid === null ? subgraphCpu : { gateway: [target.pid], ...subgraphCpu };
  const settings = { cpu, headers: target.headers, freshHeaders: target.freshHeaders, rssPid: target.pid };
  say(`${scenario.name}: ${options.warmup} s warm-up + ${options.duration} s at ${options.connections} connections …`);
  const loaded = await measureTarget(target.url, body, {
    connections: options.connections, warmupSeconds: options.warmup, durationSeconds: options.duration, ...settings,
  });
  let serial: Measurement | null = null;
  if (options.serialDuration > 0) {
    say(`${scenario.name}: ${options.serialDuration} s at 1 connection …`);
    serial = await measureTarget(target.url, body, {
      connections: 1, warmupSeconds: SERIAL_WARMUP_SECONDS, durationSeconds: options.serialDuration, ...settings,
    });
  }
  const misses = ((await target.replay?.stats())?.misses ?? 0) - missesBefore;
  if (misses > 0) say(`${scenario.name}: the replay bureaus had no recording for ${misses} requests (answered as errors)`);
  const failures = loaded.failures + (serial?.failures ?? 0);
  say(`${scenario.name}: ${loaded.requestsPerSecond.toFixed(0)} req/s, p50 ${loaded.p50Ms.toFixed(2)} ms, p99 ${loaded.p99Ms.toFixed(2)} ms` +
    (serial ? `; 1 connection: p50 ${serial.p50Ms.toFixed(2)} ms` : '') + (failures > 0 ? `; ${failures} FAILED REQUESTS` : ''));
  return {
    name: scenario.name, label: scenario.label, target: scenario.target, kind: target.kind, replay: target.replay !== null,
    rssAtStartMiB: target.rssAtStartMiB,
    loaded: misses > 0 ? { ...loaded, failures: loaded.failures + misses } : loaded,
    serial,
  };
}
