import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { bureauMigrations } from '../../../subgraphs/adapters/sql/migrations/bureauMigrations.ts';
import { migrateToLatest } from '../../../subgraphs/adapters/sql/migrations/migrateToLatest.ts';
import type { BureauDatabase } from '../../../subgraphs/adapters/sql/schema.ts';
import { readSeedMeta, writeSeedMeta } from '../../../devtools/seeder/seedMeta.ts';
import { openSqliteDatabase } from '../../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';
import { CITY } from '../../fixtures/bureauRecords.ts';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('seed meta', () => {
  it('is null for a new file, round-trips through a reopen, and is replaced by a second write', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'seed-meta-'));
    dirs.push(dir);
    const path = join(dir, `${CITY}.sqlite`);

    const fresh = openSqliteDatabase<BureauDatabase>({ path, cityCode: CITY });
    expect(await readSeedMeta(fresh)).toBeNull();
    await migrateToLatest(fresh, bureauMigrations);
    expect(await readSeedMeta(fresh)).toBeNull();
    await writeSeedMeta(fresh, { generatorVersion: '1', seededAt: 1_700_000_000_000, details: { seed: 42 } });
    await fresh.destroy();

    const reopened = openSqliteDatabase<BureauDatabase>({ path, cityCode: CITY, fileMustExist: true });
    await migrateToLatest(reopened, bureauMigrations); // idempotent on an up-to-date file
    expect(await readSeedMeta(reopened)).toEqual({ generatorVersion: '1', seededAt: 1_700_000_000_000, details: { seed: 42 } });
    await writeSeedMeta(reopened, { generatorVersion: '2', seededAt: 1_800_000_000_000, details: {} });
    expect(await readSeedMeta(reopened)).toEqual({ generatorVersion: '2', seededAt: 1_800_000_000_000, details: {} });
    await reopened.destroy();
  });
});
