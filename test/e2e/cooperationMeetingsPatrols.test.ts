/**
 * Cooperation (issue #11, third slice) across real processes: joint meetings (联席会议、会商). 遂宁 (510900)
 * records a meeting with two action items for 潼南 (500152), one already past due; the gateway's relay
 * carries each into 潼南's inbox, where `actionItems` lists them and `actionItems(overdueAt:)` only the
 * overdue one. 潼南 moves an item IN_PROGRESS → DONE and 遂宁's copy follows each status in turn; a change
 * after DONE is refused. Then a joint patrol proposal (联合巡河提议) from 遂宁 to 潼南 and 广安 (511600): 潼南
 * confirms with its participants and the answer reaches 遂宁's partner list. Also: retries, refusals with
 * their codes, and the access matrix of every new mutation.
 * Every wait is a poll with a deadline, never a fixed sleep.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { callerToken } from '../fixtures/callerTokens.ts';
import { startGatewayFederation, type GatewayFederation } from '../fixtures/gatewayFederation.ts';
import { pollUntil } from '../fixtures/gatewayPollUntil.ts';
import { postGraphQL, type GraphQLAnswer } from '../fixtures/startSubgraphProcess.ts';
import { writeAccessMatrix } from '../fixtures/writeAccessMatrix.ts';

const SUINING = '510900';
const TONGNAN = '500152';
const GUANGAN = '511600';
const DAY = 86_400_000;
const RELAY_ENV = { ECOGRAPH_RELAY_INTERVAL_MS: '100', ECOGRAPH_RELAY_BACKOFF_BASE_MS: '50', ECOGRAPH_RELAY_BACKOFF_MAX_MS: '400' };

let federation: GatewayFederation;
let convener: string;
let assignee: string;
let analyst: string;

const RECORD = `mutation Record($cityCode: ID!, $key: ID!, $input: RecordJointMeetingInput!) {
  recordJointMeeting(cityCode: $cityCode, idempotencyKey: $key, input: $input) {
    id cityCode kind title heldAt bureausPresent topics decisions
    actionItems { id cityCode assigneeCityCode description dueAt status deliveredAt }
  }
}`;
const UPDATE = `mutation Update($cityCode: ID!, $key: ID!, $actionItemId: ID!, $status: ActionItemStatus!, $note: String) {
  updateActionItem(cityCode: $cityCode, idempotencyKey: $key, actionItemId: $actionItemId, status: $status, note: $note) { id status note }
}`;
const ITEMS = `query Items($cityCodes: [ID!], $overdueAt: DateTime) { actionItems(cityCodes: $cityCodes, overdueAt: $overdueAt, first: 100) {
  totalCount edges { node { id cityCode meetingId meetingTitle convenerCityCode assigneeCityCode description dueAt status meeting { id } } } } }`;
const ITEM_NODE = `query I($id: ID!) { node(id: $id) { ... on ActionItem { id status note deliveredAt meeting { id title }
  history { action actor { sub bureau } } } } }`;
const MEETING_COUNT = `query Count { jointMeetings(cityCodes: ["${SUINING}"], first: 0) { totalCount } }`;

const ask = async (token: string | null, query: string, variables: Record<string, unknown> = {}): Promise<GraphQLAnswer> =>
  postGraphQL(federation.gateway.url, query, variables, token === null ? {} : { authorization: `Bearer ${token}` });
const codes = (answer: GraphQLAnswer) => (answer.errors ?? []).map((e) => e.extensions?.['code']);
const iso = (ms: number) => new Date(ms).toISOString();

const input = (overrides: Record<string, unknown> = {}) => ({
  kind: 'JOINT_MEETING', title: `琼江联防联控联席会议-${randomUUID()}`, heldAt: iso(Date.now() - 3_600_000), bureausPresent: [SUINING, TONGNAN],
  topics: ['琼江光辉断面水质'], decisions: ['开展联合巡河'],
  actionItems: [
    { description: '排查琼江沿线入河排污口', assigneeCityCode: TONGNAN, dueAt: iso(Date.now() + 30 * DAY) },
    { description: '报送光辉断面加密监测数据', assigneeCityCode: TONGNAN, dueAt: iso(Date.now() - DAY) },
  ],
  ...overrides,
});
const record = (variables: Record<string, unknown> = {}, token = convener) =>
  ask(token, RECORD, { cityCode: SUINING, key: randomUUID(), input: input(), ...variables });
const update = (actionItemId: string, status: string, token = assignee, cityCode = TONGNAN, note?: string) =>
  ask(token, UPDATE, { cityCode, key: randomUUID(), actionItemId, status, ...(note !== undefined && { note }) });
const meetingCount = async () => (await ask(analyst, MEETING_COUNT)).data?.['jointMeetings']?.totalCount as number;

type Item = { id: string; meetingId: string; description: string; status: string; meeting: null | { id: string } };
const itemsOf = (answer: GraphQLAnswer, meetingId: string) =>
  ((answer.data?.['actionItems']?.edges ?? []) as Array<{ node: Item }>).map((e) => e.node).filter((i) => i.meetingId === meetingId);
/** 潼南's copies of the meeting's items, once the relay has delivered them all. */
const inboxItems = async (meetingId: string, count: number) => itemsOf(await pollUntil(() => ask(assignee, ITEMS, { cityCodes: [TONGNAN] }),
  (a) => itemsOf(a, meetingId).length === count, 'the action items at 潼南', { timeoutMs: 20_000 }), meetingId);
const statusAt = async (id: string) => (await ask(analyst, ITEM_NODE, { id })).data?.['node']?.status as string;

beforeAll(async () => {
  federation = await startGatewayFederation({ gatewayEnv: RELAY_ENV });
  // The convener asks the gateway which bureaus the region has: restart it knowing where the gateway is.
  await federation.killBureau(SUINING);
  await federation.restartBureau(SUINING, { ECOGRAPH_GATEWAY_URL: federation.gateway.url });
  convener = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'meetings:write' });
  assignee = await callerToken({ sub: 'chen.jing', bureau: TONGNAN, scope: 'meetings:act' });
  analyst = await callerToken({ sub: 'analyst', bureau: '500000', scope: 'emergency:read' });
  await pollUntil(() => meetingCount().catch(() => undefined), (n) => typeof n === 'number', 'the restarted convener served again');
}, 180_000);

afterAll(async () => {
  await federation?.stop();
});

describe('a joint meeting of 遂宁 with action items for 潼南', () => {
  it('delivers each item to 潼南, lists the overdue one, and carries IN_PROGRESS and DONE back to 遂宁', async () => {
    const answer = await record();
    expect(answer.errors).toBeUndefined();
    const meeting = answer.data?.['recordJointMeeting'];
    expect(meeting).toMatchObject({ cityCode: SUINING, kind: 'JOINT_MEETING', bureausPresent: [TONGNAN, SUINING].sort(), decisions: ['开展联合巡河'] });
    const [sent, sentOverdue] = meeting.actionItems as Array<{ id: string; status: string }>;
    expect(meeting.actionItems.map((i: { status: string; assigneeCityCode: string }) => [i.assigneeCityCode, i.status]))
      .toEqual([[TONGNAN, 'OPEN'], [TONGNAN, 'OPEN']]);

    const items = await inboxItems(meeting.id, 2);
    expect(items.map((i) => i.description)).toEqual(['报送光辉断面加密监测数据', '排查琼江沿线入河排污口']); // earliest due first
    // The assignee's copy shows the convener's meeting: 潼南 answers its key, the gateway asks 遂宁 for the rest.
    expect(items[0]).toMatchObject({ status: 'OPEN', meeting: { id: meeting.id } });
    const assigned = await ask(assignee, ITEM_NODE, { id: items[0]!.id });
    expect(assigned.errors).toBeUndefined();
    expect(assigned.data?.['node']?.meeting).toEqual({ id: meeting.id, title: meeting.title });
    const overdue = itemsOf(await ask(assignee, ITEMS, { cityCodes: [TONGNAN], overdueAt: iso(Date.now()) }), meeting.id);
    expect(overdue.map((i) => i.description)).toEqual(['报送光辉断面加密监测数据']);

    const item = items.find((i) => i.description === '排查琼江沿线入河排污口')!;
    await pollUntil(() => ask(analyst, ITEM_NODE, { id: sent!.id }), (a) => a.data?.['node']?.deliveredAt != null, 'delivery confirmed at 遂宁');
    for (const status of ['IN_PROGRESS', 'DONE']) {
      const changed = await update(item.id, status, assignee, TONGNAN, `${status} 说明`);
      expect(changed.errors, status).toBeUndefined();
      expect(changed.data?.['updateActionItem']).toMatchObject({ status, note: `${status} 说明` });
      await pollUntil(() => statusAt(sent!.id), (s) => s === status, `${status} at 遂宁`, { timeoutMs: 20_000 });
    }
    expect(codes(await update(item.id, 'IN_PROGRESS'))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);
    expect(codes(await update(item.id, 'DONE'))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);
    const back = (await ask(analyst, ITEM_NODE, { id: sent!.id })).data?.['node'];
    expect(back).toMatchObject({ status: 'DONE', note: 'DONE 说明', meeting: { id: meeting.id } });
    expect(back.history.map((h: { action: string }) => h.action)).toEqual(['ASSIGNED', 'DELIVERED', 'IN_PROGRESS', 'DONE']);
    expect(back.history[3].actor).toEqual({ sub: 'chen.jing', bureau: TONGNAN });

    // The overdue item, once DONE (straight from OPEN), is no longer overdue.
    const overdueCopy = items.find((i) => i.description === '报送光辉断面加密监测数据')!;
    expect(codes(await update(overdueCopy.id, 'OPEN'))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);
    expect(codes(await update(overdueCopy.id, 'DONE'))).toEqual([]);
    expect(itemsOf(await ask(assignee, ITEMS, { cityCodes: [TONGNAN], overdueAt: iso(Date.now()) }), meeting.id)).toEqual([]);
    await pollUntil(() => statusAt(sentOverdue!.id), (s) => s === 'DONE', 'DONE at 遂宁', { timeoutMs: 20_000 });
  }, 90_000);

  it('refuses bad input with a stable code and writes nothing; a retry makes one meeting', async () => {
    const before = await meetingCount();
    const item = (overrides: Record<string, unknown>) => [{ description: '排查', assigneeCityCode: TONGNAN, dueAt: iso(Date.now() + DAY), ...overrides }];
    const cases: Array<[Record<string, unknown>, string]> = [
      [input({ actionItems: item({ assigneeCityCode: '123456' }) }), 'INVALID_RECIPIENT'],
      [input({ actionItems: item({ assigneeCityCode: SUINING }) }), 'INVALID_RECIPIENT'],
      [input({ bureausPresent: [SUINING, '123456'] }), 'INVALID_RECIPIENT'],
      [input({ bureausPresent: [] }), 'BAD_USER_INPUT'],
      [input({ title: '标'.repeat(201) }), 'TEXT_TOO_LONG'],
      [input({ title: '  ' }), 'BAD_USER_INPUT'],
      [input({ topics: ['议'.repeat(2001)] }), 'TEXT_TOO_LONG'],
      [input({ decisions: Array.from({ length: 51 }, (_, i) => `决定${i}`) }), 'TEXT_TOO_LONG'],
      [input({ heldAt: '2026-05-10 09:00' }), 'INVALID_TIME'],
      [input({ heldAt: iso(Date.now() + DAY) }), 'INVALID_TIME'],
      [input({ actionItems: item({ dueAt: '2026-06-30' }) }), 'INVALID_TIME'],
      [input({ actionItems: item({ description: '' }) }), 'BAD_USER_INPUT'],
    ];
    for (const [bad, code] of cases) expect(codes(await record({ input: bad })), code).toEqual([code]);
    expect(await meetingCount()).toBe(before);

    const key = randomUUID();
    const same = input();
    const answers = await Promise.all(Array.from({ length: 10 }, () => record({ key, input: same })));
    expect(answers.flatMap(codes)).toEqual([]);
    expect(new Set(answers.map((a) => a.data?.['recordJointMeeting'].id)).size).toBe(1);
    expect(codes(await record({ key, input: { ...same, title: '另' } }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await meetingCount()).toBe(before + 1);

    // Only the assignee's inbox copy can change: not 遂宁's own copy, not 遂宁's id named at 潼南.
    const sentId = answers[0]!.data?.['recordJointMeeting'].actionItems[0].id as string;
    const ownActor = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'meetings:act' });
    expect(codes(await update(sentId, 'DONE', ownActor, SUINING))).toEqual(['NOT_ACTION_ITEM_ASSIGNEE']);
    expect(codes(await update(sentId, 'DONE'))).toEqual(['NOT_ACTION_ITEM_ASSIGNEE']);
    expect(codes(await update('not-an-id', 'DONE'))).toEqual(['INVALID_ID']);
  }, 60_000);

  it('lets only the own bureau\'s officers with the scope write (role × scope × own/other bureau)', async () => {
    const matrix = await writeAccessMatrix({ bureau: SUINING, scope: 'meetings:write', otherScope: 'meetings:act', otherBureau: TONGNAN });
    const before = await meetingCount();
    let recorded: { id: string } | undefined;
    for (const [who, bearer, expected] of matrix) {
      const answer = await record({ input: input({ actionItems: [input().actionItems[0]] }) }, bearer as string);
      expect(codes(answer)[0] ?? 'ok', who).toBe(expected);
      recorded = answer.data?.['recordJointMeeting'] ?? recorded;
    }
    expect(await meetingCount()).toBe(before + 1);

    const [copy] = await inboxItems(recorded!.id, 1);
    const actMatrix = await writeAccessMatrix({ bureau: TONGNAN, scope: 'meetings:act', otherScope: 'meetings:write', otherBureau: SUINING, noScopeRow: false, allowed: assignee });
    for (const [who, bearer, expected] of actMatrix) expect(codes(await update(copy!.id, 'IN_PROGRESS', bearer as string))[0] ?? 'ok', who).toBe(expected);
    expect(await statusAt(copy!.id)).toBe('IN_PROGRESS');
  }, 90_000);
});

const PROPOSE = `mutation Propose($cityCode: ID!, $key: ID!, $input: ProposeJointPatrolInput!) {
  proposeJointPatrol(cityCode: $cityCode, idempotencyKey: $key, input: $input) {
    id cityCode proposerCityCode name mode river { id } reach plannedStartAt partners { cityCode state }
  }
}`;
const CONFIRM = `mutation Confirm($cityCode: ID!, $key: ID!, $proposalId: ID!, $decision: JointPatrolDecision!, $participants: Int, $note: String) {
  confirmJointPatrol(cityCode: $cityCode, idempotencyKey: $key, proposalId: $proposalId, decision: $decision, participants: $participants, note: $note) {
    id partners { cityCode state participants note respondedBy { sub bureau } }
  }
}`;
const RECEIVED = `query Received($cityCodes: [ID!]) { receivedJointPatrolProposals(cityCodes: $cityCodes, first: 100) {
  edges { node { id cityCode proposerCityCode name partners { cityCode state } } } } }`;
const PROPOSAL_NODE = `query P($id: ID!) { node(id: $id) { ... on JointPatrolProposal { id
  partners { cityCode state deliveredAt participants note respondedBy { sub bureau } } history { action } } } }`;
const PROPOSED_COUNT = `query Count { jointPatrolProposals(cityCodes: ["${SUINING}"], first: 0) { totalCount } }`;

describe('a joint patrol proposed by 遂宁 to 潼南 and 广安', () => {
  let proposer: string;
  let partner: string;
  beforeAll(async () => {
    proposer = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'patrols:propose' });
    partner = await callerToken({ sub: 'chen.jing', bureau: TONGNAN, scope: 'patrols:confirm' });
  });

  const proposal = (overrides: Record<string, unknown> = {}) => ({
    name: `琼江跨界联合巡河-${randomUUID()}`, mode: 'JOINT', riverId: 'qiongjiang', reach: '光辉断面至大安段',
    plannedStartAt: iso(Date.now() + 7 * DAY), partners: [TONGNAN, GUANGAN], ...overrides,
  });
  const propose = (variables: Record<string, unknown> = {}, token = proposer) =>
    ask(token, PROPOSE, { cityCode: SUINING, key: randomUUID(), input: proposal(), ...variables });
  const confirm = (proposalId: string, decision = 'CONFIRMED', token = partner, cityCode = TONGNAN, extra: Record<string, unknown> = {}) =>
    ask(token, CONFIRM, { cityCode, key: randomUUID(), proposalId, decision, ...extra });
  const proposedCount = async () => (await ask(analyst, PROPOSED_COUNT)).data?.['jointPatrolProposals'].totalCount as number;
  type Copy = { id: string; name: string };
  const inboxCopy = async (name: string) => (await pollUntil(() => ask(analyst, RECEIVED, { cityCodes: [TONGNAN] }),
    (a) => (a.data?.['receivedJointPatrolProposals']?.edges ?? []).some((e: { node: Copy }) => e.node.name === name), 'the proposal at 潼南',
    { timeoutMs: 20_000 })).data?.['receivedJointPatrolProposals'].edges.find((e: { node: Copy }) => e.node.name === name).node as Copy;

  it('reaches 潼南, which confirms once; 遂宁 sees CONFIRMED for 潼南 and PROPOSED for 广安', async () => {
    const input = proposal();
    const made = await propose({ input });
    expect(made.errors).toBeUndefined();
    const sent = made.data?.['proposeJointPatrol'];
    expect(sent).toMatchObject({ cityCode: SUINING, proposerCityCode: SUINING, mode: 'JOINT', river: { id: 'qiongjiang' },
      partners: [{ cityCode: TONGNAN, state: 'PROPOSED' }, { cityCode: GUANGAN, state: 'PROPOSED' }] });
    const copy = await inboxCopy(input.name);
    const answer = await confirm(copy.id, 'CONFIRMED', partner, TONGNAN, { participants: 8, note: '派 8 人' });
    expect(answer.errors).toBeUndefined();
    expect(answer.data?.['confirmJointPatrol'].partners).toEqual([{ cityCode: TONGNAN, state: 'CONFIRMED', participants: 8, note: '派 8 人',
      respondedBy: { sub: 'chen.jing', bureau: TONGNAN } }]);
    expect(codes(await confirm(copy.id, 'DECLINED'))).toEqual(['STATE_CHANGE_OUT_OF_ORDER']);

    const back = await pollUntil(() => ask(analyst, PROPOSAL_NODE, { id: sent.id }),
      (a) => a.data?.['node']?.partners.some((p: { state: string }) => p.state === 'CONFIRMED'), 'the answer at 遂宁', { timeoutMs: 20_000 });
    const byCode = Object.fromEntries(back.data?.['node'].partners.map((p: { cityCode: string }) => [p.cityCode, p]));
    expect(byCode[TONGNAN]).toMatchObject({ state: 'CONFIRMED', participants: 8, respondedBy: { sub: 'chen.jing', bureau: TONGNAN } });
    expect(byCode[GUANGAN]).toMatchObject({ state: 'PROPOSED', participants: null });
  }, 60_000);

  it('refuses bad input with a stable code and writes nothing; a retry makes one proposal', async () => {
    const before = await proposedCount();
    const cases: Array<[Record<string, unknown>, string]> = [
      [proposal({ partners: ['123456'] }), 'INVALID_RECIPIENT'],
      [proposal({ partners: [SUINING, TONGNAN] }), 'INVALID_RECIPIENT'],
      [proposal({ partners: [] }), 'BAD_USER_INPUT'],
      [proposal({ riverId: 'no-such-river' }), 'RECIPIENTS_UNAVAILABLE'],
      [proposal({ name: '名'.repeat(201) }), 'TEXT_TOO_LONG'],
      [proposal({ reach: ' ' }), 'BAD_USER_INPUT'],
      [proposal({ plannedStartAt: '2026-06-01' }), 'INVALID_TIME'],
    ];
    for (const [bad, code] of cases) expect(codes(await propose({ input: bad })), code).toEqual([code]);
    expect(await proposedCount()).toBe(before);

    const key = randomUUID();
    const same = proposal();
    const answers = await Promise.all(Array.from({ length: 10 }, () => propose({ key, input: same })));
    expect(answers.flatMap(codes)).toEqual([]);
    expect(new Set(answers.map((a) => a.data?.['proposeJointPatrol'].id)).size).toBe(1);
    expect(codes(await propose({ key, input: { ...same, reach: '另' } }))).toEqual(['IDEMPOTENCY_KEY_REUSED']);
    expect(await proposedCount()).toBe(before + 1);

    const sentId = answers[0]!.data?.['proposeJointPatrol'].id as string;
    const ownConfirmer = await callerToken({ sub: 'wang.fang', bureau: SUINING, scope: 'patrols:confirm' });
    expect(codes(await confirm(sentId, 'CONFIRMED', ownConfirmer, SUINING))).toEqual(['NOT_PATROL_PARTNER']);
    expect(codes(await confirm(sentId))).toEqual(['NOT_PATROL_PARTNER']);
    const copy = await inboxCopy(same.name);
    expect(codes(await confirm(copy.id, 'CONFIRMED', partner, TONGNAN, { participants: -1 }))).toEqual(['BAD_USER_INPUT']);
  }, 60_000);

  it('lets only the own bureau\'s officers with the scope write (role × scope × own/other bureau)', async () => {
    const matrix = await writeAccessMatrix({ bureau: SUINING, scope: 'patrols:propose', otherScope: 'patrols:confirm', otherBureau: TONGNAN });
    const before = await proposedCount();
    const name = `权限-${randomUUID()}`;
    for (const [who, bearer, expected] of matrix) expect(codes(await propose({ input: proposal({ name }) }, bearer as string))[0] ?? 'ok', who).toBe(expected);
    expect(await proposedCount()).toBe(before + 1);

    const copy = await inboxCopy(name);
    const confirmMatrix = await writeAccessMatrix({ bureau: TONGNAN, scope: 'patrols:confirm', otherScope: 'patrols:propose', otherBureau: SUINING, noScopeRow: false, allowed: partner });
    for (const [who, bearer, expected] of confirmMatrix) expect(codes(await confirm(copy.id, 'DECLINED', bearer as string))[0] ?? 'ok', who).toBe(expected);
  }, 90_000);
});
