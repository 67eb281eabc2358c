/**
 * A horizontal ecological-compensation agreement and its settlement (docs/compensation.md, "The model").
 * Amounts are 万元 per settlement period and are data, because the real 川渝 figures were not found
 * in public sources (docs/compensation.md). Two parties only: one upstream, one downstream (the 赤水河 three-province fund is out of scope).
 */
import type { StandardRef } from './StandardRef.ts';
import type { WaterBody, WaterClass } from './WaterClass.ts';

export type PartyRole = 'UPSTREAM' | 'DOWNSTREAM';
export type SettlementPeriod = 'MONTHLY' | 'ANNUAL';

/**
 * MEETS_IMPROVED: target met and better than the comparison period; MEETS_STABLE: met, no change
 * (or no comparison); MEETS_WORSENED: met but worse; MISSES: target missed.
 */
export type SettlementOutcome = 'MEETS_IMPROVED' | 'MEETS_STABLE' | 'MEETS_WORSENED' | 'MISSES';

export interface AgreementParty {
  /** Administrative division code, e.g. '510900' 遂宁市. */
  readonly adminCode: string;
  readonly name: string;
  readonly role: PartyRole;
  /** Yearly contribution to a joint fund, 万元; null when unknown. */
  readonly contributionWanYuanPerYear: number | null;
}

export interface AgreementSection {
  readonly sectionId: string;
  readonly name: string;
  readonly river: string;
  readonly targetClass: WaterClass;
  /** Share of each rule amount this section carries; the weights of an agreement sum to 1. */
  readonly weight: number;
}

/** Who pays for an outcome; the other party receives. payer null = no transfer. */
export interface OutcomeTransfer {
  readonly payer: PartyRole | null;
  readonly amountWanYuan: number;
  readonly verified: boolean;
}

export interface CompensationAgreement {
  readonly id: string;
  readonly name: string;
  readonly basin: string;
  readonly standard: StandardRef;
  readonly waterBody: WaterBody;
  readonly parties: readonly AgreementParty[];
  readonly sections: readonly AgreementSection[];
  /** The indicators a section's class is assessed on, or every GB 3838 evaluation indicator. */
  readonly indicators: readonly string[] | 'ALL_EVALUATED';
  readonly settlement: SettlementPeriod;
  /** What "improved" compares with. */
  readonly compareWith: 'PREVIOUS_PERIOD' | 'SAME_PERIOD_LAST_YEAR';
  readonly rule: Readonly<Record<SettlementOutcome, OutcomeTransfer>>;
  readonly dataSource: 'NATIONAL_AUTOMATIC_STATION' | 'JOINT_MONITORING' | 'SAMPLING_TESTING_SEPARATION';
  /** Which published template the rule follows (docs/compensation.md, "Templates"), and what is unverified. */
  readonly notes: readonly string[];
}

export interface SectionAssessment {
  readonly sectionId: string;
  /** The assessed class; computed from `means` when absent. */
  readonly waterClass?: WaterClass;
  readonly means?: readonly { readonly code: string; readonly value: number }[];
}

export interface PeriodAssessments {
  /** e.g. '2024-03' (monthly) or '2024' (annual). */
  readonly period: string;
  readonly sections: readonly SectionAssessment[];
  /** The comparison period's assessments (previous period or same period last year). */
  readonly previous?: readonly SectionAssessment[];
}

export type Trend = 'IMPROVED' | 'STABLE' | 'WORSENED' | 'UNKNOWN';

export interface SectionSettlement {
  readonly sectionId: string;
  readonly name: string;
  readonly targetClass: WaterClass;
  readonly waterClass: WaterClass;
  readonly previousClass: WaterClass | null;
  readonly meetsTarget: boolean;
  readonly trend: Trend;
  readonly trendBasis: 'CLASS' | 'POLLUTION_INDEX' | 'NONE';
  readonly outcome: SettlementOutcome;
  readonly payer: string | null;
  readonly payee: string | null;
  readonly amountWanYuan: number;
  readonly explanation: string;
}

export interface Transfer {
  readonly from: string;
  readonly to: string;
  readonly amountWanYuan: number;
}

export interface CompensationSettlement {
  readonly agreementId: string;
  readonly period: string;
  readonly sections: readonly SectionSettlement[];
  /** Gross transfers per direction, then the net one actually paid. */
  readonly transfers: readonly Transfer[];
  readonly net: Transfer | null;
  readonly lineItems: readonly string[];
}
