import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { haversineKm } from '../../../../subgraphs/adapters/sqlite/haversineKm.ts';
import { openSqliteDatabase, type SqliteQueryEvent } from '../../../../subgraphs/adapters/sqlite/openSqliteDatabase.ts';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

describe('openSqliteDatabase', () => {
  it('opens a file in WAL mode with foreign keys on', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'sqlite-open-'));
    dirs.push(dir);
    const db = openSqliteDatabase<object>({ path: join(dir, 'x.sqlite'), cityCode: '510900' });
    const mode = await sql<{ journal_mode: string }>`pragma journal_mode`.execute(db);
    const fk = await sql<{ foreign_keys: number }>`pragma foreign_keys`.execute(db);
    expect(mode.rows[0]?.journal_mode).toBe('wal');
    expect(fk.rows[0]?.foreign_keys).toBe(1);
    await db.destroy();
  });

  it('provides distance_km, equal to haversineKm and null for null input', async () => {
    const db = openSqliteDatabase<object>({ path: ':memory:', cityCode: '510900' });
    const { rows } = await sql<{ d: number | null; n: number | null }>`select distance_km(${105.5928}, ${30.5327}, ${105.84}, ${30.1913}) as d, distance_km(null, 1, 2, 3) as n`.execute(db);
    expect(rows[0]).toEqual({ d: 44.762, n: null });
    expect(haversineKm(105.5928, 30.5327, 105.84, 30.1913)).toBe(44.762);
    await db.destroy();
  });

  it('reports each executed statement to onQuery, failed ones included', async () => {
    const events: SqliteQueryEvent[] = [];
    const db = openSqliteDatabase<object>({ path: ':memory:', cityCode: '510900', onQuery: (e) => events.push(e) });
    await sql`select 1`.execute(db);
    await sql`select * from missing_table`.execute(db).catch(() => undefined);
    expect(events.map((e) => [e.sql, e.failed])).toEqual([['select 1', false], ['select * from missing_table', true]]);
    await db.destroy();
  });
});

describe('haversineKm', () => {
  it('is 0 for the same point, symmetric, and rounded to metres', () => {
    expect(haversineKm(106.55, 29.56, 106.55, 29.56)).toBe(0);
    const there = haversineKm(104.07, 30.67, 106.55, 29.56);
    expect(haversineKm(106.55, 29.56, 104.07, 30.67)).toBe(there);
    expect(Math.round((there ?? 0) * 1000) / 1000).toBe(there);
    // 成都–重庆 city centres, about 266 km.
    expect(there).toBeGreaterThan(260);
    expect(there).toBeLessThan(272);
  });
});
