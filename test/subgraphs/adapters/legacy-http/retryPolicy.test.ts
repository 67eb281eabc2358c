import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errors, MockAgent } from 'undici';
import { LegacyHttpBureauSource } from '../../../../subgraphs/adapters/legacy-http/LegacyHttpBureauSource.ts';
import { CitySourceError } from '../../../../subgraphs/kit/CitySourceError.ts';
import { toAjRow } from '../../../../devtools/legacy-stand-in/ajTable.ts';
import { CITY, enforcementCase, T0 } from '../../../fixtures/bureauRecords.ts';
import { encodeGlobalId } from '../../../../schema/globalId.ts';

const ORIGIN = 'http://legacy.test';
const PING = { path: '/api/v1/ping', method: 'GET' } as const;
const OK = { code: 0, msg: 'success', data: { xtmc: '广安市生态环境综合业务平台' } };

let agent: MockAgent;
let sleeps: number[];

function source(options: { timeoutMs?: number; retries?: number } = {}) {
  return new LegacyHttpBureauSource({ url: ORIGIN, cityCode: CITY, backoffMs: 50, ...options }, {
    dispatcher: agent,
    sleep: async (ms) => { sleeps.push(ms); },
    random: () => 0,
  });
}

async function failure(run: () => Promise<unknown>): Promise<CitySourceError> {
  try {
    await run();
  } catch (error) {
    if (error instanceof CitySourceError) return error;
    throw error;
  }
  throw new Error('expected a CitySourceError');
}

beforeEach(() => {
  agent = new MockAgent();
  agent.disableNetConnect();
  sleeps = [];
});
afterEach(async () => {
  agent.assertNoPendingInterceptors();
  await agent.close();
});

describe('retries of legacy reads', () => {
  it('retries an HTTP 500 twice with growing backoff, then answers', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept(PING).reply(500, '<html>500</html>').times(2);
    pool.intercept(PING).reply(200, OK);
    await source().health();
    expect(sleeps).toEqual([25, 50]);
  });

  it('retries { code: 500 } and a dropped connection', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept(PING).reply(200, { code: 500, msg: '系统繁忙，请稍后再试', data: null });
    pool.intercept(PING).replyWithError(new errors.SocketError('other side closed'));
    pool.intercept(PING).reply(200, OK);
    await source().health();
    expect(sleeps).toHaveLength(2);
  });

  it('gives up after 3 attempts with CITY_SOURCE_FAILED, without host names in the message', async () => {
    agent.get(ORIGIN).intercept(PING).reply(503, 'busy').times(3);
    const error = await failure(() => source().health());
    expect({ code: error.code, message: error.message, cityCode: error.cityCode }).toMatchInlineSnapshot(`
      {
        "cityCode": "510900",
        "code": "CITY_SOURCE_FAILED",
        "message": "The legacy system answered HTTP 503 during health check (3 attempts).",
      }
    `);
    expect(error.message).not.toContain('legacy.test');
  });

  it('times out each attempt at timeoutMs and reports CITY_SOURCE_TIMEOUT after the retries', async () => {
    // Each reply would come after 1 s, and would be a success: the timeout error is the proof that
    // every attempt was cut, no stopwatch needed.
    agent.get(ORIGIN).intercept(PING).reply(200, OK).delay(1_000).times(3);
    const error = await failure(() => source({ timeoutMs: 40 }).health());
    expect(error.code).toBe('CITY_SOURCE_TIMEOUT');
    expect(error.message).toBe('The legacy system did not answer within 40 ms during health check (3 attempts).');
  });

  it('reports a refused connection as CITY_SOURCE_CONNECT', async () => {
    agent.get(ORIGIN).intercept(PING).replyWithError(Object.assign(new Error('connect ECONNREFUSED 10.1.2.3:80'), { code: 'ECONNREFUSED' })).times(3);
    const error = await failure(() => source().health());
    expect(error.code).toBe('CITY_SOURCE_CONNECT');
    expect(error.message).not.toContain('10.1.2.3');
  });

  it('does not retry a refusal of the request ({ code: 400 }) or an answer that is not JSON', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept(PING).reply(200, { code: 400, msg: '参数错误', data: null });
    expect(await failure(() => source().health())).toMatchObject({
      code: 'CITY_SOURCE_PROTOCOL', message: 'The legacy system refused the request (code 400) during health check.',
    });
    pool.intercept(PING).reply(200, '<html>login</html>');
    expect((await failure(() => source().health())).code).toBe('CITY_SOURCE_PROTOCOL');
    expect(sleeps).toEqual([]);
  });

  it('retries no more than `retries` times', async () => {
    agent.get(ORIGIN).intercept(PING).reply(500, '').times(1);
    expect((await failure(() => source({ retries: 0 }).health())).message).toContain('(1 attempt)');
  });
});

describe('requests the legacy adapter sends', () => {
  const row = (n: number) => toAjRow(enforcementCase(n, { filedAt: T0 + n * 60_000 }));

  it('batches 150 case lookups into two ?ids= requests and answers in input order, null for unknown and foreign ids', async () => {
    const asked: string[][] = [];
    agent.get(ORIGIN).intercept({ path: (p) => p.startsWith('/api/v1/aj/batch?'), method: 'GET' }).reply((req) => {
      const ids = new URLSearchParams(String(req.path).split('?')[1]).get('ids')?.split(',') ?? [];
      asked.push(ids);
      const rows = ids.filter((id) => id !== 'C999').map((id) => row(Number(id.slice(1))));
      return { statusCode: 200, data: { code: 0, msg: 'success', data: { total: rows.length, rows } } };
    }).times(2);
    const ids = Array.from({ length: 150 }, (_, i) => encodeGlobalId('EnforcementCase', CITY, `C${String(i + 1).padStart(3, '0')}`));
    const extra = [encodeGlobalId('EnforcementCase', CITY, 'C999'), encodeGlobalId('EnforcementCase', '500000', 'C001'), ids[0] as string];
    const found = await source().cases.casesByIds([...ids.slice().reverse(), ...extra]);
    expect(asked.map((a) => a.length).sort()).toEqual([100, 51]);
    expect(found.slice(0, 150).map((c) => c?.id)).toEqual(ids.slice().reverse());
    expect(found.slice(150).map((c) => c?.id ?? null)).toEqual([null, null, ids[0]]);
  });

  it('asks the list in the contract order and refuses rows that come out of it', async () => {
    agent.get(ORIGIN).intercept({
      path: (p) => p.startsWith('/api/v1/aj/list?') && p.includes('sortName=lasj') && p.includes('sortOrder=desc'), method: 'GET',
    }).reply(200, { code: 0, msg: 'success', data: { total: 3, rows: [row(1), row(3), row(2)] } });
    const error = await failure(() => source().cases.listCases({ filter: {}, sort: { field: 'filedAt', direction: 'DESC' }, after: null, limit: 5 }));
    expect(error).toMatchObject({ code: 'CITY_SOURCE_PROTOCOL', message: 'The legacy system sent cases list out of order.' });
  });

  it('starts a later page at the time range of `after` and asks the full total separately', async () => {
    const pool = agent.get(ORIGIN);
    pool.intercept({ path: (p) => p.includes('lasjEnd=2025-01-01+00%3A03%3A00') && p.includes('pageSize=4'), method: 'GET' })
      .reply(200, { code: 0, msg: 'success', data: { total: 3, rows: [row(3), row(2), row(1)] } });
    pool.intercept({ path: (p) => !p.includes('lasjEnd') && p.includes('pageSize=1&'), method: 'GET' })
      .reply(200, { code: 0, msg: 'success', data: { total: 9, rows: [row(9)] } });
    const after = { value: T0 + 3 * 60_000, id: encodeGlobalId('EnforcementCase', CITY, 'C003') };
    const page = await source().cases.listCases({ filter: {}, sort: { field: 'filedAt', direction: 'DESC' }, after, limit: 2 });
    expect(page.totalCount).toBe(9);
    expect(page.items.map((c) => c.caseNumber)).toEqual(['遂环罚〔2024〕2号', '遂环罚〔2024〕1号']);
  });
});
