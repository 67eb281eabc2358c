import type { ResourceRecord } from '../../kit/model.ts';
import type { EmergencyPort, ListQuery, ListResult, ResourceFilter } from '../../kit/ports.ts';
import { haversineKm } from '../sqlite/haversineKm.ts';
import { fetchByIds } from './fetchByIds.ts';
import { keysetSlice } from '../../kit/listOrder.ts';
import { WZLB } from './legacyCodes.ts';
import type { LegacyContext } from './LegacyContext.ts';
import { listLegacy } from './listLegacy.ts';
import { matchesNothing } from './LegacyListRequest.ts';
import { resourceRowSchema, toResourceRecord } from './resourceRow.ts';
import { rowParser, type RowParser } from './rowParser.ts';
import { scanLegacyList } from './scanLegacyList.ts';

/** Emergency resources (应急物资, `wz`) from the legacy system. */
export class LegacyEmergencyPort implements EmergencyPort {
  private readonly parse: RowParser<ResourceRecord>;

  constructor(private readonly ctx: LegacyContext) {
    this.parse = rowParser(resourceRowSchema, toResourceRecord, ctx.cityCode);
  }

  /**
   * The legacy list orders only by its own id (not the contract's global id) and knows no distances,
   * so the filtered list is read whole and ordered here; with `near`, each record gets `distanceKm`
   * (haversine rounded to metres, as the SQL stores compute it) before the radius filter and the order.
   */
  async listResources(query: ListQuery<ResourceFilter>): Promise<ListResult<ResourceRecord>> {
    const { category, near, search } = query.filter;
    const request = {
      path: '/api/v1/wz/list',
      params: { wzlb: category === undefined ? undefined : WZLB.codeOf(category), keyword: search },
      operation: 'resources list',
      parse: this.parse,
    };
    if (near === undefined) return listLegacy(this.ctx, { orders: {}, scanned: ['id'] }, request, query);
    if (query.sort.field !== 'id' && query.sort.field !== 'distanceKm') {
      throw new TypeError(`resources list cannot be sorted by ${JSON.stringify(query.sort.field)}; known: id, distanceKm`);
    }
    this.ctx.client.assertOpen(request.operation);
    if (matchesNothing(request.params)) return { items: [], totalCount: 0 };
    const { point, radiusKm } = near;
    const placed = (await scanLegacyList(this.ctx, request))
      .map((r) => ({ ...r, distanceKm: haversineKm(r.location.longitude, r.location.latitude, point.longitude, point.latitude) as number }))
      .filter((r) => r.distanceKm <= radiusKm);
    return { items: keysetSlice(placed, query.sort, query.after, query.limit), totalCount: placed.length };
  }

  resourcesByIds(ids: readonly string[]): Promise<ReadonlyArray<ResourceRecord | null>> {
    return fetchByIds(this.ctx, { path: '/api/v1/wz/batch', type: 'EmergencyResource', operation: 'resources by id', parse: this.parse }, ids);
  }
}
