/**
 * The report as padded Markdown tables: readable in a terminal and pasteable into BENCHMARKS.md.
 */
import type { BenchReport, Ratio } from './BenchReport.ts';
import { formatCooperation } from './cooperation/formatCooperation.ts';
import { table } from './markdownTable.ts';
import type { Measurement } from './measureTarget.ts';

export function formatReport(report: BenchReport): string {
  const { machine: m, settings: s } = report;
  const lines = [
    `Machine: ${m.cores} × ${m.cpuModel}, ${m.memoryGiB} GiB RAM, ${m.os}, Node ${m.node}; ` +
      `1-min load average ${m.loadAtStart.toFixed(2)} at start, ${m.loadAtEnd.toFixed(2)} at end.`,
    `Settings: ${report.scenarios.length === 0 ? '' : `${roundsText(s.rounds, s.warmupSeconds)}${s.durationSeconds} s measured at ${s.connections} connections` +
      (s.serialDurationSeconds > 0 ? `; then ${s.serialDurationSeconds} s at 1 connection; ` : '; ')}` +
      (s.cooperation ? `cooperation: ${s.cooperation.durationSeconds} s of writes and of reads, ${s.cooperation.incidents} incidents timed, ` +
        `${s.cooperation.pending} messages queued ${s.cooperation.concurrency} at a time; ` : '') +
      `${s.data}; simulated legacy system latency ${s.legacyLatencyMs} ms` +
      (s.replayLatencyMs === undefined ? '' : `; record-replay bureaus answer after ${s.replayLatencyMs} ms`) + `; started ${report.startedAt}.`,
    `Code: commit ${report.code.commit}` +
      (report.code.uncommitted.length > 0 ? ` plus uncommitted changes to ${report.code.uncommitted.length} files (${report.code.uncommitted.map((l) => l.slice(3)).join(', ')})` : '') + '.',
  ];
  if (report.scenarios.length > 0) {
    lines.push('', table(
      ['scenario', `req/s (${s.connections} conn)`, 'p50 ms', 'p99 ms', 'req/s (1 conn)', 'p50 ms', 'p99 ms', 'failures'],
      report.scenarios.map((r) => [
        r.label,
        ...cells(r.loaded),
        ...(r.serial ? cells(r.serial) : ['–', '–', '–']),
        String(r.loaded.failures + (r.serial?.failures ?? 0)),
      ]),
      [false, true, true, true, true, true, true, true],
    ));
  }
  if (report.scenarios.some((r) => r.rssAtStartMiB !== null)) {
    lines.push('', 'The gateway process alone: CPU ms per request (its /proc CPU time ÷ requests answered) and resident memory ' +
      '(once ready, before any request; the most sampled every 250 ms during the measured run).', '', gatewayTable(report));
  }
  if (report.ratios.length > 0) {
    const ranged = report.ratios.some((r) => r.min !== undefined);
    lines.push('', table([ranged ? 'comparison (median of the rounds\' ratios; their range)' : 'comparison', 'value', 'target', 'met'],
      report.ratios.map(ratioRow), [false, true, false, false]));
  }
  if (report.scenarios.some((r) => r.loaded.cpuMsPerRequest)) {
    lines.push('', `CPU ms per request, by process (at ${s.connections} connections; total also at 1 connection). ` +
      '"other processes": the most of all cores that processes outside the bench used during either run.', '', cpuTable(report));
  }
  if (report.cooperation) lines.push('', formatCooperation(report.cooperation));
  return lines.join('\n');
}

function gatewayTable(report: BenchReport): string {
  const fixed = (value: number | null | undefined, digits: number) => (value === null || value === undefined ? '–' : value.toFixed(digits));
  return table(
    ['scenario', `CPU ms/req (${report.settings.connections} conn)`, 'CPU ms/req (1 conn)', 'RSS at start MiB', `RSS under load MiB (${report.settings.connections} conn)`],
    report.scenarios.filter((r) => r.rssAtStartMiB !== null).map((r) => [
      r.label, fixed(r.loaded.cpuMsPerRequest?.['gateway'], 2), fixed(r.serial?.cpuMsPerRequest?.['gateway'], 2),
      fixed(r.rssAtStartMiB, 0), fixed(r.loaded.rssMaxMiB, 0),
    ]),
    [false, true, true, true, true],
  );
}

function cpuTable(report: BenchReport): string {
  const ms = (value: number | undefined) => (value === undefined ? '–' : value.toFixed(2));
  const total = (cpu: Record<string, number> | null | undefined) => (cpu ? Object.values(cpu).reduce((a, b) => a + b, 0) : undefined);
  return table(
    ['scenario', 'gateway', 'bureaus', 'region', 'load generator', 'total', 'total (1 conn)', 'other processes'],
    report.scenarios.map((r) => {
      const cpu = r.loaded.cpuMsPerRequest ?? {};
      return [r.label, ms(cpu['gateway']), ms(cpu['bureaus']), ms(cpu['region']), ms(cpu['loadGenerator']), ms(total(r.loaded.cpuMsPerRequest)),
        ms(total(r.serial?.cpuMsPerRequest)), share(r.loaded.otherCpuShare, r.serial?.otherCpuShare)];
    }),
    [false, true, true, true, true, true, true, true],
  );
}

/** The larger of the two runs' shares, as a percentage of all cores. */
function share(...values: Array<number | null | undefined>): string {
  const known = values.filter((v): v is number => typeof v === 'number');
  return known.length === 0 ? '–' : `${(100 * Math.max(...known)).toFixed(0)}%`;
}

function cells(m: Measurement): string[] {
  return [m.requestsPerSecond.toFixed(0), m.p50Ms.toFixed(2), m.p99Ms.toFixed(2)];
}

function roundsText(rounds: number | undefined, warmupSeconds: number): string {
  // Results written before rounds: one warm-up, then the measured run.
  if (rounds === undefined) return `${warmupSeconds} s warm-up + `;
  return `each target warmed up ${warmupSeconds} s, then ${rounds} round${rounds === 1 ? '' : 's'}, every scenario once per round ` +
    `(figures: the rounds' medians), each round 1 s warm-up + `;
}

function ratioRow(r: Ratio): string[] {
  const show = (v: number) => (r.unit === '×' ? `${v.toFixed(2)}×` : `${v >= 0 ? '+' : ''}${v.toFixed(2)} ms`);
  const range = r.min === undefined || r.max === undefined ? '' : ` (${show(r.min)} … ${show(r.max)})`;
  return [r.name, `${show(r.value)}${range}`, r.target ?? '', r.met === undefined ? '' : r.met ? 'yes' : '**no**'];
}
