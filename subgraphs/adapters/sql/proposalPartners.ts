/**
 * One protocol and one reading for the two kinds of proposal a bureau sends to partner bureaus (joint patrols, joint
 * enforcement cases): a row per copy (the proposer's SENT, each partner's RECEIVED) and a row per partner
 * with its answer. A partner answers its inbox copy once, while PROPOSED; the answer travels to the
 * proposer, whose partner row follows it. Only the tables and the refusal code differ per kind.
 */
import { sql, type Kysely } from 'kysely';
import type { ErrorCodeDefinition } from '../../../schema/errors.ts';
import { ERRORS } from '../../../schema/errors.ts';
import type { Actor, WriteMeta } from '../../kit/cooperation/CooperationStore.ts';
import type { CityCode, EpochMs } from '../../kit/model.ts';
import type { ListQuery, ListResult } from '../../kit/ports.ts';
import { alignMany, alignOne } from './alignByKey.ts';
import { audit, relayActor, type Trx } from './cooperationOutbox.ts';
import { fetchByKeys } from './fetchByKeys.ts';
import { toNullableNumber } from './jsonColumn.ts';
import { keysetPage } from './keysetPage.ts';

export interface ProposalKind {
  readonly proposals: string;
  readonly partners: string;
  /** The refusal when the id is not a proposal in this bureau's inbox. */
  readonly notPartner: ErrorCodeDefinition;
}

export const PATROL_PROPOSALS: ProposalKind = { proposals: 'coop_patrol_proposals', partners: 'coop_patrol_partners', notPartner: ERRORS.NOT_PATROL_PARTNER };
export const CASE_PROPOSALS: ProposalKind = { proposals: 'coop_case_proposals', partners: 'coop_case_partners', notPartner: ERRORS.NOT_JOINT_CASE_PARTNER };

type Row = Record<string, any>;

/** A partner's answer; `extra` holds the columns only one kind has (a patrol partner's participants). */
export interface PartnerAnswer {
  readonly state: 'CONFIRMED' | 'DECLINED';
  readonly note: string | null;
  readonly extra?: Readonly<Record<string, unknown>>;
}

/** The partner rows a proposal starts with (SENT: every partner, undelivered; RECEIVED: this bureau, delivered `now`). */
export async function insertPartners(trx: Trx, kind: ProposalKind, proposalId: string, partners: readonly CityCode[], deliveredAt: EpochMs | null): Promise<void> {
  for (const partner of partners) {
    await trx.insertInto(kind.partners).values({
      proposal_id: proposalId, partner, state: 'PROPOSED', delivered_at: deliveredAt, responded_at: null, responded_sub: null,
      responded_bureau: null, note: null,
    }).execute();
  }
}

/**
 * The partner answers its inbox copy `proposalId` (refused with `kind.notPartner` for any other id, and
 * STATE_CHANGE_OUT_OF_ORDER once answered under any key); audited. Returns the copy, whose proposer and
 * remote id the caller addresses the answer with.
 */
export async function answerReceivedProposal(
  trx: Trx, kind: ProposalKind, cityCode: CityCode, proposalId: string, meta: WriteMeta, answer: PartnerAnswer,
): Promise<Row> {
  const copy = await trx.selectFrom(kind.proposals).selectAll().where('id', '=', proposalId).executeTakeFirst();
  if (copy === undefined || copy['direction'] !== 'RECEIVED') {
    throw kind.notPartner.err(`Proposal ${proposalId} is not in the inbox of ${cityCode}; only a partner answers it.`, {
      extensions: { argument: 'proposalId' },
    });
  }
  // Conditional on PROPOSED: an answer given before (under any key) makes this one change nothing.
  const changed = await trx.updateTable(kind.partners).set({
    state: answer.state, responded_at: meta.now, responded_sub: meta.actor.sub, responded_bureau: meta.actor.bureau, note: answer.note,
    ...answer.extra,
  }).where('proposal_id', '=', proposalId).where('partner', '=', cityCode).where('state', '=', 'PROPOSED').executeTakeFirst();
  if (Number(changed.numUpdatedRows) !== 1) {
    const current = await trx.selectFrom(kind.partners).select('state').where('proposal_id', '=', proposalId)
      .where('partner', '=', cityCode).executeTakeFirst();
    throw ERRORS.STATE_CHANGE_OUT_OF_ORDER.err(`This bureau already answered the proposal (${String(current?.['state'])}).`, {
      extensions: { state: current?.['state'], requested: answer.state },
    });
  }
  await audit(trx, proposalId, meta, answer.state, { state: answer.state, note: answer.note, ...answer.extra, by: meta.actor });
  return copy;
}

/**
 * At the proposer: `partner`'s answer to its proposal `proposalId` arrived (relayed); the partner row follows it.
 * False when the proposal is not this bureau's to update (applied as a no-op, so the pair's order moves on).
 */
export async function applyPartnerAnswer(
  trx: Trx, kind: ProposalKind, proposalId: string, partner: CityCode, answer: PartnerAnswer & { readonly at: EpochMs; readonly by: Actor },
  meta: { readonly requestId: string; readonly now: EpochMs },
): Promise<boolean> {
  const row = await trx.selectFrom(kind.partners).select(['delivered_at'])
    .where('proposal_id', '=', proposalId).where('partner', '=', partner).executeTakeFirst();
  if (row === undefined) return false;
  await trx.updateTable(kind.partners).set({
    state: answer.state, responded_at: answer.at, responded_sub: answer.by.sub, responded_bureau: answer.by.bureau, note: answer.note,
    delivered_at: row['delivered_at'] ?? answer.at, ...answer.extra,
  }).where('proposal_id', '=', proposalId).where('partner', '=', partner).execute();
  await audit(trx, proposalId, { ...meta, actor: answer.by }, answer.state, { partner, state: answer.state, ...answer.extra, note: answer.note });
  return true;
}

/** The relay confirmed the proposal reached `recipient`: its partner row records when, once. */
export async function markPartnerDelivered(trx: Trx, kind: ProposalKind, proposalId: string, recipient: CityCode, messageId: string, now: EpochMs): Promise<void> {
  const partner = await trx.updateTable(kind.partners).set({ delivered_at: now })
    .where('proposal_id', '=', proposalId).where('partner', '=', recipient).where('delivered_at', 'is', null).executeTakeFirst();
  if (Number(partner.numUpdatedRows) > 0) {
    await audit(trx, proposalId, { actor: relayActor(recipient), requestId: messageId, now }, 'DELIVERED', { partner: recipient, deliveredAt: now });
  }
}

/** The partner rows per proposal, by city code; `extra` maps the kind's own columns. */
export async function partnersOf<X extends object>(
  db: Kysely<any>, kind: ProposalKind, proposalIds: readonly string[], extra: (row: Row) => X,
): Promise<Array<Array<PartnerRowView & X>>> {
  const rows = await fetchByKeys(proposalIds, (chunk) => db.selectFrom(kind.partners).selectAll()
    .where('proposal_id', 'in', chunk).orderBy('proposal_id').orderBy('partner').execute());
  return alignMany(proposalIds, rows.map((r): PartnerRowView & X => ({
    proposalId: r['proposal_id'], cityCode: r['partner'], state: r['state'], deliveredAt: toNullableNumber(r['delivered_at'] ?? null),
    respondedAt: toNullableNumber(r['responded_at'] ?? null),
    respondedBy: r['responded_sub'] == null ? null : { sub: r['responded_sub'], bureau: r['responded_bureau'] },
    note: r['note'] ?? null, ...extra(r),
  })), (r) => r.proposalId);
}

export interface PartnerRowView {
  readonly proposalId: string;
  readonly cityCode: CityCode;
  readonly state: 'PROPOSED' | 'CONFIRMED' | 'DECLINED';
  readonly deliveredAt: EpochMs | null;
  readonly respondedAt: EpochMs | null;
  readonly respondedBy: Actor | null;
  readonly note: string | null;
}

/** SENT (what this bureau proposed) or RECEIVED (its inbox) copies, by createdAt. */
export function listProposals<T>(
  db: Kysely<any>, kind: ProposalKind, direction: 'SENT' | 'RECEIVED', query: ListQuery<object>, recordOf: (row: Row) => T,
): Promise<ListResult<T>> {
  const filtered = db.selectFrom(kind.proposals).where('direction', '=', direction);
  return keysetPage(filtered, (qb) => qb.selectAll(), { key: sql.ref('created_at'), direction: query.sort.direction, id: sql.ref('id') }, query, recordOf);
}

export async function proposalsByIds<T extends { readonly id: string }>(
  db: Kysely<any>, kind: ProposalKind, ids: readonly string[], recordOf: (row: Row) => T,
): Promise<Array<T | null>> {
  const rows = await fetchByKeys(ids, (chunk) => db.selectFrom(kind.proposals).selectAll().where('id', 'in', chunk).execute());
  return alignOne(ids, rows.map(recordOf), (r) => r.id);
}
