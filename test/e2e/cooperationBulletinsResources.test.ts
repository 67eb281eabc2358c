/**
 * Cooperation (issue #11, second slice) across real processes: bulletins (应急信息). 遂宁 (510900)
 * sends one bulletin to 潼南 (500152) and 广安 (511600); the gateway's relay carries it into both
 * inboxes; 潼南 marks its copy read and the receipt travels back, so 遂宁 sees READ for 潼南 and
 * DELIVERED for 广安. `bulletinExchange` counts per ordered pair over a period, merged from every
 * sender's own count. Then a resource request (应急资源调用) from 遂宁 to 潼南 for two of 潼南's emergency
 * resources goes ACCEPTED → DISPATCHED → RETURNED, and 遂宁's copy follows each state in turn. Also:
 * retries, refusals with their codes, and the access matrix of every new mutation.
 * Every wait is a poll with a deadline, never a fixed sleep.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../schema/globalId.ts';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { postGraphQL, type GraphQLAnswer } from '../fixtures/startSubgraphProcess.ts';
import { officerToken, writeAccessMatrix } from '../fixtures/writeAccessMatrix.ts';

const SUINING = '510900';
const TONGNAN = '500152';
const GUANGAN = '511600';
const RELAY_ENV = { ECOGRAPH_RELAY_INTERVAL_MS: '100', ECOGRAPH_RELAY_BACKOFF_BASE_MS: '50', ECOGRAPH_RELAY_BACKOFF_MAX_MS: '400' };

let federation: GatewayFederation;
let sender: string;
let reader: string;
let analyst: string;
let requester: string;
let responder: string;

const SEND = `mutation Send($cityCode: ID!, $key: ID!, $input: SendBulletinInput!) {
  sendBulletin(cityCode: $cityCode, idempotencyKey: $key, input: $input) {
    id cityCode senderCityCode category title incidentId recipients { cityCode state }
  }
}`;
const READ = `mutation Read($cityCode: ID!, $key: ID!, $bulletinId: ID!) {
  markBulletinRead(cityCode: $cityCode, idempotencyKey: $key, bulletinId: $bulletinId) {
    id cityCode recipients { cityCode state readAt readBy { sub bureau } }
  }
}`;
const ONE = `query One($id: ID!) { node(id: $id) { ... on Bulletin { id
  recipients { cityCode state deliveredAt readAt readBy { sub bureau } } history { action actor { sub bureau } } } } }`;
const INBOXES = `query Inboxes($cityCodes: [ID!]) { receivedBulletins(cityCodes: $cityCodes, first: 100) {
  totalCount edges { node { id cityCode senderCityCode title category recipients { cityCode state } } } } }`;
const SENT_COUNT = `query Count { bulletins(cityCodes: ["${SUINING}"], first: 0) { totalCount } }`;
const EXCHANGE = `query Exchange($from: DateTime!, $to: DateTime!) {
  bulletinExchange(from: $from, to: $to) { senderCityCode recipientCityCode count } }`;

const ask = async (token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> =>
  postGraphQL(federation.gateway.url, query, variables, token === null ? {} : { authorization: `Bearer ${token}` });

const input = (overrides: Record<string, unknown> = {}) => ({
  category: 'WARNING', title: '琼江光辉断面石油类超标预警', body: '光辉断面石油类 0.08 mg/L，请下游做好取水口防护。',
  recipients: [TONGNAN, GUANGAN], ...overrides,
});
const send = (variables: Record<string, unknown> = {}, token = sender) =>
  ask(token, SEND, { cityCode: SUINING, key: randomUUID(), input: input(), ...variables });

const codes = (answer: GraphQLAnswer) => (answer.errors ?? []).map((e) => e.extensions?.['code']);
const sentCount = async () => (await ask(analyst, SENT_COUNT)).data?.['bulletins']?.totalCount as number;
type Edge = { node: { id: string; cityCode: string; title: string } };
const inboxCopy = (answer: GraphQLAnswer, title: string) =>
  (answer.data?.['receivedBulletins']?.edges ?? []).find((e: Edge) => e.node.title === title)?.node as Edge['node'] | undefined;

beforeAll(async () => {
  federation = await startGatewayFederation({ gatewayEnv: RELAY_ENV });
  // The sender asks the gateway which bureaus the region has: restart it knowing where the gateway is.
  await federation.killBureau(SUINING);
  await federation.restartBureau(SUINING, { ECOGRAPH_GATEWAY_URL: federation.gateway.url });
  sender = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'bulletins:write' });
  reader = await callerToken({ sub: 'zhao.lei', bureau: TONGNAN, scope: 'bulletins:receive' });
  analyst = await callerToken({ sub: 'analyst', bureau: '500000', scope: 'emergency:read' });
  // The requesting bureau checks the resources at the responder as the caller: emergency:read as well.
  requester = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'resources:request emergency:read' });
  responder = await callerToken({ sub: 'chen.jing', bureau: TONGNAN, scope: 'resources:respond' });
  await pollUntil(() => sentCount().catch(() => undefined), (n) => typeof n === 'number', 'the restarted sender served again');
}, 180_000);

afterAll(async () => {
  await federation?.stop();
});

describe('a bulletin from 遂宁 to 潼南 and 广安', () => {
  it('reaches both inboxes; 潼南 reads it and 遂宁 sees READ for 潼南, DELIVERED for 广安', async () => {
    const title = `预警-${randomUUID()}`;
    const answer = await send({ input: input({ title }) });
    expect(answer.errors).toBeUndefined();
    const sent = answer.data?.['sendBulletin'];
    expect(sent).toMatchObject({
      cityCode: SUINING, senderCityCode: SUINING, category: 'WARNING', incidentId: null,
      recipients: [{ cityCode: TONGNAN, state: 'PENDING' }, { cityCode: GUANGAN, state: 'PENDING' }],
    });

    const inboxes = await pollUntil(() => ask(analyst, INBOXES, { cityCodes: [TONGNAN, GUANGAN] }),
      (a) => inboxCopy(a, title) !== undefined && (a.data?.['receivedBulletins'].edges as Edge[]).filter((e) => e.node.title === title).length === 2,
      'the bulletin in both inboxes', { timeoutMs: 20_000 });
    const holders = (inboxes.data?.['receivedBulletins'].edges as Edge[]).filter((e) => e.node.title === title).map((e) => e.node.cityCode).sort();
    expect(holders).toEqual([TONGNAN, GUANGAN].sort());
    await pollUntil(() => ask(analyst, ONE, { id: sent.id }),
      (a) => (a.data?.['node']?.recipients ?? []).every((r: { state: string }) => r.state === 'DELIVERED'), 'both DELIVERED at the sender', { timeoutMs: 20_000 });

    const copy = inboxCopy(await ask(reader, INBOXES, { cityCodes: [TONGNAN] }), title)!;
    const read = await ask(reader, READ, { cityCode: TONGNAN, key: randomUUID(), bulletinId: copy.id });
    expect(read.errors).toBeUndefined();
    expect(read.data?.['markBulletinRead'].recipients).toMatchObject([{ cityCode: TONGNAN, state: 'READ', readBy: { sub: 'zhao.lei', bureau: TONGNAN } }]);

    const back = await pollUntil(() => ask(analyst, ONE, { id: sent.id }),
      (a) => a.data?.['node']?.recipients.some((r: { state: string }) => r.state === 'READ'), 'the read receipt back at 遂宁', { timeoutMs: 20_000 });
    const byCode = Object.fromEntries(back.data?.['node'].recipients.map((r: { cityCode: string }) => [r.cityCode, r]));
    expect(byCode[TONGNAN]).toMatchObject({ state: 'READ', readBy: { sub: 'zhao.lei', bureau: TONGNAN } });
    expect(byCode[TONGNAN].readAt).toBeTypeOf('string');
    expect(byCode[GUANGAN]).toMatchObject({ state: 'DELIVERED', readAt: null, readBy: null });
    expect(back.data?.['node'].history.map((h: { action: string }) => h.action)).toEqual(['SENT', 'DELIVERED', 'DELIVERED', 'READ']);
  }, 60_000);

  it('counts the exchange per ordered pair over a period, merged from every sender', async () => {
    const from = new Date(Date.now() - 1_000).toISOString();
    const baseline = await ask(analyst, EXCHANGE, { from, to: '2099-01-01T00:00:00+08:00' });
    expect(baseline.errors).toBeUndefined();
    const count = (a: GraphQLAnswer, s: string, r: string) =>
      (a.data?.['bulletinExchange'] as Array<{ senderCityCode: string; recipientCityCode: string; count: number }>)
        .find((p) => p.senderCityCode === s && p.recipientCityCode === r)?.count ?? 0;
    const before = { tongnan: count(baseline, SUINING, TONGNAN), guangan: count(baseline, SUINING, GUANGAN) };
    for (let i = 0; i < 3; i++) expect(codes(await send({ input: input({ recipients: [TONGNAN] }) }))).toEqual([]);
    expect(codes(await send({}))).toEqual([]);
    const after = await ask(analyst, EXCHANGE, { from, to: '2099-01-01T00:00:00+08:00' });
    expect(count(after, SUINING, TONGNAN)).toBe(before.tongnan + 4);
    expect(count(after, SUINING, GUANGAN)).toBe(before.guangan + 1);
    expect(count(after, TONGNAN, SUINING)).toBe(0);
    // An empty period is an empty list; to before from is refused.
    expect((await ask(analyst, EXCHANGE, { from: '2000-01-01T00:00:00+08:00', to: '2000-01-02T00:00:00+08:00' })).data?.['bulletinExchange']).toEqual([]);
    expect(codes(await ask(analyst, EXCHANGE, { from: '2000-01-02T00:00:00+08:00', to: '2000-01-01T00:00:00+08:00' }))).toContain('BAD_USER_INPUT');
  }, 60_000);

  it('keeps one bulletin for 20 concurrent retries, and refuses the key with other input', async () => {
    const before = await sentCount();
    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 20 }, () => ask(sender, SEND, { cityCode: SUINING, key, input: input() })));
    expect(answers.flatMap(codes)).toEqual([]);
    expect(new Set(answers.map((a) => a.data?.['sendBulletin'].id)).size).toBe(1);
    expect(await sentCount()).toBe(before + 1);
    expect(codes(await ask(sender, SEND, { cityCode: SUINING, key, input: input({ title: '另一条' }) }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await sentCount()).toBe(before + 1);
  }, 60_000);

  it('refuses bad input with a stable code and writes nothing', async () => {
    const before = await sentCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [input({ recipients: ['123456'] }), 'INVALID_RECIPIENT'],
      [input({ recipients: [SUINING, TONGNAN] }), 'INVALID_RECIPIENT'],
      [input({ recipients: [] }), 'BAD_USER_INPUT'],
      [input({ title: '标'.repeat(201) }), 'TEXT_TOO_LONG'],
      [input({ body: 'x'.repeat(4001) }), 'TEXT_TOO_LONG'],
      [input({ title: '   ' }), 'BAD_USER_INPUT'],
      [input({ incidentId: 'not-an-id' }), 'INVALID_ID'],
    ];
    for (const [bad, code] of cases) expect(codes(await send({ input: bad })), code).toEqual([code]);
    expect(await sentCount()).toBe(before);

    // 遂宁 marking its own sent copy read: only a recipient's inbox copy can be.
    const own = (await send({})).data?.['sendBulletin'].id;
    const ownReader = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'bulletins:receive' });
    expect(codes(await ask(ownReader, READ, { cityCode: SUINING, key: randomUUID(), bulletinId: own }))).toEqual(['NOT_BULLETIN_RECIPIENT']);
    // 潼南 naming 遂宁's bulletin (another bureau's id) in its own inbox.
    expect(codes(await ask(reader, READ, { cityCode: TONGNAN, key: randomUUID(), bulletinId: own }))).toEqual(['NOT_BULLETIN_RECIPIENT']);
  }, 60_000);

  it('lets only the own bureau\'s officers with the scope write (role × scope × own/other bureau)', async () => {
    const matrix = await writeAccessMatrix({ bureau: SUINING, scope: 'bulletins:write', otherScope: 'bulletins:receive', otherBureau: TONGNAN });
    const before = await sentCount();
    for (const [who, bearer, expected] of matrix) expect(codes(await send({}, bearer as string))[0] ?? 'ok', who).toBe(expected);
    expect(await sentCount()).toBe(before + 1);

    const title = `读-${randomUUID()}`;
    expect(codes(await send({ input: input({ title, recipients: [TONGNAN] }) }))).toEqual([]);
    const copy = (await pollUntil(() => ask(reader, INBOXES, { cityCodes: [TONGNAN] }), (a) => inboxCopy(a, title) !== undefined,
      'the bulletin in 潼南\'s inbox', { timeoutMs: 20_000 }).then((a) => inboxCopy(a, title)))!;
    const readAs = async (bearer: string | null) => codes(await ask(bearer, READ, { cityCode: TONGNAN, key: randomUUID(), bulletinId: copy.id }))[0] ?? 'ok';
    expect(await readAs(null)).toBe('UNAUTHENTICATED');
    expect(await readAs(await officerToken(TONGNAN, 'bulletins:write'))).toBe('FORBIDDEN');
    expect(await readAs(await officerToken(SUINING, 'bulletins:receive'))).toBe('FORBIDDEN');
    expect(await readAs(reader)).toBe('ok');
  }, 90_000);
});

const REQUEST = `mutation Request($cityCode: ID!, $key: ID!, $input: RequestResourcesInput!) {
  requestResources(cityCode: $cityCode, idempotencyKey: $key, input: $input) {
    id cityCode requesterCityCode responderCityCode state note items { resourceId quantity } deliveredAt
  }
}`;
const ANSWER = `mutation Answer($cityCode: ID!, $key: ID!, $requestId: ID!, $answer: AnswerResourceRequestInput!) {
  answerResourceRequest(cityCode: $cityCode, idempotencyKey: $key, requestId: $requestId, answer: $answer) { id state reason }
}`;
const UPDATE = `mutation Update($cityCode: ID!, $key: ID!, $requestId: ID!, $state: ResourceRequestProgress!) {
  updateResourceRequest(cityCode: $cityCode, idempotencyKey: $key, requestId: $requestId, state: $state) { id state }
}`;
const REQUESTS = `query Requests($cityCodes: [ID!], $role: ResourceRequestRole!) { resourceRequests(cityCodes: $cityCodes, role: $role, first: 100) {
  totalCount edges { node { id cityCode requesterCityCode responderCityCode state reason note items { resourceId quantity } } } } }`;
const REQUEST_NODE = `query R($id: ID!) { node(id: $id) { ... on ResourceRequest { id state reason deliveredAt updatedAt
  history { action actor { sub bureau } } } } }`;
const RESOURCES = `query Res($cityCodes: [ID!]) { emergencyResources(cityCodes: $cityCodes, first: 3) { edges { node { id } } } }`;

describe('a resource request from 遂宁 to 潼南', () => {
  let resources: string[];
  let otherBureauResource: string;
  beforeAll(async () => {
    const ids = async (code: string) => ((await ask(analyst, RESOURCES, { cityCodes: [code] })).data?.['emergencyResources'].edges as Array<{ node: { id: string } }>)
      .map((e) => e.node.id);
    resources = await ids(TONGNAN);
    otherBureauResource = (await ids(GUANGAN))[0]!;
    expect(resources.length).toBeGreaterThanOrEqual(2);
  });

  const requestInput = (overrides: Record<string, unknown> = {}) => ({
    responderCityCode: TONGNAN, items: [{ resourceId: resources[0], quantity: 2 }, { resourceId: resources[1], quantity: 1 }],
    note: '琼江光辉断面上游布设围油栏，请支援。', ...overrides,
  });
  const request = (variables: Record<string, unknown> = {}, token = requester) =>
    ask(token, REQUEST, { cityCode: SUINING, key: randomUUID(), input: requestInput(), ...variables });
  const sentCountOf = async () => (await ask(analyst, REQUESTS, { cityCodes: [SUINING], role: 'SENT' })).data?.['resourceRequests'].totalCount as number;
  /** 潼南's copy of 遂宁's request `note`, once the relay has delivered it. */
  const receivedCopy = async (note: string) => (await pollUntil(() => ask(analyst, REQUESTS, { cityCodes: [TONGNAN], role: 'RECEIVED' }),
    (a) => (a.data?.['resourceRequests']?.edges ?? []).some((e: { node: { note: string } }) => e.node.note === note), 'the request at 潼南', { timeoutMs: 20_000 }))
    .data?.['resourceRequests'].edges.find((e: { node: { note: string } }) => e.node.note === note).node as { id: string; state: string };
  const stateAt = async (id: string) => (await ask(analyst, REQUEST_NODE, { id })).data?.['node']?.state as string;
  const answer = (requestId: string, decision: string, reason?: string, token = responder) =>
    ask(token, ANSWER, { cityCode: TONGNAN, key: randomUUID(), requestId, answer: { decision, ...(reason !== undefined && { reason }) } });
  const update = (requestId: string, state: string, token = responder) => ask(token, UPDATE, { cityCode: TONGNAN, key: randomUUID(), requestId, state });

  it('goes ACCEPTED → DISPATCHED → RETURNED, and both sides see each state', async () => {
    const note = `围油栏-${randomUUID()}`;
    const made = await request({ input: requestInput({ note }) });
    expect(made.errors).toBeUndefined();
    const sent = made.data?.['requestResources'];
    expect(sent).toMatchObject({ cityCode: SUINING, requesterCityCode: SUINING, responderCityCode: TONGNAN, state: 'REQUESTED', deliveredAt: null });
    const copy = await receivedCopy(note);
    expect(copy).toMatchObject({ cityCode: TONGNAN, requesterCityCode: SUINING, state: 'REQUESTED', items: requestInput().items });
    await pollUntil(() => ask(analyst, REQUEST_NODE, { id: sent.id }), (a) => a.data?.['node']?.deliveredAt != null, 'delivery confirmed at 遂宁');

    for (const [step, state] of [[() => answer(copy.id, 'ACCEPTED'), 'ACCEPTED'], [() => update(copy.id, 'DISPATCHED'), 'DISPATCHED'],
      [() => update(copy.id, 'RETURNED'), 'RETURNED']] as const) {
      const changed = await step();
      expect(changed.errors, state).toBeUndefined();
      expect(await stateAt(copy.id)).toBe(state);
      await pollUntil(() => stateAt(sent.id), (s) => s === state, `${state} at 遂宁`, { timeoutMs: 20_000 });
    }
    const history = (await ask(analyst, REQUEST_NODE, { id: sent.id })).data?.['node'].history;
    expect(history.map((h: { action: string }) => h.action)).toEqual(['REQUESTED', 'DELIVERED', 'ACCEPTED', 'DISPATCHED', 'RETURNED']);
    expect(history[2].actor).toEqual({ sub: 'chen.jing', bureau: TONGNAN });
  }, 90_000);

  it('refuses out-of-order changes and changes from the wrong bureau, writing nothing; a decline carries its reason back', async () => {
    const note = `拒绝-${randomUUID()}`;
    const { id } = (await request({ input: requestInput({ note }) })).data?.['requestResources'];
    const copy = await receivedCopy(note);
    expect(codes(await update(copy.id, 'DISPATCHED'))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);
    expect(codes(await update(copy.id, 'RETURNED'))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);
    expect(codes(await answer(copy.id, 'DECLINED'))).toEqual(['BAD_USER_INPUT']); // no reason
    // 遂宁 answering its own request (its own bureau, the right scope): only the responder answers.
    const ownResponder = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'resources:respond' });
    expect(codes(await ask(ownResponder, ANSWER, { cityCode: SUINING, key: randomUUID(), requestId: id, answer: { decision: 'ACCEPTED' } })))
      .toEqual(['NOT_REQUEST_RESPONDER']);
    expect(codes(await ask(responder, ANSWER, { cityCode: TONGNAN, key: randomUUID(), requestId: id, answer: { decision: 'ACCEPTED' } })))
      .toEqual(['NOT_REQUEST_RESPONDER']);
    expect(await stateAt(copy.id)).toBe('REQUESTED');

    expect((await answer(copy.id, 'DECLINED', '库存不足')).data?.['answerResourceRequest']).toMatchObject({ state: 'DECLINED', reason: '库存不足' });
    expect(codes(await update(copy.id, 'DISPATCHED'))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);
    expect(codes(await answer(copy.id, 'ACCEPTED'))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);
    const back = await pollUntil(() => ask(analyst, REQUEST_NODE, { id }), (a) => a.data?.['node']?.state === 'DECLINED', 'DECLINED at 遂宁', { timeoutMs: 20_000 });
    expect(back.data?.['node'].reason).toBe('库存不足');
  }, 60_000);

  it('refuses bad requests with a stable code and writes nothing; a retry makes one request', async () => {
    const before = await sentCountOf();
    const cases: Array<[Record<string, unknown>, string]> = [
      [requestInput({ responderCityCode: SUINING }), 'INVALID_RECIPIENT'],
      [requestInput({ responderCityCode: '123456', items: [{ resourceId: encodeGlobalId('EmergencyResource', '123456', 'r1'), quantity: 1 }] }), 'INVALID_RECIPIENT'],
      [requestInput({ items: [] }), 'BAD_USER_INPUT'],
      [requestInput({ items: [{ resourceId: otherBureauResource, quantity: 1 }] }), 'INVALID_ID'],
      [requestInput({ items: [{ resourceId: 'not-an-id', quantity: 1 }] }), 'INVALID_ID'],
      [requestInput({ items: [{ resourceId: resources[0], quantity: 0 }] }), 'BAD_USER_INPUT'],
      [requestInput({ items: [{ resourceId: resources[0], quantity: 1 }, { resourceId: resources[0], quantity: 2 }] }), 'BAD_USER_INPUT'],
      [requestInput({ note: '注'.repeat(4001) }), 'TEXT_TOO_LONG'],
      [requestInput({ incidentId: resources[0] }), 'INVALID_ID'],
      // Well-formed ids of the responder that its data does not have: asked of 潼南 through the gateway.
      [requestInput({ items: [{ resourceId: resources[0], quantity: 1 }, { resourceId: encodeGlobalId('EmergencyResource', TONGNAN, 'no-such-resource'), quantity: 1 }] }), 'UNKNOWN_RESOURCE'],
    ];
    for (const [bad, code] of cases) expect(codes(await request({ input: bad })), code).toEqual([code]);
    const unknown = await request({ input: requestInput({ items: [{ resourceId: encodeGlobalId('EmergencyResource', TONGNAN, 'gone'), quantity: 1 }] }) });
    expect(unknown.errors?.[0]?.extensions).toMatchObject({ code: 'UNKNOWN_RESOURCE', argument: 'input.items[0].resourceId', reason: 'not-found' });
    // A requester who may not see 潼南's resources cannot have them checked: FORBIDDEN, naming the scope.
    const blind = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'resources:request' });
    const unseen = await request({}, blind);
    expect(unseen.errors?.map((e) => e.extensions)).toMatchObject([{ code: 'FORBIDDEN', requiredScopes: [['emergency:read']], cityCode: TONGNAN }]);
    expect(await sentCountOf()).toBe(before);

    const key = randomUUID();
    const answers = await Promise.all(Array.from({ length: 10 }, () => request({ key })));
    expect(answers.flatMap(codes)).toEqual([]);
    expect(new Set(answers.map((a) => a.data?.['requestResources'].id)).size).toBe(1);
    expect(codes(await request({ key, input: requestInput({ note: '另' }) }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await sentCountOf()).toBe(before + 1);
  }, 60_000);

  it('lets only the own bureau\'s officers with the scope write (role × scope × own/other bureau)', async () => {
    const matrix = await writeAccessMatrix({ bureau: SUINING, scope: 'resources:request emergency:read', otherScope: 'resources:respond', otherBureau: TONGNAN });
    const before = await sentCountOf();
    for (const [who, bearer, expected] of matrix) expect(codes(await request({}, bearer as string))[0] ?? 'ok', who).toBe(expected);
    expect(await sentCountOf()).toBe(before + 1);

    const note = `权限-${randomUUID()}`;
    expect(codes(await request({ input: requestInput({ note }) }))).toEqual([]);
    const copy = await receivedCopy(note);
    const respondMatrix = await writeAccessMatrix({ bureau: TONGNAN, scope: 'resources:respond', otherScope: 'resources:request', otherBureau: SUINING, noScopeRow: false, allowed: null });
    for (const [who, bearer] of respondMatrix) {
      expect(codes(await answer(copy.id, 'ACCEPTED', undefined, bearer as string))[0], `answer: ${who}`).toBe(respondMatrix.find((r) => r[0] === who)![2]);
      expect(codes(await update(copy.id, 'DISPATCHED', bearer as string))[0], `update: ${who}`).toBe(respondMatrix.find((r) => r[0] === who)![2]);
    }
    expect(await stateAt(copy.id)).toBe('REQUESTED');
    expect(codes(await answer(copy.id, 'ACCEPTED'))).toEqual([]);
  }, 90_000);
});
