/** The spreadsheet-folder adapter (510500 泸州市's xlsx/csv exports) (its writer is a development tool: devtools/seeder). */
export { openSpreadsheetBureauSource, SpreadsheetBureauSource } from './SpreadsheetBureauSource.ts';
export type { ReloadOutcome, SpreadsheetSourceContext, SpreadsheetSourceOptions } from './SpreadsheetBureauSource.ts';
export type { SheetProblem } from './SheetProblem.ts';
export { describeProblem, SpreadsheetLoadError } from './SheetProblem.ts';
