/**
 * The comparisons issue 13 asks for, each with its target where it sets one: ours against every
 * peer (throughput, gateway CPU per request, memory), the gateway's overhead over the bureau asked
 * directly and over a pass-through that only relays bytes (what the hop alone costs), and fan-out to
 * 3 and 6 bureaus against 1. Each is computed twice where it can be: over
 * the real bureaus and over the record-replay ones ("replay"); the targets on fan-out and overhead
 * apply to the replay figures (fixed-latency bureaus), since the real ones measure six bureau
 * processes sharing two cores. The targets against the peers apply to the real bureau only: over
 * replay bureaus ten connections cannot bring more than ~1 000 req/s (10 ms each), so every gateway
 * reaches the same ceiling, none is busy, and throughput ratios there sit at ~1 by construction.
 * Ratios whose scenarios were not run (--scenario) are left out.
 *
 * With rounds, a ratio is worked out within each round (ours and the peer measured minutes apart at
 * most) and the median of those is reported, with their range: on a shared machine a whole target's
 * run can be a quarter slower than the next one's, which a ratio of medians would carry.
 */
import type { Ratio, ScenarioResult } from './BenchReport.ts';
import { median } from './median.ts';
import type { Measurement } from './measureTarget.ts';

type Pick = (m: Measurement, r: ScenarioResult) => number | null | undefined;
interface Target { readonly text: string; test(v: number): boolean }

const atLeast = (n: number): Target => ({ text: `≥ ${n}`, test: (v) => v >= n });
const atMost = (n: number, unit = ''): Target => ({ text: `≤ ${n}${unit}`, test: (v) => v <= n });

const PEERS = [
  { suffix: 'plain', label: 'plain Apollo' },
  { suffix: 'plain-undici', label: 'plain Apollo + undici' },
  { suffix: 'hive', label: 'Hive (dedup on)' },
  { suffix: 'hive-nodedup', label: 'Hive (dedup off)' },
] as const;

/**
 * Ours as shipped (in-flight deduplication on) is set against every peer; ours with it off against
 * the peers that do not deduplicate either. Issue 13's targets, by (ours, peer): throughput ours ÷
 * peer, gateway CPU ours ÷ peer, RSS ours ÷ peer.
 */
const OURS = [
  { suffix: 'gateway', label: 'ours', peers: ['plain', 'plain-undici', 'hive', 'hive-nodedup'] },
  { suffix: 'gateway-nodedup', label: 'ours (dedup off)', peers: ['plain', 'plain-undici', 'hive-nodedup'] },
] as const;
const TARGETS: Readonly<Record<string, { rps?: Target; cpu?: Target; rss?: Target }>> = {
  'gateway plain': { rss: atMost(1.2) },
  'gateway hive': { rps: atLeast(1.5) },
  'gateway-nodedup plain-undici': { rps: atLeast(1.2), cpu: atMost(0.8) },
};

export function computeRatios(results: readonly ScenarioResult[]): Ratio[] {
  const byName = new Map(results.map((r) => [r.name, r]));
  const roundCount = Math.min(...results.map((r) => r.rounds?.length ?? 0));
  // One view per round (each scenario as measured in that round), or the results as they are.
  const views = roundCount >= 2 && Number.isFinite(roundCount)
    ? Array.from({ length: roundCount }, (_, i) => new Map(results.map((r) => [r.name, { ...r, ...r.rounds![i]! }])))
    : [byName];
  const ratios: Ratio[] = [];
  const add = (name: string, a: string, b: string, mode: 'loaded' | 'serial', pick: Pick, op: 'div' | 'sub', target?: Target) => {
    const values = views.flatMap((view) => {
      const ra = view.get(a);
      const rb = view.get(b);
      const ma = ra?.[mode];
      const mb = rb?.[mode];
      if (!ra || !rb || !ma || !mb) return [];
      const va = pick(ma, ra);
      const vb = pick(mb, rb);
      if (va === null || va === undefined || vb === null || vb === undefined || !Number.isFinite(va) || !Number.isFinite(vb)) return [];
      return [op === 'div' ? va / vb : va - vb];
    });
    if (values.length === 0) return;
    const value = median(values);
    ratios.push({
      name, value, unit: op === 'div' ? '×' : 'ms',
      ...(values.length > 1 && { min: Math.min(...values), max: Math.max(...values) }),
      ...(target ? { target: target.text, met: target.test(value) } : {}),
    });
  };
  const rps: Pick = (m) => m.requestsPerSecond;
  const p50: Pick = (m) => m.p50Ms;
  const p99: Pick = (m) => m.p99Ms;
  const gatewayCpu: Pick = (m) => m.cpuMsPerRequest?.['gateway'];
  const rssAtStart: Pick = (_m, r) => r.rssAtStartMiB;
  const rssUnderLoad: Pick = (m) => m.rssMaxMiB;

  for (const prefix of ['', 'replay-']) {
    const tag = prefix ? ' (replay)' : '';
    const ours = `${prefix}single-gateway`;
    for (const us of OURS) {
      for (const peer of PEERS.filter((p) => (us.peers as readonly string[]).includes(p.suffix))) {
        const [a, b] = [`${prefix}single-${us.suffix}`, `${prefix}single-${peer.suffix}`];
        const targets = prefix ? {} : TARGETS[`${us.suffix} ${peer.suffix}`] ?? {};
        const name = (what: string) => `single${tag}: ${us.label} ÷ ${peer.label}, ${what}`;
        add(name('throughput'), a, b, 'loaded', rps, 'div', targets.rps);
        add(name('p50 (1 connection)'), a, b, 'serial', p50, 'div');
        add(name('gateway CPU per request'), a, b, 'loaded', gatewayCpu, 'div', targets.cpu);
        add(name('RSS at start'), a, b, 'loaded', rssAtStart, 'div');
        add(name('RSS under load'), a, b, 'loaded', rssUnderLoad, 'div', targets.rss);
      }
    }
    add(`single${tag}: direct ÷ ours, throughput (gateway overhead)`, `${prefix}single-direct`, ours, 'loaded', rps, 'div', prefix ? undefined : atMost(1.5));
    add(`single${tag}: ours − direct, p50 (1 connection)`, ours, `${prefix}single-direct`, 'serial', p50, 'sub', prefix ? undefined : atMost(0.5, ' ms'));
    for (const peer of PEERS) {
      add(`single${tag}: ${peer.label} − direct, p50 (1 connection)`, `${prefix}single-${peer.suffix}`, `${prefix}single-direct`, 'serial', p50, 'sub');
    }
    // The hop's own cost (one more Node process relaying bytes), and what a gateway's work adds on top.
    const passThrough = `${prefix}single-pass-through`;
    add(`single${tag}: pass-through − direct, p50 (1 connection)`, passThrough, `${prefix}single-direct`, 'serial', p50, 'sub');
    add(`single${tag}: ours − pass-through, p50 (1 connection)`, ours, passThrough, 'serial', p50, 'sub');
    add(`single${tag}: plain Apollo + undici − pass-through, p50 (1 connection)`, `${prefix}single-plain-undici`, passThrough, 'serial', p50, 'sub');
    if (prefix) {
      // The gateway's own time on a fan-out of one bureau: what it adds to the bureau's fixed answer time.
      add('fan-out (replay): 1 bureau − direct, p50 (1 connection)', 'replay-fanout-1', 'replay-single-direct', 'serial', p50, 'sub', atMost(1.5, ' ms'));
      add('fan-out (replay): 1 bureau − pass-through, p50 (1 connection)', 'replay-fanout-1', passThrough, 'serial', p50, 'sub');
    }
    for (const n of ['3', '6']) {
      const p50Target = prefix && n === '6' ? atMost(1.1) : undefined;
      const p99Target = prefix && n === '6' ? atMost(1.2) : undefined;
      add(`fan-out${tag} ${n} ÷ 1, p50 under load`, `${prefix}fanout-${n}`, `${prefix}fanout-1`, 'loaded', p50, 'div');
      add(`fan-out${tag} ${n} ÷ 1, p99 under load`, `${prefix}fanout-${n}`, `${prefix}fanout-1`, 'loaded', p99, 'div');
      add(`fan-out${tag} ${n} ÷ 1, p50 (1 connection)`, `${prefix}fanout-${n}`, `${prefix}fanout-1`, 'serial', p50, 'div', p50Target);
      add(`fan-out${tag} ${n} ÷ 1, p99 (1 connection)`, `${prefix}fanout-${n}`, `${prefix}fanout-1`, 'serial', p99, 'div', p99Target);
      add(`fan-out${tag} ${n} ÷ 1, gateway CPU per request`, `${prefix}fanout-${n}`, `${prefix}fanout-1`, 'loaded', gatewayCpu, 'div');
    }
  }
  return ratios;
}
