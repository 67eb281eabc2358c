/**
 * A case's course through the stages of 《生态环境行政处罚办法》 (生态环境部令第30号), simulated from its
 * filing and cut at `until`: the status is the last stage reached by then, and only dates already
 * past are set, so a later stage always has the earlier stages' dates and they never go backwards.
 * Durations follow practice: decision within ~3 months of filing, 3 days to ask for a hearing,
 * service within 7 days, fines paid within 15 days (some much later).
 */
import type { CaseDatesRecord, CaseProcedure, CaseStatus, EpochMs } from '../../subgraphs/kit/model.ts';
import type { Rng } from './createRng.ts';
import { MINUTE_MS } from './cstTime.ts';

/** How the case ends apart from the ordinary course. */
export type CaseOutcome = 'ORDINARY' | 'NOT_REGISTERED' | 'TRANSFERRED' | 'REVOKED';

export interface CaseTimeline {
  readonly status: CaseStatus;
  readonly dates: CaseDatesRecord;
}

const NO_DATES: CaseDatesRecord = {
  informedAt: null, hearingRequestedAt: null, decidedAt: null, servedAt: null, executedAt: null, closedAt: null,
};

function reached(stages: ReadonlyArray<readonly [CaseStatus, EpochMs]>, until: EpochMs): CaseStatus {
  let status = (stages[0] as readonly [CaseStatus, EpochMs])[0];
  for (const [s, at] of stages) if (at <= until) status = s;
  return status;
}

const past = (at: EpochMs | null, until: EpochMs): EpochMs | null => (at !== null && at <= until ? at : null);

export function caseTimeline(
  rng: Rng,
  { filedAt, until, procedure, outcome, warningOnly }: {
    readonly filedAt: EpochMs; readonly until: EpochMs; readonly procedure: CaseProcedure;
    readonly outcome: CaseOutcome; readonly warningOnly: boolean;
  },
): CaseTimeline {
  const days = (min: number, max: number): number => Math.round(rng.float(min, max) * 24 * 60) * MINUTE_MS;
  if (outcome === 'NOT_REGISTERED') return { status: 'NOT_REGISTERED', dates: NO_DATES };

  if (procedure === 'SIMPLIFIED') {
    // On the spot: notified, decided and served within the hour, so the case starts out decided.
    const informedAt = filedAt + rng.int(5, 15) * MINUTE_MS;
    const decidedAt = informedAt + rng.int(10, 30) * MINUTE_MS;
    const servedAt = decidedAt + rng.int(1, 10) * MINUTE_MS;
    const executedAt = warningOnly ? servedAt : servedAt + days(1, 15);
    const closedAt = executedAt + days(1, 10);
    return {
      status: reached([['DECIDED', filedAt], ['EXECUTING', servedAt], ['CLOSED', closedAt]], until),
      dates: {
        informedAt: past(informedAt, until), hearingRequestedAt: null, decidedAt: past(decidedAt, until),
        servedAt: past(servedAt, until), executedAt: past(executedAt, until), closedAt: past(closedAt, until),
      },
    };
  }

  const investigatingAt = filedAt + days(0.5, 3);
  const reviewingAt = filedAt + days(15, 45);
  if (outcome === 'TRANSFERRED') {
    const transferredAt = filedAt + days(5, 30);
    if (transferredAt <= until) return { status: 'TRANSFERRED', dates: NO_DATES };
    return { status: reached([['REGISTERED', filedAt], ['INVESTIGATING', investigatingAt]], until), dates: NO_DATES };
  }
  const informedAt = reviewingAt + days(3, 15);
  const hearing = rng.chance(0.15);
  const hearingRequestedAt = hearing ? informedAt + days(1, 3) : null;
  const legalReviewAt = informedAt + (hearing ? days(20, 35) : days(8, 15));
  const decidedAt = legalReviewAt + days(3, 12);
  const servedAt = decidedAt + days(1, 6);
  const executedAt = servedAt + (rng.chance(0.8) ? days(3, 15) : days(16, 120));
  const closedAt = executedAt + days(3, 30);
  const revokedAt = outcome === 'REVOKED' ? servedAt + days(10, 60) : null;

  if (revokedAt !== null && revokedAt <= until) {
    return {
      status: 'REVOKED',
      dates: { informedAt, hearingRequestedAt, decidedAt, servedAt, executedAt: null, closedAt: null },
    };
  }
  const status = reached([
    ['REGISTERED', filedAt], ['INVESTIGATING', investigatingAt], ['REVIEWING', reviewingAt], ['NOTIFIED', informedAt],
    ['LEGAL_REVIEW', legalReviewAt], ['DECIDED', decidedAt], ['EXECUTING', servedAt],
    // A decision that will be revoked is never closed.
    ...(revokedAt === null ? [['CLOSED', closedAt] as const] : []),
  ], until);
  return {
    status,
    dates: {
      informedAt: past(informedAt, until),
      hearingRequestedAt: past(hearingRequestedAt, until),
      decidedAt: past(decidedAt, until),
      servedAt: past(servedAt, until),
      executedAt: revokedAt === null ? past(executedAt, until) : null,
      closedAt: revokedAt === null ? past(closedAt, until) : null,
    },
  };
}
