/**
 * Prints a `.cpuprofile` as Markdown tables: the top functions by self and by inclusive time, and the
 * time per place (package, repository folder, Node internals), as a share of busy time and, given
 * the requests answered in the window, as µs per request.
 *
 *   npx tsx bench/profileSummary.main.ts <file.cpuprofile> [--from 5] [--to 20] [--requests 13600] [--top 25] [--timeline]
 *
 * --from/--to: seconds from the profile's start (use --timeline first to see where the load ran).
 * To profile our gateway under the bench's load:
 *   BENCH_GATEWAY_NODE_ARGS='--cpu-prof --cpu-prof-dir=/tmp/prof' npm run bench -- --scenario single-gateway-nodedup
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { table } from './markdownTable.ts';
import { profileSummary, type CpuProfile, type ProfileRow } from './profileSummary.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    from: { type: 'string' }, to: { type: 'string' }, requests: { type: 'string' },
    top: { type: 'string', default: '25' }, timeline: { type: 'boolean', default: false },
  },
});
const file = positionals[0];
if (file === undefined) throw new Error('usage: profileSummary.main.ts <file.cpuprofile> [--from s] [--to s] [--requests n] [--top n] [--timeline]');
const seconds = (value: string | undefined) => (value === undefined ? undefined : Number(value) * 1000);
const profile = JSON.parse(readFileSync(file, 'utf8')) as CpuProfile;
const summary = profileSummary(profile, { fromMs: seconds(values.from), toMs: seconds(values.to) });
const requests = values.requests === undefined ? null : Number(values.requests);
const top = Number(values.top);

if (values.timeline) {
  console.log('busy ms per second of the profile:');
  console.log(summary.timeline.map((ms, s) => `${s}s ${Math.round(ms)}`).join('  '));
  console.log();
}
console.log(`window ${(summary.windowMs / 1000).toFixed(1)} s, busy ${(summary.busyMs / 1000).toFixed(2)} s`
  + (requests ? `, ${requests} requests: ${(summary.busyMs / requests).toFixed(3)} ms busy per request` : ''));
console.log();
const row = (r: ProfileRow, by: 'selfMs' | 'totalMs') => [
  r.name, r.where,
  pct(r.selfMs), pct(r.totalMs),
  ...(requests ? [perRequest(r[by])] : []),
];
const headers = (by: string) => ['function', 'where', 'self %', 'total %', ...(requests ? [`${by} µs/req`] : [])];
const rightFrom = (first: number, n: number) => Array.from({ length: n }, (_, i) => i >= first);

for (const [title, by] of [['Top by self time', 'selfMs'], ['Top by inclusive time', 'totalMs']] as const) {
  const rows = [...summary.functions].sort((a, b) => b[by] - a[by]).slice(0, top);
  console.log(`### ${title}\n`);
  const header = headers(by === 'selfMs' ? 'self' : 'total');
  console.log(table(header, rows.map((r) => row(r, by)), rightFrom(2, header.length)));
  console.log();
}
const places = [...summary.places].sort((a, b) => b.selfMs - a.selfMs).slice(0, top);
console.log('### By place (self time)\n');
const placeHeader = ['place', 'self %', 'total %', ...(requests ? ['self µs/req'] : [])];
console.log(table(
  placeHeader,
  places.map((r) => [r.name, pct(r.selfMs), pct(r.totalMs), ...(requests ? [perRequest(r.selfMs)] : [])]),
  rightFrom(1, placeHeader.length),
));

function pct(ms: number): string {
  return `${((100 * ms) / summary.busyMs).toFixed(1)}`;
}

function perRequest(ms: number): string {
  return requests ? `${Math.round((1000 * ms) / requests)}` : '';
}
