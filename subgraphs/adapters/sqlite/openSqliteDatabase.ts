import Database from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { CitySourceError } from '../../kit/CitySourceError.ts';
import { haversineKm } from './haversineKm.ts';

/** One executed statement, for tests and metrics that count store round trips. */
export interface SqliteQueryEvent {
  readonly sql: string;
  readonly durationMs: number;
  readonly failed: boolean;
}

export interface OpenSqliteOptions {
  /** A database file (created when missing unless `fileMustExist`), or ':memory:'. */
  readonly path: string;
  /** Who owns the data, reported in CitySourceError: a bureau's code, or 'region'. */
  readonly cityCode: string;
  /** Open read-only. @default false */
  readonly readonly?: boolean;
  /** Fail (CITY_SOURCE_CONNECT) instead of creating a missing file. @default false */
  readonly fileMustExist?: boolean;
  /** Called once per executed statement, failed ones included. @default none */
  readonly onQuery?: (event: SqliteQueryEvent) => void;
}

/**
 * Opens an embedded SQLite store through better-sqlite3 and returns Kysely over it. Sets the pragmas
 * the stores rely on (WAL so readers never wait for the ingest writer, synchronous=NORMAL which is
 * durable enough under WAL, foreign keys on) and registers `distance_km(lon1, lat1, lon2, lat2)`.
 * A file that cannot be opened (or is not a database) throws CITY_SOURCE_CONNECT with the driver
 * error as `cause`. The caller owns the result: `destroy()` closes the file.
 */
export function openSqliteDatabase<DB>(options: OpenSqliteOptions): Kysely<DB> {
  const { path, cityCode, onQuery } = options;
  let sqlite: Database.Database | undefined;
  try {
    sqlite = new Database(path, { readonly: options.readonly ?? false, fileMustExist: options.fileMustExist ?? false });
    // The first statement also proves the file is a database ("file is not a database" surfaces here).
    if (path !== ':memory:' && options.readonly !== true) sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    sqlite.function('distance_km', { deterministic: true }, (lon1, lat1, lon2, lat2) =>
      haversineKm(lon1 as number | null, lat1 as number | null, lon2 as number | null, lat2 as number | null));
  } catch (error) {
    sqlite?.close();
    throw new CitySourceError('CITY_SOURCE_CONNECT', 'The data store could not be opened.', cityCode, { cause: error });
  }
  return new Kysely<DB>({
    dialect: new SqliteDialect({ database: sqlite }),
    ...(onQuery === undefined ? {} : {
      log: (event) => onQuery({
        sql: event.query.sql,
        durationMs: event.queryDurationMillis,
        failed: event.level === 'error',
      }),
    }),
  });
}
