/**
 * The tables of the SQL store, as Kysely sees them. One bureau per database (so keys need no city),
 * the region in a database of its own. Filter and sort keys are real columns; nested and array
 * fields are JSON text (`*_json`), read back whole. Times are epoch ms in BIGINT columns (Postgres
 * returns them as strings: row mappers always go through `Number`). Booleans are 0/1 integers, the
 * one representation every dialect shares.
 */

export interface ProjectsTable {
  id: string;
  city_code: string;
  code: string;
  name: string;
  category: string;
  status: string;
  jointly_planned: number;
  partner_city_codes_json: string;
  river_ids_json: string;
  investment_wan_yuan: number;
  progress_percent: number;
  planned_start: string | null;
  planned_completion: string | null;
  description: string;
  longitude: number | null;
  latitude: number | null;
  eia_json: string | null;
  updated_at: number;
}

/** One row per (project, river): the `riverId` filter, without JSON functions that differ by dialect. */
export interface ProjectRiversTable {
  project_id: string;
  river_id: string;
}

export interface StationsTable {
  id: string;
  city_code: string;
  code: string;
  name: string;
  kind: string;
  river_id: string | null;
  longitude: number;
  latitude: number;
  address: string;
  enterprise_credit_code: string | null;
  shared_with_city_codes_json: string;
  protocol_version: string;
  operating: number;
  reading_interval: string;
  factors_json: string;
}

/** One row per (station, time); the factor values travel together, as in an HJ 212 packet. */
export interface ReadingsTable {
  station_id: string;
  time: number;
  reading_interval: string;
  values_json: string;
}

export interface CasesTable {
  id: string;
  city_code: string;
  case_number: string;
  agency: string;
  enterprise_credit_code: string;
  party_name: string;
  permit_number: string | null;
  cause: string;
  violation_facts: string;
  violated_provisions_json: string;
  penalty_basis_json: string;
  penalty_types_json: string;
  fine_yuan: number | null;
  case_procedure: string;
  status: string;
  source: string;
  filed_at: number;
  dates_json: string;
  evidence_json: string;
  station_id: string | null;
  river_id: string | null;
  joint: number;
  joint_partner_city_codes_json: string;
  joint_action_json: string | null;
  published: number;
}

export interface PatrolsTable {
  id: string;
  city_code: string;
  name: string;
  mode: string;
  river_id: string;
  partner_city_codes_json: string;
  started_at: number;
  ended_at: number | null;
  reach: string;
  participants: number;
  problems_found: number;
  findings_json: string;
}

export interface ResourcesTable {
  id: string;
  city_code: string;
  name: string;
  category: string;
  kind: string;
  specification: string;
  quantity: number;
  unit: string;
  managing_unit: string;
  depot_json: string | null;
  longitude: number;
  latitude: number;
  expires_on: string | null;
  status: string;
  contact_json: string | null;
}

/** A single row (id = 1) saying the file was seeded completely, by which generator. */
export interface SeedMetaTable {
  id: number;
  generator_version: string;
  seeded_at: number;
  details_json: string;
}

export interface SeedMetaDatabase {
  seed_meta: SeedMetaTable;
}

export interface BureauDatabase extends SeedMetaDatabase {
  projects: ProjectsTable;
  project_rivers: ProjectRiversTable;
  stations: StationsTable;
  readings: ReadingsTable;
  cases: CasesTable;
  patrols: PatrolsTable;
  resources: ResourcesTable;
}

export interface CitiesTable {
  code: string;
  name: string;
  name_en: string;
  province: string;
  kind: string;
  bureau_name: string;
  longitude: number;
  latitude: number;
}

export interface RiversTable {
  id: string;
  name: string;
  name_en: string;
  basin: string;
  length_km: number;
  city_codes_json: string;
}

export interface SectionsTable {
  id: string;
  name: string;
  river_id: string;
  control_level: string;
  boundary_type: string;
  upstream_city_code: string | null;
  downstream_city_code: string | null;
  target_class: string;
  station_city_code: string | null;
  station_id: string | null;
  longitude: number;
  latitude: number;
}

export interface EnterprisesTable {
  credit_code: string;
  name: string;
  industry: string;
  city_code: string;
  address: string;
  longitude: number;
  latitude: number;
  positive_list_json: string | null;
  /** 1 when listed and not removed: the `positiveListOnly` filter. */
  on_positive_list: number;
}

export interface RegionDatabase extends SeedMetaDatabase {
  cities: CitiesTable;
  rivers: RiversTable;
  sections: SectionsTable;
  enterprises: EnterprisesTable;
}
