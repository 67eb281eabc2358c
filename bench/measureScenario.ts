/**
 * One scenario on its (already started) target: check the answer, then the loaded run, then the
 * one-connection run. The loaded run shows throughput (and latency with queueing); the
 * one-connection run shows what a single request costs end to end, which is what the fan-out
 * latency target is about.
 */
import type { ScenarioResult } from './BenchReport.ts';
import { measureTarget } from './measureTarget.ts';
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
  await verifyTarget(scenario, target, body, fixtures);
  const cpu: CpuGroups = target.pid === null ? subgraphCpu : { gateway: [target.pid], ...subgraphCpu };
  say(`${scenario.name}: ${options.warmup} s warm-up + ${options.duration} s at ${options.connections} connections …`);
  const loaded = await measureTarget(target.url, body, {
    connections: options.connections, warmupSeconds: options.warmup, durationSeconds: options.duration, cpu, headers: target.headers, freshHeaders: target.freshHeaders,
  });
  let serial = null;
  if (options.serialDuration > 0) {
    say(`${scenario.name}: ${options.serialDuration} s at 1 connection …`);
    serial = await measureTarget(target.url, body, {
      connections: 1, warmupSeconds: SERIAL_WARMUP_SECONDS, durationSeconds: options.serialDuration, cpu, headers: target.headers, freshHeaders: target.freshHeaders,
    });
  }
  const failures = loaded.failures + (serial?.failures ?? 0);
  say(`${scenario.name}: ${loaded.requestsPerSecond.toFixed(0)} req/s, p50 ${loaded.p50Ms.toFixed(2)} ms, p99 ${loaded.p99Ms.toFixed(2)} ms` +
    (serial ? `; 1 connection: p50 ${serial.p50Ms.toFixed(2)} ms` : '') + (failures > 0 ? `; ${failures} FAILED REQUESTS` : ''));
  return { name: scenario.name, label: scenario.label, target: scenario.target, loaded, serial };
}
