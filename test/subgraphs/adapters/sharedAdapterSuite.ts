/**
 * ONE behavioural suite for every bureau adapter (SQLite, PostgreSQL, MySQL, and later legacy HTTP,
 * spreadsheet, HJ 212): the list and batch contracts of subgraphs/kit/ports.ts, checked against the
 * same data, so every adapter gives the same answers (SQLite's are the reference).
 *
 * Usage, from a `*.contract.test.ts` file:
 *
 *   describeBureauSourceContract('postgres', async (data) => {
 *     const source = …;            // a BureauSource whose bureau (510900) holds exactly `data`
 *     return { source, close: async () => { … }, countStatements };
 *   });
 *
 * `openSource` is called a few times (the main data set, a larger one for batches, one to break), each
 * time for a fresh, isolated store; it must put every record of `data` (readings through
 * `data.readingsOf`) into the adapter's system and return:
 * - `source`: the adapter under test;
 * - `close()`: releases everything the harness made (connections, throwaway schema); it must also
 *   work after the suite itself called `source.close()`;
 * - `countStatements(run)` (optional): how many round trips to the store `run` made; the batching
 *   tests (one statement per batch) are skipped without it.
 */
import { afterAll, beforeAll, describe } from 'vitest';
import type { BureauData } from '../../../devtools/seeder/writeBureauData.ts';
import type { BureauSource } from '../../../subgraphs/kit/ports.ts';
import { describeBatchLookups } from './contract/describeBatchLookups.ts';
import { describeExpertPersons } from './contract/describeExpertPersons.ts';
import { describeFailures } from './contract/describeFailures.ts';
import { describeFiltersAndSearch } from './contract/describeFiltersAndSearch.ts';
import { describeListPaging } from './contract/describeListPaging.ts';
import { describeReadings } from './contract/describeReadings.ts';
import { describeResourcesNear } from './contract/describeResourcesNear.ts';
import { contractData, type ContractData } from './contract/contractData.ts';

export interface OpenedBureauSource {
  readonly source: BureauSource;
  close(): Promise<void>;
  countStatements?(run: () => Promise<unknown>): Promise<number>;
}

/** Records of bureau 510900 (`CITY` of test/fixtures/bureauRecords.ts), any part of them possibly absent. */
export type OpenBureauSource = (data: BureauData) => Promise<OpenedBureauSource>;

/** What each part of the suite gets: the store over `data`, opened before its tests run. */
export interface ContractContext {
  readonly data: ContractData;
  readonly store: () => OpenedBureauSource;
  readonly openSource: OpenBureauSource;
}

export function describeBureauSourceContract(name: string, openSource: OpenBureauSource): void {
  describe(`${name}: BureauSource contract`, () => {
    const data = contractData();
    let opened: OpenedBureauSource | undefined;
    beforeAll(async () => { opened = await openSource(data); });
    afterAll(async () => { await opened?.close(); });
    const context: ContractContext = {
      data,
      openSource,
      store: () => {
        if (opened === undefined) throw new Error(`${name}: the store did not open (see beforeAll)`);
        return opened;
      },
    };
    describeListPaging(context);
    describeFiltersAndSearch(context);
    describeReadings(context);
    describeResourcesNear(context);
    describeBatchLookups(context);
    describeExpertPersons(context);
    describeFailures(context);
  });
}
