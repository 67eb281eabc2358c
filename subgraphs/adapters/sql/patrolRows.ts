import type { Selectable } from 'kysely';
import type { JointMode, JointPatrolRecord } from '../../kit/model.ts';
import { fromJson, toJson, toNullableNumber, toNumber } from './jsonColumn.ts';
import type { PatrolsTable } from './schema.ts';

export function patrolToRow(p: JointPatrolRecord): PatrolsTable {
  return {
    id: p.id,
    city_code: p.cityCode,
    name: p.name,
    mode: p.mode,
    river_id: p.riverId,
    partner_city_codes_json: toJson(p.partnerCityCodes),
    started_at: p.startedAt,
    ended_at: p.endedAt,
    reach: p.reach,
    participants: p.participants,
    problems_found: p.problemsFound,
    findings_json: toJson(p.findings),
  };
}

export function rowToPatrol(r: Selectable<PatrolsTable>): JointPatrolRecord {
  return {
    id: r.id,
    cityCode: r.city_code,
    name: r.name,
    mode: r.mode as JointMode,
    riverId: r.river_id,
    partnerCityCodes: fromJson<string[]>(r.partner_city_codes_json),
    startedAt: toNumber(r.started_at),
    endedAt: toNullableNumber(r.ended_at),
    reach: r.reach,
    participants: toNumber(r.participants),
    problemsFound: toNumber(r.problems_found),
    findings: fromJson<string[]>(r.findings_json),
  };
}
