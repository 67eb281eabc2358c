/**
 * Where a bureau keeps its cooperation records (bureau.json `cooperation`, ECOGRAPH_COOPERATION_PG_URL_<code>):
 * validated once when the config is read, every refusal naming the key (never a URL's value).
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ConfigError, loadBureauConfig } from '../../../subgraphs/config/loadSubgraphConfig.ts';

const DATA_DIR = '/tmp/ecograph-config-test';
const dir = mkdtempSync(join(tmpdir(), 'coop-config-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const LEGACY = { kind: 'legacy-http', url: 'http://127.0.0.1:4516' };
let files = 0;
/** A bureau.json of 511600 with `source` and `extra` keys, written to a file of its own. */
function bureauFile(extra: Record<string, unknown>, source: Record<string, unknown> = LEGACY): string {
  const path = join(dir, `bureau-${++files}.json`);
  writeFileSync(path, JSON.stringify({ code: '511600', bureau: '广安市生态环境局', port: 4016, source, ...extra }));
  return path;
}
const load = (path: string, env: Record<string, string> = {}) => loadBureauConfig('511600', { ECOGRAPH_DATA_DIR: DATA_DIR, ...env }, path);

describe('the cooperation store of a bureau', () => {
  it('is an embedded file of its own for the spreadsheet and legacy-HTTP bureaus, the own store for the others', () => {
    expect(loadBureauConfig('510500', { ECOGRAPH_DATA_DIR: DATA_DIR }).cooperation).toEqual({ kind: 'sqlite', file: `${DATA_DIR}/510500-cooperation.sqlite` });
    expect(loadBureauConfig('511600', { ECOGRAPH_DATA_DIR: DATA_DIR }).cooperation).toEqual({ kind: 'sqlite', file: `${DATA_DIR}/511600-cooperation.sqlite` });
    for (const code of ['500000', '500152', '500153', '510900']) expect(loadBureauConfig(code, { ECOGRAPH_DATA_DIR: DATA_DIR }).cooperation, code).toBeNull();
  });

  it('is the configured PostgreSQL server, with the defaults of its pool, the URL from the environment first', () => {
    const path = bureauFile({ cooperation: { kind: 'postgres', url: 'postgres://eco@db.ga.example/coop', schema: 'coop_511600' } });
    expect(load(path).cooperation).toEqual({
      kind: 'postgres', url: 'postgres://eco@db.ga.example/coop', schema: 'coop_511600', queryTimeoutMs: 2_500, maxConnections: 5, connectTimeoutMs: 5_000,
    });
    const fromEnv = 'postgresql://eco:pw@pg.internal:5432/shared';
    expect(load(path, { ECOGRAPH_COOPERATION_PG_URL_511600: fromEnv }).cooperation).toMatchObject({ url: fromEnv });
    const bare = bureauFile({ cooperation: { kind: 'postgres', queryTimeoutMs: 1_000, maxConnections: 2 } });
    expect(load(bare, { ECOGRAPH_COOPERATION_PG_URL_511600: fromEnv }).cooperation)
      .toEqual({ kind: 'postgres', url: fromEnv, schema: null, queryTimeoutMs: 1_000, maxConnections: 2, connectTimeoutMs: 5_000 });
    // An HJ 212 bureau (its system a monitoring platform) may keep them there too.
    const hj212 = bureauFile({ hj212: { port: 9212 }, cooperation: { kind: 'postgres', url: 'postgres://eco@db/coop' } }, { kind: 'sqlite' });
    expect(load(hj212).cooperation).toMatchObject({ kind: 'postgres' });
  });

  it('refuses a bad cooperation key with an error naming it, and never repeats a URL', () => {
    const refusal = (extra: Record<string, unknown>, source?: Record<string, unknown>, env?: Record<string, string>) => {
      const path = bureauFile(extra, source);
      try {
        load(path, env);
      } catch (error) {
        expect(error).toBeInstanceOf(ConfigError);
        const { message } = error as Error;
        expect(message).not.toMatch(/hunter2|10\.0\.0\.1/);
        return message.startsWith(`${path}: `) ? message.slice(path.length + 2) : message;
      }
      return 'no error';
    };
    const pg = (over: Record<string, unknown>) => ({ cooperation: { kind: 'postgres', url: 'postgres://eco@db/coop', ...over } });
    expect(refusal(pg({}), { kind: 'postgres' })).toMatch(/^"cooperation": only for a bureau whose own system takes no writes .* a postgres bureau keeps/);
    expect(refusal(pg({}), { kind: 'sqlite' })).toMatch(/^"cooperation": only for/);
    expect(refusal(pg({ url: 'mysql://root:hunter2@10.0.0.1/eco' }))).toBe('"cooperation.url": must be a postgres:// or postgresql:// URL');
    expect(refusal(pg({ schema: 'Coop; drop' }))).toMatch(/^"cooperation.schema": must be a lower-case SQL identifier/);
    expect(refusal(pg({ maxConnections: 0 }))).toMatch(/^"cooperation.maxConnections": /);
    expect(refusal(pg({ poolSize: 3 }))).toMatch(/^"cooperation": Unrecognized key: "poolSize"/);
    expect(refusal({ cooperation: { kind: 'mysql' } })).toMatch(/^"cooperation.kind": /);
    expect(refusal({ cooperation: { kind: 'postgres' } })).toBe('"cooperation.url": a postgres cooperation store needs a URL, here or in ECOGRAPH_COOPERATION_PG_URL_511600.');
    const wrongEnv = refusal(pg({}), undefined, { ECOGRAPH_COOPERATION_PG_URL_511600: 'mysql://root:hunter2@10.0.0.1/eco' });
    expect(wrongEnv).toBe('ECOGRAPH_COOPERATION_PG_URL_511600 must be a postgres:// or postgresql:// URL.');
  });
});
