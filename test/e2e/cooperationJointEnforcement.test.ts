/**
 * Cooperation (issue #11): joint enforcement across real processes. 遂宁 (510900, PostgreSQL) proposes a cross
 * patrol (交叉巡河) to 潼南 (500152, MariaDB); once 潼南 confirms, the patrol is a JointPatrol of 遂宁 that
 * `jointPatrols` and `node(id)` serve to officers of both bureaus, among 遂宁's own patrols with one order and
 * count, and 潼南's inbox copy shows it. 遂宁 records the outcome once and 潼南's copy follows. Then a joint
 * enforcement case (联合执法) proposed by 遂宁, confirmed by 潼南 and linked to 遂宁's case; bad input with its
 * codes, retries, and the access matrix of every new mutation. Every wait is a poll with a deadline.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { postGraphQL, type GraphQLAnswer } from '../fixtures/startSubgraphProcess.ts';
import { writeAccessMatrix } from '../fixtures/writeAccessMatrix.ts';
import { formatCst } from '../../subgraphs/kit/scalars.ts';

const SUINING = '510900';
const TONGNAN = '500152';
const DAY = 86_400_000;
const HOUR = 3_600_000;
const RELAY_ENV = { ECOGRAPH_RELAY_INTERVAL_MS: '100', ECOGRAPH_RELAY_BACKOFF_BASE_MS: '50', ECOGRAPH_RELAY_BACKOFF_MAX_MS: '400' };

let federation: GatewayFederation;
/** 遂宁's officer: proposes patrols and cases, records outcomes (which answer a JointPatrol: cases:read too). */
let organiser: string;
/** 潼南's officer: answers both kinds of proposal and reads patrols. */
let partner: string;

const ask = async (token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> =>
  postGraphQL(federation.gateway.url, query, variables, token === null ? {} : { authorization: `Bearer ${token}` });
const codes = (answer: GraphQLAnswer) => (answer.errors ?? []).map((e) => e.extensions?.['code']);
/** As the contract's DateTime answers it (CST, +08:00), so inputs and answers compare as text. */
const iso = (ms: number) => formatCst(ms);

const PATROL_FIELDS = `id cityCode name mode river { id } reach partners { code } startedAt endedAt participants problemsFound findings
  participantsByBureau { cityCode participants } route { longitude latitude } proposalId`;
const PROPOSE_PATROL = `mutation Propose($cityCode: ID!, $key: ID!, $input: ProposeJointPatrolInput!) {
  proposeJointPatrol(cityCode: $cityCode, idempotencyKey: $key, input: $input) { id participants patrol { id } } }`;
const CONFIRM_PATROL = `mutation Confirm($cityCode: ID!, $key: ID!, $proposalId: ID!, $decision: JointPatrolDecision!, $participants: Int) {
  confirmJointPatrol(cityCode: $cityCode, idempotencyKey: $key, proposalId: $proposalId, decision: $decision, participants: $participants) { id } }`;
const RECEIVED_PATROLS = `query Received { receivedJointPatrolProposals(cityCodes: ["${TONGNAN}"], first: 100) {
  edges { node { id name patrol { ${PATROL_FIELDS} } } } } }`;
const PROPOSAL_NODE = `query P($id: ID!) { node(id: $id) { ... on JointPatrolProposal { id patrol { ${PATROL_FIELDS} history { action } } history { action } } } }`;
const PATROLS = `query Patrols($search: String, $first: Int, $after: String) {
  jointPatrols(cityCodes: ["${SUINING}"], search: $search, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { ${PATROL_FIELDS} } } } }`;
const PATROL_NODE = `query N($id: ID!) { node(id: $id) { ... on JointPatrol { ${PATROL_FIELDS} history { action actor { bureau } } } } }`;
const RECORD = `mutation Record($cityCode: ID!, $key: ID!, $patrolId: ID!, $input: JointPatrolFindingsInput!) {
  recordJointPatrolFindings(cityCode: $cityCode, idempotencyKey: $key, patrolId: $patrolId, input: $input) { ${PATROL_FIELDS} } }`;

type Patrol = { id: string; name: string; proposalId: string | null; findings: string[]; endedAt: string | null; participants: number };

const patrolInput = (overrides: Record<string, unknown> = {}) => ({
  name: `琼江交叉巡河-${randomUUID()}`, mode: 'CROSS', riverId: 'qiongjiang', reach: '光辉断面至大安段',
  plannedStartAt: iso(Date.now() - 6 * HOUR), partners: [TONGNAN], participants: 5, ...overrides,
});
const outcome = (overrides: Record<string, unknown> = {}) => ({
  endedAt: iso(Date.now() - HOUR), findings: ['一处排污口异常排放', '岸边垃圾堆放'],
  route: [{ longitude: 105.56, latitude: 30.21 }, { longitude: 105.61, latitude: 30.18 }], participants: 6, ...overrides,
});
const record = (patrolId: string, input = outcome(), key: string = randomUUID(), token = organiser, cityCode = SUINING) =>
  ask(token, RECORD, { cityCode, key, patrolId, input });

/** Proposes a patrol to 潼南 and confirms it there; answers 遂宁's proposal id, 潼南's copy id and the JointPatrol once made. */
async function settledPatrol(input = patrolInput()): Promise<{ proposalId: string; copyId: string; patrol: Patrol }> {
  const made = await ask(organiser, PROPOSE_PATROL, { cityCode: SUINING, key: randomUUID(), input });
  expect(made.errors).toBeUndefined();
  const proposalId = made.data?.['proposeJointPatrol'].id as string;
  const received = await pollUntil(() => ask(partner, RECEIVED_PATROLS),
    (a) => (a.data?.['receivedJointPatrolProposals']?.edges ?? []).some((e: { node: { name: string } }) => e.node.name === input.name),
    'the proposal at 潼南', { timeoutMs: 20_000 });
  const copyId = received.data?.['receivedJointPatrolProposals'].edges.find((e: { node: { name: string } }) => e.node.name === input.name).node.id;
  const confirmed = await ask(partner, CONFIRM_PATROL, { cityCode: TONGNAN, key: randomUUID(), proposalId: copyId, decision: 'CONFIRMED', participants: 7 });
  expect(confirmed.errors).toBeUndefined();
  const settled = await pollUntil(() => ask(organiser, PROPOSAL_NODE, { id: proposalId }), (a) => a.data?.['node']?.patrol != null,
    'the JointPatrol at 遂宁', { timeoutMs: 20_000 });
  return { proposalId, copyId, patrol: settled.data?.['node'].patrol as Patrol };
}

const copyPatrolOf = async (copyId: string) =>
  ((await ask(partner, RECEIVED_PATROLS)).data?.['receivedJointPatrolProposals'].edges as Array<{ node: { id: string; patrol: Patrol | null } }>)
    .find((e) => e.node.id === copyId)?.node.patrol ?? null;

beforeAll(async () => {
  federation = await startGatewayFederation({ gatewayEnv: RELAY_ENV });
  // The proposer asks the gateway for the region's rivers and bureaus: restart it knowing where the gateway is.
  await federation.killBureau(SUINING);
  await federation.restartBureau(SUINING, { ECOGRAPH_GATEWAY_URL: federation.gateway.url });
  organiser = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'patrols:propose cases:write cases:read' });
  partner = await callerToken({ sub: 'chen.jing', bureau: TONGNAN, scope: 'patrols:confirm cases:confirm cases:read' });
  await pollUntil(() => ask(organiser, PATROLS, { first: 0 }).catch(() => undefined), (a) => typeof a?.data?.['jointPatrols']?.totalCount === 'number',
    'the restarted proposer served again');
}, 180_000);

afterAll(async () => {
  await federation?.stop();
});

describe('a cross patrol of 遂宁 and 潼南', () => {
  it('becomes a JointPatrol of 遂宁 once 潼南 confirms, listed among 遂宁\'s own patrols and readable by both bureaus', async () => {
    const before = (await ask(organiser, PATROLS, { first: 0 })).data?.['jointPatrols'].totalCount as number;
    const input = patrolInput();
    const { proposalId, copyId, patrol } = await settledPatrol(input);
    expect(patrol).toMatchObject({
      cityCode: SUINING, name: input.name, mode: 'CROSS', river: { id: 'qiongjiang' }, reach: input.reach, partners: [{ code: TONGNAN }],
      startedAt: input.plannedStartAt, endedAt: null, participants: 12, problemsFound: 0, findings: [], route: [], proposalId,
      participantsByBureau: [{ cityCode: SUINING, participants: 5 }, { cityCode: TONGNAN, participants: 7 }],
      history: [{ action: 'SCHEDULED' }],
    });

    // One list: every page of 遂宁's patrols, its own system's and the one made, once each, as many as totalCount says.
    const seen: Patrol[] = [];
    let after: string | null = null;
    let total = 0;
    do {
      const page: GraphQLAnswer = await ask(organiser, PATROLS, { first: 100, after });
      expect(page.errors).toBeUndefined();
      const list = page.data?.['jointPatrols'];
      total = list.totalCount;
      seen.push(...list.edges.map((e: { node: Patrol }) => e.node));
      after = list.pageInfo.hasNextPage ? list.pageInfo.endCursor : null;
    } while (after !== null);
    expect(total).toBe(before + 1);
    expect(seen).toHaveLength(total);
    expect(new Set(seen.map((p) => p.id)).size).toBe(total);
    expect(seen.filter((p) => p.proposalId !== null).map((p) => p.id)).toContain(patrol.id);
    expect(seen.some((p) => p.proposalId === null)).toBe(true); // 遂宁's own system's patrols are there too
    const searched = await ask(partner, PATROLS, { search: input.name });
    expect(searched.data?.['jointPatrols']).toMatchObject({ totalCount: 1, edges: [{ node: { id: patrol.id, participants: 12 } }] });
    expect((await ask(partner, PATROL_NODE, { id: patrol.id })).data?.['node']).toMatchObject({ id: patrol.id, cityCode: SUINING, proposalId });

    const copy = await pollUntil(() => copyPatrolOf(copyId), (p) => p !== null, 'the patrol on 潼南\'s copy', { timeoutMs: 20_000 });
    expect(copy).toMatchObject({ id: patrol.id, cityCode: SUINING, participants: 12, endedAt: null });
  }, 90_000);

  it('records the outcome once, idempotently, and 潼南\'s copy follows; refuses bad input with stable codes and writes nothing', async () => {
    const { copyId, patrol } = await settledPatrol();
    const ownPatrol = ((await ask(organiser, PATROLS, { first: 100 })).data?.['jointPatrols'].edges as Array<{ node: Patrol }>)
      .map((e) => e.node).find((p) => p.proposalId === null)!;
    const bad: Array<[string, GraphQLAnswer | Promise<GraphQLAnswer>, string]> = [
      ['end in the future', record(patrol.id, outcome({ endedAt: iso(Date.now() + DAY) })), 'INVALID_TIME'],
      ['end without an offset', record(patrol.id, outcome({ endedAt: '2026-06-01 10:00' })), 'INVALID_TIME'],
      ['end before the start', record(patrol.id, outcome({ endedAt: iso(Date.now() - 2 * DAY) })), 'INVALID_TIME'],
      ['51 findings', record(patrol.id, outcome({ findings: Array.from({ length: 51 }, (_, i) => `问题${i}`) })), 'TEXT_TOO_LONG'],
      ['a blank finding', record(patrol.id, outcome({ findings: [' '] })), 'BAD_USER_INPUT'],
      ['a point off the globe', record(patrol.id, outcome({ route: [{ longitude: 105, latitude: 100 }] })), 'BAD_USER_INPUT'],
      ['participants below 0', record(patrol.id, outcome({ participants: -1 })), 'BAD_USER_INPUT'],
      ['a patrol of 遂宁\'s own system', record(ownPatrol.id), 'INVALID_ID'],
      ['not an id', record('not-an-id'), 'INVALID_ID'],
    ];
    for (const [what, answer, code] of bad) expect(codes(await answer), what).toEqual([code]);
    const partnerRecorder = await callerToken({ sub: 'chen.jing', bureau: TONGNAN, scope: 'patrols:propose cases:read' });
    expect(codes(await record(patrol.id, outcome(), randomUUID(), partnerRecorder, TONGNAN))).toEqual(['INVALID_ID']);
    expect((await ask(organiser, PATROL_NODE, { id: patrol.id })).data?.['node']).toMatchObject({ endedAt: null, findings: [] });

    const key = randomUUID();
    const input = outcome();
    const answers = await Promise.all(Array.from({ length: 10 }, () => record(patrol.id, input, key)));
    expect(answers.flatMap(codes)).toEqual([]);
    expect(answers[0]!.data?.['recordJointPatrolFindings']).toMatchObject({
      id: patrol.id, endedAt: input.endedAt, findings: input.findings, problemsFound: 2, route: input.route, participants: 13,
      participantsByBureau: [{ cityCode: SUINING, participants: 6 }, { cityCode: TONGNAN, participants: 7 }],
    });
    expect(codes(await record(patrol.id, { ...input, findings: ['另'] }, key))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(codes(await record(patrol.id, input))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);
    const history = (await ask(organiser, PATROL_NODE, { id: patrol.id })).data?.['node'].history as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toEqual(['SCHEDULED', 'FINDINGS_RECORDED']);

    const copy = await pollUntil(() => copyPatrolOf(copyId), (p) => p?.endedAt != null, 'the outcome on 潼南\'s copy', { timeoutMs: 20_000 });
    expect(copy).toMatchObject({ id: patrol.id, endedAt: input.endedAt, findings: input.findings, participants: 13 });
  }, 90_000);

  it('lets only 遂宁\'s officers with patrols:propose (and cases:read, for the JointPatrol it answers) record the outcome', async () => {
    const { patrol } = await settledPatrol();
    const matrix = await writeAccessMatrix({ bureau: SUINING, scope: 'patrols:propose cases:read', otherScope: 'patrols:confirm cases:read', otherBureau: TONGNAN });
    for (const [who, bearer, expected] of matrix) expect(codes(await record(patrol.id, outcome(), randomUUID(), bearer as string))[0] ?? 'ok', who).toBe(expected);
    expect((await ask(organiser, PATROL_NODE, { id: patrol.id })).data?.['node'].findings).toEqual(outcome().findings);
  }, 90_000);
});

const CASE_FIELDS = `id cityCode proposerCityCode title enterprise { creditCode } mode proposedFor note caseId
  partners { cityCode state note respondedBy { sub bureau } deliveredAt }`;
const PROPOSE_CASE = `mutation Propose($cityCode: ID!, $key: ID!, $input: ProposeJointCaseInput!) {
  proposeJointCase(cityCode: $cityCode, idempotencyKey: $key, input: $input) { ${CASE_FIELDS} } }`;
const CONFIRM_CASE = `mutation Confirm($cityCode: ID!, $key: ID!, $proposalId: ID!, $decision: JointCaseDecision!, $note: String) {
  confirmJointCase(cityCode: $cityCode, idempotencyKey: $key, proposalId: $proposalId, decision: $decision, note: $note) { ${CASE_FIELDS} } }`;
const LINK_CASE = `mutation Link($cityCode: ID!, $key: ID!, $proposalId: ID!, $caseId: ID!) {
  linkJointCase(cityCode: $cityCode, idempotencyKey: $key, proposalId: $proposalId, caseId: $caseId) { ${CASE_FIELDS} case { id caseNumber } } }`;
const RECEIVED_CASES = `query Received { receivedJointCaseProposals(cityCodes: ["${TONGNAN}"], first: 100) { edges { node { ${CASE_FIELDS} } } } }`;
const CASE_NODE = `query C($id: ID!) { node(id: $id) { ... on JointCaseProposal { ${CASE_FIELDS} history { action } } } }`;
const CASE_COUNT = `query Count { jointCaseProposals(cityCodes: ["${SUINING}"], first: 0) { totalCount } }`;
const CASES = `query Cases($cityCodes: [ID!]) { enforcementCases(cityCodes: $cityCodes, first: 1) { edges { node { id } } } }`;

describe('a joint enforcement case proposed by 遂宁 to 潼南', () => {
  const CREDIT_CODE = '91510900MA62XXXX0Q';
  const caseInput = (overrides: Record<string, unknown> = {}) => ({
    title: `某化工企业超标排放联合执法-${randomUUID()}`, creditCode: CREDIT_CODE, mode: 'JOINT', proposedFor: iso(Date.now() + 3 * DAY),
    partners: [TONGNAN], note: '请派员参加', ...overrides,
  });
  const propose = (variables: Record<string, unknown> = {}, token = organiser) =>
    ask(token, PROPOSE_CASE, { cityCode: SUINING, key: randomUUID(), input: caseInput(), ...variables });
  const confirm = (proposalId: string, decision = 'CONFIRMED', token = partner, cityCode = TONGNAN) =>
    ask(token, CONFIRM_CASE, { cityCode, key: randomUUID(), proposalId, decision, note: '同意' });
  const link = (proposalId: string, caseId: string, key: string = randomUUID(), token = organiser) =>
    ask(token, LINK_CASE, { cityCode: SUINING, key, proposalId, caseId });
  const caseCount = async () => (await ask(organiser, CASE_COUNT)).data?.['jointCaseProposals'].totalCount as number;
  type CaseCopy = { id: string; title: string; caseId: string | null };
  const inboxCopy = async (title: string) => (await pollUntil(() => ask(partner, RECEIVED_CASES),
    (a) => (a.data?.['receivedJointCaseProposals']?.edges ?? []).some((e: { node: CaseCopy }) => e.node.title === title), 'the proposal at 潼南',
    { timeoutMs: 20_000 })).data?.['receivedJointCaseProposals'].edges.find((e: { node: CaseCopy }) => e.node.title === title).node as CaseCopy;
  const caseOf = async (cityCode: string) => (await ask(organiser, CASES, { cityCodes: [cityCode] })).data?.['enforcementCases'].edges[0].node.id as string;

  it('reaches 潼南, which confirms once; 遂宁 links its case and 潼南\'s copy shows it', async () => {
    const input = caseInput();
    const made = await propose({ input });
    expect(made.errors).toBeUndefined();
    const sent = made.data?.['proposeJointCase'];
    expect(sent).toMatchObject({ cityCode: SUINING, proposerCityCode: SUINING, enterprise: { creditCode: CREDIT_CODE }, mode: 'JOINT', caseId: null,
      partners: [{ cityCode: TONGNAN, state: 'PROPOSED' }] });
    const caseId = await caseOf(SUINING);
    expect(codes(await link(sent.id, caseId))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']); // 潼南 has not answered

    const copy = await inboxCopy(input.title);
    const answer = await confirm(copy.id);
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['confirmJointCase'].partners).toMatchObject([{ cityCode: TONGNAN, state: 'CONFIRMED', note: '同意', respondedBy: { sub: 'chen.jing', bureau: TONGNAN } }]);
    expect(codes(await confirm(copy.id, 'DECLINED'))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);
    await pollUntil(() => ask(organiser, CASE_NODE, { id: sent.id }), (a) => a.data?.['node']?.partners[0].state === 'CONFIRMED', 'the answer at 遂宁',
      { timeoutMs: 20_000 });

    expect(codes(await link(sent.id, await caseOf(TONGNAN)))).toEqual(['INVALID_ID']); // a case of another bureau
    const key = randomUUID();
    const linked = await link(sent.id, caseId, key);
    expect(linked.errors).toBeUndefined();
    expect(linked.data?.['linkJointCase']).toMatchObject({ caseId, case: { id: caseId } });
    expect((await link(sent.id, caseId, key)).data?.['linkJointCase']).toMatchObject({ caseId }); // a retry
    expect(codes(await link(sent.id, caseId))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);
    const history = (await ask(organiser, CASE_NODE, { id: sent.id })).data?.['node'].history as Array<{ action: string }>;
    expect(history.map((h) => h.action)).toEqual(['PROPOSED', 'DELIVERED', 'CONFIRMED', 'CASE_LINKED']);
    await pollUntil(() => ask(partner, CASE_NODE, { id: copy.id }), (a) => a.data?.['node']?.caseId === caseId, 'the link at 潼南', { timeoutMs: 20_000 });
  }, 90_000);

  it('refuses bad input with a stable code and writes nothing; a retry makes one proposal', async () => {
    const before = await caseCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [caseInput({ partners: ['123456'] }), 'INVALID_RECIPIENT'],
      [caseInput({ partners: [SUINING] }), 'INVALID_RECIPIENT'],
      [caseInput({ partners: [] }), 'BAD_USER_INPUT'],
      [caseInput({ creditCode: '1234' }), 'BAD_USER_INPUT'],
      [caseInput({ title: '案'.repeat(201) }), 'TEXT_TOO_LONG'],
      [caseInput({ title: ' ' }), 'BAD_USER_INPUT'],
      [caseInput({ proposedFor: '2026-06-01' }), 'INVALID_TIME'],
      [caseInput({ note: '注'.repeat(4001) }), 'TEXT_TOO_LONG'],
    ];
    for (const [bad, code] of cases) expect(codes(await propose({ input: bad })), code).toEqual([code]);
    expect(codes(await propose({ cityCode: TONGNAN }))).toEqual(['FORBIDDEN']); // not the token's bureau
    expect(await caseCount()).toBe(before);

    const key = randomUUID();
    const same = caseInput();
    const answers = await Promise.all(Array.from({ length: 10 }, () => propose({ key, input: same })));
    expect(answers.flatMap(codes)).toEqual([]);
    expect(new Set(answers.map((a) => a.data?.['proposeJointCase'].id)).size).toBe(1);
    expect(codes(await propose({ key, input: { ...same, title: '另' } }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await caseCount()).toBe(before + 1);

    const sentId = answers[0]!.data?.['proposeJointCase'].id as string;
    const ownConfirmer = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'cases:confirm' });
    expect(codes(await confirm(sentId, 'CONFIRMED', ownConfirmer, SUINING))).toEqual(['NOT_JOINT_CASE_PARTNER']);
    expect(codes(await confirm(sentId))).toEqual(['NOT_JOINT_CASE_PARTNER']);
    expect(codes(await confirm('not-an-id'))).toEqual(['INVALID_ID']);
  }, 60_000);

  it('lets only the own bureau\'s officers with the scope write (role × scope × own/other bureau)', async () => {
    const matrix = await writeAccessMatrix({ bureau: SUINING, scope: 'cases:write', otherScope: 'cases:confirm', otherBureau: TONGNAN });
    const before = await caseCount();
    const title = `权限-${randomUUID()}`;
    for (const [who, bearer, expected] of matrix) expect(codes(await propose({ input: caseInput({ title }) }, bearer as string))[0] ?? 'ok', who).toBe(expected);
    expect(await caseCount()).toBe(before + 1);

    const copy = await inboxCopy(title);
    const confirmMatrix = await writeAccessMatrix({ bureau: TONGNAN, scope: 'cases:confirm', otherScope: 'cases:write', otherBureau: SUINING, noScopeRow: false, allowed: partner });
    for (const [who, bearer, expected] of confirmMatrix) expect(codes(await confirm(copy.id, 'DECLINED', bearer as string))[0] ?? 'ok', who).toBe(expected);
  }, 90_000);
});
