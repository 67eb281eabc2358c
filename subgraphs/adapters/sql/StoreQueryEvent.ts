import type { KyselyConfig } from 'kysely';

/** One executed statement of a server store, for tests and metrics that count store round trips. */
export interface StoreQueryEvent {
  readonly sql: string;
  readonly durationMs: number;
  readonly failed: boolean;
}

/** Kysely's `log` option reporting each statement as a StoreQueryEvent; nothing when no one listens. */
export function storeQueryLog(onQuery: ((event: StoreQueryEvent) => void) | undefined): Pick<KyselyConfig, 'log'> {
  if (onQuery === undefined) return {};
  return {
    log: (event) => onQuery({ sql: event.query.sql, durationMs: event.queryDurationMillis, failed: event.level === 'error' }),
  };
}
