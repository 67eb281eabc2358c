/**
 * A bureau whose PostgreSQL server hangs (a TCP pass-through that stops forwarding: nothing fails,
 * everything waits, as on a partitioned network or a stopped server): its /health answers 503 in
 * bounded time, its queries fail with CITY_SOURCE_UNAVAILABLE instead of waiting, the gateway shows
 * it degraded within a recheck, and all of it comes back when the server does.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeWithServer } from '../subgraphs/adapters/describeWithServer.ts';
import { admin, PG_TEST_URL, postgresTestServer } from '../subgraphs/adapters/postgres/postgresTestServer.ts';
import { startGatewayProcess, type GatewayProcess } from '../fixtures/gatewayProcess.ts';
import { seedTestData, type SeededData } from '../fixtures/seedTestData.ts';
import { startSubgraphProcess, type SubgraphProcess } from '../fixtures/startSubgraphProcess.ts';
import { startTcpSwitch, type TcpSwitch } from '../fixtures/tcpSwitch.ts';
import { readReadiness } from '../fixtures/readReadiness.ts';

const DATABASE = `ecograph_hung_${randomBytes(4).toString('hex')}`;

await describeWithServer(postgresTestServer, 'a bureau whose PostgreSQL server hangs', () => {
  let data: SeededData;
  let tcp: TcpSwitch;
  let region: SubgraphProcess;
  let bureau: SubgraphProcess;
  let gateway: GatewayProcess;

  beforeAll(async () => {
    await admin((client) => client.query(`create database ${client.escapeIdentifier(DATABASE)}`));
    const target = new URL(PG_TEST_URL);
    tcp = await startTcpSwitch(target.hostname, Number(target.port || 5432));
    const url = new URL(PG_TEST_URL);
    url.port = String(tcp.port);
    url.pathname = `/${DATABASE}`;
    data = await seedTestData(0.05);
    [region, bureau] = await Promise.all([
      startSubgraphProcess('region', [], data.env),
      startSubgraphProcess('city', ['500000'], { ...data.env, ECOGRAPH_PG_URL_500000: url.toString() }),
    ]);
    gateway = await startGatewayProcess({ region: { url: region.url }, cities: [{ code: '500000', name: '重庆市', url: bureau.url }] });
  }, 120_000);

  afterAll(async () => {
    tcp?.set('pass'); // a failed assertion may leave it hanging: let the bureau close its pool
    await gateway?.stop();
    await bureau?.stop();
    await region?.stop();
    await tcp?.close();
    data?.remove();
    await admin((client) => client.query(`drop database if exists ${client.escapeIdentifier(DATABASE)} with (force)`));
  });

  const health = async () => {
    const res = await fetch(bureau.url.replace(/\/graphql$/, '/health'), { signal: AbortSignal.timeout(10_000) });
    return { status: res.status, body: await res.json() as Record<string, unknown> };
  };
  const bureauState = async () => (await readReadiness(gateway.origin)).body.cities.find((c) => c.code === '500000');

  it('answers /health 503 CITY_SOURCE_TIMEOUT, fails queries with CITY_SOURCE_UNAVAILABLE and shows degraded, then recovers', async () => {
    await expect.poll(async () => (await bureauState())?.status, { timeout: 15_000 }).toBe('up');
    expect(await health()).toMatchObject({ status: 200 });

    tcp.set('hang');
    expect(await health()).toEqual({ status: 503, body: { status: 'unavailable', name: expect.stringContaining('500000'), code: 'CITY_SOURCE_TIMEOUT' } });
    const answer = await bureau.post('{ stations(first: 1) { totalCount } }');
    expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CITY_SOURCE_UNAVAILABLE', city: '500000' });
    // Within one recheck (300 ms here) plus one health probe.
    await expect.poll(async () => (await bureauState())?.status, { timeout: 10_000 }).toBe('degraded');

    tcp.set('pass');
    await expect.poll(async () => (await bureauState())?.status, { timeout: 20_000 }).toBe('up');
    expect((await bureau.post('{ stations(first: 1) { totalCount } }')).errors).toBeUndefined();
  }, 90_000);
});
