/**
 * The joint enforcement part of the cooperation store (联合执法、交叉巡河): the JointPatrol records made
 * from joint patrol proposals, with their outcome, and joint enforcement case proposals. Same rules
 * as the rest of CooperationStore: every write one idempotent transaction, refusals are GraphQLErrors
 * with their code and write nothing, changes travel to the other side through the outbox.
 */
import type { ListQuery, ListResult, PatrolFilter } from '../ports.ts';
import type { CityCode, EpochMs, GeoPoint, JointMode, JointPatrolRecord } from '../model.ts';
import type { Actor, WriteMeta, WriteResult } from './cooperationWrite.ts';

/** A JointPatrol held by the cooperation store: the organiser's record (SENT) or a confirmed partner's copy of it (RECEIVED). */
export interface CooperationPatrolRecord extends JointPatrolRecord {
  readonly direction: 'SENT' | 'RECEIVED';
  /** The organiser's proposal (global id), on both sides. */
  readonly proposalId: string;
  readonly participantsByBureau: NonNullable<JointPatrolRecord['participantsByBureau']>;
  readonly route: readonly GeoPoint[];
  /** When the organiser recorded the outcome; null before. */
  readonly recordedAt: EpochMs | null;
}

/** recordJointPatrolFindings, checked by the kit (texts, counts, coordinates, time formats). */
export interface JointPatrolOutcome {
  /** Null: the patrol's start stays as it is (the planned start). */
  readonly startedAt: EpochMs | null;
  readonly endedAt: EpochMs;
  readonly findings: readonly string[];
  readonly route: readonly GeoPoint[];
  /** The organiser's own actual participants; null keeps the number it proposed. */
  readonly participants: number | null;
}

export type JointCasePartnerState = 'PROPOSED' | 'CONFIRMED' | 'DECLINED';

export interface JointCaseProposalRecord {
  /** Global id; its bureau is `cityCode`, the store holding this copy. */
  readonly id: string;
  readonly cityCode: CityCode;
  /** SENT = the proposer's copy; RECEIVED = the copy in a partner's inbox. */
  readonly direction: 'SENT' | 'RECEIVED';
  readonly proposerCityCode: CityCode;
  readonly title: string;
  readonly creditCode: string;
  readonly mode: JointMode;
  readonly proposedFor: EpochMs;
  readonly note: string;
  /** For a RECEIVED copy: the proposer's proposal it stands for. */
  readonly remoteProposalId: string | null;
  /** The proposer's EnforcementCase once linked (on both copies). */
  readonly caseId: string | null;
  readonly createdAt: EpochMs;
}

export interface JointCasePartnerRecord {
  readonly proposalId: string;
  readonly cityCode: CityCode;
  readonly state: JointCasePartnerState;
  readonly deliveredAt: EpochMs | null;
  readonly respondedAt: EpochMs | null;
  readonly respondedBy: Actor | null;
  readonly note: string | null;
}

export interface NewJointCaseProposal {
  readonly title: string;
  readonly creditCode: string;
  readonly mode: JointMode;
  readonly proposedFor: EpochMs;
  readonly note: string;
  /** Known bureaus, never the proposer; checked by the kit before the write. */
  readonly partners: readonly CityCode[];
}

export interface JointCaseAnswer {
  readonly state: Exclude<JointCasePartnerState, 'PROPOSED'>;
  readonly note: string | null;
}

export interface JointEnforcementStore {
  /**
   * The organiser records the outcome of one of its patrols made from a proposal (INVALID_ID for any other id), once
   * (STATE_CHANGE_OUT_OF_ORDER after), an end not before the start (INVALID_TIME), and queues the record to every
   * confirmed partner.
   */
  recordJointPatrolFindings(meta: WriteMeta, patrolId: string, outcome: JointPatrolOutcome): Promise<WriteResult>;
  /** The organiser's patrols made from proposals (never partners' copies), in the list contract's order. */
  listJointPatrols(query: ListQuery<PatrolFilter>): Promise<ListResult<CooperationPatrolRecord>>;
  /** The organiser's patrols by id (null for any other id, partners' copies included). */
  jointPatrolsByIds(ids: readonly string[]): Promise<ReadonlyArray<CooperationPatrolRecord | null>>;
  /** The patrol of each proposal copy held here (the organiser's record, or a partner's copy), null before it is made. */
  patrolsOfProposals(proposalIds: readonly string[]): Promise<ReadonlyArray<CooperationPatrolRecord | null>>;

  proposeJointCase(meta: WriteMeta, proposal: NewJointCaseProposal): Promise<WriteResult>;
  /**
   * A partner answers a RECEIVED proposal (NOT_JOINT_CASE_PARTNER for any other id), only while PROPOSED
   * (STATE_CHANGE_OUT_OF_ORDER otherwise), and queues the answer to the proposer.
   */
  confirmJointCase(meta: WriteMeta, proposalId: string, answer: JointCaseAnswer): Promise<WriteResult>;
  /**
   * The proposer links its case to a SENT proposal (INVALID_ID for any other id) once every partner answered and one
   * confirmed, and only once (STATE_CHANGE_OUT_OF_ORDER otherwise); queues the link to every confirmed partner.
   */
  linkJointCase(meta: WriteMeta, proposalId: string, caseId: string): Promise<WriteResult>;
  /** SENT (what this bureau proposed) or RECEIVED (its inbox) proposals, by createdAt. */
  listCaseProposals(direction: 'SENT' | 'RECEIVED', query: ListQuery<object>): Promise<ListResult<JointCaseProposalRecord>>;
  caseProposalsByIds(ids: readonly string[]): Promise<ReadonlyArray<JointCaseProposalRecord | null>>;
  /** Partners per proposal, by city code (a RECEIVED copy has only this bureau). */
  partnersOfCaseProposals(proposalIds: readonly string[]): Promise<ReadonlyArray<readonly JointCasePartnerRecord[]>>;
}
