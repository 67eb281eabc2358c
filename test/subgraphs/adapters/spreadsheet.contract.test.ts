/**
 * The spreadsheet-folder adapter against the shared adapter suite: each data set is written as the
 * bureau's folder of exports (writeSpreadsheetFolder) and read back by the adapter, so every answer
 * has been through CSV and xlsx. No `countStatements`: the adapter answers from memory.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openSpreadsheetBureauSource } from '../../../subgraphs/adapters/spreadsheet/SpreadsheetBureauSource.ts';
import { writeSpreadsheetFolder } from '../../../devtools/seeder/writeSpreadsheetFolder.ts';
import { CITY } from '../../fixtures/bureauRecords.ts';
import { describeBureauSourceContract } from './sharedAdapterSuite.ts';

describeBureauSourceContract('spreadsheet', async (data) => {
  const dir = mkdtempSync(join(tmpdir(), 'spreadsheet-contract-'));
  await writeSpreadsheetFolder(dir, data);
  const source = await openSpreadsheetBureauSource({ dir, cityCode: CITY, watch: false }, { log: () => {} });
  return {
    source,
    close: async () => {
      await source.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
});
