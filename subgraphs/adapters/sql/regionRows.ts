import type { Selectable } from 'kysely';
import type {
  CityRecord, EnterpriseRecord, PositiveListEntryRecord, RiverRecord, SectionRecord,
} from '../../kit/model.ts';
import { fromJson, fromNullableJson, toFlag, toJson, toNumber } from './jsonColumn.ts';
import type { CitiesTable, EnterprisesTable, RiversTable, SectionsTable } from './schema.ts';

export function cityToRow(c: CityRecord): CitiesTable {
  return {
    code: c.code,
    name: c.name,
    name_en: c.nameEn,
    province: c.province,
    kind: c.kind,
    bureau_name: c.bureauName,
    longitude: c.location.longitude,
    latitude: c.location.latitude,
  };
}

export function rowToCity(r: Selectable<CitiesTable>): CityRecord {
  return {
    code: r.code,
    name: r.name,
    nameEn: r.name_en,
    province: r.province as CityRecord['province'],
    kind: r.kind as CityRecord['kind'],
    bureauName: r.bureau_name,
    location: { longitude: toNumber(r.longitude), latitude: toNumber(r.latitude) },
  };
}

export function riverToRow(r: RiverRecord): RiversTable {
  return {
    id: r.id,
    name: r.name,
    name_en: r.nameEn,
    basin: r.basin,
    length_km: r.lengthKm,
    city_codes_json: toJson(r.cityCodes),
  };
}

export function rowToRiver(r: Selectable<RiversTable>): RiverRecord {
  return {
    id: r.id,
    name: r.name,
    nameEn: r.name_en,
    basin: r.basin,
    lengthKm: toNumber(r.length_km),
    cityCodes: fromJson<string[]>(r.city_codes_json),
  };
}

export function sectionToRow(s: SectionRecord): SectionsTable {
  return {
    id: s.id,
    name: s.name,
    river_id: s.riverId,
    control_level: s.controlLevel,
    boundary_type: s.boundaryType,
    upstream_city_code: s.upstreamCityCode,
    downstream_city_code: s.downstreamCityCode,
    target_class: s.targetClass,
    station_city_code: s.station?.cityCode ?? null,
    station_id: s.station?.id ?? null,
    longitude: s.location.longitude,
    latitude: s.location.latitude,
  };
}

export function rowToSection(r: Selectable<SectionsTable>): SectionRecord {
  return {
    id: r.id,
    name: r.name,
    riverId: r.river_id,
    controlLevel: r.control_level as SectionRecord['controlLevel'],
    boundaryType: r.boundary_type as SectionRecord['boundaryType'],
    upstreamCityCode: r.upstream_city_code,
    downstreamCityCode: r.downstream_city_code,
    targetClass: r.target_class as SectionRecord['targetClass'],
    station: r.station_city_code === null || r.station_id === null
      ? null
      : { cityCode: r.station_city_code, id: r.station_id },
    location: { longitude: toNumber(r.longitude), latitude: toNumber(r.latitude) },
  };
}

export function enterpriseToRow(e: EnterpriseRecord): EnterprisesTable {
  return {
    credit_code: e.creditCode,
    name: e.name,
    industry: e.industry,
    city_code: e.cityCode,
    address: e.address,
    longitude: e.location.longitude,
    latitude: e.location.latitude,
    positive_list_json: e.positiveList === null ? null : toJson(e.positiveList),
    // Removed entries stay on the record (their history), but no longer count as "on the list".
    on_positive_list: toFlag(e.positiveList !== null && e.positiveList.removedOn === null),
  };
}

export function rowToEnterprise(r: Selectable<EnterprisesTable>): EnterpriseRecord {
  return {
    creditCode: r.credit_code,
    name: r.name,
    industry: r.industry,
    cityCode: r.city_code,
    address: r.address,
    location: { longitude: toNumber(r.longitude), latitude: toNumber(r.latitude) },
    positiveList: fromNullableJson<PositiveListEntryRecord>(r.positive_list_json),
  };
}
