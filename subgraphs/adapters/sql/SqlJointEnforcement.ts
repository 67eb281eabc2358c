/**
 * The joint enforcement part of the SQL cooperation store (JointEnforcementStore): JointPatrol records
 * made from settled patrol proposals and their outcome, and joint case proposals. It writes through the
 * store's idempotent transactions and applies its relay messages inside the store's inbox transaction.
 */
import { randomUUID } from 'node:crypto';
import { sql, type Kysely } from 'kysely';
import type { RelayMessageBody } from '../../../schema/cooperation/relayMessages.ts';
import { ERRORS } from '../../../schema/errors.ts';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import type { WriteMeta, WriteResult } from '../../kit/cooperation/CooperationStore.ts';
import type {
  CooperationPatrolRecord, JointCaseAnswer, JointCasePartnerRecord, JointCaseProposalRecord, JointEnforcementStore, JointPatrolOutcome,
  NewJointCaseProposal,
} from '../../kit/cooperation/JointEnforcementStore.ts';
import type { BureauParticipantsRecord, CityCode, EpochMs } from '../../kit/model.ts';
import type { ListQuery, ListResult, PatrolFilter } from '../../kit/ports.ts';
import { alignOne } from './alignByKey.ts';
import { audit, enqueue, type Trx } from './cooperationOutbox.ts';
import { fetchByKeys } from './fetchByKeys.ts';
import { guarded } from './guarded.ts';
import { fromJson, toJson, toNullableNumber, toNumber } from './jsonColumn.ts';
import { keysetPage } from './keysetPage.ts';
import { answerReceivedProposal, applyPartnerAnswer, CASE_PROPOSALS, insertPartners, listProposals, partnersOf, proposalsByIds } from './proposalPartners.ts';
import type { SqlFlavour } from './SqlFlavour.ts';
import { columnSortKeys, sortKeyFor } from './sortKeyFor.ts';

type Row = Record<string, any>;

/** The store's exactly-once write: claims the key, runs `write` in the same transaction. */
export type IdempotentWrite = (operation: string, meta: WriteMeta, resultId: string, write: (trx: Trx) => Promise<void>) => Promise<WriteResult>;

type JointBody = Extract<RelayMessageBody, { kind: 'joint-patrol' | 'case-proposal' | 'case-response' | 'case-linked' }>;
type ApplyMeta = Pick<WriteMeta, 'actor' | 'requestId' | 'now'>;

const PATROL_SORT_KEYS = columnSortKeys({ startedAt: 'started_at' });

export class SqlJointEnforcement implements JointEnforcementStore {
  constructor(
    private readonly db: Kysely<any>,
    private readonly cityCode: CityCode,
    private readonly flavour: SqlFlavour,
    private readonly idempotent: IdempotentWrite,
  ) {}

  /**
   * At the organiser, after a partner's answer was applied: once no partner is PROPOSED and one CONFIRMED, the
   * proposal becomes a JointPatrol (once), and every confirmed partner gets it through the relay.
   */
  async makePatrolIfSettled(trx: Trx, proposalId: string, meta: ApplyMeta): Promise<void> {
    const partners = await trx.selectFrom('coop_patrol_partners').selectAll().where('proposal_id', '=', proposalId).orderBy('partner').execute();
    if (partners.some((p) => p['state'] === 'PROPOSED')) return;
    const confirmed = partners.filter((p) => p['state'] === 'CONFIRMED');
    if (confirmed.length === 0) return;
    const proposal = await trx.selectFrom('coop_patrol_proposals').selectAll().where('id', '=', proposalId).where('direction', '=', 'SENT').executeTakeFirst();
    const made = await trx.selectFrom('coop_joint_patrols').select('id').where('copy_proposal_id', '=', proposalId).executeTakeFirst();
    if (proposal === undefined || made !== undefined) return;
    const id = encodeGlobalId('JointPatrol', this.cityCode, randomUUID());
    const byBureau: BureauParticipantsRecord[] = [
      { cityCode: this.cityCode, participants: toNumber(proposal['participants'] ?? 0) },
      ...confirmed.map((p) => ({ cityCode: p['partner'] as string, participants: toNumber(p['participants'] ?? 0) })),
    ];
    await trx.insertInto('coop_joint_patrols').values({
      id, direction: 'SENT', copy_proposal_id: proposalId, proposal_id: proposalId, organiser: this.cityCode, name: proposal['name'],
      mode: proposal['mode'], river_id: proposal['river_id'], reach: proposal['reach'], started_at: proposal['planned_start_at'], ended_at: null,
      participants: sum(byBureau), participants_json: toJson(byBureau), findings_json: toJson([]), route_json: toJson([]), recorded_at: null,
      created_at: meta.now,
    }).execute();
    await audit(trx, id, meta, 'SCHEDULED', { proposalId, startedAt: toNumber(proposal['planned_start_at']), participantsByBureau: byBureau });
    await this.sendPatrol(trx, id, meta);
  }

  recordJointPatrolFindings(meta: WriteMeta, patrolId: string, outcome: JointPatrolOutcome): Promise<WriteResult> {
    return this.idempotent('recordJointPatrolFindings', meta, patrolId, async (trx) => {
      const patrol = await trx.selectFrom('coop_joint_patrols').selectAll().where('id', '=', patrolId).where('direction', '=', 'SENT').executeTakeFirst();
      if (patrol === undefined) {
        throw ERRORS.INVALID_ID.err(`No patrol ${patrolId} made from a proposal of bureau ${this.cityCode}.`, { extensions: { argument: 'patrolId' } });
      }
      if (patrol['recorded_at'] != null) {
        throw ERRORS.STATE_CHANGE_OUT_OF_ORDER.err('The outcome of this patrol is recorded; it is recorded once.', {
          extensions: { state: 'RECORDED', requested: 'RECORDED' },
        });
      }
      const startedAt = outcome.startedAt ?? toNumber(patrol['started_at']);
      if (outcome.endedAt < startedAt) {
        throw ERRORS.INVALID_TIME.err('input.endedAt lies before the start of the patrol.', { extensions: { argument: 'input.endedAt' } });
      }
      const byBureau = fromJson<BureauParticipantsRecord[]>(patrol['participants_json'])
        .map((b, i) => (i === 0 && outcome.participants !== null ? { ...b, participants: outcome.participants } : b));
      // Conditional on not yet recorded: a concurrent record under another key makes this one change nothing, and it retries.
      const changed = await trx.updateTable('coop_joint_patrols').set({
        started_at: startedAt, ended_at: outcome.endedAt, participants: sum(byBureau), participants_json: toJson(byBureau),
        findings_json: toJson(outcome.findings), route_json: toJson(outcome.route), recorded_at: meta.now,
      }).where('id', '=', patrolId).where('direction', '=', 'SENT').where('recorded_at', 'is', null).executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) throw new Error('the patrol changed concurrently');
      await audit(trx, patrolId, meta, 'FINDINGS_RECORDED', { ...outcome, startedAt });
      await this.sendPatrol(trx, patrolId, meta);
    });
  }

  listJointPatrols(query: ListQuery<PatrolFilter>): Promise<ListResult<CooperationPatrolRecord>> {
    const key = sortKeyFor(PATROL_SORT_KEYS, query.sort, 'cooperation patrols');
    const { riverId, search } = query.filter;
    return guarded(this.cityCode, 'cooperation patrols list', () => {
      let filtered = this.db.selectFrom('coop_joint_patrols').where('direction', '=', 'SENT');
      if (riverId !== undefined) filtered = filtered.where('river_id', '=', riverId);
      if (search !== undefined) filtered = filtered.where(this.flavour.matchesAny(['name', 'reach'], search));
      return keysetPage(filtered, (qb) => qb.selectAll(), { key, direction: query.sort.direction, id: sql.ref('id') }, query, patrolOf);
    });
  }

  jointPatrolsByIds(ids: readonly string[]): Promise<ReadonlyArray<CooperationPatrolRecord | null>> {
    return guarded(this.cityCode, 'cooperation patrols by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) => this.db.selectFrom('coop_joint_patrols').selectAll()
        .where('id', 'in', chunk).where('direction', '=', 'SENT').execute());
      return alignOne(ids, rows.map(patrolOf), (p) => p.id);
    });
  }

  patrolsOfProposals(proposalIds: readonly string[]): Promise<ReadonlyArray<CooperationPatrolRecord | null>> {
    return guarded(this.cityCode, 'patrols of proposals', async () => {
      const rows = await fetchByKeys(proposalIds, (chunk) => this.db.selectFrom('coop_joint_patrols').selectAll()
        .where('copy_proposal_id', 'in', chunk).execute());
      return alignOne(proposalIds, rows, (r) => r['copy_proposal_id'] as string).map((r) => (r === null ? null : patrolOf(r)));
    });
  }

  proposeJointCase(meta: WriteMeta, proposal: NewJointCaseProposal): Promise<WriteResult> {
    const id = encodeGlobalId('JointCaseProposal', this.cityCode, randomUUID());
    return this.idempotent('proposeJointCase', meta, id, async (trx) => {
      await trx.insertInto('coop_case_proposals').values({
        id, direction: 'SENT', proposer: this.cityCode, title: proposal.title, credit_code: proposal.creditCode, mode: proposal.mode,
        proposed_for: proposal.proposedFor, note: proposal.note, remote_proposal_id: null, case_id: null, created_at: meta.now,
      }).execute();
      await audit(trx, id, meta, 'PROPOSED', { ...proposal });
      await insertPartners(trx, CASE_PROPOSALS, id, proposal.partners, null);
      for (const partner of proposal.partners) {
        await enqueue(trx, partner, meta.now, {
          kind: 'case-proposal', proposalId: id, title: proposal.title, creditCode: proposal.creditCode, mode: proposal.mode,
          proposedFor: proposal.proposedFor, note: proposal.note, sentAt: meta.now,
        });
      }
    });
  }

  confirmJointCase(meta: WriteMeta, proposalId: string, answer: JointCaseAnswer): Promise<WriteResult> {
    return this.idempotent('confirmJointCase', meta, proposalId, async (trx) => {
      const copy = await answerReceivedProposal(trx, CASE_PROPOSALS, this.cityCode, proposalId, meta, answer);
      await enqueue(trx, copy['proposer'] as string, meta.now, {
        kind: 'case-response', proposalId: copy['remote_proposal_id'] as string, state: answer.state, note: answer.note, at: meta.now, by: meta.actor,
      });
    });
  }

  linkJointCase(meta: WriteMeta, proposalId: string, caseId: string): Promise<WriteResult> {
    return this.idempotent('linkJointCase', meta, proposalId, async (trx) => {
      const proposal = await trx.selectFrom('coop_case_proposals').selectAll().where('id', '=', proposalId).executeTakeFirst();
      if (proposal === undefined || proposal['direction'] !== 'SENT') {
        throw ERRORS.INVALID_ID.err(`No joint case proposal ${proposalId} of bureau ${this.cityCode}; only the proposer links its case.`, {
          extensions: { argument: 'proposalId' },
        });
      }
      const states = (await trx.selectFrom('coop_case_partners').select(['partner', 'state']).where('proposal_id', '=', proposalId)
        .orderBy('partner').execute()).map((p) => ({ partner: p['partner'] as string, state: p['state'] as string }));
      const current = proposal['case_id'] != null ? 'CASE_LINKED' : states.some((p) => p.state === 'PROPOSED') ? 'PROPOSED'
        : states.some((p) => p.state === 'CONFIRMED') ? 'CONFIRMED' : 'DECLINED';
      if (current !== 'CONFIRMED') {
        throw ERRORS.STATE_CHANGE_OUT_OF_ORDER.err(`A case is linked once every partner answered and one confirmed, and once only (now ${current}).`, {
          extensions: { state: current, requested: 'CASE_LINKED' },
        });
      }
      const changed = await trx.updateTable('coop_case_proposals').set({ case_id: caseId })
        .where('id', '=', proposalId).where('case_id', 'is', null).executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) throw new Error('the proposal changed concurrently');
      await audit(trx, proposalId, meta, 'CASE_LINKED', { caseId });
      for (const { partner } of states.filter((p) => p.state === 'CONFIRMED')) {
        await enqueue(trx, partner, meta.now, { kind: 'case-linked', proposalId, caseId, at: meta.now, by: meta.actor });
      }
    });
  }

  listCaseProposals(direction: 'SENT' | 'RECEIVED', query: ListQuery<object>): Promise<ListResult<JointCaseProposalRecord>> {
    return guarded(this.cityCode, 'joint case proposals list', () => listProposals(this.db, CASE_PROPOSALS, direction, query, (row) => this.caseProposalOf(row)));
  }

  caseProposalsByIds(ids: readonly string[]): Promise<ReadonlyArray<JointCaseProposalRecord | null>> {
    return guarded(this.cityCode, 'joint case proposals by id', () => proposalsByIds(this.db, CASE_PROPOSALS, ids, (row) => this.caseProposalOf(row)));
  }

  partnersOfCaseProposals(proposalIds: readonly string[]): Promise<ReadonlyArray<readonly JointCasePartnerRecord[]>> {
    return guarded(this.cityCode, 'joint case partners', () => partnersOf(this.db, CASE_PROPOSALS, proposalIds, () => ({})));
  }

  /** Applies one of this part's relay messages from `sender`, inside the inbox transaction that recorded it. */
  async apply(trx: Trx, sender: CityCode, body: JointBody, meta: ApplyMeta): Promise<void> {
    switch (body.kind) {
      case 'joint-patrol': {
        const copy = await trx.selectFrom('coop_patrol_proposals').selectAll().where('direction', '=', 'RECEIVED')
          .where('proposer', '=', sender).where('remote_proposal_id', '=', body.proposalId).executeTakeFirst();
        if (copy === undefined) return; // not ours to update; applied as a no-op, so the pair's order moves on
        const values = {
          started_at: body.startedAt, ended_at: body.endedAt, participants: sum(body.participantsByBureau),
          participants_json: toJson(body.participantsByBureau), findings_json: toJson(body.findings), route_json: toJson(body.route),
          recorded_at: body.endedAt === null ? null : body.at,
        };
        const known = await trx.selectFrom('coop_joint_patrols').select('id').where('copy_proposal_id', '=', copy['id']).executeTakeFirst();
        if (known === undefined) {
          await trx.insertInto('coop_joint_patrols').values({
            id: body.patrolId, direction: 'RECEIVED', copy_proposal_id: copy['id'], proposal_id: body.proposalId, organiser: sender,
            name: copy['name'], mode: copy['mode'], river_id: copy['river_id'], reach: copy['reach'], created_at: meta.now, ...values,
          }).execute();
        } else {
          await trx.updateTable('coop_joint_patrols').set(values).where('copy_proposal_id', '=', copy['id']).execute();
        }
        await audit(trx, body.patrolId, { ...meta, actor: body.by }, known === undefined ? 'SCHEDULED' : 'FINDINGS_RECORDED', values);
        return;
      }
      case 'case-proposal': {
        const id = encodeGlobalId('JointCaseProposal', this.cityCode, randomUUID());
        await trx.insertInto('coop_case_proposals').values({
          id, direction: 'RECEIVED', proposer: sender, title: body.title, credit_code: body.creditCode, mode: body.mode,
          proposed_for: body.proposedFor, note: body.note, remote_proposal_id: body.proposalId, case_id: null, created_at: body.sentAt,
        }).execute();
        await insertPartners(trx, CASE_PROPOSALS, id, [this.cityCode], meta.now);
        await audit(trx, id, meta, 'DELIVERED', { state: 'PROPOSED', remoteProposalId: body.proposalId });
        return;
      }
      case 'case-response':
        await applyPartnerAnswer(trx, CASE_PROPOSALS, body.proposalId, sender, body, meta);
        return;
      case 'case-linked': {
        const copy = await trx.selectFrom('coop_case_proposals').select('id').where('direction', '=', 'RECEIVED')
          .where('proposer', '=', sender).where('remote_proposal_id', '=', body.proposalId).executeTakeFirst();
        if (copy === undefined) return; // not ours to update; applied as a no-op, so the pair's order moves on
        await trx.updateTable('coop_case_proposals').set({ case_id: body.caseId }).where('id', '=', copy['id']).execute();
        await audit(trx, copy['id'], { ...meta, actor: body.by }, 'CASE_LINKED', { caseId: body.caseId });
        return;
      }
      default:
        body satisfies never;
    }
  }

  /** Queues the organiser's record `patrolId` as it now stands to every confirmed partner (the first entry is the organiser). */
  private async sendPatrol(trx: Trx, patrolId: string, meta: ApplyMeta): Promise<void> {
    const row = await trx.selectFrom('coop_joint_patrols').selectAll().where('id', '=', patrolId).where('direction', '=', 'SENT').executeTakeFirstOrThrow();
    const patrol = patrolOf(row);
    for (const partner of patrol.partnerCityCodes) {
      await enqueue(trx, partner, meta.now, {
        kind: 'joint-patrol', proposalId: patrol.proposalId, patrolId, startedAt: patrol.startedAt, endedAt: patrol.endedAt,
        participantsByBureau: [...patrol.participantsByBureau], findings: [...patrol.findings], route: [...patrol.route], at: meta.now, by: meta.actor,
      });
    }
  }

  private caseProposalOf(r: Row): JointCaseProposalRecord {
    return {
      id: r['id'], cityCode: this.cityCode, direction: r['direction'], proposerCityCode: r['proposer'], title: r['title'], creditCode: r['credit_code'],
      mode: r['mode'], proposedFor: toNumber(r['proposed_for']), note: r['note'], remoteProposalId: r['remote_proposal_id'] ?? null,
      caseId: r['case_id'] ?? null, createdAt: toNumber(r['created_at']),
    };
  }
}

function sum(byBureau: readonly BureauParticipantsRecord[]): number {
  return byBureau.reduce((total, b) => total + b.participants, 0);
}

/** A row of coop_joint_patrols as the JointPatrol it is: the organiser's code, its partners (every bureau but the organiser). */
function patrolOf(r: Row): CooperationPatrolRecord {
  const byBureau = fromJson<BureauParticipantsRecord[]>(r['participants_json']);
  const findings = fromJson<string[]>(r['findings_json']);
  return {
    id: r['id'], cityCode: r['organiser'], direction: r['direction'], proposalId: r['proposal_id'], name: r['name'], mode: r['mode'],
    riverId: r['river_id'], partnerCityCodes: byBureau.slice(1).map((b) => b.cityCode), startedAt: toNumber(r['started_at']),
    endedAt: toNullableNumber(r['ended_at'] ?? null), reach: r['reach'], participants: toNumber(r['participants']),
    problemsFound: findings.length, findings, participantsByBureau: byBureau, route: fromJson(r['route_json']),
    recordedAt: toNullableNumber(r['recorded_at'] ?? null),
  };
}
