/**
 * The legacy system's code tables (字典) as this adapter maps them to the contract's enums, copied
 * from the system's documentation (`GET /api/v1/dict` lists codes and labels, never our enums).
 * A code missing here makes the row a protocol error rather than a guess.
 */
import { z } from 'zod';
import type {
  CaseProcedure, CaseSource, CaseStatus, DataFlag, DepotRecord, EiaDocumentType, EiaStatus, EvidenceType, JointMode,
  PenaltyType, ProjectCategory, ProjectStatus, ReadingInterval, ResourceCategory, ResourceKind, ResourceStatus, StationKind,
} from '../../kit/model.ts';

export interface LegacyCodeTable<T extends string> {
  /** The table's type (`lx`) in the legacy system, e.g. 'ajzt'. */
  readonly type: string;
  readonly byCode: ReadonlyMap<string, T>;
  /** The legacy code of a contract value, for filter parameters; null for a value it has none for. */
  codeOf(value: string): string | null;
  /** Validates a code and turns it into the contract value. */
  readonly schema: z.ZodType<T, string>;
}

function table<T extends string>(type: string, entries: Readonly<Record<string, T>>): LegacyCodeTable<T> {
  const byCode = new Map(Object.entries(entries));
  const byValue = new Map([...byCode].map(([code, value]) => [value, code]));
  return {
    type,
    byCode,
    codeOf(value) {
      return byValue.get(value as T) ?? null;
    },
    schema: z.string().transform((code, ctx) => {
      const value = byCode.get(code);
      if (value !== undefined) return value;
      ctx.addIssue({ code: 'custom', message: `unknown ${type} code '${code}'`, input: code });
      return z.NEVER;
    }),
  };
}

export const XMLB = table<ProjectCategory>('xmlb', {
  '01': 'WASTEWATER_TREATMENT', '02': 'RIVER_REGULATION', '03': 'HYDROPOWER_NAVIGATION', '04': 'ECOLOGICAL_RESTORATION',
  '05': 'AIR_POLLUTION_CONTROL', '06': 'SOLID_WASTE', '07': 'MONITORING_CAPACITY',
});
export const XMZT = table<ProjectStatus>('xmzt', {
  '01': 'PLANNED', '02': 'APPROVED', '03': 'UNDER_CONSTRUCTION', '04': 'COMPLETED', '09': 'SUSPENDED',
});
export const HPWJLX = table<EiaDocumentType>('hpwjlx', { 1: 'REPORT_BOOK', 2: 'REPORT_FORM', 3: 'REGISTRATION_FORM' });
export const HPZT = table<EiaStatus>('hpzt', {
  0: 'NOT_STARTED', 1: 'PREPARING', 2: 'SUBMITTED', 3: 'PUBLIC_COMMENT', 4: 'APPROVED', 5: 'REJECTED',
});
export const ZDLX = table<StationKind>('zdlx', { 1: 'WATER_QUALITY', 2: 'AIR_QUALITY', 3: 'POLLUTION_SOURCE' });
export const SJLX = table<ReadingInterval>('sjlx', { 1: 'REALTIME', 2: 'MINUTE', 3: 'HOURLY', 4: 'FOUR_HOURLY', 5: 'DAILY' });
export const AJZT = table<CaseStatus>('ajzt', {
  '01': 'REGISTERED', '02': 'INVESTIGATING', '03': 'REVIEWING', '04': 'NOTIFIED', '05': 'LEGAL_REVIEW', '06': 'DECIDED',
  '07': 'EXECUTING', '08': 'CLOSED', '11': 'NOT_REGISTERED', '12': 'TRANSFERRED', '13': 'REVOKED',
});
export const AJLY = table<CaseSource>('ajly', {
  1: 'ONSITE_INSPECTION', 2: 'ONLINE_MONITORING', 3: 'COMPLAINT', 4: 'TRANSFER', 5: 'JOINT_ENFORCEMENT',
});
export const CFZL = table<PenaltyType>('cfzl', {
  '01': 'WARNING', '02': 'FINE', '03': 'CONFISCATION', '04': 'SUSPEND_PRODUCTION', '05': 'LIMIT_PRODUCTION', '06': 'CLOSURE',
  '07': 'DAILY_PENALTY', '08': 'SEIZURE',
});
export const CFLX = table<CaseProcedure>('cflx', { 1: 'GENERAL', 2: 'SIMPLIFIED' });
export const ZJLX = table<EvidenceType>('zjlx', {
  '01': 'INSPECTION_RECORD', '02': 'INTERVIEW_RECORD', '03': 'MONITORING_REPORT', '04': 'AUTOMATIC_MONITORING_DATA',
  '05': 'ELECTRONIC_DATA', '06': 'EXAMINATION_RECORD', '07': 'AUDIO_VISUAL',
});
export const LHFS = table<JointMode>('lhfs', { 1: 'JOINT', 2: 'CROSS', 3: 'ASSISTANCE' });
export const WZLB = table<ResourceCategory>('wzlb', {
  '01': 'SOURCE_CUTOFF', '02': 'CONTAINMENT', '03': 'COLLECTION', '04': 'TREATMENT', '05': 'PERSONAL_PROTECTION',
  '06': 'COMMUNICATION_COMMAND', '07': 'MONITORING',
});
export const ZYLX = table<ResourceKind>('zylx', { 1: 'MATERIAL', 2: 'EQUIPMENT', 3: 'TEAM', 4: 'EXPERT' });
export const WZZT = table<ResourceStatus>('wzzt', { 1: 'AVAILABLE', 2: 'IN_USE', 3: 'MAINTENANCE', 4: 'EXPIRED' });
export const CKLX = table<DepotRecord['ownerType']>('cklx', { 1: 'GOVERNMENT', 2: 'ENTERPRISE' });
export const CCFS = table<DepotRecord['storageMode']>('ccfs', { 1: 'SELF', 2: 'ON_BEHALF', 3: 'CONTRACT' });

/** HJ 212 data flags (数据标记) pass through as they are. */
export const DATA_FLAG = z.enum(['N', 'F', 'M', 'S', 'D', 'C', 'T', 'B']) satisfies z.ZodType<DataFlag>;

/** Every table, for the drift check against the system's /dict endpoint. */
export const LEGACY_CODE_TABLES: readonly LegacyCodeTable<string>[] = [
  XMLB, XMZT, HPWJLX, HPZT, ZDLX, SJLX, AJZT, AJLY, CFZL, CFLX, ZJLX, LHFS, WZLB, ZYLX, WZZT, CKLX, CCFS,
];
