/**
 * The argument checks of the joint enforcement mutations (recordJointPatrolFindings, proposeJointCase,
 * confirmJointCase), before anything is asked or written. Pure.
 */
import { ERRORS } from '../../../schema/errors.ts';
import type { GeoPoint, JointMode } from '../model.ts';
import {
  checkCount, checkParticipants, checkPartners, checkPoint, checkRequiredText, checkText, checkTime, FUTURE_TOLERANCE_MS,
} from './checkCooperationInput.ts';
import { COOPERATION_LIMITS } from './cooperationLimits.ts';
import type { JointCaseAnswer, JointPatrolOutcome, NewJointCaseProposal } from './JointEnforcementStore.ts';

export interface JointPatrolFindingsArgsInput {
  readonly startedAt?: string | null;
  readonly endedAt: string;
  readonly findings: readonly string[];
  readonly route?: readonly GeoPoint[] | null;
  readonly participants?: number | null;
}

/**
 * recordJointPatrolFindings: times with an offset, the end not in the future (the store checks it is not before
 * the start), ≤ 50 findings of ≤ 2000, ≤ 500 route points on the globe, participants 0–10000.
 */
export function checkPatrolOutcome(input: JointPatrolFindingsArgsInput, now: number): JointPatrolOutcome {
  const startedAt = input.startedAt == null ? null : checkTime('input.startedAt', input.startedAt);
  const endedAt = checkTime('input.endedAt', input.endedAt);
  if (endedAt > now + FUTURE_TOLERANCE_MS) {
    throw ERRORS.INVALID_TIME.err('input.endedAt lies in the future; the outcome is recorded once the patrol ended.', { extensions: { argument: 'input.endedAt' } });
  }
  if (startedAt !== null && endedAt < startedAt) {
    throw ERRORS.INVALID_TIME.err('input.endedAt lies before input.startedAt.', { extensions: { argument: 'input.endedAt' } });
  }
  checkCount('input.findings', input.findings, COOPERATION_LIMITS.patrolFindings);
  const route = input.route ?? [];
  checkCount('input.route', route, COOPERATION_LIMITS.patrolRoutePoints);
  return {
    startedAt,
    endedAt,
    findings: input.findings.map((f, i) => checkRequiredText(`input.findings[${i}]`, f, COOPERATION_LIMITS.patrolFinding)),
    route: route.map((point, i) => checkPoint(`input.route[${i}]`, point)),
    participants: input.participants == null ? null : checkParticipants('input.participants', input.participants),
  };
}

export interface ProposeJointCaseArgsInput {
  readonly title: string;
  readonly creditCode: string;
  readonly mode: JointMode;
  readonly proposedFor: string;
  readonly partners: readonly string[];
  readonly note?: string | null;
}

/** GB 32100-2015: 18 characters of the code's alphabet (digits and capitals without I, O, S, V, Z). */
const CREDIT_CODE = /^[0-9A-HJ-NPQRTUWXY]{18}$/;

/** proposeJointCase: a title ≤ 200, a unified social credit code, a date with an offset, 1–10 partners never the proposer, a note ≤ 4000. */
export function checkJointCaseInput(input: ProposeJointCaseArgsInput, proposer: string): NewJointCaseProposal {
  const partners = checkPartners(input.partners, proposer);
  if (!CREDIT_CODE.test(input.creditCode)) {
    throw ERRORS.BAD_USER_INPUT.err('input.creditCode must be an 18-character unified social credit code (GB 32100-2015).', {
      extensions: { argument: 'input.creditCode' },
    });
  }
  return {
    title: checkRequiredText('input.title', input.title, COOPERATION_LIMITS.title),
    creditCode: input.creditCode,
    mode: input.mode,
    proposedFor: checkTime('input.proposedFor', input.proposedFor),
    note: checkText('input.note', input.note ?? '', COOPERATION_LIMITS.caseNote).trim(),
    partners,
  };
}

/** confirmJointCase: a note ≤ 4000 (blank is none). */
export function checkJointCaseAnswer(decision: JointCaseAnswer['state'], note: string | null | undefined): JointCaseAnswer {
  return { state: decision, note: note == null ? null : checkText('note', note, COOPERATION_LIMITS.caseNote).trim() || null };
}
