import type { Selectable } from 'kysely';
import type {
  CaseDatesRecord, CaseProcedure, CaseRecord, CaseSource, CaseStatus, JointActionRecord, LegalProvisionRecord,
  PenaltyType,
} from '../../kit/model.ts';
import { fromJson, fromNullableJson, toFlag, toJson, toNullableNumber, toNumber } from './jsonColumn.ts';
import type { CasesTable } from './schema.ts';

export function caseToRow(c: CaseRecord): CasesTable {
  return {
    id: c.id,
    city_code: c.cityCode,
    case_number: c.caseNumber,
    agency: c.agency,
    enterprise_credit_code: c.enterpriseCreditCode,
    party_name: c.partyName,
    permit_number: c.permitNumber,
    cause: c.cause,
    violation_facts: c.violationFacts,
    violated_provisions_json: toJson(c.violatedProvisions),
    penalty_basis_json: toJson(c.penaltyBasis),
    penalty_types_json: toJson(c.penaltyTypes),
    fine_yuan: c.fineYuan,
    case_procedure: c.procedure,
    status: c.status,
    source: c.source,
    filed_at: c.filedAt,
    dates_json: toJson(c.dates),
    evidence_json: toJson(c.evidence),
    station_id: c.stationId,
    river_id: c.riverId,
    joint: toFlag(c.joint),
    joint_partner_city_codes_json: toJson(c.jointPartnerCityCodes),
    joint_action_json: c.jointAction === null ? null : toJson(c.jointAction),
    published: toFlag(c.published),
  };
}

export function rowToCase(r: Selectable<CasesTable>): CaseRecord {
  return {
    id: r.id,
    cityCode: r.city_code,
    caseNumber: r.case_number,
    agency: r.agency,
    enterpriseCreditCode: r.enterprise_credit_code,
    partyName: r.party_name,
    permitNumber: r.permit_number,
    cause: r.cause,
    violationFacts: r.violation_facts,
    violatedProvisions: fromJson<LegalProvisionRecord[]>(r.violated_provisions_json),
    penaltyBasis: fromJson<LegalProvisionRecord[]>(r.penalty_basis_json),
    penaltyTypes: fromJson<PenaltyType[]>(r.penalty_types_json),
    fineYuan: toNullableNumber(r.fine_yuan),
    procedure: r.case_procedure as CaseProcedure,
    status: r.status as CaseStatus,
    source: r.source as CaseSource,
    filedAt: toNumber(r.filed_at),
    dates: fromJson<CaseDatesRecord>(r.dates_json),
    evidence: fromJson<CaseRecord['evidence']>(r.evidence_json),
    stationId: r.station_id,
    riverId: r.river_id,
    joint: toNumber(r.joint) === 1,
    jointPartnerCityCodes: fromJson<string[]>(r.joint_partner_city_codes_json),
    jointAction: fromNullableJson<JointActionRecord>(r.joint_action_json),
    published: toNumber(r.published) === 1,
  };
}
