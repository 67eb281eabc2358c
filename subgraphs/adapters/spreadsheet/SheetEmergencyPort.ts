import type { ResourceRecord } from '../../kit/model.ts';
import type { EmergencyPort, ListQuery, ListResult, ResourceFilter } from '../../kit/ports.ts';
import { haversineKm } from '../sqlite/haversineKm.ts';
import { matchesSearch } from './matchesSearch.ts';
import { firstAfter, sortRecords } from '../../kit/listOrder.ts';
import type { CurrentSnapshot } from './SpreadsheetSnapshot.ts';

/** Emergency resources (应急物资台账.xlsx), as last loaded. */
export class SheetEmergencyPort implements EmergencyPort {
  constructor(private readonly current: CurrentSnapshot) {}

  /**
   * With `near`, each record gets `distanceKm` (haversine rounded to metres, as the SQL stores
   * compute it) before the radius filter, the order and the keyset, so all three use the same value.
   */
  async listResources(query: ListQuery<ResourceFilter>): Promise<ListResult<ResourceRecord>> {
    const { category, near, search } = query.filter;
    const resources = this.current().resources;
    const matches = (r: ResourceRecord) => (category === undefined || r.category === category) && matchesSearch(search, r.name, r.specification);
    if (near === undefined) return resources.list(query, category === undefined && search === undefined ? undefined : matches);
    if (query.sort.field !== 'id' && query.sort.field !== 'distanceKm') {
      throw new TypeError(`resources cannot be sorted by ${JSON.stringify(query.sort.field)}; known: id, distanceKm`);
    }
    const { point, radiusKm } = near;
    const placed = resources.records.filter(matches)
      .map((r) => ({ ...r, distanceKm: haversineKm(r.location.longitude, r.location.latitude, point.longitude, point.latitude) as number }))
      .filter((r) => r.distanceKm <= radiusKm);
    const sorted = sortRecords(placed, query.sort);
    const start = query.after === null ? 0 : firstAfter(sorted, query.sort, query.after);
    return { items: sorted.slice(start, start + Math.max(0, query.limit)), totalCount: sorted.length };
  }

  async resourcesByIds(ids: readonly string[]): Promise<ReadonlyArray<ResourceRecord | null>> {
    return this.current().resources.byIds(ids);
  }
}
