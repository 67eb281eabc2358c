/**
 * The engine's promises to its caller: it never rejects, it refuses what it cannot plan with a
 * stable code, it serves a new set of bureaus without losing its cache, and it keeps bureau payloads
 * from forging who they are.
 */
import { describe, expect, it, vi } from 'vitest';
import { createShardEngine, type CityFetch } from '../../../gateway/shard-engine/index.ts';
import { loadContract } from '../../../schema/loadContract.ts';

const contract = loadContract();
const timeout = async (fetch: CityFetch) => ({ kind: 'failed' as const, city: fetch.city, reason: 'timeout' as const, message: '' });

describe('createShardEngine', () => {
  it('lists its bureaus in ascending order, once each', () => {
    expect(createShardEngine({ contract, cities: ['511600', '500000', '511600'] }).cities).toEqual(['500000', '511600']);
  });

  it('answers a fetch it cannot parse with INTERNAL_SERVER_ERROR instead of rejecting', async () => {
    const engine = createShardEngine({ contract, cities: ['500000'] });
    const result = await engine.execute({ query: '{ enforcementCases {' }, timeout);
    expect(result).toMatchObject({ data: null, errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(result.errors?.[0]?.message).toMatch(/^The shard engine cannot parse this fetch: Syntax Error/);
  });

  it('picks the operation named by operationName', async () => {
    const engine = createShardEngine({ contract, cities: ['500000'] });
    const query = `query A { __typename } query B { b: __typename }`;
    expect(await engine.execute({ query, operationName: 'B' }, timeout)).toEqual({ data: { b: 'Query' } });
    expect(await engine.execute({ query }, timeout)).toMatchObject({ data: null, errors: [{ extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  it('settles a send that rejects or returns garbage as that bureau failing (bad-response)', async () => {
    const engine = createShardEngine({ contract, cities: ['500000', '510900'] });
    const result = await engine.execute({ query: `{ enforcementCases { totalCount } }` }, async (fetch) => {
      if (fetch.city === '500000') throw new Error('boom');
      return 'nonsense' as never;
    });
    expect(result).toMatchObject({
      data: { enforcementCases: null },
      errors: [
        { path: ['enforcementCases'], extensions: { code: 'CITY_UNAVAILABLE', city: '500000', reason: 'bad-response' } },
        { path: ['enforcementCases'], extensions: { code: 'CITY_UNAVAILABLE', city: '510900', reason: 'bad-response' } },
      ],
    });
  });

  it.each(['timeout', 'unreachable', 'circuit-open', 'off-contract', 'unchecked', 'http-error', 'bad-response', 'aborted'] as const)(
    "keeps the I/O layer's reason %s in the bureau's CITY_UNAVAILABLE error",
    async (reason) => {
      const engine = createShardEngine({ contract, cities: ['500000'] });
      const result = await engine.execute({ query: `{ enforcementCases { totalCount } }` }, async (fetch) => ({
        kind: 'failed', city: fetch.city, reason, message: 'for logs only',
      }));
      expect(result.errors).toEqual([{
        message: `City 500000 is unavailable (${reason}); its part of this result is missing.`,
        path: ['enforcementCases'],
        extensions: { code: 'CITY_UNAVAILABLE', city: '500000', reason },
      }]);
    },
  );

  it('turns a bug into "Unexpected error." and reports it through onUnexpectedError', async () => {
    const onUnexpectedError = vi.fn();
    const engine = createShardEngine({ contract, cities: ['500000'], onUnexpectedError });
    const request = Object.defineProperty({ query: '{ __typename }' }, 'variables', { get: () => { throw new Error('bug'); } });
    const result = await engine.execute(request, timeout);
    expect(result).toEqual({ data: null, errors: [{ message: 'Unexpected error.', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
    expect(onUnexpectedError).toHaveBeenCalledOnce();
  });

  it('serves another set of bureaus through withCities', async () => {
    const engine = createShardEngine({ contract, cities: ['500000'] });
    const sent: string[] = [];
    const record = async (fetch: CityFetch) => (sent.push(fetch.city), timeout(fetch));
    await engine.withCities(['510900', '511600']).execute({ query: `{ enforcementCases { totalCount } }` }, record);
    expect(sent).toEqual(['510900', '511600']);
  });

  it('answers a root field the contract has no policy for with null and an error', async () => {
    const engine = createShardEngine({ contract, cities: ['500000'] });
    const result = await engine.execute({ query: `{ x: unknownField }` }, timeout);
    expect(result).toMatchObject({ data: { x: null }, errors: [{ path: ['x'], extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
  });

  it('names the bureau an error came from itself, whatever the bureau claims', async () => {
    const engine = createShardEngine({ contract, cities: ['500000'] });
    const result = await engine.execute({ query: `{ x: enforcementCase(cityCode: "500000", id: "a") { id } }` }, async (fetch) => ({
      kind: 'ok', city: 'someone-else',
      response: JSON.parse('{"data":{"x":null},"errors":[{"message":"m","path":["x"],"extensions":{"city":"510900","__proto__":{"code":"X"}}}]}'),
    }));
    expect(JSON.parse(JSON.stringify(result))).toEqual({ data: { x: null }, errors: [{ message: 'm', path: ['x'], extensions: { city: '500000' } }] });
  });
});
