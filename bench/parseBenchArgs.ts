/**
 * `npm run bench -- [flags]`. Defaults keep the side-by-side part near 15 minutes on a 2-core machine.
 */
import { parseArgs } from 'node:util';

/** The bench's parts: the side-by-side targets (the default) and cooperation between bureaus. */
export type BenchPart = 'side-by-side' | 'cooperation' | 'live';
const PARTS: readonly BenchPart[] = ['side-by-side', 'cooperation', 'live'];

export interface BenchOptions {
  /** Which parts run, by --part; only side-by-side when none is named. */
  readonly parts: readonly BenchPart[];
  /** Seconds of load per target before its first round (JIT, caches, keep-alive pools warm up). */
  readonly warmup: number;
  /**
   * Rounds: every scenario is measured once per round, the rounds one after another, so a peer and
   * ours are compared within minutes of each other, several times (the figures are the medians).
   */
  readonly rounds: number;
  /** Seconds measured per target under load, per round. */
  readonly duration: number;
  /** Concurrent connections of the loaded run. */
  readonly connections: number;
  /** Seconds measured per target with ONE connection (latency without queueing), per round; 0 skips it. */
  readonly serialDuration: number;
  /** Only these scenarios (by name); empty = all. */
  readonly scenarios: readonly string[];
  /**
   * Added latency of the simulated legacy systems (511600), as their `--latency` option. 0 by
   * default: `npm start`'s 20–60 ms would make every fan-out wait for the simulation.
   */
  readonly legacyLatency: string;
  /** The record-replay bureaus' fixed answer time, ms (replay-* scenarios). */
  readonly replayLatency: number;
  /** Reuse this seeded data folder instead of seeding a fresh temporary one. */
  readonly dataDir: string | null;
  /** Pass the children's stderr through. */
  readonly verbose: boolean;
  /** Cooperation: seconds of writes (and then of reads) at one connection. */
  readonly coopDuration: number;
  /** Cooperation: incidents whose notices are timed from the write's answer to each recipient's inbox. */
  readonly coopIncidents: number;
  /** Cooperation: bulletins queued for a stopped recipient, then timed until all are delivered. */
  readonly coopPending: number;
  /** Cooperation: concurrent sendBulletin requests while queueing them. */
  readonly coopConcurrency: number;
  /** Live (bench/live/): readingReported subscriptions open on one gateway, over `liveConnections` WebSockets. */
  readonly liveSubscribers: number;
  readonly liveConnections: number;
  /** Live: HJ 212 packets per second to 荣昌's ingest, for `liveSeconds`. */
  readonly liveRate: number;
  readonly liveSeconds: number;
}

export const USAGE = `npm run bench -- [--rounds 3] [--duration 5] [--warmup 2] [--connections 10] [--serial-duration 3]
                  [--scenario <name|prefix*>]... [--replay-latency 10] [--data-dir <seeded dir>]
                  [--legacy-latency 0] [--verbose]
                  [--part side-by-side|cooperation]... [--coop-duration 5] [--coop-incidents 200]
                  [--coop-pending 10000] [--coop-concurrency 8]
                  [--part live] [--live-subscribers 1000] [--live-connections 1000] [--live-rate 100] [--live-seconds 30]`;

export function parseBenchArgs(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      rounds: { type: 'string', default: '3' },
      duration: { type: 'string', default: '5' },
      warmup: { type: 'string', default: '2' },
      connections: { type: 'string', default: '10' },
      'serial-duration': { type: 'string', default: '3' },
      scenario: { type: 'string', multiple: true, default: [] },
      'data-dir': { type: 'string' },
      'legacy-latency': { type: 'string', default: '0' },
      'replay-latency': { type: 'string', default: '10' },
      verbose: { type: 'boolean', default: false },
      part: { type: 'string', multiple: true, default: [] },
      'coop-duration': { type: 'string', default: '5' },
      'coop-incidents': { type: 'string', default: '200' },
      'coop-pending': { type: 'string', default: '10000' },
      'coop-concurrency': { type: 'string', default: '8' },
      'live-subscribers': { type: 'string', default: '1000' },
      'live-connections': { type: 'string', default: '1000' },
      'live-rate': { type: 'string', default: '100' },
      'live-seconds': { type: 'string', default: '30' },
    },
    strict: true,
  });
  return Object.freeze({
    rounds: number(values.rounds, 'rounds', 1, 20),
    duration: number(values.duration, 'duration', 1, 600),
    warmup: number(values.warmup, 'warmup', 0, 60),
    connections: number(values.connections, 'connections', 1, 1000),
    serialDuration: number(values['serial-duration'], 'serial-duration', 0, 600),
    scenarios: values.scenario.flatMap((s) => s.split(',')).filter(Boolean),
    dataDir: values['data-dir'] ?? null,
    legacyLatency: latency(values['legacy-latency']),
    replayLatency: number(values['replay-latency'], 'replay-latency', 0, 10_000),
    verbose: values.verbose,
    parts: parts(values.part.flatMap((p) => p.split(',')).filter(Boolean)),
    coopDuration: number(values['coop-duration'], 'coop-duration', 1, 600),
    coopIncidents: number(values['coop-incidents'], 'coop-incidents', 1, 100_000),
    coopPending: number(values['coop-pending'], 'coop-pending', 1, 1_000_000),
    coopConcurrency: number(values['coop-concurrency'], 'coop-concurrency', 1, 256),
    liveSubscribers: number(values['live-subscribers'], 'live-subscribers', 1, 100_000),
    liveConnections: number(values['live-connections'], 'live-connections', 1, 100_000),
    liveRate: number(values['live-rate'], 'live-rate', 1, 10_000),
    liveSeconds: number(values['live-seconds'], 'live-seconds', 1, 3_600),
  });
}

function parts(named: readonly string[]): BenchPart[] {
  if (named.length === 0) return ['side-by-side'];
  const unknown = named.filter((p) => !PARTS.includes(p as BenchPart));
  if (unknown.length > 0) throw new Error(`Unknown part ${unknown.join(', ')}; choose from ${PARTS.join(', ')}.\n${USAGE}`);
  return PARTS.filter((p) => named.includes(p));
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
