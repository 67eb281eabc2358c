/**
 * `devtools/seeder/seedServers.main.ts` run the way docker-compose's seed-servers service runs it:
 * one process, both PostgreSQL bureaus (500000, 510900) and the MariaDB bureau (500152) configured at
 * once, each in a database of its own on the test servers, with every other bureau (spreadsheet,
 * legacy service, HJ 212 ingest) left to its own seeding.
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServer } from '../../subgraphs/adapters/describeWithServer.ts';
import { admin as pgAdmin, PG_TEST_URL, postgresTestServer } from '../../subgraphs/adapters/postgres/postgresTestServer.ts';
import { admin as mysqlAdmin, MYSQL_TEST_URL, mysqlTestServer } from '../../subgraphs/adapters/mysql/mysqlTestServer.ts';

const ENTRY = fileURLToPath(new URL('../../../devtools/seeder/seedServers.main.ts', import.meta.url));
const RUN = `ecograph_seed_${randomBytes(4).toString('hex')}`;
const PG_DATABASES = { '500000': `${RUN}_500000`, '510900': `${RUN}_510900` } as const;
const MYSQL_DATABASE = `${RUN}_500152`;

function urlWithDatabase(base: string, database: string): string {
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

function runSeeder(env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', ENTRY], {
    env: { ...process.env, ECOGRAPH_SCALE: '0.05', ECOGRAPH_SEED: 'issue-17', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout.setEncoding('utf8').on('data', (t: string) => (output += t));
  child.stderr.setEncoding('utf8').on('data', (t: string) => (output += t));
  return new Promise((resolve) => child.once('exit', (code) => resolve({ code, output })));
}

async function pgCount(database: string, table: string): Promise<number> {
  const pg = (await import('pg')).default;
  const client = new pg.Client({ connectionString: urlWithDatabase(PG_TEST_URL, database) });
  await client.connect();
  try {
    const { rows } = await client.query<{ schema: string }>(
      "select table_schema as schema from information_schema.tables where table_name = $1 and table_schema not in ('pg_catalog', 'information_schema')", [table]);
    if (rows.length !== 1) return -1;
    const result = await client.query<{ n: string }>(`select count(*) as n from ${client.escapeIdentifier(rows[0]!.schema)}.${client.escapeIdentifier(table)}`);
    return Number(result.rows[0]!.n);
  } finally {
    await client.end();
  }
}

await describeWithServer(postgresTestServer, 'seedServers.main.ts as docker-compose runs it (PostgreSQL)', async () => {
  await describeWithServer(mysqlTestServer, 'and MariaDB', () => {
    const env = {
      ECOGRAPH_PG_URL_500000: urlWithDatabase(PG_TEST_URL, PG_DATABASES['500000']),
      ECOGRAPH_PG_URL_510900: urlWithDatabase(PG_TEST_URL, PG_DATABASES['510900']),
      ECOGRAPH_MYSQL_URL_500152: urlWithDatabase(MYSQL_TEST_URL, MYSQL_DATABASE),
    };

    beforeAll(async () => {
      await pgAdmin(async (client) => {
        for (const name of Object.values(PG_DATABASES)) await client.query(`create database ${client.escapeIdentifier(name)}`);
      });
      await mysqlAdmin((connection) => connection.query(`create database \`${MYSQL_DATABASE}\``));
    });

    afterAll(async () => {
      await pgAdmin(async (client) => {
        for (const name of Object.values(PG_DATABASES)) await client.query(`drop database if exists ${client.escapeIdentifier(name)} with (force)`);
      });
      await mysqlAdmin((connection) => connection.query(`drop database if exists \`${MYSQL_DATABASE}\``));
    });

    it('seeds both PostgreSQL bureaus and the MariaDB bureau, exits 0, and leaves them alone on a second run', async () => {
      const first = await runSeeder(env);
      expect(first.output).not.toMatch(/Error/);
      expect(first.code).toBe(0);
      expect(first.output).toMatch(/500000.*\(postgres\): seeded/);
      expect(first.output).toMatch(/510900.*\(postgres\): seeded/);
      expect(first.output).toMatch(/500152.*\(mysql\): seeded/);
      expect(first.output).not.toMatch(/510500|511600|500153/);
      for (const database of Object.values(PG_DATABASES)) expect(await pgCount(database, 'stations')).toBeGreaterThan(0);
      const [rows] = await mysqlAdmin((connection) => connection.query(`select count(*) as n from \`${MYSQL_DATABASE}\`.stations`));
      expect(Number((rows as Array<{ n: number }>)[0]!.n)).toBeGreaterThan(0);

      const second = await runSeeder(env);
      expect(second.code).toBe(0);
      expect(second.output.match(/already seeded/g)).toHaveLength(3);
    }, 180_000);
  });
});
