import { CompiledQuery, Kysely, PostgresDialect, sql } from 'kysely';
import { Pool, types } from 'pg';
import { CitySourceError } from '../../kit/CitySourceError.ts';
import { guarded } from '../sql/guarded.ts';
import { probeConnection } from '../sql/probeConnection.ts';
import { storeQueryLog, type StoreQueryEvent } from '../sql/StoreQueryEvent.ts';

export interface OpenPostgresOptions {
  /** `postgres://user:password@host:port/database`. May hold a password: it never appears in errors. */
  readonly url: string;
  /** Who owns the data, reported in CitySourceError: a bureau's code, or 'region'. */
  readonly cityCode: string;
  /**
   * The schema that holds the store's tables and functions, created when missing; lets one database
   * hold several stores (tests use a throwaway schema each). @default the login's search_path
   * (normally `public`)
   */
  readonly schema?: string;
  /** @default 10 connections */
  readonly maxConnections?: number;
  /** How long to wait for a new connection before failing. @default 5000 ms */
  readonly connectTimeoutMs?: number;
  /** Called once per executed statement, failed ones included. @default none */
  readonly onQuery?: (event: StoreQueryEvent) => void;
}

export interface PostgresStore<DB> {
  readonly db: Kysely<DB>;
  /** The schema the store lives in (the current schema of every connection). */
  readonly schema: string;
}

const INT8_OID = 20;

/**
 * Opens Kysely over a `pg` pool and proves the server answers (CITY_SOURCE_CONNECT otherwise, without
 * the URL in the message). Every connection is pinned to what the store's answers depend on, whatever
 * the server's defaults: `search_path` (the store's schema), `extra_float_digits = 3` (doubles travel
 * as shortest exact text even on servers configured for fewer digits), `TimeZone = UTC` (times are
 * epoch ms in BIGINT, so nothing converts them; pinned in case a timestamp is ever added). BIGINT
 * (times, counts) is parsed to a number, as SQLite returns it; epoch ms and counts are far below 2^53.
 * The caller owns the result: `db.destroy()` ends the pool.
 */
export async function openPostgresDatabase<DB>(options: OpenPostgresOptions): Promise<PostgresStore<DB>> {
  const { url, cityCode, schema, onQuery } = options;
  const pool = new Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    connectionTimeoutMillis: options.connectTimeoutMs ?? 5000,
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID && format !== 'binary' ? Number : types.getTypeParser(oid, format)) as typeof types.getTypeParser },
  });
  // An idle connection that the server drops emits 'error' on the pool, which would crash the
  // process without a listener; the next query simply takes a fresh connection (or fails, guarded).
  pool.on('error', () => {});
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool,
      onCreateConnection: (connection) => connection.executeQuery(CompiledQuery.raw(
        "select set_config('extra_float_digits', '3', false), set_config('TimeZone', 'UTC', false)" +
        (schema === undefined ? '' : ", set_config('search_path', $1, false)"),
        schema === undefined ? [] : [quoteIdentifier(schema)],
      )).then(() => undefined),
    }),
    ...storeQueryLog(onQuery),
  });
  await probeConnection(db, cityCode);
  try {
    return { db, schema: await guarded(cityCode, 'schema setup', () => currentSchema(db, schema, cityCode)) };
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw error;
  }
}

async function currentSchema(db: Kysely<any>, schema: string | undefined, cityCode: string): Promise<string> {
  if (schema !== undefined) await db.schema.createSchema(schema).ifNotExists().execute();
  const { rows } = await sql<{ schema: string | null }>`select current_schema() as schema`.execute(db);
  const current = rows[0]?.schema ?? null;
  if (current === null) {
    throw new CitySourceError('CITY_SOURCE_FAILED', 'The data store has no schema to work in (search_path).', cityCode);
  }
  return current;
}

/** A search_path entry naming exactly `name` (double quotes, inner ones doubled). */
function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
