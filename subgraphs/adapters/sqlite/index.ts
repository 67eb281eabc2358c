/** The embedded SQLite flavour of the SQL store (better-sqlite3). */
export { openSqliteDatabase } from './openSqliteDatabase.ts';
export type { OpenSqliteOptions, SqliteQueryEvent } from './openSqliteDatabase.ts';
export { openSqliteBureauSource } from './openSqliteBureauSource.ts';
export { openSqliteRegionSource } from './openSqliteRegionSource.ts';
export { openSqliteCooperationStore } from './openSqliteCooperationStore.ts';
export { haversineKm, EARTH_RADIUS_KM } from './haversineKm.ts';
