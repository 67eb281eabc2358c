/**
 * A server source whose database hangs (a TCP pass-through that stops forwarding: nothing fails,
 * everything waits) answers within its statement timeout on every server dialect: health checks and
 * queries fail with CITY_SOURCE_TIMEOUT, closing does not wait for the hung connection, and the
 * source serves again once the server does.
 */
import { afterAll, afterEach, expect, it } from 'vitest';
import { openPostgresBureauSource } from '../../../subgraphs/adapters/postgres/openPostgresBureauSource.ts';
import { openMysqlBureauSource } from '../../../subgraphs/adapters/mysql/openMysqlBureauSource.ts';
import type { SqlBureauSource } from '../../../subgraphs/adapters/sql/SqlBureauSource.ts';
import { startTcpSwitch, type TcpSwitch } from '../../fixtures/tcpSwitch.ts';
import { describeWithServer } from './describeWithServer.ts';
import { dropRunSchemas, PG_TEST_URL, postgresTestServer, throwawaySchema } from './postgres/postgresTestServer.ts';
import { dropRunDatabases, mysqlTestServer, throwawayDatabase } from './mysql/mysqlTestServer.ts';

const TIMEOUT_MS = 500;

let tcp: TcpSwitch | undefined;
afterEach(async () => {
  tcp?.set('pass');
  await tcp?.close();
  tcp = undefined;
});

/** `url` with its host and port replaced by a TCP switch in front of the real server. */
async function throughSwitch(url: string): Promise<string> {
  const target = new URL(url);
  tcp = await startTcpSwitch(target.hostname, Number(target.port));
  target.hostname = '127.0.0.1';
  target.port = String(tcp.port);
  return target.toString();
}

function describeHang(open: () => Promise<SqlBureauSource>) {
  it(`fails health checks and queries with CITY_SOURCE_TIMEOUT while the server hangs, closes, and recovers`, async () => {
    const source = await open();
    const list = () => source.projects.list({ filter: {}, sort: { field: 'id', direction: 'ASC' }, after: null, limit: 5 });
    await source.health();
    tcp!.set('hang');
    await expect(source.health()).rejects.toMatchObject({ code: 'CITY_SOURCE_TIMEOUT', cityCode: '500000' });
    // The timed-out connection was discarded: this one fails connecting (bounded by the same budget).
    await expect(list()).rejects.toMatchObject({ code: expect.stringMatching(/^CITY_SOURCE_(TIMEOUT|FAILED)$/) });
    tcp!.set('pass');
    await expect.poll(() => source.health().then(() => 'ok', (e: { code?: string }) => e.code), { timeout: 10_000 }).toBe('ok');
    expect((await list()).totalCount).toBe(0);
    tcp!.set('hang');
    await expect(source.health()).rejects.toMatchObject({ code: 'CITY_SOURCE_TIMEOUT' });
    await source.close(); // must not wait for the hung connection
  }, 60_000);
}

await describeWithServer(postgresTestServer, 'a PostgreSQL bureau source whose server hangs', () => {
  afterAll(dropRunSchemas);
  describeHang(async () => openPostgresBureauSource({ url: await throughSwitch(PG_TEST_URL), cityCode: '500000', schema: throwawaySchema(), queryTimeoutMs: TIMEOUT_MS }));
});

await describeWithServer(mysqlTestServer, 'a MariaDB bureau source whose server hangs', () => {
  afterAll(dropRunDatabases);
  describeHang(async () => openMysqlBureauSource({ url: await throughSwitch((await throwawayDatabase()).url), cityCode: '500000', queryTimeoutMs: TIMEOUT_MS }));
});
