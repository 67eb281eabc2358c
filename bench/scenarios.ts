/**
 * The side-by-side scenarios: which query goes to which target. Targets are the processes the bench
 * starts; several scenarios may share one (our gateway with one bureau serves two).
 *
 * Every target exists twice: in front of the real bureau processes, and in front of record-replay
 * bureaus (bench/replayBureaus.ts) that answer what the real ones answered after a fixed latency.
 * The first measures the whole federation on this machine (bureaus included, sharing the cores);
 * the second measures the gateway's own cost and fan-out with bureaus that cost almost nothing.
 */

/**
 * What is in front of the bureaus: nothing (direct), a pass-through that only relays bytes (the
 * floor under any gateway: bench/passThroughProxy.ts), ours (as shipped, or with its in-flight
 * deduplication of bureau requests off), or a peer a user would pick instead.
 */
export type GatewayKind = 'direct' | 'pass-through' | 'ours' | 'ours-nodedup' | 'plain' | 'plain-undici' | 'hive' | 'hive-nodedup';

export interface TargetSpec {
  readonly kind: GatewayKind;
  /** Bureaus behind it (its registry for ours; the one composed bureau for the peers). */
  readonly bureaus: readonly string[];
  /** Behind record-replay bureaus instead of the real processes. */
  readonly replay: boolean;
}

/** The bureau of the single-bureau scenarios and of the 1-bureau registry. */
export const SINGLE_BUREAU = '510900';
const ONE = [SINGLE_BUREAU];
const THREE = [SINGLE_BUREAU, '500000', '500152'];
const SIX = [SINGLE_BUREAU, '500000', '500152', '500153', '510500', '511600'];

/** Every target, in the order the bench runs them (each started once and stopped before the next). */
export const TARGETS = {
  'direct': { kind: 'direct', bureaus: ONE, replay: false },
  'pass-through': { kind: 'pass-through', bureaus: ONE, replay: false },
  'gateway-1': { kind: 'ours', bureaus: ONE, replay: false },
  'gateway-1-nodedup': { kind: 'ours-nodedup', bureaus: ONE, replay: false },
  'plain': { kind: 'plain', bureaus: ONE, replay: false },
  'plain-undici': { kind: 'plain-undici', bureaus: ONE, replay: false },
  'hive': { kind: 'hive', bureaus: ONE, replay: false },
  'hive-nodedup': { kind: 'hive-nodedup', bureaus: ONE, replay: false },
  'gateway-3': { kind: 'ours', bureaus: THREE, replay: false },
  'gateway-6': { kind: 'ours', bureaus: SIX, replay: false },
  'replay-direct': { kind: 'direct', bureaus: ONE, replay: true },
  'replay-pass-through': { kind: 'pass-through', bureaus: ONE, replay: true },
  'replay-gateway-1': { kind: 'ours', bureaus: ONE, replay: true },
  'replay-gateway-1-nodedup': { kind: 'ours-nodedup', bureaus: ONE, replay: true },
  'replay-plain': { kind: 'plain', bureaus: ONE, replay: true },
  'replay-plain-undici': { kind: 'plain-undici', bureaus: ONE, replay: true },
  'replay-hive': { kind: 'hive', bureaus: ONE, replay: true },
  'replay-hive-nodedup': { kind: 'hive-nodedup', bureaus: ONE, replay: true },
  'replay-gateway-3': { kind: 'ours', bureaus: THREE, replay: true },
  'replay-gateway-6': { kind: 'ours', bureaus: SIX, replay: true },
} as const satisfies Record<string, TargetSpec>;

export type TargetName = keyof typeof TARGETS;
export const TARGET_ORDER = Object.keys(TARGETS) as TargetName[];

export interface Scenario {
  readonly name: string;
  readonly label: string;
  readonly query: 'single' | 'fanout';
  readonly target: TargetName;
}

const REAL: readonly Scenario[] = [
  { name: 'single-direct', label: 'single bureau, direct to the subgraph', query: 'single', target: 'direct' },
  { name: 'single-pass-through', label: 'single bureau, HTTP pass-through (no GraphQL: the floor)', query: 'single', target: 'pass-through' },
  { name: 'single-gateway', label: 'single bureau, our gateway (dedup on)', query: 'single', target: 'gateway-1' },
  { name: 'single-gateway-nodedup', label: 'single bureau, our gateway, dedup off', query: 'single', target: 'gateway-1-nodedup' },
  { name: 'single-plain', label: 'single bureau, plain Apollo Gateway', query: 'single', target: 'plain' },
  { name: 'single-plain-undici', label: 'single bureau, plain Apollo Gateway + undici fetcher', query: 'single', target: 'plain-undici' },
  { name: 'single-hive', label: 'single bureau, Hive Gateway + Rust planner (dedup on)', query: 'single', target: 'hive' },
  { name: 'single-hive-nodedup', label: 'single bureau, Hive Gateway + Rust planner, dedup off', query: 'single', target: 'hive-nodedup' },
  { name: 'fanout-1', label: 'fan-out, our gateway, 1 bureau', query: 'fanout', target: 'gateway-1' },
  { name: 'fanout-3', label: 'fan-out, our gateway, 3 bureaus', query: 'fanout', target: 'gateway-3' },
  { name: 'fanout-6', label: 'fan-out, our gateway, 6 bureaus', query: 'fanout', target: 'gateway-6' },
];

/** The same scenarios over record-replay bureaus: `replay-<name>`, labelled "(replay)". */
export const SCENARIOS: readonly Scenario[] = [
  ...REAL,
  ...REAL.map((s) => ({ ...s, name: `replay-${s.name}`, label: `${s.label} (replay)`, target: `replay-${s.target}` as TargetName })),
];

/** Scenarios picked by --scenario (a trailing `*` matches a prefix), in the table's order. */
export function selectScenarios(names: readonly string[]): Scenario[] {
  if (names.length === 0) return [...SCENARIOS];
  const matches = (pattern: string, name: string) => (pattern.endsWith('*') ? name.startsWith(pattern.slice(0, -1)) : name === pattern);
  const unknown = names.filter((n) => !SCENARIOS.some((s) => matches(n, s.name)));
  if (unknown.length > 0) {
    throw new Error(`Unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.map((s) => s.name).join(', ')}.`);
  }
  return SCENARIOS.filter((s) => names.some((n) => matches(n, s.name)));
}
