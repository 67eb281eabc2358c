/**
 * `npm run bench -- [flags]`. Defaults keep the whole run under ~3 minutes on a 2-core machine.
 */
import { parseArgs } from 'node:util';

export interface BenchOptions {
  /** Seconds of load per target before measuring (JIT, caches, keep-alive pools warm up). */
  readonly warmup: number;
  /** Seconds measured per target under load. */
  readonly duration: number;
  /** Concurrent connections of the loaded run. */
  readonly connections: number;
  /** Seconds measured per target with ONE connection (latency without queueing); 0 skips it. */
  readonly serialDuration: number;
  /** Only these scenarios (by name); empty = all. */
  readonly scenarios: readonly string[];
  /**
   * Added latency of the simulated legacy systems (511600), as their `--latency` option. 0 by
   * default: `npm start`'s 20–60 ms would make every fan-out wait for the simulation.
   */
  readonly legacyLatency: string;
  /** Reuse this seeded data folder instead of seeding a fresh temporary one. */
  readonly dataDir: string | null;
  /** Pass the children's stderr through. */
  readonly verbose: boolean;
}

export const USAGE = `npm run bench -- [--duration 10] [--warmup 2] [--connections 10] [--serial-duration 5]
                  [--scenario <name>]... [--data-dir <seeded dir>] [--legacy-latency 0] [--verbose]`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      duration: { type: 'string', default: '10' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      'serial-duration': { type: 'string', default: '5' },
      scenario: { type: 'string', multiple: true, default: [] },
      'data-dir': { type: 'string' },
      'legacy-latency': { type: 'string', default: '0' },
      verbose: { type: 'boolean', default: false },
    },
    strict: true,
  });
  return Object.freeze({
    duration: number(values.duration, 'duration', 1, 600),
    warmup: number(values.warmup, 'warmup', 0, 60),
    connections: number(values.connections, 'connections', 1, 1000),
    serialDuration: number(values['serial-duration'], 'serial-duration', 0, 600),
    scenarios: values.scenario.flatMap((s) => s.split(',')).filter(Boolean),
    dataDir: values['data-dir'] ?? null,
    legacyLatency: latency(values['legacy-latency']),
    verbose: values.verbose,
  });
}

function latency(raw: string): string {
  if (!/^\d+(-\d+)?$/.test(raw)) throw new Error(`--legacy-latency must be "MS" or "MIN-MAX", got "${raw}".\n${USAGE}`);
  return raw;
}

function number(raw: string, flag: string, min: number, max: number): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new Error(`--${flag} must be an integer from ${min} to ${max}, got "${raw}".\n${USAGE}`);
  }
  return value;
}
