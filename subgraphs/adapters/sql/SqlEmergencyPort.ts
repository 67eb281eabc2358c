import { sql } from 'kysely';
import type { ResourceRecord } from '../../kit/model.ts';
import type { EmergencyPort, ListQuery, ListResult, ResourceFilter } from '../../kit/ports.ts';
import { alignOne } from './alignByKey.ts';
import { fetchByKeys } from './fetchByKeys.ts';
import { guarded } from './guarded.ts';
import { keysetPage } from './keysetPage.ts';
import { rowToResource } from './resourceRows.ts';
import type { BureauDatabase } from './schema.ts';
import { columnSortKeys, sortKeyFor, type SortKeys } from './sortKeyFor.ts';
import type { StoreContext } from './StoreContext.ts';

const SORT_KEYS = columnSortKeys({ id: 'id' });

/** Emergency resources (应急物资) from the bureau's SQL store. */
export class SqlEmergencyPort implements EmergencyPort {
  constructor(private readonly store: StoreContext<BureauDatabase>) {}

  /**
   * With `near`, the distance is computed in SQL (`distance_km`), so the radius filter, the order
   * and the keyset all use the very value each record carries as `distanceKm`.
   */
  async listResources(query: ListQuery<ResourceFilter>): Promise<ListResult<ResourceRecord>> {
    const { category, near, search } = query.filter;
    const distance = near === undefined ? undefined : this.store.flavour.distanceKm(near.point);
    const keys: SortKeys = distance === undefined ? SORT_KEYS : { ...SORT_KEYS, distanceKm: distance };
    const key = sortKeyFor(keys, query.sort, 'resources');
    return guarded(this.store.cityCode, 'resources list', () => {
      let filtered = this.store.db.selectFrom('resources');
      if (category !== undefined) filtered = filtered.where('category', '=', category);
      if (near !== undefined && distance !== undefined) filtered = filtered.where(distance, '<=', near.radiusKm);
      if (search !== undefined) filtered = filtered.where(this.store.flavour.matchesAny(['name', 'specification'], search));
      const order = { key, direction: query.sort.direction, id: sql.ref<string>('id') };
      if (distance === undefined) return keysetPage(filtered, (qb) => qb.selectAll(), order, query, (r) => rowToResource(r));
      return keysetPage(filtered, (qb) => qb.selectAll().select(distance.as('distance_km')), order, query,
        (r) => rowToResource(r, Number(r.distance_km)));
    });
  }

  resourcesByIds(ids: readonly string[]): Promise<ReadonlyArray<ResourceRecord | null>> {
    return guarded(this.store.cityCode, 'resources by id', async () => {
      const rows = await fetchByKeys(ids, (chunk) =>
        this.store.db.selectFrom('resources').selectAll().where('id', 'in', chunk).execute());
      return alignOne(ids, rows.map((r) => rowToResource(r)), (r) => r.id);
    });
  }
}
