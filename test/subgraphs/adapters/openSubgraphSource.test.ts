/**
 * Which store a bureau's subgraph opens: its configured server when a URL is configured, its embedded
 * store otherwise (so `npm start` and `npm run seed` work on a machine without the bureau's server).
 */
import { afterAll, describe, expect, it } from 'vitest';
import { openBureauSource } from '../../../subgraphs/adapters/openSubgraphSource.ts';
import { ConfigError, loadBureauConfig } from '../../../subgraphs/config/loadSubgraphConfig.ts';
import { describeWithServer } from './describeWithServer.ts';
import { dropRunDatabases, mysqlTestServer, throwawayDatabase } from './mysql/mysqlTestServer.ts';
import { admin, dropRunSchemas, PG_TEST_URL, postgresTestServer, throwawaySchema } from './postgres/postgresTestServer.ts';

const DATA_DIR = '/tmp/ecograph-config-test';

describe('the effective source of a bureau', () => {
  it('is the embedded store for a postgres or mysql bureau without a URL', () => {
    expect(loadBureauConfig('500000', { ECOGRAPH_DATA_DIR: DATA_DIR }).source)
      .toEqual({ kind: 'sqlite', file: `${DATA_DIR}/500000.sqlite`, fallbackFor: 'postgres' });
    expect(loadBureauConfig('510900', { ECOGRAPH_DATA_DIR: DATA_DIR, ECOGRAPH_PG_URL_510900: '' }).source.kind).toBe('sqlite');
    expect(loadBureauConfig('500152', { ECOGRAPH_DATA_DIR: DATA_DIR }).source)
      .toEqual({ kind: 'sqlite', file: `${DATA_DIR}/500152.sqlite`, fallbackFor: 'mysql' });
  });

  it('is the server named by ECOGRAPH_PG_URL_<code> / ECOGRAPH_MYSQL_URL_<code>', () => {
    const pg = 'postgres://ecograph:pw@db.cq.example:5432/eco';
    expect(loadBureauConfig('500000', { ECOGRAPH_DATA_DIR: DATA_DIR, ECOGRAPH_PG_URL_500000: pg }).source)
      .toEqual({ kind: 'postgres', url: pg, queryTimeoutMs: 2_500, file: `${DATA_DIR}/500000.sqlite` });
    const my = 'mysql://ecograph:pw@db.tn.example:3306/eco';
    expect(loadBureauConfig('500152', { ECOGRAPH_MYSQL_URL_500152: my }).source).toMatchObject({ kind: 'mysql', url: my });
    // Another bureau's variable, or the other dialect's, changes nothing.
    expect(loadBureauConfig('510900', { ECOGRAPH_PG_URL_500000: pg, ECOGRAPH_MYSQL_URL_510900: my }).source.kind).toBe('sqlite');
  });

  it('refuses a URL of the wrong kind, naming the variable but never its value (it may hold a password)', () => {
    const run = () => loadBureauConfig('500000', { ECOGRAPH_PG_URL_500000: 'mysql://root:hunter2@10.0.0.1/eco' });
    expect(run).toThrow(ConfigError);
    expect(run).toThrow('ECOGRAPH_PG_URL_500000 must be a postgres:// or postgresql:// URL.');
    expect(run).not.toThrow(/hunter2|10\.0\.0\.1/);
  });
});

await describeWithServer(postgresTestServer, 'a bureau configured for PostgreSQL', () => {
  afterAll(dropRunSchemas);

  it('opens the server named in its environment, in the schema the URL selects', async () => {
    const schema = throwawaySchema();
    await admin((client) => client.query(`create schema ${client.escapeIdentifier(schema)}`));
    const url = new URL(PG_TEST_URL);
    url.searchParams.set('options', `-c search_path=${schema}`);
    const source = await openBureauSource(loadBureauConfig('510900', { ECOGRAPH_PG_URL_510900: url.toString() }));
    try {
      await source.health();
      expect(await source.projects.byIds(['x'])).toEqual([null]);
      const tables = await admin(async (client) => (await client.query(
        'select count(*)::int as n from information_schema.tables where table_schema = $1 and table_name = $2', [schema, 'projects'])).rows[0]);
      expect(tables).toEqual({ n: 1 });
    } finally {
      await source.close();
    }
  });
});

await describeWithServer(mysqlTestServer, 'a bureau configured for MySQL', () => {
  afterAll(dropRunDatabases);

  it('opens the server named in its environment', async () => {
    const { url } = await throwawayDatabase();
    const source = await openBureauSource(loadBureauConfig('500152', { ECOGRAPH_MYSQL_URL_500152: url }));
    try {
      await source.health();
      expect(await source.cases.casesByIds(['x'])).toEqual([null]);
    } finally {
      await source.close();
    }
  });
});
