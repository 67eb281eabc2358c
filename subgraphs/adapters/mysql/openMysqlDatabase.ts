import { CompiledQuery, Kysely, MysqlDialect, type MysqlPool, type MysqlPoolConnection } from 'kysely';
import { createPool, type Pool, type PoolConnection } from 'mysql2';
import { CitySourceError } from '../../kit/CitySourceError.ts';
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
  /**
   * Bounds every statement on the client side: after this long it fails with CITY_SOURCE_TIMEOUT and
   * its connection is destroyed, so a hung or partitioned server cannot hold a request. (MySQL and
   * MariaDB name their server-side limits differently, max_execution_time and max_statement_time, and
   * MySQL's covers SELECT only: the client-side bound is the one both honour.) @default none
   */
  readonly queryTimeoutMs?: number;
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
  const { url, cityCode, onQuery, queryTimeoutMs } = options;
  const pool = createPool({
    uri: url,
    connectionLimit: options.maxConnections ?? 10,
    // A connection that takes longer than a statement's whole budget is of no use to the request.
    connectTimeout: Math.min(options.connectTimeoutMs ?? 5000, queryTimeoutMs ?? Infinity),
    charset: 'utf8mb4',
    timezone: 'Z',
    dateStrings: true,
    supportBigNumbers: true,
    bigNumberStrings: false,
    decimalNumbers: true,
  });
  const db = new Kysely<DB>({
    dialect: new MysqlDialect({
      pool: queryTimeoutMs === undefined ? pool : withQueryTimeout(pool, cityCode, queryTimeoutMs),
      onCreateConnection: (connection) => connection.executeQuery(SESSION_SETUP).then(() => undefined),
    }),
    ...storeQueryLog(onQuery),
  });
  await probeConnection(db, cityCode);
  return db;
}

/**
 * The pool as Kysely sees it, every statement sent with mysql2's per-query `timeout`. One wrapper per
 * mysql2 connection, because Kysely keys its per-connection state (and the session setup it runs
 * once) by it.
 */
function withQueryTimeout(pool: Pool, cityCode: string, timeoutMs: number): MysqlPool {
  const wrappers = new WeakMap<PoolConnection, MysqlPoolConnection>();
  return {
    getConnection(callback) {
      pool.getConnection((error, connection: PoolConnection) => {
        if (error) return callback(error, undefined as never);
        let wrapper = wrappers.get(connection);
        if (!wrapper) wrappers.set(connection, (wrapper = timedConnection(connection, cityCode, timeoutMs)));
        callback(null, wrapper);
      });
    },
    end: (callback) => pool.end(callback),
  };
}

function timedConnection(connection: PoolConnection, cityCode: string, timeoutMs: number): MysqlPoolConnection {
  const query = (sql: string, parameters: unknown[], callback?: (error: unknown, result: never) => void) => {
    if (callback === undefined) return connection.query({ sql, values: parameters, timeout: timeoutMs });
    connection.query({ sql, values: parameters, timeout: timeoutMs }, (error, result) => {
      if ((error as { code?: unknown } | null)?.code !== 'PROTOCOL_SEQUENCE_TIMEOUT') return callback(error, result as never);
      // The statement may still be running or unanswered on this connection: never reuse it.
      connection.destroy();
      callback(new CitySourceError('CITY_SOURCE_TIMEOUT', `The data store did not answer within ${timeoutMs} ms.`, cityCode, { cause: error }), undefined as never);
    });
    return undefined;
  };
  return { query: query as MysqlPoolConnection['query'], release: () => connection.release() };
}
