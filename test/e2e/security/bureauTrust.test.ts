/**
 * Nobody reaches a bureau (or the region) around the gateway: real subgraph processes refuse every
 * /graphql request without a valid gateway token (`_service` and `_entities` included, GET too)
 * with 401 UNAUTHENTICATED, accept the gateway's own, and decide a case's internal details from the
 * identity in it. The real gateway of the same federation keeps answering and its checks pass.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startGatewayFederation, type GatewayFederation } from '../../fixtures/gatewayFederation.ts';
import { gatewayHeadersFor, gatewayTokenFor, testGatewayKeys } from '../../fixtures/gatewayTrust.ts';
import { postGraphQL, startSubgraphProcess } from '../../fixtures/startSubgraphProcess.ts';
import { FORGED_TOKEN_REASONS, forgedTokens } from '../../schema/gateway-token/forgeTokens.ts';
import { readReadiness } from '../../fixtures/readReadiness.ts';

// 荣昌 and 泸州: the seeded data (scale 0.05, seed test-seed) has an unpublished joint case among them.
const BUREAU = '500153';
const OTHER = '510500';
const OUTSIDER = '510100'; // 成都: a bureau code no seeded case names as a partner

let federation: GatewayFederation;

beforeAll(async () => {
  federation = await startGatewayFederation({ bureaus: [BUREAU, OTHER] });
});

afterAll(async () => {
  await federation?.stop();
});

const REQUESTS = {
  '{ _service { sdl } }': { query: '{ _service { sdl } }' },
  _entities: {
    query: 'query($r: [_Any!]!) { _entities(representations: $r) { ... on Enterprise { creditCode cases { id } } } }',
    variables: { r: [{ __typename: 'Enterprise', creditCode: '915109000000000000' }] },
  },
  'a normal query': { query: '{ stations(first: 1) { totalCount } }' },
} as const;
type RequestName = keyof typeof REQUESTS;

async function send(url: string, name: RequestName, headers: Record<string, string>) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(REQUESTS[name]),
  });
  return { status: res.status, challenge: res.headers.get('www-authenticate'), body: (await res.json()) as any };
}

function expectRefused(answer: Awaited<ReturnType<typeof send>>, reason: string) {
  expect(answer.status).toBe(401);
  expect(answer.challenge).toMatch(/^Bearer\b/);
  expect(answer.body.data).toBeUndefined();
  expect(answer.body.errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason });
}

const NAMES = Object.keys(REQUESTS) as RequestName[];

describe('a bureau refuses every request the gateway did not sign', () => {
  it.each(NAMES)('no token: %s → 401', async (name) => {
    expectRefused(await send(federation.bureau(BUREAU).url, name, {}), 'no-token');
  });

  it.each(NAMES)('a header that is not a bearer token: %s → 401', async (name) => {
    expectRefused(await send(federation.bureau(BUREAU).url, name, { authorization: `Basic ${Buffer.from('a:b').toString('base64')}` }), 'malformed');
  });

  it.each(NAMES.flatMap((name) => FORGED_TOKEN_REASONS.map(([kind, reason]) => [kind, name, reason] as const)))(
    'a token with %s: %s → 401 (%s)',
    async (kind, name, reason) => {
      const token = (await forgedTokens(BUREAU, testGatewayKeys()))[kind];
      expectRefused(await send(federation.bureau(BUREAU).url, name, { authorization: `Bearer ${token}` }), reason);
    },
  );

  it.each(NAMES)('a replayed token: %s → 200 once, then 401', async (name) => {
    const headers = gatewayHeadersFor(BUREAU);
    const first = await send(federation.bureau(BUREAU).url, name, headers);
    expect(first.status).toBe(200);
    expect(first.body.errors).toBeUndefined();
    expectRefused(await send(federation.bureau(BUREAU).url, name, headers), 'replayed');
  });

  it.each(NAMES)("a fresh gateway token: %s → 200", async (name) => {
    const answer = await send(federation.bureau(BUREAU).url, name, gatewayHeadersFor(BUREAU, { role: 'public' }));
    expect(answer.status).toBe(200);
    expect(answer.body.errors).toBeUndefined();
    expect(answer.body.data).toBeTruthy();
  });

  it('refuses GET requests without a token and serves them with one', async () => {
    const url = `${federation.bureau(BUREAU).url}?query=${encodeURIComponent('{ __typename }')}`;
    const preflight = { 'apollo-require-preflight': 'true' }; // Apollo's CSRF prevention, unrelated to trust
    const refused = await fetch(url, { headers: preflight });
    expect(refused.status).toBe(401);
    expect(refused.headers.get('www-authenticate')).toBe('Bearer');
    const served = await fetch(url, { headers: { ...preflight, ...gatewayHeadersFor(BUREAU) } });
    expect(served.status).toBe(200);
    expect(await served.json()).toEqual({ data: { __typename: 'Query' } });
  });

  it('keeps /health open: it carries no data', async () => {
    const res = await fetch(federation.bureau(BUREAU).url.replace(/\/graphql$/, '/health'));
    expect(res.status).toBe(200);
  });

  it("never repeats the token in its answer", async () => {
    const token = gatewayTokenFor(OTHER); // meant for another bureau
    const answer = await send(federation.bureau(BUREAU).url, 'a normal query', { authorization: `Bearer ${token}` });
    expectRefused(answer, 'wrong-audience');
    expect(JSON.stringify(answer.body)).not.toContain(token.split('.')[1]!);
  });
});

describe('a subgraph without the gateway public key', () => {
  it.each([['a bureau', 'city', [BUREAU]], ['the region', 'region', []]] as const)('%s does not start, and says which key is missing', async (_what, kind, args) => {
    await expect(startSubgraphProcess(kind, args, { ...federation.data.env, ECOGRAPH_GATEWAY_PUBLIC_KEY: '' }))
      .rejects.toThrow(/no gateway public key\. Set ECOGRAPH_GATEWAY_PUBLIC_KEY/);
  });
});

describe('the region refuses every request the gateway did not sign', () => {
  it.each([
    ['no token', {}, 'no-token'],
    ["a bureau's token", () => gatewayHeadersFor(BUREAU), 'wrong-audience'],
  ] as const)('%s → 401', async (_what, headers, reason) => {
    const res = await fetch(federation.region().url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(typeof headers === 'function' ? headers() : headers) },
      body: JSON.stringify({ query: '{ _service { sdl } }' }),
    });
    expect(res.status).toBe(401);
    expect(((await res.json()) as any).errors[0].extensions).toMatchObject({ code: 'UNAUTHENTICATED', reason, city: 'region' });
  });

  it('serves a region token', async () => {
    const answer = await federation.region().post('{ _service { sdl } }');
    expect(answer.errors).toBeUndefined();
    expect(answer.data!['_service'].sdl).toContain('type Section');
  });
});

describe('the gateway signs its way in', () => {
  it('answers queries that reach every bureau and the region', async () => {
    const answer = await postGraphQL(federation.gateway.url, '{ stations(first: 3) { totalCount edges { node { cityCode } } } sections(crossBorderOnly: true) { name } }');
    expect(answer.errors).toBeUndefined();
    const direct = await Promise.all([BUREAU, OTHER].map((code) => federation.bureau(code).post('{ stations(first: 0) { totalCount } }')));
    expect(answer.data!['stations'].totalCount).toBe(direct.reduce((sum, d) => sum + d.data!['stations'].totalCount, 0));
    expect(answer.data!['sections'].length).toBeGreaterThan(0);
  });

  it("passes its registry checks (`_service { sdl }` with its own service token)", async () => {
    const readiness = (await readReadiness(federation.gateway.origin)).body;
    expect(readiness.region.status).toBe('up');
    expect(readiness.cities.map((c) => `${c.code} ${c.status}`).sort()).toEqual([`${BUREAU} up`, `${OTHER} up`].sort());
  });
});

describe("a bureau shows a case's internal details only to the parties' officers", () => {
  const INTERNAL = 'caseNumber published evidence { type reference } violationFacts penaltyTypes penaltyBasis { law article } fineYuan';
  const FIELDS = ['evidence', 'violationFacts', 'penaltyTypes', 'penaltyBasis', 'fineYuan'];
  const officerOf = (bureau: string) => ({ bureau, scope: 'cases:read cases:internal' });
  interface Found { readonly city: string; readonly id: string; readonly partners: readonly string[] }
  const ask = (found: Found, claims: Parameters<typeof gatewayTokenFor>[1]) => federation.bureau(found.city).post(
    `query($c: ID!, $id: ID!) { enforcementCase(cityCode: $c, id: $id) { ${INTERNAL} } }`, { c: found.city, id: found.id }, claims);

  /** Cases of the running bureaus, each asked as its own officer: an unpublished joint one, a published one. */
  async function findCases(): Promise<{ joint: Found; published: Found }> {
    const all = (await Promise.all(federation.codes.map(async (city) => {
      const answer = await federation.bureau(city).post('{ enforcementCases(first: 100) { edges { node { id published jointPartners { code } } } } }');
      return answer.data!['enforcementCases'].edges.map((e: any) => ({
        city, id: e.node.id, published: e.node.published, partners: e.node.jointPartners.map((p: any) => p.code).filter((c: string) => c !== city),
      }));
    }))).flat();
    const joint = all.find((c) => !c.published && c.partners.length > 0);
    const published = all.find((c) => c.published);
    expect(joint, 'an unpublished joint case in the seeded data').toBeTruthy();
    expect(published, 'a published case in the seeded data').toBeTruthy();
    expect(joint.partners).not.toContain(OUTSIDER);
    return { joint, published };
  }

  it.each([
    ['its own officer', (c: Found) => officerOf(c.city)],
    ["a joint partner bureau's officer", (c: Found) => officerOf(c.partners[0]!)],
  ])('%s reads evidence, facts and the unpublished penalty', async (_who, claimsFor) => {
    const { joint } = await findCases();
    const answer = await ask(joint, claimsFor(joint));
    expect(answer.errors).toBeUndefined();
    const c = answer.data!['enforcementCase'];
    expect(c.published).toBe(false);
    expect(c.evidence.length).toBeGreaterThan(0);
    expect(typeof c.violationFacts).toBe('string');
    expect(Array.isArray(c.penaltyTypes) && Array.isArray(c.penaltyBasis)).toBe(true);
  });

  it.each([
    ['an officer of a bureau outside the case', (_c: Found) => officerOf(OUTSIDER)],
    ['its own officer without cases:internal', (c: Found) => ({ bureau: c.city, scope: 'cases:read' })],
    ['the public', (_c: Found) => ({ role: 'public' as const })],
  ])('%s gets those fields as null with FORBIDDEN, and the rest of the case', async (_who, claimsFor) => {
    const { joint } = await findCases();
    const answer = await ask(joint, claimsFor(joint));
    const c = answer.data!['enforcementCase'];
    expect(c.caseNumber).toBeTruthy();
    expect(FIELDS.map((f) => c[f])).toEqual([null, null, null, null, null]);
    expect(answer.errors!.map((e) => e.path).sort()).toEqual(FIELDS.map((f) => ['enforcementCase', f]).sort());
    for (const error of answer.errors!) {
      expect(error.extensions).toMatchObject({ code: 'FORBIDDEN', reason: 'not-case-party', city: joint.city });
    }
  });

  it('shows the penalty of a published decision to anyone, but never its evidence or facts', async () => {
    const { published } = await findCases();
    const answer = await ask(published, { role: 'public' });
    const c = answer.data!['enforcementCase'];
    expect(Array.isArray(c.penaltyTypes) && Array.isArray(c.penaltyBasis)).toBe(true);
    expect([c.evidence, c.violationFacts]).toEqual([null, null]);
    expect(answer.errors!.map((e) => e.path)).toEqual([['enforcementCase', 'evidence'], ['enforcementCase', 'violationFacts']]);
  });
});
