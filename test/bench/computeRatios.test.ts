import { describe, expect, it } from 'vitest';
import type { ScenarioResult } from '../../bench/BenchReport.ts';
import { computeRatios } from '../../bench/computeRatios.ts';
import type { Measurement } from '../../bench/measureTarget.ts';
import type { GatewayKind, TargetName } from '../../bench/scenarios.ts';

function measured(rps: number, p50: number, gatewayCpu: number | null, rss: number | null): Measurement {
  return {
    connections: 10, seconds: 10, requests: rps * 10, requestsPerSecond: rps, p50Ms: p50, p90Ms: p50, p99Ms: p50 * 2, maxMs: p50 * 3,
    failures: 0, cpuMsPerRequest: gatewayCpu === null ? null : { gateway: gatewayCpu }, otherCpuShare: 0, rssMaxMiB: rss,
  };
}

function scenario(name: string, kind: GatewayKind, rps: number, p50: number, gatewayCpu: number | null, rss: number | null): ScenarioResult {
  return {
    name, label: name, target: 'direct' as TargetName, kind, replay: name.startsWith('replay-'), rssAtStartMiB: rss === null ? null : rss - 10,
    loaded: measured(rps, p50, gatewayCpu, rss), serial: measured(rps / 10, p50, gatewayCpu, rss),
  };
}

describe('computeRatios', () => {
  const results = [
    scenario('single-direct', 'direct', 2000, 0.5, null, null),
    scenario('single-gateway', 'ours', 1000, 1.0, 0.6, 200),
    scenario('single-gateway-nodedup', 'ours-nodedup', 960, 1.0, 0.4, 200),
    scenario('single-plain-undici', 'plain-undici', 800, 1.2, 0.5, 130),
    scenario('single-hive', 'hive', 2000, 0.8, 0.4, 150),
  ];
  const byName = new Map(computeRatios(results).map((r) => [r.name, r]));

  it('divides ours by each peer that ran, with issue 13 targets where it sets them', () => {
    expect(byName.get('single: ours (dedup off) ÷ plain Apollo + undici, throughput')).toMatchObject({ value: 1.2, target: '≥ 1.2', met: true });
    expect(byName.get('single: ours ÷ Hive (dedup on), throughput')).toMatchObject({ value: 0.5, target: '≥ 1.5', met: false });
    expect(byName.get('single: ours (dedup off) ÷ plain Apollo + undici, gateway CPU per request')).toMatchObject({ value: 0.8, target: '≤ 0.8', met: true });
    expect(byName.get('single: ours ÷ plain Apollo + undici, gateway CPU per request')).toMatchObject({ value: 1.2 });
    expect(byName.get('single: ours ÷ plain Apollo + undici, gateway CPU per request')?.target).toBeUndefined();
    expect(byName.get('single: ours ÷ Hive (dedup on), RSS under load')?.value).toBeCloseTo(200 / 150);
    expect(byName.get('single: ours ÷ Hive (dedup on), RSS at start')?.value).toBeCloseTo(190 / 140);
  });

  it('reports the overhead over the bureau asked directly', () => {
    expect(byName.get('single: direct ÷ ours, throughput (gateway overhead)')).toMatchObject({ value: 2, met: false });
    expect(byName.get('single: ours − direct, p50 (1 connection)')).toMatchObject({ value: 0.5, unit: 'ms', met: true });
  });

  it("splits the overhead at one connection into the hop's (a pass-through relaying bytes) and the gateway's own work", () => {
    const withHop = new Map(computeRatios([...results, scenario('single-pass-through', 'pass-through', 1800, 0.7, 0.1, 60)]).map((r) => [r.name, r]));
    expect(withHop.get('single: pass-through − direct, p50 (1 connection)')?.value).toBeCloseTo(0.2);
    expect(withHop.get('single: ours − pass-through, p50 (1 connection)')?.value).toBeCloseTo(0.3);
    expect(withHop.get('single: plain Apollo + undici − pass-through, p50 (1 connection)')?.value).toBeCloseTo(0.5);
    expect(byName.has('single: ours − pass-through, p50 (1 connection)')).toBe(false);
  });

  it('never sets ours without deduplication against a peer that deduplicates', () => {
    expect(byName.has('single: ours (dedup off) ÷ Hive (dedup on), throughput')).toBe(false);
  });

  it('sets the targets against the peers on the real bureau only, not over latency-bound replay bureaus', () => {
    const replayed = new Map(computeRatios(results.map((r) => ({ ...r, name: `replay-${r.name}`, replay: true }))).map((r) => [r.name, r]));
    const throughput = replayed.get('single (replay): ours (dedup off) ÷ plain Apollo + undici, throughput');
    expect(throughput?.value).toBeCloseTo(1.2);
    expect(throughput).not.toHaveProperty('target');
    expect(replayed.get('single (replay): ours ÷ Hive (dedup on), throughput')).not.toHaveProperty('met');
  });

  it('leaves out the comparisons whose scenarios did not run', () => {
    expect([...byName.keys()].some((n) => n.includes('plain Apollo,') || n.includes('(replay)') || n.startsWith('fan-out'))).toBe(false);
  });
});

describe('computeRatios over rounds', () => {
  const rounds = (name: string, kind: GatewayKind, perRound: readonly [rps: number, cpu: number][]): ScenarioResult => {
    const measuredRounds = perRound.map(([rps, cpu]) => ({ loaded: measured(rps, 1, cpu, 200), serial: null }));
    return { ...scenario(name, kind, 0, 1, 0, 200), serial: null, rounds: measuredRounds };
  };
  // The machine slowed down in round 2 and a little in round 3: both targets lost alike, so within
  // each round the ratio is 1.2, 1.2, 1.26; the ratio of their medians (1134 ÷ 900) would be 1.26.
  const results = [
    rounds('single-gateway-nodedup', 'ours-nodedup', [[1200, 0.4], [792, 0.6], [1134, 0.42]]),
    rounds('single-plain-undici', 'plain-undici', [[1000, 0.5], [660, 0.75], [900, 0.5]]),
  ];
  const byName = new Map(computeRatios(results).map((r) => [r.name, r]));

  it("takes the median of the ratios within each round, with their range, not the ratio of the scenarios' medians", () => {
    const throughput = byName.get('single: ours (dedup off) ÷ plain Apollo + undici, throughput')!;
    expect(throughput.value).toBeCloseTo(1.2);
    expect(throughput.min).toBeCloseTo(1.2);
    expect(throughput.max).toBeCloseTo(1.26);
    expect(throughput.met).toBe(true);
    const cpu = byName.get('single: ours (dedup off) ÷ plain Apollo + undici, gateway CPU per request')!;
    expect(cpu.value).toBeCloseTo(0.8);
    expect(cpu).toMatchObject({ target: '≤ 0.8', met: true });
  });

  it('gives a plain value, without a range, for results of one round', () => {
    const single = computeRatios(results.map((r) => ({ ...r, rounds: r.rounds!.slice(0, 1) })));
    expect(single.find((r) => r.name.endsWith('throughput'))).not.toHaveProperty('min');
  });
});
