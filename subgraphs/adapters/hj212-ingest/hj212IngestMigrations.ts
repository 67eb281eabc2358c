import type { MigrationSet } from '../sql/migrations/MigrationSet.ts';
import { CODE, KEY } from '../sql/migrations/columnTypes.ts';

/**
 * The ingest's own schema history, applied to the bureau store by the ingest at start (after the
 * bureau set): a separate set, with its own bookkeeping tables, so the bureau's migrations stay
 * untouched and a bureau without HJ 212 ingest never has the table.
 */
export const hj212IngestMigrations: MigrationSet = {
  name: 'hj212_ingest',
  migrations: {
    '0001_hj212_packets': {
      async up(db) {
        await db.schema.createTable('hj212_packets')
          .addColumn('mn', CODE, (c) => c.notNull())
          .addColumn('cn', 'varchar(8)', (c) => c.notNull())
          .addColumn('time', 'bigint', (c) => c.notNull())
          .addColumn('station_id', KEY, (c) => c.notNull().references('stations.id').onDelete('cascade'))
          .addColumn('reading_interval', 'text', (c) => c.notNull())
          .addColumn('qn', 'varchar(20)')
          .addColumn('st', 'varchar(8)', (c) => c.notNull())
          .addColumn('flag', 'integer')
          .addColumn('values_json', 'text', (c) => c.notNull())
          .addColumn('data_segment', 'text', (c) => c.notNull())
          .addColumn('received_at', 'bigint', (c) => c.notNull())
          // The dedupe key of HJ 212 uploads: a device resends the same (MN, CN, DataTime) until acked.
          .addPrimaryKeyConstraint('hj212_packets_pk', ['mn', 'cn', 'time'])
          .execute();
        // A station's series of one data type, by time (the readings table only holds its main series).
        await db.schema.createIndex('hj212_packets_station_cn_time').on('hj212_packets')
          .columns(['station_id', 'cn', 'time']).execute();
      },
      async down(db) {
        await db.schema.dropTable('hj212_packets').ifExists().execute();
      },
    },
  },
};
