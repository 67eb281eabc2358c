import type { Selectable } from 'kysely';
import type { EiaRecord, ProjectCategory, ProjectRecord, ProjectStatus } from '../../kit/model.ts';
import { fromJson, fromNullableJson, toFlag, toJson, toNumber } from './jsonColumn.ts';
import type { ProjectRiversTable, ProjectsTable } from './schema.ts';

export function projectToRow(p: ProjectRecord): ProjectsTable {
  return {
    id: p.id,
    city_code: p.cityCode,
    code: p.code,
    name: p.name,
    category: p.category,
    status: p.status,
    jointly_planned: toFlag(p.jointlyPlanned),
    partner_city_codes_json: toJson(p.partnerCityCodes),
    river_ids_json: toJson(p.riverIds),
    investment_wan_yuan: p.investmentWanYuan,
    progress_percent: p.progressPercent,
    planned_start: p.plannedStart,
    planned_completion: p.plannedCompletion,
    description: p.description,
    longitude: p.location?.longitude ?? null,
    latitude: p.location?.latitude ?? null,
    eia_json: p.eia === null ? null : toJson(p.eia),
    updated_at: p.updatedAt,
  };
}

/** The `riverId` filter's rows: one per distinct river of the project. */
export function projectRiverRows(p: ProjectRecord): ProjectRiversTable[] {
  return [...new Set(p.riverIds)].map((riverId) => ({ project_id: p.id, river_id: riverId }));
}

export function rowToProject(r: Selectable<ProjectsTable>): ProjectRecord {
  return {
    id: r.id,
    cityCode: r.city_code,
    code: r.code,
    name: r.name,
    category: r.category as ProjectCategory,
    status: r.status as ProjectStatus,
    jointlyPlanned: toNumber(r.jointly_planned) === 1,
    partnerCityCodes: fromJson<string[]>(r.partner_city_codes_json),
    riverIds: fromJson<string[]>(r.river_ids_json),
    investmentWanYuan: toNumber(r.investment_wan_yuan),
    progressPercent: toNumber(r.progress_percent),
    plannedStart: r.planned_start,
    plannedCompletion: r.planned_completion,
    description: r.description,
    location: r.longitude === null || r.latitude === null
      ? null
      : { longitude: toNumber(r.longitude), latitude: toNumber(r.latitude) },
    eia: fromNullableJson<EiaRecord>(r.eia_json),
    updatedAt: toNumber(r.updated_at),
  };
}
