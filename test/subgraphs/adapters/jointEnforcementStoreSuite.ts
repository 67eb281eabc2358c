/**
 * The joint enforcement behaviour every cooperation store must show (subgraphs/kit/cooperation/JointEnforcementStore.ts),
 * run against each store kind like cooperationStoreSuite.ts. Three stores: the proposer 遂宁 (510900) and the partners
 * 潼南 (500152) and 广安 (511600); the test hands messages between them as the relay does.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewPatrolProposal, WriteMeta } from '../../../subgraphs/kit/cooperation/CooperationStore.ts';
import type { NewJointCaseProposal } from '../../../subgraphs/kit/cooperation/JointEnforcementStore.ts';
import { codeOf, type OpenCooperationStore, type OpenedCooperationStore } from './cooperationStoreSuite.ts';

const PROPOSER = '510900';
const TONGNAN = '500152';
const GUANGAN = '511600';
const T0 = Date.parse('2026-05-01T08:00:00+08:00');
const DAY = 86_400_000;

let counter = 0;
const meta = (key: string, bureau = PROPOSER, fingerprint = key): WriteMeta => ({
  idempotencyKey: key, fingerprint, actor: { sub: `officer-${bureau}`, bureau }, requestId: `req-${++counter}`, now: T0 + counter,
});

const listBy = (field: string, filter: object = {}) => ({ filter, sort: { field, direction: 'DESC' as const }, after: null, limit: 101 });

export function describeJointEnforcementStoreContract(kind: string, open: OpenCooperationStore): void {
  describe(`${kind} cooperation store: joint enforcement`, () => {
    const stores = new Map<string, OpenedCooperationStore>();
    const at = (code: string) => stores.get(code)!.store;
    beforeAll(async () => {
      for (const code of [PROPOSER, TONGNAN, GUANGAN]) stores.set(code, await open(code));
    });
    afterAll(async () => {
      for (const opened of stores.values()) await opened.close();
    });

    /** Every pending message from `from` to `to`, as the relay hands them over (one millisecond apart). */
    const relay = async (from: string, to: string) => {
      const pending = (await at(from).pendingOutbox(200)).messages.filter((m) => m.recipient === to);
      for (const m of pending) expect(['accepted', 'duplicate']).toContain((await at(to).receive(m, T0 + ++counter)).status);
      if (pending.length > 0) await at(from).markDelivered(pending.map((m) => m.messageId), T0 + ++counter);
    };

    const patrolProposal = (name: string): NewPatrolProposal => ({
      name, mode: 'CROSS', riverId: 'qiongjiang', reach: '光辉断面至大安段', plannedStartAt: T0 + 7 * DAY, note: '', partners: [TONGNAN, GUANGAN],
      participants: 4,
    });
    const inboxPatrolCopy = async (code: string, remoteId: string) =>
      (await at(code).listPatrolProposals('RECEIVED', listBy('createdAt'))).items.find((p) => p.remoteProposalId === remoteId)!;

    it('makes a JointPatrol of the proposer once every partner answered and one confirmed, and gives each confirmed partner its copy', async () => {
      const { id: proposalId } = await at(PROPOSER).proposeJointPatrol(meta('jp-made'), patrolProposal('琼江交叉巡河'));
      await relay(PROPOSER, TONGNAN);
      await relay(PROPOSER, GUANGAN);
      const tongnanCopy = await inboxPatrolCopy(TONGNAN, proposalId);
      await at(TONGNAN).confirmJointPatrol(meta('jp-made-yes', TONGNAN), tongnanCopy.id, { state: 'CONFIRMED', participants: 8, note: null });
      await relay(TONGNAN, PROPOSER);
      expect((await at(PROPOSER).patrolsOfProposals([proposalId]))[0]).toBeNull(); // 广安 has not answered

      const guanganCopy = await inboxPatrolCopy(GUANGAN, proposalId);
      await at(GUANGAN).confirmJointPatrol(meta('jp-made-yes', GUANGAN), guanganCopy.id, { state: 'CONFIRMED', participants: 3, note: '派 3 人' });
      await relay(GUANGAN, PROPOSER);
      const [patrol] = await at(PROPOSER).patrolsOfProposals([proposalId]);
      expect(patrol).toMatchObject({
        cityCode: PROPOSER, direction: 'SENT', proposalId, name: '琼江交叉巡河', mode: 'CROSS', riverId: 'qiongjiang', reach: '光辉断面至大安段',
        startedAt: T0 + 7 * DAY, endedAt: null, partnerCityCodes: [TONGNAN, GUANGAN], participants: 15, problemsFound: 0, findings: [], route: [],
        participantsByBureau: [{ cityCode: PROPOSER, participants: 4 }, { cityCode: TONGNAN, participants: 8 }, { cityCode: GUANGAN, participants: 3 }],
      });
      expect((await at(PROPOSER).jointPatrolsByIds([patrol!.id, proposalId]))).toEqual([patrol, null]);
      expect((await at(PROPOSER).listJointPatrols(listBy('startedAt'))).items.map((p) => p.id)).toContain(patrol!.id);
      expect((await at(PROPOSER).historyOf([patrol!.id]))[0]!.map((h) => h.action)).toEqual(['SCHEDULED']);
      expect((await at(PROPOSER).historyOf([proposalId]))[0]!.map((h) => h.action)).toEqual(['PROPOSED', 'DELIVERED', 'DELIVERED', 'CONFIRMED', 'CONFIRMED']);

      await relay(PROPOSER, TONGNAN);
      const [copy] = await at(TONGNAN).patrolsOfProposals([tongnanCopy.id]);
      expect(copy).toMatchObject({ id: patrol!.id, cityCode: PROPOSER, direction: 'RECEIVED', participants: 15, partnerCityCodes: [TONGNAN, GUANGAN] });
      // A partner's copy is never its own record: its lists and id lookups leave it out.
      expect((await at(TONGNAN).listJointPatrols(listBy('startedAt'))).totalCount).toBe(0);
      expect(await at(TONGNAN).jointPatrolsByIds([patrol!.id])).toEqual([null]);
    });

    it('records the outcome once (retry from the key, other input refused, a second record out of order) and carries it to the partners', async () => {
      const { id: proposalId } = await at(PROPOSER).proposeJointPatrol(meta('jp-out'), { ...patrolProposal('琼江巡河结果'), partners: [TONGNAN] });
      await relay(PROPOSER, TONGNAN);
      const copy = await inboxPatrolCopy(TONGNAN, proposalId);
      await at(TONGNAN).confirmJointPatrol(meta('jp-out-yes', TONGNAN), copy.id, { state: 'CONFIRMED', participants: 6, note: null });
      await relay(TONGNAN, PROPOSER);
      const [patrol] = await at(PROPOSER).patrolsOfProposals([proposalId]);
      const outcome = {
        startedAt: T0 + 7 * DAY + 3_600_000, endedAt: T0 + 7 * DAY + 5 * 3_600_000, findings: ['排污口异常排放', '岸边垃圾堆放'],
        route: [{ longitude: 105.56, latitude: 30.21 }, { longitude: 105.61, latitude: 30.18 }], participants: 5,
      };
      expect(await codeOf(at(TONGNAN).recordJointPatrolFindings(meta('jp-out-partner', TONGNAN), patrol!.id, outcome))).toBe('INVALID_ID');
      expect(await codeOf(at(PROPOSER).recordJointPatrolFindings(meta('jp-out-early'), patrol!.id, { ...outcome, startedAt: null, endedAt: T0 }))).toBe('INVALID_TIME');
      const first = await at(PROPOSER).recordJointPatrolFindings(meta('jp-out-rec'), patrol!.id, outcome);
      expect(first).toEqual({ id: patrol!.id, replayed: false });
      expect(await at(PROPOSER).recordJointPatrolFindings(meta('jp-out-rec'), patrol!.id, outcome)).toEqual({ id: patrol!.id, replayed: true });
      expect(await codeOf(at(PROPOSER).recordJointPatrolFindings(meta('jp-out-rec', PROPOSER, 'other'), patrol!.id, outcome))).toBe('IDEMPOTENCY_KEY_REUSED');
      expect(await codeOf(at(PROPOSER).recordJointPatrolFindings(meta('jp-out-again'), patrol!.id, outcome))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      const [recorded] = await at(PROPOSER).jointPatrolsByIds([patrol!.id]);
      expect(recorded).toMatchObject({
        startedAt: outcome.startedAt, endedAt: outcome.endedAt, findings: outcome.findings, problemsFound: 2, route: outcome.route, participants: 11,
        participantsByBureau: [{ cityCode: PROPOSER, participants: 5 }, { cityCode: TONGNAN, participants: 6 }],
      });
      expect((await at(PROPOSER).historyOf([patrol!.id]))[0]!.map((h) => h.action)).toEqual(['SCHEDULED', 'FINDINGS_RECORDED']);

      await relay(PROPOSER, TONGNAN);
      const [partnerCopy] = await at(TONGNAN).patrolsOfProposals([copy.id]);
      expect(partnerCopy).toMatchObject({ id: patrol!.id, endedAt: outcome.endedAt, findings: outcome.findings, route: outcome.route, participants: 11 });
      expect((await at(TONGNAN).historyOf([patrol!.id]))[0]!.map((h) => h.action)).toEqual(['SCHEDULED', 'FINDINGS_RECORDED']);
    });

    it('makes no patrol of a proposal every partner declined; lists made patrols by start with the river and search filters', async () => {
      const { id: proposalId } = await at(PROPOSER).proposeJointPatrol(meta('jp-no'), { ...patrolProposal('无人参加'), partners: [TONGNAN] });
      await relay(PROPOSER, TONGNAN);
      const copy = await inboxPatrolCopy(TONGNAN, proposalId);
      await at(TONGNAN).confirmJointPatrol(meta('jp-no-no', TONGNAN), copy.id, { state: 'DECLINED', participants: null, note: '人手不足' });
      await relay(TONGNAN, PROPOSER);
      expect(await at(PROPOSER).patrolsOfProposals([proposalId])).toEqual([null]);

      const all = await at(PROPOSER).listJointPatrols(listBy('startedAt'));
      expect(all.items.map((p) => p.name)).toEqual(['琼江巡河结果', '琼江交叉巡河']); // newest start first (the outcome moved one start)
      expect(all.totalCount).toBe(2);
      expect((await at(PROPOSER).listJointPatrols(listBy('startedAt', { search: '结果' }))).items.map((p) => p.name)).toEqual(['琼江巡河结果']);
      expect((await at(PROPOSER).listJointPatrols(listBy('startedAt', { riverId: 'fujiang' }))).totalCount).toBe(0);
      const after = { value: all.items[0]!.startedAt, id: all.items[0]!.id };
      expect((await at(PROPOSER).listJointPatrols({ ...listBy('startedAt'), after })).items.map((p) => p.name)).toEqual(['琼江交叉巡河']);
    });

    const caseProposal: NewJointCaseProposal = {
      title: '某化工企业超标排放联合执法', creditCode: '91510900MA62XXXX0Q', mode: 'JOINT', proposedFor: T0 + 3 * DAY, note: '', partners: [TONGNAN, GUANGAN],
    };

    it('proposes a joint case once per key; partners answer once; the proposer links its case once every partner answered', async () => {
      const { id } = await at(PROPOSER).proposeJointCase(meta('jc-1'), caseProposal);
      expect(await at(PROPOSER).proposeJointCase(meta('jc-1'), caseProposal)).toEqual({ id, replayed: true });
      expect(await codeOf(at(PROPOSER).proposeJointCase(meta('jc-1', PROPOSER, 'other'), { ...caseProposal, title: '另' }))).toBe('IDEMPOTENCY_KEY_REUSED');
      expect((await at(PROPOSER).listCaseProposals('SENT', listBy('createdAt'))).items.map((p) => p.id)).toEqual([id]);
      expect((await at(PROPOSER).partnersOfCaseProposals([id]))[0]!.map((p) => [p.cityCode, p.state])).toEqual([[TONGNAN, 'PROPOSED'], [GUANGAN, 'PROPOSED']]);

      await relay(PROPOSER, TONGNAN);
      await relay(PROPOSER, GUANGAN);
      expect((await at(PROPOSER).partnersOfCaseProposals([id]))[0]!.every((p) => p.deliveredAt !== null)).toBe(true);
      const copyAt = async (code: string) => (await at(code).listCaseProposals('RECEIVED', listBy('createdAt'))).items.find((p) => p.remoteProposalId === id)!;
      const tongnan = await copyAt(TONGNAN);
      expect(tongnan).toMatchObject({ direction: 'RECEIVED', proposerCityCode: PROPOSER, creditCode: caseProposal.creditCode, title: caseProposal.title, caseId: null });

      expect(await codeOf(at(PROPOSER).confirmJointCase(meta('jc-own'), id, { state: 'CONFIRMED', note: null }))).toBe('NOT_JOINT_CASE_PARTNER');
      await at(TONGNAN).confirmJointCase(meta('jc-yes', TONGNAN), tongnan.id, { state: 'CONFIRMED', note: '同意' });
      expect(await at(TONGNAN).confirmJointCase(meta('jc-yes', TONGNAN), tongnan.id, { state: 'CONFIRMED', note: '同意' })).toMatchObject({ replayed: true });
      expect(await codeOf(at(TONGNAN).confirmJointCase(meta('jc-no', TONGNAN), tongnan.id, { state: 'DECLINED', note: null }))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      await relay(TONGNAN, PROPOSER);
      const caseId = 'RW5mb3JjZW1lbnRDYXNlOjUxMDkwMDpjLTE'; // any id: the resolver checks it names one of the bureau's cases
      expect(await codeOf(at(PROPOSER).linkJointCase(meta('jc-link-early'), id, caseId))).toBe('STATE_CHANGE_OUT_OF_ORDER'); // 广安 has not answered

      await at(GUANGAN).confirmJointCase(meta('jc-decline', GUANGAN), (await copyAt(GUANGAN)).id, { state: 'DECLINED', note: '不在辖区' });
      await relay(GUANGAN, PROPOSER);
      expect((await at(PROPOSER).partnersOfCaseProposals([id]))[0]).toMatchObject([
        { cityCode: TONGNAN, state: 'CONFIRMED', note: '同意', respondedBy: { bureau: TONGNAN } },
        { cityCode: GUANGAN, state: 'DECLINED', note: '不在辖区' },
      ]);
      expect(await codeOf(at(TONGNAN).linkJointCase(meta('jc-link-partner', TONGNAN), tongnan.id, caseId))).toBe('INVALID_ID');
      await at(PROPOSER).linkJointCase(meta('jc-link'), id, caseId);
      expect(await at(PROPOSER).linkJointCase(meta('jc-link'), id, caseId)).toMatchObject({ replayed: true });
      expect(await codeOf(at(PROPOSER).linkJointCase(meta('jc-link-2'), id, caseId))).toBe('STATE_CHANGE_OUT_OF_ORDER');
      expect((await at(PROPOSER).caseProposalsByIds([id]))[0]?.caseId).toBe(caseId);
      expect((await at(PROPOSER).historyOf([id]))[0]!.map((h) => h.action)).toEqual(['PROPOSED', 'DELIVERED', 'DELIVERED', 'CONFIRMED', 'DECLINED', 'CASE_LINKED']);

      // The link reaches the confirmed partner only.
      expect((await at(PROPOSER).pendingOutbox(200)).messages.filter((m) => m.body.kind === 'case-linked').map((m) => m.recipient)).toEqual([TONGNAN]);
      await relay(PROPOSER, TONGNAN);
      expect((await copyAt(TONGNAN)).caseId).toBe(caseId);
      expect((await at(TONGNAN).historyOf([tongnan.id]))[0]!.map((h) => h.action)).toEqual(['DELIVERED', 'CONFIRMED', 'CASE_LINKED']);
    });
  });
}
