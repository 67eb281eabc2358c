/**
 * Client mistakes are the client's: thousands of malformed requests against the real gateway process
 * (bodies, documents, operation names, variables, persisted-query extensions, methods and headers,
 * drawn from a seeded stream so a failure replays) must never get a 5xx, and the answers that are
 * refusals carry a code and the real message, never "Unexpected error.".
 */
import { Agent, request } from 'undici';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRng, type Rng } from '../../../devtools/demo-world/createRng.ts';
import { startGatewayFederation, type GatewayFederation } from '../../fixtures/gatewayFederation.ts';

let federation: GatewayFederation;
const agent = new Agent({ connections: 8 });

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: ['500152'] });
});

afterAll(async () => {
  await agent.close();
  await federation?.stop();
});

interface Sent {
  readonly method: string;
  readonly headers: Record<string, string>;
  readonly body?: string;
  readonly search?: string;
}

async function send({ method, headers, body, search = '' }: Sent) {
  const res = await request(`${federation.gateway.url}${search}`, { method: method as 'POST', headers, body, dispatcher: agent });
  const text = await res.body.text();
  return { status: res.statusCode, text };
}

const json = { 'content-type': 'application/json' };
const post = async (payload: unknown) => {
  const { status, text } = await send({ method: 'POST', headers: json, body: JSON.stringify(payload) });
  return { status, body: JSON.parse(text) as { errors?: Array<{ message: string; extensions?: { code?: string } }> } };
};

describe('client mistakes named in issue 17', () => {
  it.each([
    [{ query: 'query A { __typename } query B { __typename }' }, 'OPERATION_RESOLUTION_FAILURE', 'Must provide operation name if query contains multiple operations.'],
    [{ query: 'query A { __typename }', operationName: 'B' }, 'OPERATION_RESOLUTION_FAILURE', 'Unknown operation named "B".'],
    [{ query: 'mutation { x }' }, 'GRAPHQL_VALIDATION_FAILED', 'Cannot query field "x" on type "Mutation".'],
    [{ query: 'subscription { alarms { id } }' }, 'GRAPHQL_VALIDATION_FAILED', 'Cannot query field "alarms" on type "Subscription".'],
    [{ query: 'subscription { bureauStatusChanged { cityCode } }' }, 'BAD_REQUEST',
      'Subscriptions are served over graphql-sse at /graphql/stream and over graphql-ws (WebSocket) at /graphql, not by POST or GET /graphql.'],
  ])('answers %j with 400 %s and the real message', async (payload, code, message) => {
    const { status, body } = await post(payload);
    expect(status).toBe(400);
    expect(body.errors?.[0]).toMatchObject({ message, extensions: { code } });
  });

  it('answers an unsupported persisted query version with 400 PERSISTED_QUERY_NOT_SUPPORTED and Apollo\'s message', async () => {
    const { status, body } = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 2, sha256Hash: 'x' } } });
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ message: 'Unsupported persisted query version', extensions: { code: 'PERSISTED_QUERY_NOT_SUPPORTED' } }]);
  });

  it('answers a persisted query hash that is not the document\'s with 400 PERSISTED_QUERY_HASH_MISMATCH', async () => {
    const { status, body } = await post({ query: '{ __typename }', extensions: { persistedQuery: { version: 1, sha256Hash: '0'.repeat(64) } } });
    expect(status).toBe(400);
    expect(body.errors).toEqual([{ message: 'provided sha does not match query', extensions: { code: 'PERSISTED_QUERY_HASH_MISMATCH' } }]);
  });
});

// ---- the fuzz corpus ----------------------------------------------------------------------------

const DOCUMENTS = [
  '{ __typename }',
  'query Q($first: Int) { stations(first: $first) { totalCount edges { node { id name } } } }',
  'query Q($id: ID!) { node(id: $id) { id ... on Station { name } } }',
  'query Q($code: ID!, $id: ID!) { station(cityCode: $code, id: $id) { id name } }',
  'query Q($codes: [ID!]) { stations(cityCodes: $codes, first: 2) { totalCount } }',
  '{ stations(first: 2, after: "not-a-cursor") { totalCount } }',
  '{ stations(first: -1) { totalCount } }',
  '{ stations(first: 101) { totalCount } }',
  '{ alarms(since: "yesterday") { totalCount } }',
  'query A { __typename } query B { __typename }',
  'mutation { x }',
  'subscription { alarms { id } }',
  'fragment F on Station { id } { stations { edges { node { ...F } } } }',
  '{ emergencyResources(near: { lat: 999, lng: "x" }) { totalCount } }',
  '{ evaluateWaterSample(values: [], waterBody: RIVER, targetClass: III) { waterClass } }',
  '{ station(cityCode: "999999", id: "1") { id } }',
  '{ node(id: "garbage") { id } }',
  '{ __schema { types { name } } }',
  'query ($v: Int = "s") { __typename }',
  '{ stations @skip(if: $nope) { totalCount } }',
];

const JUNK = ['', ' ', '{', '}', '(', ')', '$', '@', '"', '\\', '\u0000', '…', '成渝', '...', ':', '#', '\n', '!', '[', ']', '0x', '1e999', '__'];

function mutate(rng: Rng, text: string): string {
  let out = text;
  for (let edits = rng.int(1, 4); edits > 0; edits -= 1) {
    const at = rng.int(0, out.length);
    switch (rng.int(0, 3)) {
      case 0: out = out.slice(0, at) + rng.pick(JUNK) + out.slice(at); break;
      case 1: out = out.slice(0, at) + out.slice(at + rng.int(1, 6)); break;
      case 2: out = out.slice(0, at); break;
      default: out = out.slice(at) + out.slice(0, at);
    }
  }
  return out;
}

function value(rng: Rng, depth = 0): unknown {
  switch (rng.int(0, depth > 2 ? 5 : 7)) {
    case 0: return null;
    case 1: return rng.int(-(2 ** 40), 2 ** 40);
    case 2: return rng.next() * 1e308 * (rng.chance(0.5) ? -1 : 1);
    case 3: return rng.pick(JUNK) + rng.pick(['500152', 'U3RhdGlvbjo1MDAxNTI6MQ', '', 'x'.repeat(rng.int(0, 300))]);
    case 4: return rng.chance(0.5);
    case 5: return rng.pick(['500152', '510900', '999999', 'Station:500152:1']);
    case 6: return Array.from({ length: rng.int(0, 4) }, () => value(rng, depth + 1));
    default: return Object.fromEntries(Array.from({ length: rng.int(0, 3) }, (_, i) => [rng.pick(['first', 'id', 'code', 'codes', '__proto__', 'constructor', `k${i}`]), value(rng, depth + 1)]));
  }
}

function document(rng: Rng): unknown {
  const base = rng.pick(DOCUMENTS);
  if (rng.chance(0.1)) return value(rng); // not a string at all
  return rng.chance(0.6) ? mutate(rng, base) : base;
}

function payload(rng: Rng): unknown {
  const body: Record<string, unknown> = {};
  if (!rng.chance(0.05)) body['query'] = document(rng);
  if (rng.chance(0.4)) body['operationName'] = rng.chance(0.7) ? rng.pick(['Q', 'A', 'B', 'Nope', '', '__proto__']) : value(rng);
  if (rng.chance(0.5)) body['variables'] = rng.chance(0.8) ? Object.fromEntries(['first', 'id', 'code', 'codes'].filter(() => rng.chance(0.5)).map((k) => [k, value(rng)])) : value(rng);
  if (rng.chance(0.15)) {
    body['extensions'] = rng.chance(0.7)
      ? { persistedQuery: { version: rng.pick([1, 1, 2, 0, '1', null]), sha256Hash: rng.pick(['0'.repeat(64), 'zz', 42, null, 'ecf4edb46db40b5132295c0291d62fb65d6759a9eedfa4d5d612dd5ec54a6b38']) } }
      : value(rng);
  }
  if (rng.chance(0.05)) return value(rng); // a JSON body that is not an object
  return body;
}

const CONTENT_TYPES = ['application/json', 'application/json; charset=utf-8', 'application/graphql-response+json', 'text/plain', 'application/graphql',
  'multipart/form-data; boundary=x', 'application/x-www-form-urlencoded', 'application/json; charset=latin1', 'application/jsonx', ''];
const ACCEPTS = ['*/*', 'application/json', 'application/graphql-response+json', 'text/html', 'multipart/mixed; deferSpec=20220824', 'image/png', ';;;', ''];

function fuzzRequest(rng: Rng): Sent {
  const method = rng.weighted<string>([['POST', 12], ['GET', 4], ['PUT', 1], ['DELETE', 1], ['PATCH', 1], ['OPTIONS', 1]]);
  const headers: Record<string, string> = {};
  const contentType = rng.chance(0.8) ? 'application/json' : rng.pick(CONTENT_TYPES);
  if (contentType) headers['content-type'] = contentType;
  if (rng.chance(0.3)) headers['accept'] = rng.pick(ACCEPTS);
  if (rng.chance(0.1)) headers['apollo-require-preflight'] = 'true';
  if (rng.chance(0.05)) headers['x-request-id'] = rng.pick(['', 'x'.repeat(500), '成渝', '../../etc']).replace(/[^\x20-\x7e]/g, '?');
  if (rng.chance(0.03)) headers['authorization'] = rng.pick(['Bearer', 'Bearer a.b.c', 'Basic Zm9vOmJhcg==', 'Bearer ' + 'e'.repeat(100)]);
  if (method === 'GET') {
    const params = new URLSearchParams();
    const p = payload(rng) as Record<string, unknown>;
    for (const [key, v] of Object.entries(typeof p === 'object' && p !== null ? p : {})) params.set(key, typeof v === 'string' ? v : JSON.stringify(v));
    if (rng.chance(0.1)) params.append('query', '{ __typename }');
    return { method, headers, search: `?${params.toString()}${rng.chance(0.05) ? '&%zz=%' : ''}` };
  }
  const raw = rng.chance(0.08)
    ? mutate(rng, JSON.stringify(payload(rng)) ?? '') // not JSON any more (mostly)
    : JSON.stringify(payload(rng)) ?? '';
  return { method, headers, body: raw };
}

const FUZZ_REQUESTS = 4_000;

describe('a bad-input fuzz run against the gateway', () => {
  it(`answers ${FUZZ_REQUESTS} malformed requests without a single 5xx or "Unexpected error."`, async () => {
    const rng = createRng('issue-17/bad-input');
    const requests = Array.from({ length: FUZZ_REQUESTS }, () => fuzzRequest(rng));
    const failures: string[] = [];
    const statuses = new Map<number, number>();
    let next = 0;
    const worker = async () => {
      while (next < requests.length) {
        const sent = requests[next++]!;
        const { status, text } = await send(sent);
        statuses.set(status, (statuses.get(status) ?? 0) + 1);
        if (status >= 500 || text.includes('Unexpected error.')) failures.push(`${status} ${text.slice(0, 200)} ← ${JSON.stringify(sent).slice(0, 300)}`);
      }
    };
    await Promise.all(Array.from({ length: 8 }, worker));
    console.info(`bad-input fuzz: ${requests.length} requests, statuses ${JSON.stringify(Object.fromEntries([...statuses].sort()))}`);
    expect(failures.slice(0, 20)).toEqual([]);
  }, 300_000);
});
