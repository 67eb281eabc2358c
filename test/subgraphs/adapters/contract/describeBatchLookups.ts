import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeGlobalId } from '../../../../schema/globalId.ts';
import { CITY, ENTERPRISE_A, ENTERPRISE_B, ENTERPRISE_UNKNOWN, project } from '../../../fixtures/bureauRecords.ts';
import type { ContractContext, OpenedBureauSource } from '../sharedAdapterSuite.ts';

const missing = (type: 'Project' | 'Station' | 'EnforcementCase' | 'JointPatrol' | 'EmergencyResource') =>
  encodeGlobalId(type, CITY, 'NOPE');

/**
 * The batch contract (DataLoader's): one result per key in input order, null or [] for unknown keys;
 * and, where the harness counts statements, one statement per batch however many keys.
 */
export function describeBatchLookups({ data, openSource }: ContractContext): void {
  // 300 more projects, so that a 300-id batch finds real rows; a store of its own so the other
  // parts keep their counts.
  const many = Array.from({ length: 300 }, (_, i) => project(100 + i));
  let opened: OpenedBureauSource | undefined;
  const store = () => {
    if (opened === undefined) throw new Error('the batch store did not open');
    return opened;
  };
  const source = () => store().source;

  describe('batch lookups', () => {
    beforeAll(async () => { opened = await openSource({ ...data, projects: [...data.projects, ...many] }); });
    afterAll(async () => { await opened?.close(); });

    it('returns one project per id in input order, null for unknown ids, repeats included', async () => {
      const [a, b] = [data.projects[7], data.projects[2]];
      const result = await source().projects.byIds([a?.id ?? '', missing('Project'), b?.id ?? '', a?.id ?? '']);
      expect(result.map((p) => p?.id ?? null)).toEqual([a?.id, null, b?.id, a?.id]);
    });

    it('keeps input order and nulls for stations, cases, patrols and resources', async () => {
      const s = await source().monitoring.stationsByIds([data.stations[5]?.id ?? '', missing('Station'), data.stations[0]?.id ?? '']);
      expect(s.map((x) => x?.id ?? null)).toEqual([data.stations[5]?.id, null, data.stations[0]?.id]);
      const c = await source().cases.casesByIds([missing('EnforcementCase'), data.cases[4]?.id ?? '']);
      expect(c.map((x) => x?.id ?? null)).toEqual([null, data.cases[4]?.id]);
      const j = await source().cases.patrolsByIds([data.patrols[6]?.id ?? '', data.patrols[1]?.id ?? '']);
      expect(j.map((x) => x?.id ?? null)).toEqual([data.patrols[6]?.id, data.patrols[1]?.id]);
      const r = await source().emergency.resourcesByIds([data.resources[3]?.id ?? '', missing('EmergencyResource')]);
      expect(r.map((x) => x?.id ?? null)).toEqual([data.resources[3]?.id, null]);
    });

    it('matches ids exactly: another case or a trailing space is an unknown id', async () => {
      const id = data.projects[0]?.id ?? '';
      const result = await source().projects.byIds([`${id} `, id.toLowerCase() === id ? id.toUpperCase() : id.toLowerCase()]);
      expect(result).toEqual([null, null]);
    });

    it('answers empty batches with empty results', async () => {
      expect(await source().projects.byIds([])).toEqual([]);
      expect(await source().cases.casesByEnterprises([])).toEqual([]);
      expect(await source().monitoring.readings([])).toEqual([]);
    });

    it('gives cases per enterprise newest first, and [] for an enterprise without cases', async () => {
      const [b, unknown, a] = await source().cases.casesByEnterprises([ENTERPRISE_B, ENTERPRISE_UNKNOWN, ENTERPRISE_A]);
      const newestFirst = (code: string) => data.cases.filter((c) => c.enterpriseCreditCode === code)
        .sort((x, y) => y.filedAt - x.filedAt || (x.id < y.id ? -1 : 1)).map((c) => c.id);
      expect(b?.map((c) => c.id)).toEqual(newestFirst(ENTERPRISE_B));
      expect(unknown).toEqual([]);
      expect(a?.map((c) => c.id)).toEqual(newestFirst(ENTERPRISE_A));
    });

    it('gives pollution-source stations per enterprise', async () => {
      const result = await source().monitoring.stationsByEnterprises([ENTERPRISE_UNKNOWN, ENTERPRISE_B, ENTERPRISE_A]);
      expect(result.map((list) => list.map((s) => s.code))).toEqual([[], ['510900320002'], ['510900320001']]);
    });

    it('answers an empty batch without touching the store', async (ctx) => {
      const { countStatements } = store();
      if (countStatements === undefined) return ctx.skip();
      expect(await countStatements(() => source().projects.byIds([]))).toBe(0);
    });

    it('uses as many statements for 300 ids as for 1', async (ctx) => {
      const { countStatements } = store();
      if (countStatements === undefined) return ctx.skip();
      const one = await countStatements(() => source().projects.byIds([many[0]?.id ?? '']));
      let found = 0;
      const three = await countStatements(async () => {
        found = (await source().projects.byIds(many.map((p) => p.id))).filter((p) => p !== null).length;
      });
      expect(one).toBe(1);
      expect(three).toBe(1);
      expect(found).toBe(300);
    });

    it('uses one statement per batch for every batch method', async (ctx) => {
      const { countStatements } = store();
      if (countStatements === undefined) return ctx.skip();
      const stationIds = data.stations.map((s) => s.id);
      const counts = [
        await countStatements(() => source().monitoring.stationsByIds(stationIds)),
        await countStatements(() => source().monitoring.stationsByEnterprises([ENTERPRISE_A, ENTERPRISE_B])),
        await countStatements(() => source().monitoring.latestReadings(stationIds)),
        await countStatements(() => source().monitoring.readings(stationIds.map((stationId) => ({ stationId, from: 0, to: 2e12 })))),
        await countStatements(() => source().cases.casesByIds(data.cases.map((c) => c.id))),
        await countStatements(() => source().cases.casesByEnterprises([ENTERPRISE_A, ENTERPRISE_B, ENTERPRISE_UNKNOWN])),
        await countStatements(() => source().cases.patrolsByIds(data.patrols.map((p) => p.id))),
        await countStatements(() => source().emergency.resourcesByIds(data.resources.map((r) => r.id))),
      ];
      expect(counts).toEqual([1, 1, 1, 1, 1, 1, 1, 1]);
    });

    it('splits a batch above 500 keys into IN lists of at most 500', async (ctx) => {
      const { countStatements } = store();
      if (countStatements === undefined) return ctx.skip();
      const ids = Array.from({ length: 1200 }, (_, i) => encodeGlobalId('Project', CITY, `X${i}`));
      expect(await countStatements(() => source().projects.byIds(ids))).toBe(3);
    });
  });
}
