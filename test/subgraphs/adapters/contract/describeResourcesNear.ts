import { describe, expect, it } from 'vitest';
import type { GeoPoint } from '../../../../subgraphs/kit/model.ts';
import { SUINING, TONGNAN } from '../../../fixtures/bureauRecords.ts';
import type { ContractContext } from '../sharedAdapterSuite.ts';
import { walkList } from './walkList.ts';

/** Independent of the adapters' haversine: the spherical law of cosines, same earth radius. */
function lawOfCosinesKm(a: GeoPoint, b: GeoPoint): number {
  const r = Math.PI / 180;
  const c = Math.sin(a.latitude * r) * Math.sin(b.latitude * r)
    + Math.cos(a.latitude * r) * Math.cos(b.latitude * r) * Math.cos((b.longitude - a.longitude) * r);
  return 6371.0088 * Math.acos(Math.min(1, c));
}

const byDistance = { field: 'distanceKm', direction: 'ASC' } as const;

/** `near`: the radius filter, the distance order (ties by id) and `distanceKm` agree, to the metre. */
export function describeResourcesNear({ data, store }: ContractContext): void {
  const source = () => store().source;

  describe('resources near a point', () => {
    it('gives the 遂宁–潼南 seat distance as 44.762 km, agreeing with an independent formula', async () => {
      const page = await source().emergency.listResources({
        filter: { near: { point: SUINING, radiusKm: 500 }, search: '潼南' }, sort: byDistance, after: null, limit: 10,
      });
      expect(page.items).toHaveLength(1);
      expect(page.items[0]?.distanceKm).toBe(44.762);
      expect(page.items[0]?.distanceKm).toBeCloseTo(lawOfCosinesKm(SUINING, TONGNAN), 3);
    });

    it('lists only resources within the radius, nearest first, each carrying its distance', async () => {
      const page = await source().emergency.listResources({
        filter: { near: { point: SUINING, radiusKm: 12 } }, sort: byDistance, after: null, limit: 10,
      });
      const within = data.resources.filter((r) => lawOfCosinesKm(SUINING, r.location) <= 12);
      expect(page.totalCount).toBe(within.length);
      expect(page.items.map((r) => r.distanceKm)).toEqual([0, 5.56, 11.12, 11.12]);
      for (const r of page.items) expect(r.distanceKm).toBeCloseTo(lawOfCosinesKm(SUINING, r.location), 3);
    });

    it('includes a resource exactly on the radius', async () => {
      const page = await source().emergency.listResources({
        filter: { near: { point: SUINING, radiusKm: 11.12 } }, sort: byDistance, after: null, limit: 10,
      });
      expect(page.items.map((r) => r.distanceKm)).toEqual([0, 5.56, 11.12, 11.12]);
    });

    it.each(['ASC', 'DESC'] as const)('pages by distance %s with limit 3, breaking equal distances by id, without gaps or duplicates', async (direction) => {
      const walked = await walkList((q) => source().emergency.listResources(q),
        { near: { point: SUINING, radiusKm: 100 } }, { field: 'distanceKm', direction });
      const sign = direction === 'ASC' ? 1 : -1;
      const expected = data.resources
        .map((r) => ({ id: r.id, d: Math.round(lawOfCosinesKm(SUINING, r.location) * 1000) / 1000 }))
        .sort((a, b) => sign * (a.d - b.d) || (a.id < b.id ? -1 : 1))
        .map((r) => r.id);
      expect(walked.items.map((r) => r.id)).toEqual(expected);
      const distances = walked.items.map((r) => r.distanceKm ?? -1);
      expect(distances).toEqual([...distances].sort((a, b) => sign * (a - b)));
    });

    it('combines near with the category filter', async () => {
      const page = await source().emergency.listResources({
        filter: { near: { point: SUINING, radiusKm: 30 }, category: 'CONTAINMENT' }, sort: byDistance, after: null, limit: 10,
      });
      expect(page.items.length).toBeGreaterThan(0);
      expect(page.items.every((r) => r.category === 'CONTAINMENT' && (r.distanceKm ?? Infinity) <= 30)).toBe(true);
      expect(page.totalCount).toBe(page.items.length);
    });
  });
}
