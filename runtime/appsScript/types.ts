/**
 * The faces the spreadsheet model's objects show each other, as interfaces the classes
 * implement: a range needs these of its sheet, a sheet these of its spreadsheet, so neither
 * module imports the class above it (Spreadsheet → Sheet → Range stays one direction).
 */
import type { MetadataHost } from './developerMetadata.ts';
import type { Env } from './env.ts';
import type { UiRecorder } from './ui.ts';

/** A string written as a value that Sheets turned into a formula. */
export interface FormulaWrite {
  sheet: string;
  a1: string;
  text: string;
  method: string;
}

/** What every sheet of one spreadsheet shares with it. */
export interface SpreadsheetContext {
  env: Env;
  ui: UiRecorder;
  /** Strings written as values that Sheets turns into formulas (formula injection evidence). */
  formulaWrites: FormulaWrite[];
}

/** What a sheet (and a range through it) sees of its spreadsheet. */
export interface SpreadsheetLike {
  readonly name: string;
  timeZoneInternal: string;
  activeSheetInternal: SheetLike | null;
  /** The script project running in it (what PROJECT-visible developer metadata compares). */
  readonly projectId: string;
  nextMetadataId(): number;
  findSheet(name: string): SheetLike | null;
  sheetList(): readonly SheetLike[];
}

/**
 * What a range sees of its sheet beyond the cells (those are the sheet's SheetGrid), and so
 * what `range.getSheet()` is typed as: the sheet's identity and state.
 */
export interface SheetLike {
  readonly sheetId: number;
  readonly sheetName: string;
  readonly parent: SpreadsheetLike;
  deleted: boolean;
  merges: string[];
  borders: { a1: string; args: unknown[] }[];
  getName(): string;
  getSheetId(): number;
  isSheetHidden(): boolean;
  /** Where the sheet keeps its developer metadata (a range marks whole columns through it). */
  metadataHostInternal(): MetadataHost;
}

/** A range as a rule keeps it (the source of a list-from-range validation). */
export interface RangeLike {
  readonly sheet: SheetLike;
  readonly row: number;
  readonly col: number;
  readonly numRows: number;
  readonly numCols: number;
  a1Internal(): string;
}
