import { randomUUID } from 'node:crypto';
import { GraphQLError } from 'graphql';
import { sql, type Kysely } from 'kysely';
import type { InboxAnswer, RelayMessage, RelayMessageBody } from '../../../schema/cooperation/relayMessages.ts';
import { ERRORS } from '../../../schema/errors.ts';
import { encodeGlobalId } from '../../../schema/globalId.ts';
import { CitySourceError } from '../../kit/CitySourceError.ts';
import type {
  ActionItemFilter, ActionItemRecord, ActionItemStatus, JointMeetingRecord, NewJointMeeting,
  NewPatrolProposal, PatrolAnswer, PatrolPartnerRecord, PatrolProposalRecord,
  Actor, AuditRecord, BulletinExchangeRecord, BulletinRecipientRecord, BulletinRecord, CooperationStore, NewBulletin, NewResourceRequest, ResourceRequestFilter, ResourceRequestRecord, ResourceRequestState, IncidentFilter, IncidentRecord, IncidentReportRecord, NewIncident, NoticeFilter,
  NoticeRecord, OutboxState, WriteMeta, WriteResult,
} from '../../kit/cooperation/CooperationStore.ts';
import { ACTION_ITEM_NEXT, RESOURCE_REQUEST_NEXT } from '../../kit/cooperation/CooperationStore.ts';
import type { CityCode, EpochMs } from '../../kit/model.ts';
import type { ListQuery, ListResult } from '../../kit/ports.ts';
import { alignMany, alignOne } from './alignByKey.ts';
import { fetchByKeys } from './fetchByKeys.ts';
import { guarded } from './guarded.ts';
import { fromJson, toJson, toNullableNumber, toNumber } from './jsonColumn.ts';
import { keysetPage } from './keysetPage.ts';
import { audit, enqueue, relayActor, type Trx } from './cooperationOutbox.ts';
import {
  answerReceivedProposal, applyPartnerAnswer, CASE_PROPOSALS, insertPartners, listProposals, markPartnerDelivered, partnersOf, PATROL_PROPOSALS, proposalsByIds,
} from './proposalPartners.ts';
import { DEFAULT_FLAVOUR, type SqlFlavour } from './SqlFlavour.ts';
import { SqlJointEnforcement } from './SqlJointEnforcement.ts';
import { SqlEventLog } from './SqlEventLog.ts';
import type { BureauEventBody } from '../../../schema/events/bureauEvents.ts';

/** Rows of the cooperation tables, typed at the record mappers below. */
type Db = Kysely<any>;
type Row = Record<string, any>;

/**
 * How often a write is tried when its transaction collides with a concurrent one (two writes taking
 * the same next sequence number of a sender → recipient pair, or a deadlock on MariaDB): each try
 * rereads, so a loser takes the next number; among N concurrent writes to one pair one wins per
 * round, so this bounds the concurrent writes to one pair that all succeed. Same-key retries never
 * collide: they find the key. Between tries a short random pause spreads the losers out.
 */
const MAX_WRITE_ATTEMPTS = 20;
const RETRY_PAUSE_MS = 20;

const pause = () => new Promise((resolve) => setTimeout(resolve, Math.random() * RETRY_PAUSE_MS));

/**
 * The cooperation store over any Kysely dialect whose database has the cooperation migrations
 * (SQLite, PostgreSQL, MariaDB): see CooperationStore for the contract. Portable SQL only: the
 * exactly-once guarantees rest on primary keys and unique constraints, which every dialect enforces
 * the same way under concurrency (a second insert of a key waits for the first transaction, then fails).
 * `ownsDb`: close() destroys the database (an embedded file of its own); otherwise the bureau source does.
 * `events`: the store's event log; when given, every write appends its `cooperation` feed events
 * (incident-updated at the reporter, notice-received and bulletin-received in the inbox) in the
 * write's own transaction, and notifies the log after the commit.
 */
export class SqlCooperationStore implements CooperationStore {
  /** The joint enforcement part (JointEnforcementStore), sharing this store's idempotent writes. */
  private readonly joint: SqlJointEnforcement;

  constructor(private readonly db: Db, readonly cityCode: CityCode, private readonly ownsDb = false, flavour: SqlFlavour = DEFAULT_FLAVOUR, readonly events?: SqlEventLog) {
    this.joint = new SqlJointEnforcement(db, cityCode, flavour, (operation, meta, resultId, write) => this.idempotent(operation, meta, resultId, write));
  }

  recordJointPatrolFindings(...args: Parameters<CooperationStore['recordJointPatrolFindings']>) { return this.joint.recordJointPatrolFindings(...args); }
  listJointPatrols(...args: Parameters<CooperationStore['listJointPatrols']>) { return this.joint.listJointPatrols(...args); }
  jointPatrolsByIds(...args: Parameters<CooperationStore['jointPatrolsByIds']>) { return this.joint.jointPatrolsByIds(...args); }
  patrolsOfProposals(...args: Parameters<CooperationStore['patrolsOfProposals']>) { return this.joint.patrolsOfProposals(...args); }
  proposeJointCase(...args: Parameters<CooperationStore['proposeJointCase']>) { return this.joint.proposeJointCase(...args); }
  confirmJointCase(...args: Parameters<CooperationStore['confirmJointCase']>) { return this.joint.confirmJointCase(...args); }
  linkJointCase(...args: Parameters<CooperationStore['linkJointCase']>) { return this.joint.linkJointCase(...args); }
  listCaseProposals(...args: Parameters<CooperationStore['listCaseProposals']>) { return this.joint.listCaseProposals(...args); }
  caseProposalsByIds(...args: Parameters<CooperationStore['caseProposalsByIds']>) { return this.joint.caseProposalsByIds(...args); }
  partnersOfCaseProposals(...args: Parameters<CooperationStore['partnersOfCaseProposals']>) { return this.joint.partnersOfCaseProposals(...args); }

  reportIncident(meta: WriteMeta, incident: NewIncident): Promise<WriteResult> {
    const id = encodeGlobalId('EnvironmentalIncident', this.cityCode, randomUUID());
    return this.idempotent('reportIncident', meta, id, async (trx) => {
      await trx.insertInto('coop_incidents').values({
        id, city_code: this.cityCode, title: incident.title, description: incident.description, occurred_at: incident.occurredAt,
        longitude: incident.longitude, latitude: incident.latitude, river_id: incident.riverId, section_id: incident.nearestSectionId,
        pollutants_json: toJson(incident.pollutants), facts_json: toJson(incident.facts), status: 'OPEN', created_at: meta.now,
      }).execute();
      await trx.insertInto('coop_incident_reports').values({
        incident_id: id, sequence: 1, kind: 'INITIAL', text: incident.description, reported_at: meta.now,
        author_sub: meta.actor.sub, author_bureau: meta.actor.bureau,
      }).execute();
      await audit(trx, id, meta, 'REPORTED', { ...incident });
      for (const recipient of incident.recipients) {
        const noticeId = encodeGlobalId('IncidentNotice', this.cityCode, randomUUID());
        await trx.insertInto('coop_notices').values({
          id: noticeId, direction: 'SENT', incident_id: id, incident_title: incident.title, sender: this.cityCode, recipient,
          remote_notice_id: null, state: 'PENDING', created_at: meta.now, delivered_at: null, acknowledged_at: null, ack_sub: null, ack_bureau: null,
        }).execute();
        await audit(trx, noticeId, meta, 'QUEUED', { recipient, state: 'PENDING' });
        await enqueue(trx, recipient, meta.now, { kind: 'incident-notice', noticeId, incidentId: id, incidentTitle: incident.title });
      }
      await this.logEvents(trx, meta.now, { kind: 'incident-updated', incidentId: id, change: 'REPORTED' });
    });
  }

  addIncidentReport(meta: WriteMeta, incidentId: string, report: { kind: 'FOLLOW_UP' | 'FINAL'; text: string }): Promise<WriteResult> {
    return this.idempotent('addIncidentReport', meta, incidentId, async (trx) => {
      const incident = await trx.selectFrom('coop_incidents').select(['status']).where('id', '=', incidentId).executeTakeFirst();
      if (incident === undefined) {
        throw ERRORS.INVALID_ID.err(`No incident ${incidentId} in bureau ${this.cityCode}.`, { extensions: { argument: 'incidentId' } });
      }
      if (incident['status'] === 'CLOSED') {
        throw ERRORS.INCIDENT_CLOSED.err('The final report of this incident is filed; no report can follow it.', { extensions: { incidentId } });
      }
      const last = await trx.selectFrom('coop_incident_reports').select((eb) => eb.fn.max('sequence').as('last'))
        .where('incident_id', '=', incidentId).executeTakeFirst();
      const sequence = toNumber(last?.['last'] ?? 0) + 1;
      await trx.insertInto('coop_incident_reports').values({
        incident_id: incidentId, sequence, kind: report.kind, text: report.text, reported_at: meta.now,
        author_sub: meta.actor.sub, author_bureau: meta.actor.bureau,
      }).execute();
      if (report.kind === 'FINAL') await trx.updateTable('coop_incidents').set({ status: 'CLOSED' }).where('id', '=', incidentId).execute();
      await audit(trx, incidentId, meta, 'REPORT_ADDED', { sequence, kind: report.kind, text: report.text, ...(report.kind === 'FINAL' && { status: 'CLOSED' }) });
      await this.logEvents(trx, meta.now, { kind: 'incident-updated', incidentId, change: report.kind === 'FINAL' ? 'FINAL_REPORT_ADDED' : 'REPORT_ADDED' });
    });
  }

  acknowledgeNotice(meta: WriteMeta, noticeId: string): Promise<WriteResult> {
    return this.idempotent('acknowledgeNotice', meta, noticeId, async (trx) => {
      const notice = await trx.selectFrom('coop_notices').selectAll().where('id', '=', noticeId).executeTakeFirst();
      if (notice === undefined || notice['direction'] !== 'RECEIVED' || notice['recipient'] !== this.cityCode) {
        throw ERRORS.NOT_NOTICE_RECIPIENT.err(`Notice ${noticeId} is not in the inbox of ${this.cityCode}; only its recipient acknowledges it.`, {
          extensions: { argument: 'noticeId' },
        });
      }
      if (notice['state'] === 'ACKNOWLEDGED') return; // acknowledged before, under another key: nothing more to send
      await trx.updateTable('coop_notices')
        .set({ state: 'ACKNOWLEDGED', acknowledged_at: meta.now, ack_sub: meta.actor.sub, ack_bureau: meta.actor.bureau })
        .where('id', '=', noticeId).execute();
      await audit(trx, noticeId, meta, 'ACKNOWLEDGED', { state: 'ACKNOWLEDGED', by: meta.actor });
      await enqueue(trx, notice['sender'] as string, meta.now, {
        kind: 'notice-acknowledged', noticeId: notice['remote_notice_id'] as string, acknowledgedAt: meta.now, by: meta.actor,
      });
    });
  }

  sendBulletin(meta: WriteMeta, bulletin: NewBulletin): Promise<WriteResult> {
    const id = encodeGlobalId('Bulletin', this.cityCode, randomUUID());
    return this.idempotent('sendBulletin', meta, id, async (trx) => {
      await trx.insertInto('coop_bulletins').values({
        id, direction: 'SENT', sender: this.cityCode, category: bulletin.category, title: bulletin.title, body: bulletin.body,
        incident_id: bulletin.incidentId, remote_bulletin_id: null, created_at: meta.now,
      }).execute();
      await audit(trx, id, meta, 'SENT', { ...bulletin });
      for (const recipient of bulletin.recipients) {
        await trx.insertInto('coop_bulletin_recipients').values({
          bulletin_id: id, recipient, state: 'PENDING', delivered_at: null, read_at: null, read_sub: null, read_bureau: null,
        }).execute();
        await enqueue(trx, recipient, meta.now, {
          kind: 'bulletin', bulletinId: id, category: bulletin.category, title: bulletin.title, body: bulletin.body,
          incidentId: bulletin.incidentId, sentAt: meta.now,
        });
      }
    });
  }

  markBulletinRead(meta: WriteMeta, bulletinId: string): Promise<WriteResult> {
    return this.idempotent('markBulletinRead', meta, bulletinId, async (trx) => {
      const copy = await trx.selectFrom('coop_bulletins').selectAll().where('id', '=', bulletinId).executeTakeFirst();
      if (copy === undefined || copy['direction'] !== 'RECEIVED') {
        throw ERRORS.NOT_BULLETIN_RECIPIENT.err(`Bulletin ${bulletinId} is not in the inbox of ${this.cityCode}; only a recipient marks it read.`, {
          extensions: { argument: 'bulletinId' },
        });
      }
      const changed = await trx.updateTable('coop_bulletin_recipients')
        .set({ state: 'READ', read_at: meta.now, read_sub: meta.actor.sub, read_bureau: meta.actor.bureau })
        .where('bulletin_id', '=', bulletinId).where('recipient', '=', this.cityCode).where('state', '<>', 'READ').executeTakeFirst();
      if (Number(changed.numUpdatedRows) === 0) return; // read before, under another key: nothing more to send
      await audit(trx, bulletinId, meta, 'READ', { state: 'READ', by: meta.actor });
      await enqueue(trx, copy['sender'] as string, meta.now, {
        kind: 'bulletin-read', bulletinId: copy['remote_bulletin_id'] as string, readAt: meta.now, by: meta.actor,
      });
    });
  }

  listBulletins(query: ListQuery<object>): Promise<ListResult<BulletinRecord>> {
    return this.listBulletinsOf('SENT', query);
  }

  listReceivedBulletins(query: ListQuery<object>): Promise<ListResult<BulletinRecord>> {
    return this.listBulletinsOf('RECEIVED', query);
  }

  bulletinsByIds(ids: readonly string[]): Promise<ReadonlyArray<BulletinRecord | null>> {
    return guarded(this.cityCode, 'bulletins by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) => this.db.selectFrom('coop_bulletins').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map((r) => this.bulletinOf(r)), (r) => r.id);
    });
  }

  recipientsOfBulletins(bulletinIds: readonly string[]): Promise<ReadonlyArray<readonly BulletinRecipientRecord[]>> {
    return guarded(this.cityCode, 'bulletin recipients', async () => {
      const rows = await fetchByKeys(bulletinIds, (chunk) => this.db.selectFrom('coop_bulletin_recipients').selectAll()
        .where('bulletin_id', 'in', chunk).orderBy('bulletin_id').orderBy('recipient').execute());
      return alignMany(bulletinIds, rows.map((r): BulletinRecipientRecord => ({
        bulletinId: r['bulletin_id'], cityCode: r['recipient'], state: r['state'], deliveredAt: toNullableNumber(r['delivered_at'] ?? null),
        readAt: toNullableNumber(r['read_at'] ?? null), readBy: r['read_sub'] == null ? null : { sub: r['read_sub'], bureau: r['read_bureau'] },
      })), (r) => r.bulletinId);
    });
  }

  bulletinExchange(from: EpochMs, to: EpochMs): Promise<readonly BulletinExchangeRecord[]> {
    return guarded(this.cityCode, 'bulletin exchange', async () => {
      const rows = await this.db.selectFrom('coop_bulletin_recipients as r')
        .innerJoin('coop_bulletins as b', 'b.id', 'r.bulletin_id')
        .where('b.direction', '=', 'SENT').where('b.created_at', '>=', from).where('b.created_at', '<', to)
        .groupBy('r.recipient').select((eb) => ['r.recipient as recipient', eb.fn.countAll().as('count')])
        .orderBy('r.recipient').execute();
      return rows.map((r) => ({ senderCityCode: this.cityCode, recipientCityCode: r['recipient'] as string, count: toNumber(r['count']) }));
    });
  }

  requestResources(meta: WriteMeta, request: NewResourceRequest): Promise<WriteResult> {
    const id = encodeGlobalId('ResourceRequest', this.cityCode, randomUUID());
    return this.idempotent('requestResources', meta, id, async (trx) => {
      await trx.insertInto('coop_resource_requests').values({
        id, direction: 'SENT', requester: this.cityCode, responder: request.responder, remote_request_id: null, incident_id: request.incidentId,
        items_json: toJson(request.items), note: request.note, state: 'REQUESTED', reason: null, created_at: meta.now, delivered_at: null, updated_at: meta.now,
      }).execute();
      await audit(trx, id, meta, 'REQUESTED', { ...request, state: 'REQUESTED' });
      await enqueue(trx, request.responder, meta.now, {
        kind: 'resource-request', requestId: id, items: [...request.items], incidentId: request.incidentId, note: request.note, sentAt: meta.now,
      });
    });
  }

  changeResourceRequestState(
    meta: WriteMeta, requestId: string, state: Exclude<ResourceRequestState, 'REQUESTED'>, reason: string | null,
  ): Promise<WriteResult> {
    const operation = state === 'ACCEPTED' || state === 'DECLINED' ? 'answerResourceRequest' : 'updateResourceRequest';
    return this.idempotent(operation, meta, requestId, async (trx) => {
      const request = await trx.selectFrom('coop_resource_requests').selectAll().where('id', '=', requestId).executeTakeFirst();
      if (request === undefined || request['direction'] !== 'RECEIVED') {
        throw ERRORS.NOT_REQUEST_RESPONDER.err(`Request ${requestId} was not received by ${this.cityCode}; only the responding bureau changes it.`, {
          extensions: { argument: 'requestId' },
        });
      }
      const current = request['state'] as ResourceRequestState;
      if (!RESOURCE_REQUEST_NEXT[current].includes(state)) {
        throw ERRORS.STATE_CHANGE_OUT_OF_ORDER.err(`A request in state ${current} cannot become ${state}.`, { extensions: { state: current, requested: state } });
      }
      // Conditional on the state read: a concurrent change under another key makes this one change nothing, and it retries.
      const changed = await trx.updateTable('coop_resource_requests').set({ state, reason: reason ?? request['reason'] ?? null, updated_at: meta.now })
        .where('id', '=', requestId).where('state', '=', current).executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) throw new Error('the request changed concurrently');
      await audit(trx, requestId, meta, state, { state, ...(reason !== null && { reason }) });
      await enqueue(trx, request['requester'] as string, meta.now, {
        kind: 'resource-request-state', requestId: request['remote_request_id'] as string, state, reason, at: meta.now, by: meta.actor,
      });
    });
  }

  recordJointMeeting(meta: WriteMeta, meeting: NewJointMeeting): Promise<WriteResult> {
    const id = encodeGlobalId('JointMeeting', this.cityCode, randomUUID());
    return this.idempotent('recordJointMeeting', meta, id, async (trx) => {
      await trx.insertInto('coop_meetings').values({
        id, convener: this.cityCode, kind: meeting.kind, title: meeting.title, held_at: meeting.heldAt, present_json: toJson(meeting.bureausPresent),
        topics_json: toJson(meeting.topics), decisions_json: toJson(meeting.decisions), created_at: meta.now,
      }).execute();
      await audit(trx, id, meta, 'RECORDED', { ...meeting });
      for (const [position, item] of meeting.actionItems.entries()) {
        const itemId = encodeGlobalId('ActionItem', this.cityCode, randomUUID());
        await trx.insertInto('coop_action_items').values({
          id: itemId, direction: 'SENT', meeting_id: id, position, meeting_title: meeting.title, convener: this.cityCode, assignee: item.assignee,
          remote_item_id: null, description: item.description, due_at: item.dueAt, status: 'OPEN', note: null, created_at: meta.now,
          delivered_at: null, updated_at: meta.now,
        }).execute();
        await audit(trx, itemId, meta, 'ASSIGNED', { ...item, status: 'OPEN' });
        await enqueue(trx, item.assignee, meta.now, {
          kind: 'action-item', actionItemId: itemId, meetingId: id, meetingTitle: meeting.title, description: item.description,
          dueAt: item.dueAt, sentAt: meta.now,
        });
      }
    });
  }

  updateActionItem(meta: WriteMeta, actionItemId: string, status: Exclude<ActionItemStatus, 'OPEN'>, note: string | null): Promise<WriteResult> {
    return this.idempotent('updateActionItem', meta, actionItemId, async (trx) => {
      const item = await trx.selectFrom('coop_action_items').selectAll().where('id', '=', actionItemId).executeTakeFirst();
      if (item === undefined || item['direction'] !== 'RECEIVED') {
        throw ERRORS.NOT_ACTION_ITEM_ASSIGNEE.err(`Action item ${actionItemId} is not in the inbox of ${this.cityCode}; only its assigned bureau updates it.`, {
          extensions: { argument: 'actionItemId' },
        });
      }
      const current = item['status'] as ActionItemStatus;
      if (!ACTION_ITEM_NEXT[current].includes(status)) {
        throw ERRORS.STATE_CHANGE_OUT_OF_ORDER.err(`An action item ${current} cannot become ${status}.`, { extensions: { state: current, requested: status } });
      }
      // Conditional on the status read: a concurrent change under another key makes this one change nothing, and it retries.
      const changed = await trx.updateTable('coop_action_items').set({ status, note: note ?? item['note'] ?? null, updated_at: meta.now })
        .where('id', '=', actionItemId).where('status', '=', current).executeTakeFirst();
      if (Number(changed.numUpdatedRows) !== 1) throw new Error('the action item changed concurrently');
      await audit(trx, actionItemId, meta, status, { status, ...(note !== null && { note }) });
      await enqueue(trx, item['convener'] as string, meta.now, {
        kind: 'action-item-status', actionItemId: item['remote_item_id'] as string, status, note, at: meta.now, by: meta.actor,
      });
    });
  }

  listJointMeetings(query: ListQuery<object>): Promise<ListResult<JointMeetingRecord>> {
    return guarded(this.cityCode, 'joint meetings list', () => {
      const filtered = this.db.selectFrom('coop_meetings');
      return keysetPage(filtered, (qb) => qb.selectAll(), { key: sql.ref('held_at'), direction: query.sort.direction, id: sql.ref('id') },
        query, (row: Row) => this.meetingOf(row));
    });
  }

  jointMeetingsByIds(ids: readonly string[]): Promise<ReadonlyArray<JointMeetingRecord | null>> {
    return guarded(this.cityCode, 'joint meetings by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) => this.db.selectFrom('coop_meetings').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map((r) => this.meetingOf(r)), (r) => r.id);
    });
  }

  listActionItems(query: ListQuery<ActionItemFilter>): Promise<ListResult<ActionItemRecord>> {
    return guarded(this.cityCode, 'action items list', () => {
      let filtered = this.db.selectFrom('coop_action_items').where('direction', '=', 'RECEIVED');
      if (query.filter.overdueAt !== undefined) filtered = filtered.where('status', '<>', 'DONE').where('due_at', '<', query.filter.overdueAt);
      return keysetPage(filtered, (qb) => qb.selectAll(), { key: sql.ref('due_at'), direction: query.sort.direction, id: sql.ref('id') },
        query, (row: Row) => this.actionItemOf(row));
    });
  }

  actionItemsByIds(ids: readonly string[]): Promise<ReadonlyArray<ActionItemRecord | null>> {
    return guarded(this.cityCode, 'action items by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) => this.db.selectFrom('coop_action_items').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map((r) => this.actionItemOf(r)), (r) => r.id);
    });
  }

  actionItemsOfMeetings(meetingIds: readonly string[]): Promise<ReadonlyArray<readonly ActionItemRecord[]>> {
    return guarded(this.cityCode, 'action items of meetings', async () => {
      const rows = await fetchByKeys(meetingIds, (chunk) => this.db.selectFrom('coop_action_items').selectAll()
        .where('meeting_id', 'in', chunk).where('direction', '=', 'SENT').orderBy('meeting_id').orderBy('position').execute());
      return alignMany(meetingIds, rows.map((r) => this.actionItemOf(r)), (r) => r.meetingId);
    });
  }

  proposeJointPatrol(meta: WriteMeta, proposal: NewPatrolProposal): Promise<WriteResult> {
    const id = encodeGlobalId('JointPatrolProposal', this.cityCode, randomUUID());
    return this.idempotent('proposeJointPatrol', meta, id, async (trx) => {
      await trx.insertInto('coop_patrol_proposals').values({
        id, direction: 'SENT', proposer: this.cityCode, name: proposal.name, mode: proposal.mode, river_id: proposal.riverId, reach: proposal.reach,
        planned_start_at: proposal.plannedStartAt, note: proposal.note, participants: proposal.participants, remote_proposal_id: null, created_at: meta.now,
      }).execute();
      await audit(trx, id, meta, 'PROPOSED', { ...proposal });
      await insertPartners(trx, PATROL_PROPOSALS, id, proposal.partners, null);
      for (const partner of proposal.partners) {
        await enqueue(trx, partner, meta.now, {
          kind: 'patrol-proposal', proposalId: id, name: proposal.name, mode: proposal.mode, riverId: proposal.riverId, reach: proposal.reach,
          plannedStartAt: proposal.plannedStartAt, note: proposal.note, sentAt: meta.now,
        });
      }
    });
  }

  confirmJointPatrol(meta: WriteMeta, proposalId: string, answer: PatrolAnswer): Promise<WriteResult> {
    return this.idempotent('confirmJointPatrol', meta, proposalId, async (trx) => {
      const copy = await answerReceivedProposal(trx, PATROL_PROPOSALS, this.cityCode, proposalId, meta,
        { state: answer.state, note: answer.note, extra: { participants: answer.participants } });
      await enqueue(trx, copy['proposer'] as string, meta.now, {
        kind: 'patrol-response', proposalId: copy['remote_proposal_id'] as string, state: answer.state, participants: answer.participants,
        note: answer.note, at: meta.now, by: meta.actor,
      });
    });
  }

  listPatrolProposals(direction: 'SENT' | 'RECEIVED', query: ListQuery<object>): Promise<ListResult<PatrolProposalRecord>> {
    return guarded(this.cityCode, 'patrol proposals list', () => listProposals(this.db, PATROL_PROPOSALS, direction, query, (row) => this.proposalOf(row)));
  }

  patrolProposalsByIds(ids: readonly string[]): Promise<ReadonlyArray<PatrolProposalRecord | null>> {
    return guarded(this.cityCode, 'patrol proposals by id', () => proposalsByIds(this.db, PATROL_PROPOSALS, ids, (row) => this.proposalOf(row)));
  }

  partnersOfProposals(proposalIds: readonly string[]): Promise<ReadonlyArray<readonly PatrolPartnerRecord[]>> {
    return guarded(this.cityCode, 'patrol partners', () => partnersOf(this.db, PATROL_PROPOSALS, proposalIds,
      (r) => ({ participants: r['participants'] == null ? null : toNumber(r['participants']) })));
  }

  listResourceRequests(query: ListQuery<ResourceRequestFilter>): Promise<ListResult<ResourceRequestRecord>> {
    return guarded(this.cityCode, 'resource requests list', () => {
      const filtered = this.db.selectFrom('coop_resource_requests').where('direction', '=', query.filter.role);
      return keysetPage(filtered, (qb) => qb.selectAll(), { key: sql.ref('created_at'), direction: query.sort.direction, id: sql.ref('id') },
        query, (row: Row) => this.resourceRequestOf(row));
    });
  }

  resourceRequestsByIds(ids: readonly string[]): Promise<ReadonlyArray<ResourceRequestRecord | null>> {
    return guarded(this.cityCode, 'resource requests by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) => this.db.selectFrom('coop_resource_requests').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map((r) => this.resourceRequestOf(r)), (r) => r.id);
    });
  }

  listIncidents(query: ListQuery<IncidentFilter>): Promise<ListResult<IncidentRecord>> {
    return guarded(this.cityCode, 'incidents list', () => {
      let filtered = this.db.selectFrom('coop_incidents');
      if (query.filter.status !== undefined) filtered = filtered.where('status', '=', query.filter.status);
      return keysetPage(filtered, (qb) => qb.selectAll(), { key: sql.ref('occurred_at'), direction: query.sort.direction, id: sql.ref('id') },
        query, (row: Row) => this.incidentOf(row));
    });
  }

  incidentsByIds(ids: readonly string[]): Promise<ReadonlyArray<IncidentRecord | null>> {
    return guarded(this.cityCode, 'incidents by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) => this.db.selectFrom('coop_incidents').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map((r) => this.incidentOf(r)), (r) => r.id);
    });
  }

  listReceivedNotices(query: ListQuery<NoticeFilter>): Promise<ListResult<NoticeRecord>> {
    return guarded(this.cityCode, 'notices list', () => {
      let filtered = this.db.selectFrom('coop_notices').where('direction', '=', 'RECEIVED');
      if (query.filter.state !== undefined) filtered = filtered.where('state', '=', query.filter.state);
      return keysetPage(filtered, (qb) => qb.selectAll(), { key: sql.ref('created_at'), direction: query.sort.direction, id: sql.ref('id') },
        query, (row: Row) => this.noticeOf(row));
    });
  }

  noticesByIds(ids: readonly string[]): Promise<ReadonlyArray<NoticeRecord | null>> {
    return guarded(this.cityCode, 'notices by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) => this.db.selectFrom('coop_notices').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map((r) => this.noticeOf(r)), (r) => r.id);
    });
  }

  noticesOfIncidents(incidentIds: readonly string[]): Promise<ReadonlyArray<readonly NoticeRecord[]>> {
    return guarded(this.cityCode, 'notices of incidents', async () => {
      const rows = await fetchByKeys(incidentIds, (chunk) => this.db.selectFrom('coop_notices').selectAll()
        .where('incident_id', 'in', chunk).where('direction', '=', 'SENT').orderBy('recipient').orderBy('id').execute());
      return alignMany(incidentIds, rows.map((r) => this.noticeOf(r)), (n) => n.incidentId);
    });
  }

  reportsOfIncidents(incidentIds: readonly string[]): Promise<ReadonlyArray<readonly IncidentReportRecord[]>> {
    return guarded(this.cityCode, 'incident reports', async () => {
      const rows = await fetchByKeys(incidentIds, (chunk) => this.db.selectFrom('coop_incident_reports').selectAll()
        .where('incident_id', 'in', chunk).orderBy('incident_id').orderBy('sequence').execute());
      return alignMany(incidentIds, rows.map((r): IncidentReportRecord => ({
        incidentId: r['incident_id'], sequence: toNumber(r['sequence']), kind: r['kind'], text: r['text'],
        reportedAt: toNumber(r['reported_at']), author: { sub: r['author_sub'], bureau: r['author_bureau'] },
      })), (r) => r.incidentId);
    });
  }

  historyOf(entityIds: readonly string[]): Promise<ReadonlyArray<readonly AuditRecord[]>> {
    return guarded(this.cityCode, 'history', async () => {
      const rows = await fetchByKeys(entityIds, (chunk) => this.db.selectFrom('coop_history').selectAll()
        .where('entity_id', 'in', chunk).orderBy('entity_id').orderBy('seq').execute());
      return alignMany(entityIds, rows.map((r): AuditRecord => ({
        entityId: r['entity_id'], at: toNumber(r['at']), actor: { sub: r['actor_sub'], bureau: r['actor_bureau'] },
        requestId: r['request_id'], action: r['action'], changes: r['changes_json'],
      })), (r) => r.entityId);
    });
  }

  pendingOutbox(limit: number, perRecipient: number = limit): Promise<OutboxState> {
    return guarded(this.cityCode, 'outbox', async () => {
      // Each recipient's pending messages numbered in its pair's order (ROW_NUMBER: PostgreSQL,
      // MariaDB ≥ 10.2, SQLite ≥ 3.25), at most `perRecipient` of each, taken rank by rank: the
      // first of every recipient before the second of any, so thousands waiting for one recipient
      // (a bureau down for hours) never crowd the others out of the pull.
      const pending = this.db.selectFrom('coop_outbox').selectAll()
        .select((eb) => eb.fn.agg<number>('row_number').over((over) => over.partitionBy('recipient').orderBy('sequence')).as('recipient_rank'))
        .where('delivered_at', 'is', null);
      const rows = await this.db.selectFrom(pending.as('pending')).selectAll().where('recipient_rank', '<=', perRecipient)
        .orderBy('recipient_rank').orderBy('recipient').limit(limit).execute();
      rows.sort((a, b) => (a['recipient'] < b['recipient'] ? -1 : a['recipient'] > b['recipient'] ? 1 : toNumber(a['sequence']) - toNumber(b['sequence'])));
      const summary = await this.db.selectFrom('coop_outbox').where('delivered_at', 'is', null)
        .select((eb) => [eb.fn.countAll().as('pending'), eb.fn.min('created_at').as('oldest')]).executeTakeFirst();
      return {
        messages: rows.map((r) => this.messageOf(r)),
        pendingCount: toNumber(summary?.['pending'] ?? 0),
        oldestPendingAt: toNullableNumber(summary?.['oldest'] ?? null),
      };
    });
  }

  markDelivered(messageIds: readonly string[], now: EpochMs): Promise<number> {
    return this.notifyingAfter(this.inTransaction('delivery confirmation', async (trx) => {
      const rows = await trx.selectFrom('coop_outbox').selectAll().where('message_id', 'in', [...messageIds]).where('delivered_at', 'is', null).execute();
      for (const row of rows) {
        const changed = await trx.updateTable('coop_outbox').set({ delivered_at: now })
          .where('message_id', '=', row['message_id']).where('delivered_at', 'is', null).executeTakeFirst();
        if (Number(changed.numUpdatedRows) === 0) continue; // another relay confirmed it in between
        const body = fromJson<RelayMessageBody>(row['body_json']);
        if (body.kind === 'resource-request') {
          const request = await trx.updateTable('coop_resource_requests').set({ delivered_at: now })
            .where('id', '=', body.requestId).where('delivered_at', 'is', null).executeTakeFirst();
          if (Number(request.numUpdatedRows) > 0) {
            await audit(trx, body.requestId, { actor: relayActor(row['recipient']), requestId: row['message_id'], now }, 'DELIVERED', { deliveredAt: now });
          }
          continue;
        }
        if (body.kind === 'patrol-proposal' || body.kind === 'case-proposal') {
          const kind = body.kind === 'patrol-proposal' ? PATROL_PROPOSALS : CASE_PROPOSALS;
          await markPartnerDelivered(trx, kind, body.proposalId, row['recipient'], row['message_id'], now);
          continue;
        }
        if (body.kind === 'action-item') {
          const item = await trx.updateTable('coop_action_items').set({ delivered_at: now })
            .where('id', '=', body.actionItemId).where('delivered_at', 'is', null).executeTakeFirst();
          if (Number(item.numUpdatedRows) > 0) {
            await audit(trx, body.actionItemId, { actor: relayActor(row['recipient']), requestId: row['message_id'], now }, 'DELIVERED', { deliveredAt: now });
          }
          continue;
        }
        if (body.kind === 'bulletin') {
          const recipient = await trx.updateTable('coop_bulletin_recipients').set({ state: 'DELIVERED', delivered_at: now })
            .where('bulletin_id', '=', body.bulletinId).where('recipient', '=', row['recipient']).where('state', '=', 'PENDING').executeTakeFirst();
          if (Number(recipient.numUpdatedRows) > 0) {
            await audit(trx, body.bulletinId, { actor: relayActor(row['recipient']), requestId: row['message_id'], now }, 'DELIVERED',
              { recipient: row['recipient'], state: 'DELIVERED' });
          }
          continue;
        }
        if (body.kind !== 'incident-notice') continue;
        const notice = await trx.updateTable('coop_notices').set({ state: 'DELIVERED', delivered_at: now })
          .where('id', '=', body.noticeId).where('state', '=', 'PENDING').executeTakeFirst();
        if (Number(notice.numUpdatedRows) > 0) {
          await audit(trx, body.noticeId, { actor: relayActor(row['recipient']), requestId: row['message_id'], now }, 'DELIVERED', { state: 'DELIVERED' });
          await this.logEvents(trx, now, { kind: 'incident-updated', incidentId: body.incidentId, change: 'NOTICE_DELIVERED' });
        }
      }
      return rows.length;
    }));
  }

  async receive(message: RelayMessage, now: EpochMs): Promise<InboxAnswer> {
    if (message.recipient !== this.cityCode) throw new TypeError(`message ${message.messageId} is for ${message.recipient}, not ${this.cityCode}`);
    for (let attempt = 1; ; attempt++) {
      try {
        return await this.notifyingAfter(this.db.transaction().execute((trx) => this.apply(trx, message, now)));
      } catch (error) {
        // A concurrent relay applied the same message (or sequence) first: its unique key failed ours.
        const seen = await this.db.selectFrom('coop_inbox').select('message_id')
          .where((eb) => eb.or([eb('message_id', '=', message.messageId),
            eb.and([eb('sender', '=', message.sender), eb('sequence', '=', message.sequence)])]))
          .executeTakeFirst().catch(() => undefined);
        if (seen !== undefined) return { status: 'duplicate' };
        if (attempt >= MAX_WRITE_ATTEMPTS) throw wrapped(this.cityCode, 'inbox', error);
        await pause();
      }
    }
  }

  async close(): Promise<void> {
    if (this.ownsDb) await guarded(this.cityCode, 'close', () => this.db.destroy());
  }

  private async apply(trx: Trx, message: RelayMessage, now: EpochMs): Promise<InboxAnswer> {
    const known = await trx.selectFrom('coop_inbox').select('message_id').where('message_id', '=', message.messageId).executeTakeFirst();
    if (known !== undefined) return { status: 'duplicate' };
    const last = await trx.selectFrom('coop_inbox').select((eb) => eb.fn.max('sequence').as('last'))
      .where('sender', '=', message.sender).executeTakeFirst();
    const expected = toNumber(last?.['last'] ?? 0) + 1;
    if (message.sequence < expected) return { status: 'duplicate' };
    if (message.sequence > expected) return { status: 'out-of-order', expected };
    await trx.insertInto('coop_inbox').values({ message_id: message.messageId, sender: message.sender, sequence: message.sequence, received_at: now }).execute();
    const meta = { actor: relayActor(message.sender), requestId: message.messageId, now };
    const { body } = message;
    switch (body.kind) {
      case 'incident-notice': {
        const id = encodeGlobalId('IncidentNotice', this.cityCode, randomUUID());
        await trx.insertInto('coop_notices').values({
          id, direction: 'RECEIVED', incident_id: body.incidentId, incident_title: body.incidentTitle, sender: message.sender,
          recipient: this.cityCode, remote_notice_id: body.noticeId, state: 'DELIVERED', created_at: now, delivered_at: now,
          acknowledged_at: null, ack_sub: null, ack_bureau: null,
        }).execute();
        await audit(trx, id, meta, 'DELIVERED', { state: 'DELIVERED', incidentId: body.incidentId, remoteNoticeId: body.noticeId });
        await this.logEvents(trx, now, { kind: 'notice-received', noticeId: id, incidentId: body.incidentId });
        break;
      }
      case 'resource-request': {
        const id = encodeGlobalId('ResourceRequest', this.cityCode, randomUUID());
        await trx.insertInto('coop_resource_requests').values({
          id, direction: 'RECEIVED', requester: message.sender, responder: this.cityCode, remote_request_id: body.requestId, incident_id: body.incidentId,
          items_json: toJson(body.items), note: body.note, state: 'REQUESTED', reason: null, created_at: body.sentAt, delivered_at: now, updated_at: body.sentAt,
        }).execute();
        await audit(trx, id, meta, 'DELIVERED', { state: 'REQUESTED', remoteRequestId: body.requestId });
        break;
      }
      case 'resource-request-state': {
        const request = await trx.selectFrom('coop_resource_requests').select(['delivered_at']).where('id', '=', body.requestId)
          .where('direction', '=', 'SENT').where('responder', '=', message.sender).executeTakeFirst();
        if (request === undefined) break; // not ours to update; applied as a no-op, so the pair's order moves on
        // The responder changed its copy along RESOURCE_REQUEST_NEXT and the pair's order holds, so this copy follows step by step.
        await trx.updateTable('coop_resource_requests').set({
          state: body.state, reason: body.reason ?? null, updated_at: body.at, delivered_at: request['delivered_at'] ?? body.at,
        }).where('id', '=', body.requestId).execute();
        await audit(trx, body.requestId, { ...meta, actor: body.by }, body.state, { state: body.state, ...(body.reason !== null && { reason: body.reason }) });
        break;
      }
      case 'patrol-proposal': {
        const id = encodeGlobalId('JointPatrolProposal', this.cityCode, randomUUID());
        await trx.insertInto('coop_patrol_proposals').values({
          id, direction: 'RECEIVED', proposer: message.sender, name: body.name, mode: body.mode, river_id: body.riverId, reach: body.reach,
          planned_start_at: body.plannedStartAt, note: body.note, participants: null, remote_proposal_id: body.proposalId, created_at: body.sentAt,
        }).execute();
        await insertPartners(trx, PATROL_PROPOSALS, id, [this.cityCode], now);
        await audit(trx, id, meta, 'DELIVERED', { state: 'PROPOSED', remoteProposalId: body.proposalId });
        break;
      }
      case 'patrol-response': {
        const applied = await applyPartnerAnswer(trx, PATROL_PROPOSALS, body.proposalId, message.sender,
          { state: body.state, note: body.note, at: body.at, by: body.by, extra: { participants: body.participants } }, meta);
        if (applied) await this.joint.makePatrolIfSettled(trx, body.proposalId, meta);
        break;
      }
      case 'joint-patrol':
      case 'case-proposal':
      case 'case-response':
      case 'case-linked':
        await this.joint.apply(trx, message.sender, body, meta);
        break;
      case 'action-item': {
        const id = encodeGlobalId('ActionItem', this.cityCode, randomUUID());
        await trx.insertInto('coop_action_items').values({
          id, direction: 'RECEIVED', meeting_id: body.meetingId, position: 0, meeting_title: body.meetingTitle, convener: message.sender,
          assignee: this.cityCode, remote_item_id: body.actionItemId, description: body.description, due_at: body.dueAt, status: 'OPEN', note: null,
          created_at: body.sentAt, delivered_at: now, updated_at: body.sentAt,
        }).execute();
        await audit(trx, id, meta, 'DELIVERED', { status: 'OPEN', remoteItemId: body.actionItemId });
        break;
      }
      case 'action-item-status': {
        const item = await trx.selectFrom('coop_action_items').select(['delivered_at']).where('id', '=', body.actionItemId)
          .where('direction', '=', 'SENT').where('assignee', '=', message.sender).executeTakeFirst();
        if (item === undefined) break; // not ours to update; applied as a no-op, so the pair's order moves on
        // The assignee changed its copy along ACTION_ITEM_NEXT and the pair's order holds, so this copy follows step by step.
        await trx.updateTable('coop_action_items').set({
          status: body.status, note: body.note ?? null, updated_at: body.at, delivered_at: item['delivered_at'] ?? body.at,
        }).where('id', '=', body.actionItemId).execute();
        await audit(trx, body.actionItemId, { ...meta, actor: body.by }, body.status, { status: body.status, ...(body.note !== null && { note: body.note }) });
        break;
      }
      case 'bulletin': {
        const id = encodeGlobalId('Bulletin', this.cityCode, randomUUID());
        await trx.insertInto('coop_bulletins').values({
          id, direction: 'RECEIVED', sender: message.sender, category: body.category, title: body.title, body: body.body,
          incident_id: body.incidentId, remote_bulletin_id: body.bulletinId, created_at: body.sentAt,
        }).execute();
        await trx.insertInto('coop_bulletin_recipients').values({
          bulletin_id: id, recipient: this.cityCode, state: 'DELIVERED', delivered_at: now, read_at: null, read_sub: null, read_bureau: null,
        }).execute();
        await audit(trx, id, meta, 'DELIVERED', { state: 'DELIVERED', remoteBulletinId: body.bulletinId });
        await this.logEvents(trx, now, { kind: 'bulletin-received', bulletinId: id });
        break;
      }
      case 'bulletin-read': {
        const recipient = await trx.selectFrom('coop_bulletin_recipients').select(['delivered_at'])
          .where('bulletin_id', '=', body.bulletinId).where('recipient', '=', message.sender).executeTakeFirst();
        if (recipient === undefined) break; // not ours to update; applied as a no-op, so the pair's order moves on
        await trx.updateTable('coop_bulletin_recipients').set({
          state: 'READ', read_at: body.readAt, read_sub: body.by.sub, read_bureau: body.by.bureau, delivered_at: recipient['delivered_at'] ?? body.readAt,
        }).where('bulletin_id', '=', body.bulletinId).where('recipient', '=', message.sender).execute();
        await audit(trx, body.bulletinId, { ...meta, actor: body.by }, 'READ', { recipient: message.sender, state: 'READ', by: body.by });
        break;
      }
      case 'notice-acknowledged': {
        const notice = await trx.selectFrom('coop_notices').select(['delivered_at', 'incident_id']).where('id', '=', body.noticeId)
          .where('direction', '=', 'SENT').where('recipient', '=', message.sender).executeTakeFirst();
        if (notice === undefined) break; // not ours to update; applied (and recorded) as a no-op, so the pair's order moves on
        await trx.updateTable('coop_notices').set({
          state: 'ACKNOWLEDGED', acknowledged_at: body.acknowledgedAt, ack_sub: body.by.sub, ack_bureau: body.by.bureau,
          delivered_at: notice['delivered_at'] ?? body.acknowledgedAt,
        }).where('id', '=', body.noticeId).execute();
        await audit(trx, body.noticeId, { ...meta, actor: body.by }, 'ACKNOWLEDGED', { state: 'ACKNOWLEDGED', by: body.by });
        await this.logEvents(trx, now, { kind: 'incident-updated', incidentId: notice['incident_id'] as string, change: 'NOTICE_ACKNOWLEDGED' });
        break;
      }
    }
    return { status: 'accepted' };
  }

  /** Appends `bodies` to the `cooperation` feed in `trx`, when this store keeps an event log. */
  private async logEvents(trx: Trx, now: EpochMs, ...bodies: BureauEventBody[]): Promise<void> {
    if (this.events !== undefined) await SqlEventLog.append(trx, 'cooperation', bodies, now);
  }

  /** `committed`, then wakes the event log's readers (a write that logged nothing costs them one read). */
  private async notifyingAfter<T>(committed: Promise<T>): Promise<T> {
    const result = await committed;
    this.events?.appended.notify();
    return result;
  }

  /**
   * One write, exactly once per key: the key is claimed (inserted) first in the write's transaction,
   * so a concurrent request with the same key waits for this one and then finds the key taken.
   */
  private async idempotent(operation: string, meta: WriteMeta, resultId: string, write: (trx: Trx) => Promise<void>): Promise<WriteResult> {
    const key = `${operation}:${meta.idempotencyKey}`;
    for (let attempt = 1; ; attempt++) {
      const stored = await this.storedResult(key, meta.fingerprint);
      if (stored !== null) return { id: stored, replayed: true };
      try {
        await this.notifyingAfter(this.db.transaction().execute(async (trx) => {
          await trx.insertInto('coop_idempotency').values({ idem_key: key, fingerprint: meta.fingerprint, result_id: resultId, created_at: meta.now }).execute();
          await write(trx);
        }));
        return { id: resultId, replayed: false };
      } catch (error) {
        if (error instanceof GraphQLError) throw error; // a refusal: rolled back, the key stays free
        const winner = await this.storedResult(key, meta.fingerprint).catch((e: unknown) => {
          if (e instanceof GraphQLError) throw e;
          return null;
        });
        if (winner !== null) return { id: winner, replayed: true };
        if (attempt >= MAX_WRITE_ATTEMPTS) throw wrapped(this.cityCode, operation, error);
        await pause();
      }
    }
  }

  private async storedResult(key: string, fingerprint: string): Promise<string | null> {
    const row = await guarded(this.cityCode, 'idempotency key', () =>
      this.db.selectFrom('coop_idempotency').select(['fingerprint', 'result_id']).where('idem_key', '=', key).executeTakeFirst());
    if (row === undefined) return null;
    if (row['fingerprint'] !== fingerprint) {
      throw ERRORS.IDEMPOTENCY_KEY_REUSED.err('This idempotencyKey was already used for a different request; nothing was written.', {
        extensions: { argument: 'idempotencyKey' },
      });
    }
    return row['result_id'] as string;
  }

  private async inTransaction<T>(operation: string, run: (trx: Trx) => Promise<T>): Promise<T> {
    return guarded(this.cityCode, operation, () => this.db.transaction().execute(run));
  }

  private listBulletinsOf(direction: 'SENT' | 'RECEIVED', query: ListQuery<object>): Promise<ListResult<BulletinRecord>> {
    return guarded(this.cityCode, 'bulletins list', () => {
      const filtered = this.db.selectFrom('coop_bulletins').where('direction', '=', direction);
      return keysetPage(filtered, (qb) => qb.selectAll(), { key: sql.ref('created_at'), direction: query.sort.direction, id: sql.ref('id') },
        query, (row: Row) => this.bulletinOf(row));
    });
  }

  private resourceRequestOf(r: Row): ResourceRequestRecord {
    return {
      id: r['id'], cityCode: this.cityCode, direction: r['direction'], requesterCityCode: r['requester'], responderCityCode: r['responder'],
      remoteRequestId: r['remote_request_id'] ?? null, incidentId: r['incident_id'] ?? null, items: fromJson(r['items_json']), note: r['note'],
      state: r['state'], reason: r['reason'] ?? null, createdAt: toNumber(r['created_at']), deliveredAt: toNullableNumber(r['delivered_at'] ?? null),
      updatedAt: toNumber(r['updated_at']),
    };
  }

  private proposalOf(r: Row): PatrolProposalRecord {
    return {
      id: r['id'], cityCode: this.cityCode, direction: r['direction'], proposerCityCode: r['proposer'], name: r['name'], mode: r['mode'],
      riverId: r['river_id'], reach: r['reach'], plannedStartAt: toNumber(r['planned_start_at']), note: r['note'],
      participants: r['direction'] === 'SENT' ? toNumber(r['participants'] ?? 0) : null, remoteProposalId: r['remote_proposal_id'] ?? null, createdAt: toNumber(r['created_at']),
    };
  }

  private meetingOf(r: Row): JointMeetingRecord {
    return {
      id: r['id'], cityCode: this.cityCode, kind: r['kind'], title: r['title'], heldAt: toNumber(r['held_at']), bureausPresent: fromJson(r['present_json']),
      topics: fromJson(r['topics_json']), decisions: fromJson(r['decisions_json']), createdAt: toNumber(r['created_at']),
    };
  }

  private actionItemOf(r: Row): ActionItemRecord {
    return {
      id: r['id'], cityCode: this.cityCode, direction: r['direction'], meetingId: r['meeting_id'], meetingTitle: r['meeting_title'],
      convenerCityCode: r['convener'], assigneeCityCode: r['assignee'], remoteItemId: r['remote_item_id'] ?? null, description: r['description'],
      dueAt: toNumber(r['due_at']), status: r['status'], note: r['note'] ?? null, createdAt: toNumber(r['created_at']),
      deliveredAt: toNullableNumber(r['delivered_at'] ?? null), updatedAt: toNumber(r['updated_at']),
    };
  }

  private bulletinOf(r: Row): BulletinRecord {
    return {
      id: r['id'], cityCode: this.cityCode, direction: r['direction'], senderCityCode: r['sender'], category: r['category'], title: r['title'],
      body: r['body'], incidentId: r['incident_id'] ?? null, remoteBulletinId: r['remote_bulletin_id'] ?? null, createdAt: toNumber(r['created_at']),
    };
  }

  private incidentOf(r: Row): IncidentRecord {
    return {
      id: r['id'], cityCode: r['city_code'], title: r['title'], description: r['description'], occurredAt: toNumber(r['occurred_at']),
      longitude: Number(r['longitude']), latitude: Number(r['latitude']), riverId: r['river_id'] ?? null, nearestSectionId: r['section_id'] ?? null,
      pollutants: fromJson(r['pollutants_json']), facts: fromJson(r['facts_json']), status: r['status'], createdAt: toNumber(r['created_at']),
    };
  }

  private noticeOf(r: Row): NoticeRecord {
    return {
      id: r['id'], cityCode: this.cityCode, direction: r['direction'], incidentId: r['incident_id'], incidentTitle: r['incident_title'],
      senderCityCode: r['sender'], recipientCityCode: r['recipient'], remoteNoticeId: r['remote_notice_id'] ?? null, state: r['state'],
      createdAt: toNumber(r['created_at']), deliveredAt: toNullableNumber(r['delivered_at'] ?? null),
      acknowledgedAt: toNullableNumber(r['acknowledged_at'] ?? null),
      acknowledgedBy: r['ack_sub'] == null ? null : { sub: r['ack_sub'], bureau: r['ack_bureau'] },
    };
  }

  private messageOf(r: Row): RelayMessage {
    return {
      messageId: r['message_id'], sender: this.cityCode, recipient: r['recipient'], sequence: toNumber(r['sequence']),
      createdAt: toNumber(r['created_at']), body: fromJson(r['body_json']),
    };
  }
}

function wrapped(cityCode: string, operation: string, error: unknown): Error {
  if (error instanceof CitySourceError) return error;
  return new CitySourceError('CITY_SOURCE_FAILED', `The data store failed during ${operation}.`, cityCode, { cause: error });
}
