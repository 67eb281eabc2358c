import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SortSpec } from '../../../../subgraphs/kit/ports.ts';
import { sampleBureauData } from '../../../fixtures/bureauRecords.ts';
import { openTestBureau } from '../../../fixtures/openTestStores.ts';
import { expectedOrder, walkList } from './walkList.ts';

const data = sampleBureauData();
let store: Awaited<ReturnType<typeof openTestBureau>>;
beforeAll(async () => { store = await openTestBureau(data); });
afterAll(async () => { await store.source.close(); });

const directions = ['DESC', 'ASC'] as const;

describe('keyset paging with limit 3', () => {
  it.each(directions)('walks projects by updatedAt %s in exact order, ties broken by id, without gaps or duplicates', async (direction) => {
    const sort: SortSpec = { field: 'updatedAt', direction };
    const walked = await walkList((q) => store.source.projects.list(q), {}, sort);
    expect(walked.items.map((p) => p.id)).toEqual(expectedOrder(data.projects, sort));
    expect(walked.totalCounts.every((n) => n === data.projects.length)).toBe(true);
    expect(walked.pages).toBe(4);
  });

  it.each(directions)('walks stations by code %s, including two stations with the same code', async (direction) => {
    const sort: SortSpec = { field: 'code', direction };
    const walked = await walkList((q) => store.source.monitoring.listStations(q), {}, sort);
    expect(walked.items.map((s) => s.id)).toEqual(expectedOrder(data.stations, sort));
  });

  it.each(directions)('walks cases by filedAt %s across a three-way tie', async (direction) => {
    const sort: SortSpec = { field: 'filedAt', direction };
    const walked = await walkList((q) => store.source.cases.listCases(q), {}, sort);
    expect(walked.items.map((c) => c.id)).toEqual(expectedOrder(data.cases, sort));
  });

  it.each(directions)('walks patrols by startedAt %s', async (direction) => {
    const sort: SortSpec = { field: 'startedAt', direction };
    const walked = await walkList((q) => store.source.cases.listPatrols(q), {}, sort);
    expect(walked.items.map((p) => p.id)).toEqual(expectedOrder(data.patrols, sort));
  });

  it.each(directions)('walks resources by id %s', async (direction) => {
    const sort: SortSpec = { field: 'id', direction };
    const walked = await walkList((q) => store.source.emergency.listResources(q), {}, sort);
    expect(walked.items.map((r) => r.id)).toEqual(expectedOrder(data.resources, sort));
  });

  it('walks a filtered list (status COMPLETED) and reports the filtered totalCount on every page', async () => {
    const sort: SortSpec = { field: 'updatedAt', direction: 'DESC' };
    const completed = data.projects.filter((p) => p.status === 'COMPLETED');
    const walked = await walkList((q) => store.source.projects.list(q), { status: 'COMPLETED' as const }, sort, 2);
    expect(walked.items.map((p) => p.id)).toEqual(expectedOrder(completed, sort));
    expect(new Set(walked.totalCounts)).toEqual(new Set([completed.length]));
  });

  it('starts strictly after a position whose record does not exist (keyset, not offset)', async () => {
    const sort: SortSpec = { field: 'updatedAt', direction: 'DESC' };
    const order = expectedOrder(data.projects, sort);
    const third = data.projects.find((p) => p.id === order[2]);
    const page = await store.source.projects.list({
      filter: {}, sort, limit: 100, after: { value: third?.updatedAt ?? 0, id: `${order[2]}` },
    });
    expect(page.items.map((p) => p.id)).toEqual(order.slice(3));
    expect(page.totalCount).toBe(data.projects.length);
  });

  it('returns no items but the totalCount for limit 0', async () => {
    const page = await store.source.cases.listCases({ filter: {}, sort: { field: 'filedAt', direction: 'DESC' }, after: null, limit: 0 });
    expect(page).toEqual({ items: [], totalCount: data.cases.length });
  });

  it('throws a TypeError for a sort field the list does not know', async () => {
    await expect(store.source.projects.list({ filter: {}, sort: { field: 'name', direction: 'ASC' }, after: null, limit: 3 }))
      .rejects.toThrow(TypeError);
    // distanceKm exists only with `near`.
    await expect(store.source.emergency.listResources({ filter: {}, sort: { field: 'distanceKm', direction: 'ASC' }, after: null, limit: 3 }))
      .rejects.toThrow(TypeError);
    await expect(store.source.cases.listCases({ filter: {}, sort: { field: 'constructor', direction: 'ASC' }, after: null, limit: 3 }))
      .rejects.toThrow(TypeError);
  });
});
