import { sql, type Kysely } from 'kysely';
import { connectError } from './connectError.ts';

/**
 * Proves a server store answers before it is handed out: pools connect lazily, so without this a
 * wrong URL would surface at the first request instead of at startup. On failure the pool is closed
 * and a CITY_SOURCE_CONNECT error (no URL, no driver text) is thrown.
 */
export async function probeConnection<DB>(db: Kysely<DB>, cityCode: string): Promise<void> {
  try {
    await sql`select 1`.execute(db);
  } catch (error) {
    await db.destroy().catch(() => undefined);
    throw connectError(cityCode, error);
  }
}
