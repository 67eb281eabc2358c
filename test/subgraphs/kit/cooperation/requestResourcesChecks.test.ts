/**
 * requestResources checks, before its transaction, that the responder has every resource it names: the
 * kit's resolver over a real (embedded) cooperation store, with the graph's answers (region, resources)
 * injected. A refusal has its stable code and writes nothing.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERRORS } from '../../../../schema/errors.ts';
import { encodeGlobalId } from '../../../../schema/globalId.ts';
import { openSqliteCooperationStore } from '../../../../subgraphs/adapters/sqlite/index.ts';
import type { SqlCooperationStore } from '../../../../subgraphs/adapters/sql/SqlCooperationStore.ts';
import type { ResourceDirectory, ResourceFact } from '../../../../subgraphs/kit/cooperation/createResourceDirectory.ts';
import { createCitySubgraph, type CitySubgraph } from '../../../../subgraphs/kit/createCitySubgraph.ts';
import { createInMemoryBureauSource } from '../../../fixtures/inMemoryBureauSource.ts';

const SUINING = '510900';
const TONGNAN = '500152';
const GUANGAN = '511600';
const res = (city: string, local: string) => encodeGlobalId('EmergencyResource', city, local);
const BOOM = res(TONGNAN, 'boom-1');
const PUMP = res(TONGNAN, 'pump-1');

const REQUEST = `mutation R($cityCode: ID!, $key: ID!, $input: RequestResourcesInput!) {
  requestResources(cityCode: $cityCode, idempotencyKey: $key, input: $input) { id state items { resourceId quantity } } }`;

let dir: string;
let store: SqlCooperationStore;
let subgraph: CitySubgraph;
/** What the injected graph answers for each resource id (absent = missing), and what it was asked. */
let facts: Map<string, ResourceFact>;
let lookup: ResourceDirectory | null;
const asked: Array<{ responder: string; ids: readonly string[]; token: string | null }> = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'coop-resources-'));
  store = await openSqliteCooperationStore({ path: join(dir, `${SUINING}-cooperation.sqlite`), cityCode: SUINING });
  subgraph = createCitySubgraph({ ...createInMemoryBureauSource(SUINING, {}), cooperation: store }, () => {}, {
    directory: async () => ({ bureaus: new Set([SUINING, TONGNAN, GUANGAN]), sections: null }),
    resources: (responder, ids, token) => {
      asked.push({ responder, ids, token });
      return lookup !== null ? lookup(responder, ids, token) : Promise.resolve(ids.map((id) => facts.get(id) ?? { status: 'missing' }));
    },
    now: () => Date.parse('2026-05-01T10:00:00+08:00'),
  });
});

afterAll(async () => {
  await store?.close();
  rmSync(dir, { recursive: true, force: true });
});

async function request(items: Array<{ resourceId: string; quantity: number }>, responderCityCode = TONGNAN) {
  const caller = { role: 'authenticated', subject: 'wang.fang', bureau: SUINING, scopes: new Set(['resources:request']), jurisdiction: null } as const;
  const res = await subgraph.apollo.executeOperation(
    { query: REQUEST, variables: { cityCode: SUINING, key: `k-${asked.length}-${Math.random()}`, input: { responderCityCode, items } } },
    { contextValue: subgraph.context(caller, 'the-gateway-token', 'req-1') },
  );
  if (res.body.kind !== 'single') throw new Error('expected a single result');
  return res.body.singleResult as { data?: any; errors?: Array<{ message: string; extensions?: Record<string, any> }> };
}

const written = async () => (await store.listResourceRequests({ filter: { role: 'SENT' }, sort: { field: 'createdAt', direction: 'DESC' }, after: null, limit: 101 })).totalCount;

describe('requestResources checks the responder\'s resources before writing', () => {
  it('writes the request when the responder has every resource, having asked it as the caller (the gateway token)', async () => {
    facts = new Map([[BOOM, { status: 'found', cityCode: TONGNAN }], [PUMP, { status: 'found', cityCode: TONGNAN }]]);
    lookup = null;
    asked.length = 0;
    const answer = await request([{ resourceId: BOOM, quantity: 2 }, { resourceId: PUMP, quantity: 1 }]);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.requestResources).toMatchObject({ state: 'REQUESTED', items: [{ resourceId: BOOM, quantity: 2 }, { resourceId: PUMP, quantity: 1 }] });
    expect(asked).toEqual([{ responder: TONGNAN, ids: [BOOM, PUMP], token: 'the-gateway-token' }]);
  });

  it('refuses a resource the responder does not have (UNKNOWN_RESOURCE, naming the item) and writes nothing', async () => {
    facts = new Map([[BOOM, { status: 'found', cityCode: TONGNAN }]]);
    const before = await written();
    const answer = await request([{ resourceId: BOOM, quantity: 2 }, { resourceId: PUMP, quantity: 1 }]);
    expect(answer.errors?.map((e) => e.extensions)).toMatchObject([
      { code: ERRORS.UNKNOWN_RESOURCE.code, argument: 'input.items[1].resourceId', resourceId: PUMP, reason: 'not-found' },
    ]);
    expect(answer.data?.requestResources ?? null).toBeNull();
    expect(await written()).toBe(before);
  });

  it('refuses a resource the graph says belongs to another bureau than the responder, and writes nothing', async () => {
    facts = new Map([[BOOM, { status: 'found', cityCode: GUANGAN }]]);
    const before = await written();
    const answer = await request([{ resourceId: BOOM, quantity: 2 }]);
    expect(answer.errors?.map((e) => e.extensions)).toMatchObject([{ code: 'UNKNOWN_RESOURCE', reason: 'other-bureau', argument: 'input.items[0].resourceId' }]);
    expect(await written()).toBe(before);
  });

  it('refuses an id of another bureau than the responder (INVALID_ID) without asking the graph', async () => {
    asked.length = 0;
    const answer = await request([{ resourceId: res(GUANGAN, 'boom-9'), quantity: 1 }]);
    expect(answer.errors?.map((e) => e.extensions?.['code'])).toEqual(['INVALID_ID']);
    expect(asked).toEqual([]);
  });

  it('is FORBIDDEN when the caller may not see the responder\'s resources, and writes nothing', async () => {
    facts = new Map([[BOOM, { status: 'forbidden', extensions: { reason: 'missing-scope', requiredScopes: [['emergency:read']] } }]]);
    const before = await written();
    const answer = await request([{ resourceId: BOOM, quantity: 1 }]);
    expect(answer.errors?.map((e) => e.extensions)).toMatchObject([
      { code: 'FORBIDDEN', reason: 'missing-scope', requiredScopes: [['emergency:read']], cityCode: TONGNAN, argument: 'input.items[0].resourceId' },
    ]);
    expect(await written()).toBe(before);
  });

  it('passes on RECIPIENTS_UNAVAILABLE when the responder does not answer, but refuses an unknown responder as such', async () => {
    lookup = () => Promise.reject(ERRORS.RECIPIENTS_UNAVAILABLE.err('down', { extensions: { reason: 'responder-unavailable', cityCode: TONGNAN } }));
    const before = await written();
    expect((await request([{ resourceId: BOOM, quantity: 1 }])).errors?.map((e) => e.extensions)).toMatchObject([
      { code: 'RECIPIENTS_UNAVAILABLE', reason: 'responder-unavailable', cityCode: TONGNAN },
    ]);
    const unknown = await request([{ resourceId: res('123456', 'r1'), quantity: 1 }], '123456');
    expect(unknown.errors?.map((e) => e.extensions)).toMatchObject([{ code: 'INVALID_RECIPIENT', reason: 'unknown-bureau' }]);
    expect(await written()).toBe(before);
    lookup = null;
  });
});
