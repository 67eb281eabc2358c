/** The HJ 212 ingest adapter: TCP server, and its storage glue (the station simulator is a development tool: devtools/hj212-simulator). */
export { hj212IngestConfigSchema, type Hj212IngestConfig } from '../../config/hj212IngestConfigSchema.ts';
export type { Hj212IngestDatabase, Hj212PacketsTable } from './Hj212IngestDatabase.ts';
export { jsonLineLog, type Hj212IngestLog, type Hj212IngestLogEvent } from './Hj212IngestLog.ts';
export { hj212IngestMigrations } from './hj212IngestMigrations.ts';
export type { Hj212IngestStats } from './Hj212IngestStats.ts';
export { HJ212_REJECT_CODES, type Hj212RejectCode } from './Hj212RejectCode.ts';
export { intervalOfDataCn, seriesCnOf } from './intervalOfDataCn.ts';
export { startHj212Ingest, type Hj212IngestOptions, type Hj212IngestServer } from './startHj212Ingest.ts';
