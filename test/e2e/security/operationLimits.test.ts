/**
 * Operation limits on the real gateway process in production mode (issue 7 item 6): the OWASP
 * GraphQL attack set (deep nesting, alias overloading, field duplication, circular fragments,
 * directive overloading, batching, a huge document, introspection abuse, a costly fan-out) is
 * refused with its stable code in milliseconds while another caller's ordinary query, sent at the
 * same time, is answered in full; anonymous introspection is refused and signed-in introspection
 * served; field suggestions are hidden; automatic persisted queries register and run by hash, across
 * two gateway replicas sharing the machine's real Redis; and safelist mode runs only its manifest.
 *
 * Each refusal's time is printed: on the gateway (its request log's durationMs, from the start of
 * Apollo's pipeline to the response) and at the client (the whole HTTP round trip). The bounds are
 * hang guards on a shared 2-core machine, not performance assertions.
 */
import { createHash, randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayFederation, type GatewayFederation } from '../../fixtures/gatewayFederation.ts';
import { startGatewayProcess, type GatewayProcess } from '../../fixtures/gatewayProcess.ts';
import { TEST_REDIS, TEST_REDIS_URL } from '../../fixtures/testRedis.ts';
import { describeWithServer } from '../../subgraphs/adapters/describeWithServer.ts';

const BUREAUS = ['510900', '500152'];
/** On the gateway, median of a few tries of one request at a time. */
const HANG_GUARD_MS = 500;
/** Round trips: one at a time, and all at once (15 requests, one of 900 KB, on one event loop of a loaded machine). */
const ROUND_TRIP_GUARD_MS = 5_000;
const CONCURRENT_ROUND_TRIP_GUARD_MS = 15_000;

interface Answer {
  readonly status: number;
  readonly body: any;
  /** The client's round trip. */
  readonly ms: number;
  readonly requestId: string;
}

const redisUp = (await TEST_REDIS.probe()) === null;

let federation: GatewayFederation;
beforeAll(async () => {
  federation = await startGatewayFederation({
    bureaus: BUREAUS,
    // Production mode (the default outside `npm start`); Redis for APQ when the machine has it.
    // A low cost limit, so a two-bureau fan-out of this size crosses it (the default is 200 000).
    gatewayEnv: { ECOGRAPH_MODE: 'production', ECOGRAPH_MAX_COST: '20000', ...(redisUp && { ECOGRAPH_REDIS_URL: TEST_REDIS_URL }) },
  });
});
afterAll(async () => {
  await federation?.stop();
});

async function post(url: string, body: unknown, headers: Record<string, string> = {}): Promise<Answer> {
  const requestId = `limits-${randomUUID()}`;
  const started = performance.now();
  const res = await fetch(url, { method: 'POST', headers: { 'content-type': 'application/json', 'x-request-id': requestId, ...headers }, body: JSON.stringify(body) });
  const text = await res.text();
  return { status: res.status, body: JSON.parse(text), ms: performance.now() - started, requestId };
}

/**
 * The gateway's own time for a request, from its request log line (which may reach stderr a little
 * after the response); null when Apollo never started the request (a batch is refused before).
 */
async function gatewayMs(answer: Answer): Promise<number | null> {
  for (let waited = 0; waited < 3_000; waited += 50) {
    const line = federation.gateway.logs().find((l) => l['msg'] === 'request' && l['requestId'] === answer.requestId);
    if (typeof line?.['durationMs'] === 'number') return line['durationMs'];
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return null;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

const codesOf = (answer: Answer) => (answer.body.errors ?? []).map((e: any) => e.extensions?.code);
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

const ORDINARY = `query Ordinary { stations(first: 5) { totalCount edges { node { id name cityCode } } } }`;
const nested = (levels: number) => `{ stations { edges { node { ${'sharedWith { '.repeat(levels)}code${' }'.repeat(levels)} } } } }`;

const ATTACKS: ReadonlyArray<{ readonly name: string; readonly body: unknown; readonly status: number; readonly code: string; readonly message?: RegExp }> = [
  { name: 'deep nesting (100 levels)', body: { query: nested(100) }, status: 400, code: 'QUERY_TOO_DEEP', message: /limit is 15/ },
  // 13,500 tokens (within the token limit): graphql's recursive parser overflows its stack first.
  { name: 'deep nesting (4500 levels: beyond the parser)', body: { query: `{ ${'a { '.repeat(4500)}b${' }'.repeat(4500)} }` }, status: 400, code: 'QUERY_TOO_DEEP' },
  {
    name: 'alias overloading (1000 aliases)',
    body: { query: `{ ${Array.from({ length: 1000 }, (_, i) => `a${i}: stations { totalCount }`).join(' ')} }` },
    status: 400, code: 'TOO_MANY_ALIASES', message: /has 1000 aliased fields .* limit is 30/,
  },
  {
    name: 'field duplication (10,000 copies)',
    body: { query: `{ stations { edges { node { ${'name '.repeat(10_000)} } } } }` },
    status: 400, code: 'TOO_MANY_FIELDS', message: /selects 10003 fields .* limit is 1000/,
  },
  {
    name: 'circular fragments',
    body: { query: '{ stations { edges { node { ...A } } } } fragment A on Station { id ...B } fragment B on Station { name ...A }' },
    status: 400, code: 'GRAPHQL_VALIDATION_FAILED', message: /Cannot spread fragment "A" within itself/,
  },
  {
    name: 'directive overloading (@include 1000 times)',
    body: { query: `{ stations { totalCount ${'@include(if: true) '.repeat(1000)} } }` },
    status: 400, code: 'TOO_MANY_DIRECTIVES', message: /1000 directives on one field .* limit is 4/,
  },
  { name: 'batching (an array of 20 operations)', body: Array.from({ length: 20 }, () => ({ query: ORDINARY })), status: 400, code: 'BAD_REQUEST', message: /batching disabled/ },
  {
    name: 'huge document (~900 KB of tokens)',
    body: { query: `{ stations { edges { node { ${'id '.repeat(300_000)} } } } }` },
    status: 400, code: 'QUERY_TOO_LARGE', message: /more than 15000 tokens/,
  },
  {
    name: 'introspection abuse (nested __schema lists)',
    body: { query: '{ __schema { types { fields { type { fields { type { fields { type { fields { name } } } } } } } } } }' },
    status: 400, code: 'QUERY_TOO_COMPLEX', message: /introspection list "fields" 4 times/,
  },
  {
    name: 'introspection abuse (ofType nested 40 deep)',
    body: { query: `{ __type(name: "Station") { ${'ofType { '.repeat(40)}name${' }'.repeat(40)} } }` },
    status: 400, code: 'QUERY_TOO_DEEP',
  },
  { name: 'anonymous introspection in production mode', body: { query: '{ __schema { queryType { name } } }' }, status: 403, code: 'INTROSPECTION_DISABLED' },
  {
    name: 'costly fan-out (readings of 100 stations per bureau)',
    body: { query: '{ stations(first: 100) { edges { node { id readings { time values { code value } } } } } }' },
    status: 400, code: 'QUERY_TOO_COMPLEX', message: /estimated cost is \d+; the limit is 20000/,
  },
];

describe('the OWASP GraphQL attack set against the gateway', () => {
  let ordinary: Answer;
  beforeAll(async () => {
    ordinary = await post(federation.gateway.url, { query: ORDINARY });
  });

  it('answers the ordinary query in full (the baseline the concurrent caller must match)', () => {
    expect(ordinary.status).toBe(200);
    expect(ordinary.body.errors).toBeUndefined();
    expect(ordinary.body.data.stations.edges).toHaveLength(5);
  });

  it('refuses every attack with its stable code in milliseconds while another caller is served', async () => {
    const results = await Promise.all([
      ...ATTACKS.map(async (attack) => ({ attack, answer: await post(federation.gateway.url, attack.body) })),
      ...Array.from({ length: 3 }, async () => ({ attack: null, answer: await post(federation.gateway.url, { query: ORDINARY }) })),
    ]);
    const table: string[] = [];
    for (const { attack, answer } of results) {
      if (attack === null) {
        expect(answer.status).toBe(200);
        expect(answer.body).toEqual(ordinary.body);
        continue;
      }
      table.push(`${attack.name.padEnd(55)} ${String(answer.status)} ${codesOf(answer)[0]} ${answer.ms.toFixed(1)} ms`);
      expect({ name: attack.name, status: answer.status, code: codesOf(answer)[0] }).toEqual({ name: attack.name, status: attack.status, code: attack.code });
      expect(answer.body.data ?? undefined, attack.name).toBeUndefined();
      if (attack.message) expect(answer.body.errors[0].message, attack.name).toMatch(attack.message);
      expect(answer.ms, `${attack.name}: a hang guard`).toBeLessThan(CONCURRENT_ROUND_TRIP_GUARD_MS);
    }
    console.log(`refusal times (concurrently, with 3 ordinary queries):\n${table.join('\n')}`);
  });

  it('refuses each attack alone in milliseconds too (median of 3 tries)', async () => {
    const table: string[] = [];
    for (const attack of ATTACKS) {
      const answers: Answer[] = [];
      for (let i = 0; i < 3; i += 1) answers.push(await post(federation.gateway.url, attack.body));
      for (const answer of answers) expect(codesOf(answer)[0], attack.name).toBe(attack.code);
      const onGateway = await Promise.all(answers.map(gatewayMs));
      const gatewayMedian = onGateway.every((ms) => ms !== null) ? median(onGateway as number[]) : null;
      const roundTrip = median(answers.map((a) => a.ms));
      table.push(`${attack.name.padEnd(55)} gateway ${gatewayMedian === null ? '(before Apollo)' : `${gatewayMedian.toFixed(1)} ms`}, round trip ${roundTrip.toFixed(1)} ms`);
      if (gatewayMedian !== null) expect(gatewayMedian, `${attack.name}: a hang guard`).toBeLessThan(HANG_GUARD_MS);
      expect(roundTrip, `${attack.name}: a hang guard`).toBeLessThan(ROUND_TRIP_GUARD_MS);
    }
    console.log(`refusal times (one at a time, medians):\n${table.join('\n')}`);
  });

  it('multiplies the cost of a fan-out by the bureaus it reaches: one bureau passes, two are refused', async () => {
    const query = 'query($c: [ID!]) { stations(first: 50, cityCodes: $c) { edges { node { id readings { time values { code value } } } } } }';
    const one = await post(federation.gateway.url, { query, variables: { c: ['510900'] } });
    expect(one.status).toBe(200);
    expect(one.body.errors).toBeUndefined();
    const two = await post(federation.gateway.url, { query, variables: { c: BUREAUS } });
    expect(two.status).toBe(400);
    expect(two.body.errors[0].extensions).toEqual({ code: 'QUERY_TOO_COMPLEX', max: 20_000, measured: 2 * 11_201, bureaus: 2 });
  });

  it('serves introspection to a signed-in caller, the standard query included', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const answer = await post(federation.gateway.url, { query: getIntrospectionQuery({ inputValueDeprecation: true, schemaDescription: true }) }, federation.gateway.callerHeaders);
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data.__schema.queryType.name).toBe('Query');
  });

  it('lets anonymous callers ask for __typename', async () => {
    const answer = await post(federation.gateway.url, { query: '{ __typename stations(first: 1) { __typename } }' });
    expect(answer.body).toEqual({ data: { __typename: 'Query', stations: { __typename: 'StationConnection' } } });
  });

  it('hides field suggestions in production mode', async () => {
    const answer = await post(federation.gateway.url, { query: '{ stations { edges { node { nam } } } }' });
    expect(answer.status).toBe(400);
    expect(answer.body.errors.map((e: any) => e.message)).toEqual(['Cannot query field "nam" on type "Station".']);
  });

  it('caps a GET query string through the HTTP edge (Node refuses request heads above 16 KiB)', async () => {
    const url = new URL(federation.gateway.url);
    url.searchParams.set('query', `{ stations { edges { node { ${'id '.repeat(10_000)} } } } }`);
    const res = await fetch(url, { headers: { 'apollo-require-preflight': 'true' } });
    expect(res.status).toBe(431);
  });
});

/** A document no earlier run registered (the comment makes its hash new), and its APQ request. */
const freshDocument = () => `# run ${randomUUID()}\n${ORDINARY}`;
const byHash = (query: string) => ({ extensions: { persistedQuery: { version: 1, sha256Hash: sha256(query) } } });

describe('automatic persisted queries', () => {
  it('asks for the document of an unknown hash, registers it with its text, then runs it by hash', async () => {
    const query = freshDocument();
    const unknown = await post(federation.gateway.url, byHash(query));
    expect(unknown.status).toBe(200); // Apollo's APQ protocol: the client then sends the text
    expect(codesOf(unknown)).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(federation.gateway.url, { query, ...byHash(query) });
    expect(registered.body).toEqual(await post(federation.gateway.url, { query }).then((a) => a.body));
    const known = await post(federation.gateway.url, byHash(query));
    expect(known.status).toBe(200);
    expect(known.body).toEqual(registered.body);
  });

  it('does not register a document the limits refuse', async () => {
    const query = `# run ${randomUUID()}\n{ ${Array.from({ length: 40 }, (_, i) => `a${i}: stations { totalCount }`).join(' ')} }`;
    expect(codesOf(await post(federation.gateway.url, { query, ...byHash(query) }))).toEqual(['TOO_MANY_ALIASES']);
    expect(codesOf(await post(federation.gateway.url, byHash(query)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });
});

await describeWithServer(TEST_REDIS, 'automatic persisted queries shared through Redis by two gateway replicas', () => {
  let replica: GatewayProcess;
  beforeAll(async () => {
    replica = await startGatewayProcess(federation.registry, { env: { ECOGRAPH_MODE: 'production', ECOGRAPH_REDIS_URL: TEST_REDIS_URL } });
  });
  afterAll(async () => {
    await replica?.stop();
  });

  it('runs by hash through replica B a document registered through replica A', async () => {
    const query = freshDocument();
    expect(codesOf(await post(replica.url, byHash(query)))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
    const registered = await post(federation.gateway.url, { query, ...byHash(query) });
    expect(registered.body.errors).toBeUndefined();
    const viaReplica = await post(replica.url, byHash(query));
    expect(viaReplica.status).toBe(200);
    expect(viaReplica.body).toEqual(registered.body);
  });
});

describe('safelist mode', () => {
  const REGISTERED = 'query Registered { stations(first: 2) { edges { node { id name } } } }';
  let dir: string;
  let safelisted: GatewayProcess;
  const manifest = (operations: Array<{ name: string; body: string; id?: string }>) => {
    const path = join(dir, `manifest-${randomUUID()}.json`);
    writeFileSync(path, JSON.stringify({
      format: 'apollo-persisted-query-manifest',
      version: 1,
      operations: operations.map((o) => ({ id: o.id ?? sha256(o.body), name: o.name, type: 'query', body: o.body })),
    }));
    return path;
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'ecograph-safelist-'));
    safelisted = await startGatewayProcess(federation.registry, { env: { ECOGRAPH_MODE: 'production', ECOGRAPH_SAFELIST: manifest([{ name: 'Registered', body: REGISTERED }]) } });
  });
  afterAll(async () => {
    await safelisted?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  it('runs a registered document by hash from the first request, and by its full text', async () => {
    const byHash = await post(safelisted.url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(REGISTERED) } } });
    expect(byHash.status).toBe(200);
    expect(byHash.body.data.stations.edges).toHaveLength(2);
    expect((await post(safelisted.url, { query: REGISTERED })).body).toEqual(byHash.body);
  });

  it('refuses any other document with PERSISTED_QUERY_NOT_IN_SAFELIST (HTTP 403), and registers nothing', async () => {
    const other = await post(safelisted.url, { query: ORDINARY });
    expect(other.status).toBe(403);
    expect(codesOf(other)).toEqual(['PERSISTED_QUERY_NOT_IN_SAFELIST']);
    const sneaked = await post(safelisted.url, { query: ORDINARY, extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ORDINARY) } } });
    expect(codesOf(sneaked)).toEqual(['PERSISTED_QUERY_NOT_IN_SAFELIST']);
    expect(codesOf(await post(safelisted.url, { extensions: { persistedQuery: { version: 1, sha256Hash: sha256(ORDINARY) } } }))).toEqual(['PERSISTED_QUERY_NOT_FOUND']);
  });

  it('does not start with a manifest whose operation does not fit the schema, and names it', async () => {
    const bad = manifest([{ name: 'Registered', body: REGISTERED }, { name: 'Stale', body: 'query Stale { stations { edges { node { removedField } } } }' }]);
    await expect(startGatewayProcess(federation.registry, { env: { ECOGRAPH_MODE: 'production', ECOGRAPH_SAFELIST: bad } }))
      .rejects.toThrow(/operation "Stale".*Cannot query field "removedField"/s);
  }, 120_000);

  it('does not start with a manifest whose id is not the hash of its body, and names it', async () => {
    const bad = manifest([{ name: 'Tampered', body: REGISTERED, id: sha256('something else') }]);
    await expect(startGatewayProcess(federation.registry, { env: { ECOGRAPH_MODE: 'production', ECOGRAPH_SAFELIST: bad } }))
      .rejects.toThrow(/ECOGRAPH_SAFELIST .*operation "Tampered": id [0-9a-f]{64} is not the SHA-256 of its body/s);
  }, 120_000);
});
