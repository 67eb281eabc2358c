import { CompiledQuery, Kysely, PostgresDialect, sql, type PostgresPool, type PostgresPoolClient } from 'kysely';
import { Pool, types, type PoolClient } from 'pg';
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
  /**
   * Bounds every statement: the client gives up after this long (CITY_SOURCE_TIMEOUT, the connection
   * is discarded), so a hung or partitioned server cannot hold a request, and the server cancels a
   * statement still running then (`statement_timeout`). @default none (seeding and migrations by hand)
   */
  readonly queryTimeoutMs?: number;
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
  const { url, cityCode, schema, onQuery, queryTimeoutMs } = options;
  const pool = new Pool({
    connectionString: url,
    max: options.maxConnections ?? 10,
    // A connection that takes longer than a statement's whole budget is of no use to the request.
    connectionTimeoutMillis: Math.min(options.connectTimeoutMs ?? 5000, queryTimeoutMs ?? Infinity),
    ...(queryTimeoutMs !== undefined && { query_timeout: queryTimeoutMs, statement_timeout: queryTimeoutMs }),
    types: { getTypeParser: ((oid: number, format?: 'text' | 'binary') =>
      oid === INT8_OID && format !== 'binary' ? Number : types.getTypeParser(oid, format)) as typeof types.getTypeParser },
  });
  // A connection the server drops (restart, failover, `pg_terminate_backend`) emits 'error', which
  // ends the process when nobody listens. pg-pool listens only while a connection is idle (and
  // re-emits on the pool): one checked out between statements — inside a transaction — would crash
  // the bureau. Its statements fail anyway (CITY_SOURCE_UNAVAILABLE once guarded) and the pool
  // discards it on release as no longer queryable, so the event itself carries nothing to act on.
  pool.on('error', () => {});
  pool.on('connect', (client) => client.on('error', () => {}));
  const db = new Kysely<DB>({
    dialect: new PostgresDialect({
      pool: queryTimeoutMs === undefined ? pool : discardingTimedOut(pool, cityCode, queryTimeoutMs),
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

/**
 * The pool as Kysely sees it, where a statement that hit pg's client-side `query_timeout` fails with
 * CITY_SOURCE_TIMEOUT and its connection is destroyed at once: pg leaves the unanswered statement
 * active on it, so reusing it would queue every later statement behind it, and a timeout inside
 * Kysely's connection setup (onCreateConnection) would otherwise never give it back. One wrapper per
 * pg client, because Kysely keys its per-connection state (and the setup it runs once) by it.
 */
function discardingTimedOut(pool: Pool, cityCode: string, timeoutMs: number): PostgresPool {
  const wrappers = new WeakMap<PoolClient, PostgresPoolClient>();
  const wrap = (client: PoolClient): PostgresPoolClient => {
    let destroyed = false;
    const query = async (text: string, parameters: ReadonlyArray<unknown>) => {
      try {
        return await client.query(text, parameters as unknown[]);
      } catch (error) {
        // pg 8's client-side timeout has no code, only this message (pg/lib/client.js).
        if (!(error instanceof Error) || error.message !== 'Query read timeout') throw error;
        if (!destroyed) {
          destroyed = true;
          client.release(true);
        }
        throw new CitySourceError('CITY_SOURCE_TIMEOUT', `The data store did not answer within ${timeoutMs} ms.`, cityCode, { cause: error });
      }
    };
    return {
      query: query as unknown as PostgresPoolClient['query'],
      release: (destroy) => {
        if (!destroyed) client.release(destroy);
      },
    };
  };
  return {
    async connect() {
      const client = await pool.connect();
      let wrapper = wrappers.get(client);
      if (!wrapper) wrappers.set(client, (wrapper = wrap(client)));
      return wrapper;
    },
    end: () => pool.end(),
  };
}
