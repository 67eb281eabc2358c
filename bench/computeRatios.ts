/**
 * The comparisons the issue asks for, with its two targets: our gateway ≥ 2× the plain Apollo
 * Gateway's single-bureau throughput, and fan-out to 6 bureaus ≤ 1.5× the latency of 1. Ratios
 * whose scenarios were not run (--scenario) are left out.
 */
import type { Ratio, ScenarioResult } from './BenchReport.ts';
import type { Measurement } from './measureTarget.ts';

type Pick = (m: Measurement) => number;

export function computeRatios(results: readonly ScenarioResult[]): Ratio[] {
  const byName = new Map(results.map((r) => [r.name, r]));
  const ratios: Ratio[] = [];
  const add = (name: string, a: string, b: string, mode: 'loaded' | 'serial', pick: Pick, op: 'div' | 'sub', target?: { text: string; test: (v: number) => boolean }) => {
    const ma = byName.get(a)?.[mode];
    const mb = byName.get(b)?.[mode];
    if (!ma || !mb) return;
    const value = op === 'div' ? pick(ma) / pick(mb) : pick(ma) - pick(mb);
    ratios.push({ name, value, unit: op === 'div' ? '×' : 'ms', ...(target ? { target: target.text, met: target.test(value) } : {}) });
  };
  const rps: Pick = (m) => m.requestsPerSecond;
  const p50: Pick = (m) => m.p50Ms;
  const p99: Pick = (m) => m.p99Ms;
  const atLeast2 = { text: '≥ 2', test: (v: number) => v >= 2 };
  const atMost15 = { text: '≤ 1.5', test: (v: number) => v <= 1.5 };

  add('single: our gateway ÷ plain Apollo, throughput', 'single-gateway', 'single-plain', 'loaded', rps, 'div', atLeast2);
  add('single: plain Apollo ÷ our gateway, p50 (1 connection)', 'single-plain', 'single-gateway', 'serial', p50, 'div');
  add('single: direct ÷ our gateway, throughput (gateway overhead)', 'single-direct', 'single-gateway', 'loaded', rps, 'div');
  add('single: our gateway − direct, p50 (1 connection)', 'single-gateway', 'single-direct', 'serial', p50, 'sub');
  add('single: plain Apollo − direct, p50 (1 connection)', 'single-plain', 'single-direct', 'serial', p50, 'sub');
  for (const n of ['3', '6']) {
    const target = n === '6' ? atMost15 : undefined;
    add(`fan-out ${n} ÷ 1, p50 under load`, `fanout-${n}`, 'fanout-1', 'loaded', p50, 'div', target);
    add(`fan-out ${n} ÷ 1, p99 under load`, `fanout-${n}`, 'fanout-1', 'loaded', p99, 'div', target);
    add(`fan-out ${n} ÷ 1, p50 (1 connection)`, `fanout-${n}`, 'fanout-1', 'serial', p50, 'div', target);
    add(`fan-out ${n} ÷ 1, p99 (1 connection)`, `fanout-${n}`, 'fanout-1', 'serial', p99, 'div', target);
  }
  return ratios;
}
