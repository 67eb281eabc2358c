import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CitySourceError } from '../../../../subgraphs/kit/CitySourceError.ts';
import { CITY } from '../../../fixtures/bureauRecords.ts';
import type { ContractContext, OpenedBureauSource } from '../sharedAdapterSuite.ts';

/** Statement text, quoted identifiers, URLs and hosts: what must stay in `cause`, never shown to
 * clients. */
const LEAKS = /\bselect\b|\binsert\b|\bwhere\b|["`]|:\/\/|127\.0\.0\.1|localhost/i;

async function caught(run: () => Promise<unknown>): Promise<CitySourceError> {
  try {
    await run();
  } catch (error) {
    expect(error).toBeInstanceOf(CitySourceError);
    return error as CitySourceError;
  }
  throw new Error('expected a CitySourceError');
}

/** Health, and failure as CitySourceError (never a driver error, never statement text or hosts in the message). */
export function describeFailures({ store, openSource }: ContractContext): void {
  describe('health and failures', () => {
    let broken: OpenedBureauSource | undefined;
    beforeAll(async () => {
      broken = await openSource({});
      await broken.source.close();
    });
    afterAll(async () => { await broken?.close(); });

    it('answers health() while the store works', async () => {
      await expect(store().source.health()).resolves.toBeUndefined();
    });

    it('rejects with a CitySourceError naming the bureau, without statement text, for every port and health() once the source is closed', async () => {
      const source = broken?.source;
      if (source === undefined) throw new Error('the store to break did not open');
      const runs: Array<() => Promise<unknown>> = [
        () => source.health(),
        () => source.projects.list({ filter: { search: 'x' }, sort: { field: 'updatedAt', direction: 'DESC' }, after: null, limit: 3 }),
        () => source.projects.byIds(['x']),
        () => source.monitoring.listStations({ filter: {}, sort: { field: 'code', direction: 'ASC' }, after: null, limit: 3 }),
        () => source.monitoring.latestReadings(['x']),
        () => source.monitoring.readings([{ stationId: 'x', from: 0, to: 1 }]),
        () => source.cases.listCases({ filter: {}, sort: { field: 'filedAt', direction: 'DESC' }, after: null, limit: 3 }),
        () => source.cases.casesByEnterprises(['x']),
        () => source.emergency.listResources({ filter: {}, sort: { field: 'id', direction: 'ASC' }, after: null, limit: 1 }),
      ];
      for (const run of runs) {
        const error = await caught(run);
        expect(error.cityCode).toBe(CITY);
        expect(error.message).not.toMatch(LEAKS);
        expect(error.cause).toBeDefined();
      }
    });
  });
}
