/**
 * The cooperation store of one bureau (incidents, notices, bulletins, resource requests, joint meetings and
 * their action items, the outbox and inbox of the delivery
 * protocol, idempotency keys, the audit trail). One port, implemented once over SQL
 * (subgraphs/adapters/sql/SqlCooperationStore.ts) on the bureau's own store: its PostgreSQL or
 * MariaDB server, or an embedded SQLite file (the spreadsheet, legacy-HTTP and HJ 212 bureaus,
 * whose own systems take no writes). Behaviour: test/subgraphs/adapters/cooperationStoreSuite.ts.
 *
 * Writes: each runs in ONE transaction that first claims its idempotency key (unique), then checks,
 * writes the records, their audit entries and the outbox messages. A key already claimed answers the
 * stored result when the fingerprint matches (nothing written) and IDEMPOTENCY_KEY_REUSED otherwise.
 * Domain refusals are GraphQLErrors with their code (INCIDENT_CLOSED, NOT_NOTICE_RECIPIENT, NOT_BULLETIN_RECIPIENT,
 * NOT_ACTION_ITEM_ASSIGNEE, STATE_CHANGE_OUT_OF_ORDER, …).
 */
import type { InboxAnswer, RelayMessage } from '../../../schema/cooperation/relayMessages.ts';
import type { CityCode, EpochMs } from '../model.ts';
import type { ListQuery, ListResult } from '../ports.ts';
import type { Actor, WriteMeta, WriteResult } from './cooperationWrite.ts';
import type { JointEnforcementStore } from './JointEnforcementStore.ts';

export type { Actor, WriteMeta, WriteResult } from './cooperationWrite.ts';

export type IncidentStatus = 'OPEN' | 'CLOSED';
export type IncidentReportKind = 'INITIAL' | 'FOLLOW_UP' | 'FINAL';
export type NoticeState = 'PENDING' | 'DELIVERED' | 'ACKNOWLEDGED';
export type IncidentBorder = 'NATIONAL' | 'PROVINCIAL' | 'PREFECTURE' | 'COUNTY';

export interface IncidentGradingFacts {
  readonly deaths?: number | null;
  readonly poisonedOrInjured?: number | null;
  readonly evacuated?: number | null;
  readonly directLossYuan?: number | null;
  readonly crossBorder?: IncidentBorder | null;
}

export interface IncidentRecord {
  /** Global id. */
  readonly id: string;
  readonly cityCode: CityCode;
  readonly title: string;
  readonly description: string;
  readonly occurredAt: EpochMs;
  readonly longitude: number;
  readonly latitude: number;
  readonly riverId: string | null;
  readonly nearestSectionId: string | null;
  readonly pollutants: readonly string[];
  readonly facts: IncidentGradingFacts;
  readonly status: IncidentStatus;
  readonly createdAt: EpochMs;
}

export interface IncidentReportRecord {
  readonly incidentId: string;
  readonly sequence: number;
  readonly kind: IncidentReportKind;
  readonly text: string;
  readonly reportedAt: EpochMs;
  readonly author: Actor;
}

export interface NoticeRecord {
  /** Global id; its bureau is `cityCode`, the store holding this copy. */
  readonly id: string;
  readonly cityCode: CityCode;
  /** SENT = the sender's copy; RECEIVED = the copy in the recipient's inbox. */
  readonly direction: 'SENT' | 'RECEIVED';
  readonly incidentId: string;
  readonly incidentTitle: string;
  readonly senderCityCode: CityCode;
  readonly recipientCityCode: CityCode;
  /** For a RECEIVED copy: the sender's notice it stands for. */
  readonly remoteNoticeId: string | null;
  readonly state: NoticeState;
  readonly createdAt: EpochMs;
  readonly deliveredAt: EpochMs | null;
  readonly acknowledgedAt: EpochMs | null;
  readonly acknowledgedBy: Actor | null;
}

export type BulletinCategory = 'WARNING' | 'MONITORING' | 'RESPONSE' | 'NOTICE' | 'OTHER';
export type BulletinState = 'PENDING' | 'DELIVERED' | 'READ';

export interface BulletinRecord {
  /** Global id; its bureau is `cityCode`, the store holding this copy. */
  readonly id: string;
  readonly cityCode: CityCode;
  /** SENT = the sender's copy; RECEIVED = the copy in a recipient's inbox. */
  readonly direction: 'SENT' | 'RECEIVED';
  readonly senderCityCode: CityCode;
  readonly category: BulletinCategory;
  readonly title: string;
  readonly body: string;
  readonly incidentId: string | null;
  /** For a RECEIVED copy: the sender's bulletin it stands for. */
  readonly remoteBulletinId: string | null;
  /** When the sender wrote it (on both copies). */
  readonly createdAt: EpochMs;
}

export interface BulletinRecipientRecord {
  readonly bulletinId: string;
  readonly cityCode: CityCode;
  readonly state: BulletinState;
  readonly deliveredAt: EpochMs | null;
  readonly readAt: EpochMs | null;
  readonly readBy: Actor | null;
}

export interface NewBulletin {
  readonly category: BulletinCategory;
  readonly title: string;
  readonly body: string;
  readonly incidentId: string | null;
  /** Known bureaus, never the sender; checked by the kit before the write. */
  readonly recipients: readonly CityCode[];
}

/** Bulletins sent from `senderCityCode` to `recipientCityCode` in a period. */
export interface BulletinExchangeRecord {
  readonly senderCityCode: CityCode;
  readonly recipientCityCode: CityCode;
  readonly count: number;
}

export type ResourceRequestState = 'REQUESTED' | 'ACCEPTED' | 'DECLINED' | 'DISPATCHED' | 'RETURNED';

/** The only state changes there are: REQUESTED → ACCEPTED | DECLINED, ACCEPTED → DISPATCHED → RETURNED. */
export const RESOURCE_REQUEST_NEXT: Readonly<Record<ResourceRequestState, readonly ResourceRequestState[]>> = Object.freeze({
  REQUESTED: ['ACCEPTED', 'DECLINED'],
  ACCEPTED: ['DISPATCHED'],
  DECLINED: [],
  DISPATCHED: ['RETURNED'],
  RETURNED: [],
});

export interface ResourceRequestItem {
  readonly resourceId: string;
  readonly quantity: number;
}

export interface ResourceRequestRecord {
  /** Global id; its bureau is `cityCode`, the store holding this copy. */
  readonly id: string;
  readonly cityCode: CityCode;
  /** SENT = the requester's copy; RECEIVED = the responder's. */
  readonly direction: 'SENT' | 'RECEIVED';
  readonly requesterCityCode: CityCode;
  readonly responderCityCode: CityCode;
  /** For a RECEIVED copy: the requester's request it stands for. */
  readonly remoteRequestId: string | null;
  readonly incidentId: string | null;
  readonly items: readonly ResourceRequestItem[];
  readonly note: string;
  readonly state: ResourceRequestState;
  readonly reason: string | null;
  readonly createdAt: EpochMs;
  readonly deliveredAt: EpochMs | null;
  readonly updatedAt: EpochMs;
}

export interface NewResourceRequest {
  /** A known bureau, never the requester; checked by the kit before the write. */
  readonly responder: CityCode;
  /** Distinct resources of the responder. */
  readonly items: readonly ResourceRequestItem[];
  readonly incidentId: string | null;
  readonly note: string;
}

export interface ResourceRequestFilter {
  readonly role: 'SENT' | 'RECEIVED';
}

export type JointMeetingKind = 'JOINT_MEETING' | 'CONSULTATION' | 'RISK_CONSULTATION';
export type ActionItemStatus = 'OPEN' | 'IN_PROGRESS' | 'DONE';

/** The only status changes there are: OPEN → IN_PROGRESS | DONE, IN_PROGRESS → DONE. */
export const ACTION_ITEM_NEXT: Readonly<Record<ActionItemStatus, readonly ActionItemStatus[]>> = Object.freeze({
  OPEN: ['IN_PROGRESS', 'DONE'],
  IN_PROGRESS: ['DONE'],
  DONE: [],
});

export interface JointMeetingRecord {
  /** Global id; always the convener's (this store's). */
  readonly id: string;
  readonly cityCode: CityCode;
  readonly kind: JointMeetingKind;
  readonly title: string;
  readonly heldAt: EpochMs;
  readonly bureausPresent: readonly CityCode[];
  readonly topics: readonly string[];
  readonly decisions: readonly string[];
  readonly createdAt: EpochMs;
}

export interface ActionItemRecord {
  /** Global id; its bureau is `cityCode`, the store holding this copy. */
  readonly id: string;
  readonly cityCode: CityCode;
  /** SENT = the convener's copy; RECEIVED = the copy in the assignee's inbox. */
  readonly direction: 'SENT' | 'RECEIVED';
  /** The convener's meeting (global id). */
  readonly meetingId: string;
  readonly meetingTitle: string;
  readonly convenerCityCode: CityCode;
  readonly assigneeCityCode: CityCode;
  /** For a RECEIVED copy: the convener's item it stands for. */
  readonly remoteItemId: string | null;
  readonly description: string;
  readonly dueAt: EpochMs;
  readonly status: ActionItemStatus;
  readonly note: string | null;
  readonly createdAt: EpochMs;
  readonly deliveredAt: EpochMs | null;
  readonly updatedAt: EpochMs;
}

export interface NewActionItem {
  readonly description: string;
  /** A known bureau, never the convener; checked by the kit before the write. */
  readonly assignee: CityCode;
  readonly dueAt: EpochMs;
}

export interface NewJointMeeting {
  readonly kind: JointMeetingKind;
  readonly title: string;
  readonly heldAt: EpochMs;
  readonly bureausPresent: readonly CityCode[];
  readonly topics: readonly string[];
  readonly decisions: readonly string[];
  readonly actionItems: readonly NewActionItem[];
}

export interface ActionItemFilter {
  /** Only items not DONE and due before this instant. */
  readonly overdueAt?: EpochMs;
}

export type JointMode = 'JOINT' | 'CROSS' | 'ASSISTANCE';
export type PatrolPartnerState = 'PROPOSED' | 'CONFIRMED' | 'DECLINED';

export interface PatrolProposalRecord {
  /** Global id; its bureau is `cityCode`, the store holding this copy. */
  readonly id: string;
  readonly cityCode: CityCode;
  /** SENT = the proposer's copy; RECEIVED = the copy in a partner's inbox. */
  readonly direction: 'SENT' | 'RECEIVED';
  readonly proposerCityCode: CityCode;
  readonly name: string;
  readonly mode: JointMode;
  readonly riverId: string;
  readonly reach: string;
  readonly plannedStartAt: EpochMs;
  readonly note: string;
  /** The proposer's own participants (its copy only; null on a partner's). */
  readonly participants: number | null;
  /** For a RECEIVED copy: the proposer's proposal it stands for. */
  readonly remoteProposalId: string | null;
  /** When the proposer wrote it (on both copies). */
  readonly createdAt: EpochMs;
}

export interface PatrolPartnerRecord {
  readonly proposalId: string;
  readonly cityCode: CityCode;
  readonly state: PatrolPartnerState;
  readonly deliveredAt: EpochMs | null;
  readonly respondedAt: EpochMs | null;
  readonly respondedBy: Actor | null;
  readonly participants: number | null;
  readonly note: string | null;
}

export interface NewPatrolProposal {
  readonly name: string;
  readonly mode: JointMode;
  /** A river of the region; checked by the kit before the write. */
  readonly riverId: string;
  readonly reach: string;
  readonly plannedStartAt: EpochMs;
  readonly note: string;
  /** Known bureaus, never the proposer; checked by the kit before the write. */
  readonly partners: readonly CityCode[];
  /** The proposer's own participants, 0–10000. */
  readonly participants: number;
}

export interface PatrolAnswer {
  readonly state: Exclude<PatrolPartnerState, 'PROPOSED'>;
  readonly participants: number | null;
  readonly note: string | null;
}

export interface AuditRecord {
  readonly entityId: string;
  readonly at: EpochMs;
  readonly actor: Actor;
  readonly requestId: string;
  readonly action: string;
  /** JSON text. */
  readonly changes: string;
}

export interface NewIncident {
  readonly title: string;
  readonly description: string;
  readonly occurredAt: EpochMs;
  readonly longitude: number;
  readonly latitude: number;
  readonly riverId: string | null;
  readonly nearestSectionId: string | null;
  readonly pollutants: readonly string[];
  readonly facts: IncidentGradingFacts;
  /** Bureaus that get a notice (never the reporter); decided by the kit before the write. */
  readonly recipients: readonly CityCode[];
}

export interface IncidentFilter {
  readonly status?: IncidentStatus;
}

export interface NoticeFilter {
  readonly state?: NoticeState;
}

export interface OutboxState {
  readonly messages: readonly RelayMessage[];
  readonly pendingCount: number;
  readonly oldestPendingAt: EpochMs | null;
}

export interface CooperationStore extends JointEnforcementStore {
  reportIncident(meta: WriteMeta, incident: NewIncident): Promise<WriteResult>;
  /** INCIDENT_CLOSED after the FINAL report; INVALID_ID when the incident is not this bureau's. */
  addIncidentReport(meta: WriteMeta, incidentId: string, report: { readonly kind: 'FOLLOW_UP' | 'FINAL'; readonly text: string }): Promise<WriteResult>;
  /** On a RECEIVED notice of this inbox only (NOT_NOTICE_RECIPIENT otherwise); queues the acknowledgement to the sender. */
  acknowledgeNotice(meta: WriteMeta, noticeId: string): Promise<WriteResult>;

  sendBulletin(meta: WriteMeta, bulletin: NewBulletin): Promise<WriteResult>;
  /** On a RECEIVED bulletin of this inbox only (NOT_BULLETIN_RECIPIENT otherwise); queues the read receipt to the sender. */
  markBulletinRead(meta: WriteMeta, bulletinId: string): Promise<WriteResult>;
  /** SENT bulletins (what this bureau sent), by createdAt. */
  listBulletins(query: ListQuery<object>): Promise<ListResult<BulletinRecord>>;
  /** RECEIVED bulletins (this bureau's inbox), by createdAt. */
  listReceivedBulletins(query: ListQuery<object>): Promise<ListResult<BulletinRecord>>;
  bulletinsByIds(ids: readonly string[]): Promise<ReadonlyArray<BulletinRecord | null>>;
  /** Recipients per bulletin, by city code (a RECEIVED copy has only this bureau). */
  recipientsOfBulletins(bulletinIds: readonly string[]): Promise<ReadonlyArray<readonly BulletinRecipientRecord[]>>;
  /** SENT bulletins with createdAt in [from, to), counted per recipient, by recipient code. */
  bulletinExchange(from: EpochMs, to: EpochMs): Promise<readonly BulletinExchangeRecord[]>;

  requestResources(meta: WriteMeta, request: NewResourceRequest): Promise<WriteResult>;
  /**
   * The responder changes a RECEIVED request's state (NOT_REQUEST_RESPONDER for any other id) along
   * RESOURCE_REQUEST_NEXT only (STATE_CHANGE_OUT_OF_ORDER otherwise), and queues the change to the requester.
   */
  changeResourceRequestState(meta: WriteMeta, requestId: string, state: Exclude<ResourceRequestState, 'REQUESTED'>, reason: string | null): Promise<WriteResult>;
  listResourceRequests(query: ListQuery<ResourceRequestFilter>): Promise<ListResult<ResourceRequestRecord>>;
  resourceRequestsByIds(ids: readonly string[]): Promise<ReadonlyArray<ResourceRequestRecord | null>>;

  /** Writes the meeting, its action items (SENT copies) and one outbox message per item to its assignee. */
  recordJointMeeting(meta: WriteMeta, meeting: NewJointMeeting): Promise<WriteResult>;
  /**
   * The assignee changes a RECEIVED item's status (NOT_ACTION_ITEM_ASSIGNEE for any other id) along
   * ACTION_ITEM_NEXT only (STATE_CHANGE_OUT_OF_ORDER otherwise), and queues the change to the convener.
   */
  updateActionItem(meta: WriteMeta, actionItemId: string, status: Exclude<ActionItemStatus, 'OPEN'>, note: string | null): Promise<WriteResult>;
  /** Meetings this bureau convened, by heldAt. */
  listJointMeetings(query: ListQuery<object>): Promise<ListResult<JointMeetingRecord>>;
  jointMeetingsByIds(ids: readonly string[]): Promise<ReadonlyArray<JointMeetingRecord | null>>;
  /** RECEIVED action items (assigned to this bureau), by dueAt. */
  listActionItems(query: ListQuery<ActionItemFilter>): Promise<ListResult<ActionItemRecord>>;
  actionItemsByIds(ids: readonly string[]): Promise<ReadonlyArray<ActionItemRecord | null>>;
  /** SENT action items per meeting, in the order recorded. */
  actionItemsOfMeetings(meetingIds: readonly string[]): Promise<ReadonlyArray<readonly ActionItemRecord[]>>;

  proposeJointPatrol(meta: WriteMeta, proposal: NewPatrolProposal): Promise<WriteResult>;
  /**
   * A partner answers a RECEIVED proposal (NOT_PATROL_PARTNER for any other id), only while PROPOSED
   * (STATE_CHANGE_OUT_OF_ORDER otherwise), and queues the answer to the proposer.
   */
  confirmJointPatrol(meta: WriteMeta, proposalId: string, answer: PatrolAnswer): Promise<WriteResult>;
  /** SENT (what this bureau proposed) or RECEIVED (its inbox) proposals, by createdAt. */
  listPatrolProposals(direction: 'SENT' | 'RECEIVED', query: ListQuery<object>): Promise<ListResult<PatrolProposalRecord>>;
  patrolProposalsByIds(ids: readonly string[]): Promise<ReadonlyArray<PatrolProposalRecord | null>>;
  /** Partners per proposal, by city code (a RECEIVED copy has only this bureau). */
  partnersOfProposals(proposalIds: readonly string[]): Promise<ReadonlyArray<readonly PatrolPartnerRecord[]>>;

  listIncidents(query: ListQuery<IncidentFilter>): Promise<ListResult<IncidentRecord>>;
  incidentsByIds(ids: readonly string[]): Promise<ReadonlyArray<IncidentRecord | null>>;
  /** RECEIVED notices (this bureau's inbox). */
  listReceivedNotices(query: ListQuery<NoticeFilter>): Promise<ListResult<NoticeRecord>>;
  noticesByIds(ids: readonly string[]): Promise<ReadonlyArray<NoticeRecord | null>>;
  /** SENT notices per incident, by recipient. */
  noticesOfIncidents(incidentIds: readonly string[]): Promise<ReadonlyArray<readonly NoticeRecord[]>>;
  reportsOfIncidents(incidentIds: readonly string[]): Promise<ReadonlyArray<readonly IncidentReportRecord[]>>;
  /** Audit entries per record, in the order they were written (a store-assigned sequence, never the clock alone). */
  historyOf(entityIds: readonly string[]): Promise<ReadonlyArray<readonly AuditRecord[]>>;

  /**
   * Undelivered messages, per recipient in sequence order: at most `limit` in all and `perRecipient`
   * of each recipient (@default limit), the first of every recipient before the second of any, so
   * one recipient's backlog never keeps the others' messages out of the pull.
   */
  pendingOutbox(limit: number, perRecipient?: number): Promise<OutboxState>;
  /** The recipient confirmed these; marks each once (and its notice or bulletin recipient DELIVERED). Returns how many changed. */
  markDelivered(messageIds: readonly string[], now: EpochMs): Promise<number>;
  /** Applies a message for this bureau exactly once, in its sender's order. */
  receive(message: RelayMessage, now: EpochMs): Promise<InboxAnswer>;

  close(): Promise<void>;
}
