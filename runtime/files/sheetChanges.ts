/**
 * What a run changed in each sheet that came from the file, gathered by the write-back since
 * the file was loaded: the package keeps every part of the input that these leave alone
 * (keptPackage.ts).
 */
import type { FakeConditionalFormatRule } from '../appsScript/conditionalFormat.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import type { StreamedSheet } from './xlsxStreamOpen.ts';

/** A conditional-format rule of the file, as the file wrote it (to find it in the sheet's XML). */
export interface FileRule {
  /** The ranges it applies to, as in `sqref`. */
  ref: string;
  /** Its formula (an expression rule) or text (a text-contains rule). */
  formula: string;
}

export interface SheetChanges {
  /** The sheet's name in the file. */
  readonly fileName: string;
  /** Cells (0-based `r,c`) whose content, format, note or validation changed. */
  readonly cells: Set<string>;
  /** Among them, the cells whose content (value, formula, rich text, error) changed. */
  readonly content: Set<string>;

  /** Columns and rows (1-based) whose width, height or hidden state changed. */
  readonly columns: Set<number>;
  readonly rows: Set<number>;
  notes: boolean;
  validations: boolean;
  frozen: boolean;
  tabColor: boolean;
  merges: boolean;
  charts: boolean;
  readonly rulesRemoved: FileRule[];
  readonly rulesAdded: FakeConditionalFormatRule[];
}

export function noChanges(fileName: string): SheetChanges {
  return {
    fileName,
    cells: new Set(),
    content: new Set(),
    columns: new Set(),
    rows: new Set(),
    notes: false,
    validations: false,
    frozen: false,
    tabColor: false,
    merges: false,
    charts: false,
    rulesRemoved: [],
    rulesAdded: [],
  };
}

/** True when the sheet's part (and what hangs on it) is the file's as it was. */
export function unchanged(c: SheetChanges): boolean {
  return (
    c.cells.size === 0 &&
    c.columns.size === 0 &&
    c.rows.size === 0 &&
    !c.notes &&
    !c.validations &&
    !c.frozen &&
    !c.tabColor &&
    !c.merges &&
    !c.charts &&
    c.rulesRemoved.length === 0 &&
    c.rulesAdded.length === 0
  );
}

/** What the run did to the file's sheets: by sheet of the model, and the file's sheets it deleted. */
export interface WorkbookChanges {
  readonly sheets: ReadonlyMap<FakeSheet, SheetChanges>;
  /** Names (in the file) of the sheets the run deleted. */
  readonly removed: ReadonlySet<string>;
  /** The file's sheets read in a stream (their cells are written back from the model). */
  readonly streamed?: ReadonlyMap<FakeSheet, StreamedSheet>;
}
