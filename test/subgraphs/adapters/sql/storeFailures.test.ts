import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { CitySourceError } from '../../../../subgraphs/kit/CitySourceError.ts';
import { openSqliteBureauSource } from '../../../../subgraphs/adapters/sqlite/openSqliteBureauSource.ts';
import { openSqliteDatabase } from '../../../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';
import { CITY, sampleBureauData } from '../../../fixtures/bureauRecords.ts';
import { openTestBureau } from '../../../fixtures/openTestStores.ts';

const dirs: string[] = [];
const tempDir = () => { const d = mkdtempSync(join(tmpdir(), 'sql-store-')); dirs.push(d); return d; };
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

async function caught(run: () => Promise<unknown>): Promise<CitySourceError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(CitySourceError);
    return error as CitySourceError;
  }
  throw new Error('expected a CitySourceError');
}

const noSql = /select|insert|from|where|"/i;

/** SQLite-specific failures; the ones every adapter shares are in ../sharedAdapterSuite.ts. */
describe('store failures', () => {
  it('turns a driver error into CITY_SOURCE_FAILED with the driver error as cause and no SQL in the message', async () => {
    const store = await openTestBureau(sampleBureauData());
    await sql`drop table cases`.execute(store.db);
    const error = await caught(() => store.source.cases.listCases({
      filter: { search: 'x' }, sort: { field: 'filedAt', direction: 'DESC' }, after: null, limit: 3,
    }));
    expect(error.code).toBe('CITY_SOURCE_FAILED');
    expect(error.cityCode).toBe(CITY);
    expect(error.message).toBe('The data store failed during cases list.');
    expect(error.message).not.toMatch(noSql);
    expect(String((error.cause as Error).message)).toMatch(/no such table/);
    await store.source.close();
  });

  it('reports CITY_SOURCE_CONNECT when the file cannot be opened', async () => {
    const missingDir = join(tempDir(), 'no', 'such', 'dir', 'bureau.sqlite');
    const error = await caught(async () => openSqliteDatabase({ path: missingDir, cityCode: CITY }));
    expect(error.code).toBe('CITY_SOURCE_CONNECT');
    expect(error.message).not.toContain(missingDir);
    expect(error.cause).toBeInstanceOf(Error);

    const mustExist = await caught(async () => openSqliteDatabase({ path: join(tempDir(), 'absent.sqlite'), cityCode: CITY, fileMustExist: true }));
    expect(mustExist.code).toBe('CITY_SOURCE_CONNECT');
  });

  it('reports CITY_SOURCE_CONNECT for a file that is not a database', async () => {
    const path = join(tempDir(), 'garbage.sqlite');
    writeFileSync(path, 'this is not a database, just some text that is long enough to have a header '.repeat(20));
    const error = await caught(() => openSqliteBureauSource({ path, cityCode: CITY }));
    expect(error.code).toBe('CITY_SOURCE_CONNECT');
  });
});
