import { sql, type Kysely } from 'kysely';
import type { CityRecord, EnterpriseRecord, RiverRecord, SectionRecord } from '../../kit/model.ts';
import type { ListQuery, ListResult } from '../../kit/ports.ts';
import type { EnterpriseFilter, RegionSource, SectionFilter } from '../../kit/regionPorts.ts';
import { alignMany, alignOne } from './alignByKey.ts';
import { fetchByKeys } from './fetchByKeys.ts';
import { guarded } from './guarded.ts';
import { keysetPage } from './keysetPage.ts';
import { rowToCity, rowToEnterprise, rowToRiver, rowToSection } from './regionRows.ts';
import type { RegionDatabase } from './schema.ts';
import { columnSortKeys, sortKeyFor } from './sortKeyFor.ts';
import { DEFAULT_FLAVOUR, type SqlFlavour } from './SqlFlavour.ts';

const ENTERPRISE_SORT_KEYS = columnSortKeys({ creditCode: 'credit_code', id: 'credit_code' });

/**
 * The region's reference data over its SQL store. Errors carry `owner` as their city code
 * (@default 'region'); `flavour` is the dialect's search (@default DEFAULT_FLAVOUR, SQLite's). Owns
 * `db`: `close()` destroys it.
 */
export class SqlRegionSource implements RegionSource {
  constructor(
    private readonly db: Kysely<RegionDatabase>,
    private readonly owner = 'region',
    private readonly flavour: SqlFlavour = DEFAULT_FLAVOUR,
  ) {}

  cities(): Promise<readonly CityRecord[]> {
    return guarded(this.owner, 'cities', async () =>
      (await this.db.selectFrom('cities').selectAll().orderBy('code').execute()).map(rowToCity));
  }

  citiesByCodes(codes: readonly string[]): Promise<ReadonlyArray<CityRecord | null>> {
    return guarded(this.owner, 'cities by code', async () => {
      const rows = await fetchByKeys(codes, (chunk) =>
        this.db.selectFrom('cities').selectAll().where('code', 'in', chunk).execute());
      return alignOne(codes, rows.map(rowToCity), (c) => c.code);
    });
  }

  rivers(): Promise<readonly RiverRecord[]> {
    return guarded(this.owner, 'rivers', async () =>
      (await this.db.selectFrom('rivers').selectAll().orderBy('id').execute()).map(rowToRiver));
  }

  riversByIds(ids: readonly string[]): Promise<ReadonlyArray<RiverRecord | null>> {
    return guarded(this.owner, 'rivers by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) =>
        this.db.selectFrom('rivers').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map(rowToRiver), (r) => r.id);
    });
  }

  /** Ordered by id; cross-border means the section sits on a boundary (boundaryType other than NONE). */
  sections(filter: SectionFilter): Promise<readonly SectionRecord[]> {
    return guarded(this.owner, 'sections', async () => {
      let query = this.db.selectFrom('sections').selectAll();
      if (filter.riverId !== undefined) query = query.where('river_id', '=', filter.riverId);
      if (filter.crossBorderOnly === true) query = query.where('boundary_type', '!=', 'NONE');
      return (await query.orderBy('id').execute()).map(rowToSection);
    });
  }

  sectionsByIds(ids: readonly string[]): Promise<ReadonlyArray<SectionRecord | null>> {
    return guarded(this.owner, 'sections by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) =>
        this.db.selectFrom('sections').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map(rowToSection), (s) => s.id);
    });
  }

  sectionsByRivers(riverIds: readonly string[]): Promise<ReadonlyArray<readonly SectionRecord[]>> {
    return guarded(this.owner, 'sections by river', async () => {
      const rows = await fetchByKeys(riverIds, (chunk) =>
        this.db.selectFrom('sections').selectAll().where('river_id', 'in', chunk).orderBy('id').execute());
      return alignMany(riverIds, rows.map(rowToSection), (s) => s.riverId);
    });
  }

  enterprisesByCreditCodes(codes: readonly string[]): Promise<ReadonlyArray<EnterpriseRecord | null>> {
    return guarded(this.owner, 'enterprises by credit code', async () => {
      const rows = await fetchByKeys(codes, (chunk) =>
        this.db.selectFrom('enterprises').selectAll().where('credit_code', 'in', chunk).execute());
      return alignOne(codes, rows.map(rowToEnterprise), (e) => e.creditCode);
    });
  }

  /** The credit code is both the sort key and the tie-breaker (`after.id` is a credit code too). */
  async listEnterprises(query: ListQuery<EnterpriseFilter>): Promise<ListResult<EnterpriseRecord>> {
    const key = sortKeyFor(ENTERPRISE_SORT_KEYS, query.sort, 'enterprises');
    const { cityCode, search, positiveListOnly } = query.filter;
    return guarded(this.owner, 'enterprises list', () => {
      let filtered = this.db.selectFrom('enterprises');
      if (cityCode !== undefined) filtered = filtered.where('city_code', '=', cityCode);
      if (positiveListOnly === true) filtered = filtered.where('on_positive_list', '=', 1);
      if (search !== undefined) filtered = filtered.where(this.flavour.matchesAny(['name', 'credit_code'], search));
      return keysetPage(filtered, (qb) => qb.selectAll(),
        { key, direction: query.sort.direction, id: sql.ref('credit_code') }, query, rowToEnterprise);
    });
  }

  async health(): Promise<void> {
    await guarded(this.owner, 'health check', () => this.db.selectNoFrom((eb) => eb.lit(1).as('ok')).execute());
  }

  async close(): Promise<void> {
    await guarded(this.owner, 'close', () => this.db.destroy());
  }
}
