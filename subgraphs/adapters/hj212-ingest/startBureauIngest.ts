/**
 * Runs a bureau's HJ 212 ingest beside its subgraph: a second connection to the same embedded store
 * (WAL lets the subgraph read while the ingest writes), so a packet is queryable as soon as its
 * batch commits.
 */
import type { SubgraphConfig } from '../../config/loadSubgraphConfig.ts';
import type { BureauDatabase } from '../sql/schema.ts';
import type { BureauSource } from '../../kit/ports.ts';
import { openSqliteDatabase } from '../sqlite/openSqliteDatabase.ts';
import { createIngestMetrics, type IngestMetrics } from './createIngestMetrics.ts';
import { startHj212Ingest } from './startHj212Ingest.ts';

export interface RunningIngest {
  readonly port: number;
  /** The ingest's counters, served at the bureau's /metrics. */
  readonly metrics: IngestMetrics;
  close(): Promise<void>;
}

/** `source`: the bureau's opened source; its event log (when it has one) is told of each commit. */
export async function startBureauIngest(config: SubgraphConfig, source?: Pick<BureauSource, 'events'>): Promise<RunningIngest | null> {
  if (!config.hj212) return null;
  if (config.source.kind !== 'sqlite') {
    throw new Error(`${config.name}: the HJ 212 ingest writes to the embedded store only; its source is ${config.source.kind}.`);
  }
  const db = openSqliteDatabase<BureauDatabase>({ path: config.source.file, cityCode: config.origin, fileMustExist: true });
  try {
    const ingest = await startHj212Ingest({ db, config: config.hj212, ...(source?.events !== undefined && { events: source.events }) });
    console.log(`${config.name} HJ 212 ingest listening on ${ingest.host}:${ingest.port}`);
    return {
      port: ingest.port,
      metrics: createIngestMetrics(() => ingest.stats()),
      async close() {
        await ingest.close();
        await db.destroy();
      },
    };
  } catch (error) {
    await db.destroy();
    throw error;
  }
}
