/**
 * A bureau whose PostgreSQL server is down fails every query with CITY_SOURCE_UNAVAILABLE, and used
 * to log one error line per failed query (3 764 lines in 15 s under load): its error log is now
 * rate-limited, saying how many lines it dropped, while every query still gets its error.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { ERROR_LINES_PER_SECOND } from '../../subgraphs/kit/limitErrorLogRate.ts';
import { seedTestData, type SeededData } from '../fixtures/seedTestData.ts';
import { startSubgraphProcess, type SubgraphProcess } from '../fixtures/startSubgraphProcess.ts';
import { describeWithServer } from '../subgraphs/adapters/describeWithServer.ts';
import { admin, PG_TEST_URL, postgresTestServer } from '../subgraphs/adapters/postgres/postgresTestServer.ts';

const DATABASE = `ecograph_down_${randomBytes(4).toString('hex')}`;
const dropDatabase = () => admin((client) => client.query(`drop database if exists ${client.escapeIdentifier(DATABASE)} with (force)`));

await describeWithServer(postgresTestServer, 'a bureau whose PostgreSQL database is gone', () => {
  let data: SeededData;
  let bureau: SubgraphProcess;
  let stderr = '';

  beforeAll(async () => {
    await admin((client) => client.query(`create database ${client.escapeIdentifier(DATABASE)}`));
    const url = new URL(PG_TEST_URL);
    url.pathname = `/${DATABASE}`;
    data = await seedTestData(0.05);
    bureau = await startSubgraphProcess('city', ['500000'], { ...data.env, ECOGRAPH_PG_URL_500000: url.toString() });
    bureau.child.stderr?.on('data', (text: string) => (stderr += text));
    // Gone under the running bureau (its connections cut): every query now fails at once.
    await dropDatabase();
  }, 120_000);

  afterAll(async () => {
    await bureau?.stop();
    data?.remove();
    await dropDatabase();
  });

  const errorLines = () => stderr.split('\n').filter((line) => line.includes('"level":"error"'));

  it('logs a bounded number of lines for a burst of failing queries, and says how many it dropped', async () => {
    const QUERIES = 60;
    const answers = await Promise.all(Array.from({ length: QUERIES }, () => bureau.post('{ stations(first: 1) { totalCount } }')));
    for (const answer of answers) expect(answer.errors?.[0]?.extensions).toMatchObject({ code: 'CITY_SOURCE_UNAVAILABLE', city: '500000' });
    // The burst may span a second boundary or two on a loaded machine: a few windows' worth at most.
    await expect.poll(() => errorLines().length).toBeGreaterThan(0);
    expect(errorLines().length).toBeLessThan(QUERIES / 2);
    expect(errorLines().length).toBeLessThanOrEqual(ERROR_LINES_PER_SECOND * 4);
    // The next line after the burst's second reports the dropped ones.
    await expect.poll(async () => {
      await bureau.post('{ stations(first: 1) { totalCount } }');
      return errorLines().some((line) => /more error lines suppressed/.test(line));
    }, { timeout: 10_000, interval: 300 }).toBe(true);
  }, 60_000);
});
