/**
 * The ingest's counters as Prometheus metrics, read from a stats() snapshot at scrape time. The
 * refusal and tolerance counters per reason were only in the (rate-limited) log; an operator needs
 * them as series: a rising HJ212_CRC_MISMATCH or HJ212_UNKNOWN_MN is a device or a station list to fix.
 */
import { Counter, Gauge, Registry } from 'prom-client';
import type { Hj212IngestStats } from './Hj212IngestStats.ts';

export interface IngestMetrics {
  readonly contentType: string;
  metrics(): Promise<string>;
}

type Totals = Exclude<{ [K in keyof Hj212IngestStats]: Hj212IngestStats[K] extends number ? K : never }[keyof Hj212IngestStats], 'connectionsOpen' | 'backlog'>;

/** Counters that are one number each: metric name → the stats field it reads. */
const TOTALS: ReadonlyArray<readonly [name: string, field: Totals, help: string]> = [
  ['hj212_connections_total', 'connectionsTotal', 'Device connections accepted since start.'],
  ['hj212_frames_total', 'frames', 'Frames cut from the streams, good or bad.'],
  ['hj212_packets_accepted_total', 'accepted', 'Pollutant-data packets of known stations handed to the writer.'],
  ['hj212_packets_stored_total', 'stored', 'Packets new to the store.'],
  ['hj212_packets_duplicate_total', 'duplicates', 'Packets already stored (device resends).'],
  ['hj212_packets_ignored_total', 'ignored', 'Valid packets that carry no pollutant data (heartbeats, status, responses).'],
  ['hj212_readings_stored_total', 'readingsStored', "Rows new to the stations' regular series."],
  ['hj212_acks_sent_total', 'acksSent', 'Data acks (9014) sent.'],
  ['hj212_garbage_bytes_total', 'garbageBytes', 'Bytes outside any frame.'],
  ['hj212_store_failures_total', 'storeFailures', 'Packets lost with a failed transaction (not acked: devices resend).'],
  ['hj212_log_lines_suppressed_total', 'logsSuppressed', 'Log lines dropped by the rate limit.'],
];

export function createIngestMetrics(stats: () => Hj212IngestStats): IngestMetrics {
  const registry = new Registry();
  for (const [name, field, help] of TOTALS) {
    new Counter({ name, help, registers: [registry], collect() { this.reset(); this.inc(stats()[field]); } });
  }
  new Counter({
    name: 'hj212_packets_rejected_total', help: 'Refused packets, by reason (the HJ212_* codes).', labelNames: ['reason'], registers: [registry],
    collect() {
      this.reset();
      for (const [reason, count] of Object.entries(stats().rejected)) this.inc({ reason }, count);
    },
  });
  new Counter({
    name: 'hj212_packets_tolerated_total', help: 'Packets taken despite an unambiguous departure from HJ 212-2017, by deviation.',
    labelNames: ['deviation'], registers: [registry],
    collect() {
      this.reset();
      for (const [deviation, count] of Object.entries(stats().tolerated)) this.inc({ deviation }, count);
    },
  });
  new Gauge({ name: 'hj212_connections_open', help: 'Device connections open now.', registers: [registry], collect() { this.set(stats().connectionsOpen); } });
  new Gauge({ name: 'hj212_backlog_packets', help: 'Packets waiting for or inside the current transaction.', registers: [registry], collect() { this.set(stats().backlog); } });
  return { contentType: registry.contentType, metrics: () => registry.metrics() };
}
