/** The outcome of one bench run, as printed and as written to bench/results/latest.json. */
import type { LiveResult } from './live/LiveResult.ts';
import type { CooperationResult } from './cooperation/CooperationResult.ts';
import type { CodeVersion } from './codeVersion.ts';
import type { MachineInfo } from './machineInfo.ts';
import type { Measurement } from './measureTarget.ts';
import type { GatewayKind, TargetName } from './scenarios.ts';

export interface ScenarioResult {
  readonly name: string;
  readonly label: string;
  readonly target: TargetName;
  readonly kind: GatewayKind;
  /** Behind record-replay bureaus (bench/replayBureaus.ts) rather than the real ones. */
  readonly replay: boolean;
  /** The gateway's resident memory once ready, before any request (MiB); null for a direct target. */
  readonly rssAtStartMiB: number | null;
  /** Under load: `connections` concurrent connections (each figure the median of the rounds). */
  readonly loaded: Measurement;
  /** One connection: latency without queueing (the rounds' medians). Null when skipped. */
  readonly serial: Measurement | null;
  /** Each round as measured, in order; absent in results written before rounds. */
  readonly rounds?: readonly ScenarioRound[];
}

/** One round of a scenario: its loaded run, then its one-connection run. */
export interface ScenarioRound {
  readonly loaded: Measurement;
  readonly serial: Measurement | null;
}

export interface Ratio {
  readonly name: string;
  readonly value: number;
  readonly unit: '×' | 'ms';
  /** With rounds: `value` is the median of the rounds' values, which range from `min` to `max`. */
  readonly min?: number;
  readonly max?: number;
  /** e.g. '≥ 2' — only for the targets. */
  readonly target?: string;
  readonly met?: boolean;
}

export interface BenchReport {
  readonly startedAt: string;
  readonly machine: MachineInfo;
  readonly code: CodeVersion;
  readonly settings: {
    readonly warmupSeconds: number;
    /** Rounds of every scenario, interleaved; durations are per round. Absent (1) before rounds. */
    readonly rounds?: number;
    readonly durationSeconds: number;
    readonly connections: number;
    readonly serialDurationSeconds: number;
    readonly data: string;
    /** The simulated legacy systems' added latency (`--legacy-latency`). */
    readonly legacyLatencyMs: string;
    /** The record-replay bureaus' fixed answer time (`--replay-latency`), when a replay scenario ran. */
    readonly replayLatencyMs?: number;
    /** The cooperation part's sizes (--coop-*), when it ran. */
    readonly cooperation?: { readonly durationSeconds: number; readonly incidents: number; readonly pending: number; readonly concurrency: number };
  };
  readonly queries: Readonly<Record<string, string>>;
  readonly scenarios: readonly ScenarioResult[];
  ratios: Ratio[];
  /** The cooperation part (--part cooperation); null when it did not run. */
  readonly cooperation: CooperationResult | null;
  /** The live part (--part live); absent when it did not run. */
  readonly live?: LiveResult | null;
}
