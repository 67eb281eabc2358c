import { describe, expect, it } from 'vitest';
import type { SortSpec } from '../../../../subgraphs/kit/ports.ts';
import type { ContractContext } from '../sharedAdapterSuite.ts';
import { expectedOrder, walkList } from './walkList.ts';

const directions = ['DESC', 'ASC'] as const;

/** Keyset paging: exact order with ties broken by id (byte order), no gaps or duplicates, totalCount on every page. */
export function describeListPaging({ data, store }: ContractContext): void {
  const source = () => store().source;

  describe('keyset paging with limit 3', () => {
    it.each(directions)('walks projects by updatedAt %s in exact order, ties broken by id, without gaps or duplicates', async (direction) => {
      const sort: SortSpec = { field: 'updatedAt', direction };
      const walked = await walkList((q) => source().projects.list(q), {}, sort);
      expect(walked.items.map((p) => p.id)).toEqual(expectedOrder(data.projects, sort));
      expect(walked.totalCounts.every((n) => n === data.projects.length)).toBe(true);
      expect(walked.pages).toBe(4);
    });

    it.each(directions)('walks projects by the doubles investmentWanYuan and progressPercent %s, ties included', async (direction) => {
      for (const field of ['investmentWanYuan', 'progressPercent']) {
        const sort: SortSpec = { field, direction };
        const walked = await walkList((q) => source().projects.list(q), {}, sort);
        expect(walked.items.map((p) => p.id)).toEqual(expectedOrder(data.projects, sort));
      }
    });

    it.each(directions)('walks stations by code %s, including two stations with the same code', async (direction) => {
      const sort: SortSpec = { field: 'code', direction };
      const walked = await walkList((q) => source().monitoring.listStations(q), {}, sort);
      expect(walked.items.map((s) => s.id)).toEqual(expectedOrder(data.stations, sort));
    });

    it.each(directions)('walks cases by filedAt %s across a three-way tie', async (direction) => {
      const sort: SortSpec = { field: 'filedAt', direction };
      const walked = await walkList((q) => source().cases.listCases(q), {}, sort);
      expect(walked.items.map((c) => c.id)).toEqual(expectedOrder(data.cases, sort));
    });

    it.each(directions)('walks cases by caseNumber %s in code point order (B before b, 潼 before 遂), whatever the locale', async (direction) => {
      const sort: SortSpec = { field: 'caseNumber', direction };
      const walked = await walkList((q) => source().cases.listCases(q), {}, sort);
      expect(walked.items.map((c) => c.id)).toEqual(expectedOrder(data.cases, sort));
      const numbers = walked.items.map((c) => c.caseNumber);
      const ascending = direction === 'ASC' ? numbers : [...numbers].reverse();
      expect(ascending.slice(0, 3)).toEqual(['B-2024-6', 'b-2024-5', '潼环罚〔2024〕2号']);
    });

    it.each(directions)('walks patrols by startedAt %s', async (direction) => {
      const sort: SortSpec = { field: 'startedAt', direction };
      const walked = await walkList((q) => source().cases.listPatrols(q), {}, sort);
      expect(walked.items.map((p) => p.id)).toEqual(expectedOrder(data.patrols, sort));
    });

    it.each(directions)('walks resources by id %s', async (direction) => {
      const sort: SortSpec = { field: 'id', direction };
      const walked = await walkList((q) => source().emergency.listResources(q), {}, sort);
      expect(walked.items.map((r) => r.id)).toEqual(expectedOrder(data.resources, sort));
    });

    it('walks a filtered list (status COMPLETED) and reports the filtered totalCount on every page', async () => {
      const sort: SortSpec = { field: 'updatedAt', direction: 'DESC' };
      const completed = data.projects.filter((p) => p.status === 'COMPLETED');
      const walked = await walkList((q) => source().projects.list(q), { status: 'COMPLETED' as const }, sort, 2);
      expect(walked.items.map((p) => p.id)).toEqual(expectedOrder(completed, sort));
      expect(new Set(walked.totalCounts)).toEqual(new Set([completed.length]));
    });

    it('starts strictly after a position whose record does not exist (keyset, not offset)', async () => {
      const sort: SortSpec = { field: 'updatedAt', direction: 'DESC' };
      const order = expectedOrder(data.projects, sort);
      const third = data.projects.find((p) => p.id === order[2]);
      const page = await source().projects.list({
        filter: {}, sort, limit: 100, after: { value: third?.updatedAt ?? 0, id: `${order[2]}` },
      });
      expect(page.items.map((p) => p.id)).toEqual(order.slice(3));
      expect(page.totalCount).toBe(data.projects.length);
    });

    it('returns no items but the totalCount for limit 0', async () => {
      const page = await source().cases.listCases({ filter: {}, sort: { field: 'filedAt', direction: 'DESC' }, after: null, limit: 0 });
      expect(page).toEqual({ items: [], totalCount: data.cases.length });
    });

    it('throws a TypeError for a sort field the list does not know', async () => {
      await expect(source().projects.list({ filter: {}, sort: { field: 'name', direction: 'ASC' }, after: null, limit: 3 }))
        .rejects.toThrow(TypeError);
      // distanceKm exists only with `near`.
      await expect(source().emergency.listResources({ filter: {}, sort: { field: 'distanceKm', direction: 'ASC' }, after: null, limit: 3 }))
        .rejects.toThrow(TypeError);
      await expect(source().cases.listCases({ filter: {}, sort: { field: 'constructor', direction: 'ASC' }, after: null, limit: 3 }))
        .rejects.toThrow(TypeError);
    });
  });
}
