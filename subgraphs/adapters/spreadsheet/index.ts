/** The spreadsheet-folder adapter (510500 泸州市's xlsx/csv exports) and the writer of that layout. */
export { openSpreadsheetBureauSource, SpreadsheetBureauSource } from './SpreadsheetBureauSource.ts';
export type { ReloadOutcome, SpreadsheetSourceContext, SpreadsheetSourceOptions } from './SpreadsheetBureauSource.ts';
export type { SheetProblem } from './SheetProblem.ts';
export { describeProblem, SpreadsheetLoadError } from './SheetProblem.ts';
export { writeSpreadsheetFolder } from './writeSpreadsheetFolder.ts';
export type { SpreadsheetBureauData, SpreadsheetWriteCounts, SpreadsheetWriteOptions } from './writeSpreadsheetFolder.ts';
