import { CompiledQuery, Kysely, MysqlDialect } from 'kysely';
import { createPool } from 'mysql2';
import { probeConnection } from '../sql/probeConnection.ts';
import { storeQueryLog, type StoreQueryEvent } from '../sql/StoreQueryEvent.ts';

export interface OpenMysqlOptions {
  /** `mysql://user:password@host:port/database`. May hold a password: it never appears in errors. */
  readonly url: string;
  /** Who owns the data, reported in CitySourceError: a bureau's code, or 'region'. */
  readonly cityCode: string;
  /** @default 10 connections */
  readonly maxConnections?: number;
  /** How long to wait for a new connection before failing. @default 5000 ms */
  readonly connectTimeoutMs?: number;
  /** Called once per executed statement, failed ones included. @default none */
  readonly onQuery?: (event: StoreQueryEvent) => void;
}

/**
 * Pinned on every connection, whatever the server's defaults: UTC (times are epoch ms in BIGINT, so
 * nothing converts them; pinned in case a DATETIME is ever added), and an SQL mode without
 * NO_BACKSLASH_ESCAPES (mysql2 interpolates parameters client-side with backslash escapes, which
 * that mode would misread, e.g. LIKE's `ESCAPE '\\'`) or ANSI_QUOTES, and strict, so that a value
 * that does not fit fails instead of being truncated.
 */
const SESSION_SETUP = CompiledQuery.raw(
  "set session time_zone = '+00:00', sql_mode = 'STRICT_ALL_TABLES,NO_ENGINE_SUBSTITUTION'",
);

/**
 * Opens Kysely over a `mysql2` pool (MariaDB 10.5+ or MySQL 8) and proves the server answers
 * (CITY_SOURCE_CONNECT otherwise, without the URL in the message). Rows come back typed as on
 * SQLite: DOUBLE as numbers (the text protocol sends them as shortest exact text), BIGINT as numbers
 * (epoch ms and counts are far below 2^53; larger ones would arrive as strings, not rounded), DECIMAL
 * as numbers, dates as strings (none are stored). utf8mb4 on the wire, for Chinese text beyond the
 * BMP. The caller owns the result: `destroy()` ends the pool.
 */
export async function openMysqlDatabase<DB>(options: OpenMysqlOptions): Promise<Kysely<DB>> {
  const { url, cityCode, onQuery } = options;
  const pool = createPool({
    uri: url,
    connectionLimit: options.maxConnections ?? 10,
    connectTimeout: options.connectTimeoutMs ?? 5000,
    charset: 'utf8mb4',
    timezone: 'Z',
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: true,
  });
  const db = new Kysely<DB>({
    dialect: new MysqlDialect({
      pool,
      onCreateConnection: (connection) => connection.executeQuery(SESSION_SETUP).then(() => undefined),
    }),
    ...storeQueryLog(onQuery),
  });
  await probeConnection(db, cityCode);
  return db;
}
