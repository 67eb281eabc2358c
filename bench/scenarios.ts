/**
 * The side-by-side scenarios: which query goes to which target. Targets are the processes the bench
 * starts; several scenarios may share one (our gateway with one bureau serves two).
 */
export type TargetName = 'direct' | 'gateway-1' | 'gateway-3' | 'gateway-6' | 'plain';

export interface Scenario {
  readonly name: string;
  readonly label: string;
  readonly query: 'single' | 'fanout';
  readonly target: TargetName;
}

export const SCENARIOS: readonly Scenario[] = [
  { name: 'single-direct', label: 'single bureau, direct to the subgraph', query: 'single', target: 'direct' },
  { name: 'single-gateway', label: 'single bureau, our gateway', query: 'single', target: 'gateway-1' },
  { name: 'single-plain', label: 'single bureau, plain Apollo Gateway', query: 'single', target: 'plain' },
  { name: 'fanout-1', label: 'fan-out, our gateway, 1 bureau', query: 'fanout', target: 'gateway-1' },
  { name: 'fanout-3', label: 'fan-out, our gateway, 3 bureaus', query: 'fanout', target: 'gateway-3' },
  { name: 'fanout-6', label: 'fan-out, our gateway, 6 bureaus', query: 'fanout', target: 'gateway-6' },
];

/** The bureau of the single-bureau scenarios and of the 1-bureau registry. */
export const SINGLE_BUREAU = '510900';

/** Registries of the fan-out scenarios; each includes the smaller ones. */
export const FAN_OUT_BUREAUS: Readonly<Record<'gateway-1' | 'gateway-3' | 'gateway-6', readonly string[]>> = {
  'gateway-1': [SINGLE_BUREAU],
  'gateway-3': [SINGLE_BUREAU, '500000', '500152'],
  'gateway-6': [SINGLE_BUREAU, '500000', '500152', '500153', '510500', '511600'],
};

/** Scenarios picked by --scenario, in the table's order. */
export function selectScenarios(names: readonly string[]): Scenario[] {
  if (names.length === 0) return [...SCENARIOS];
  const unknown = names.filter((n) => !SCENARIOS.some((s) => s.name === n));
  if (unknown.length > 0) {
    throw new Error(`Unknown scenario ${unknown.join(', ')}; choose from ${SCENARIOS.map((s) => s.name).join(', ')}.`);
  }
  return SCENARIOS.filter((s) => names.includes(s.name));
}
