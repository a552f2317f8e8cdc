/**
 * What an .xlsx keeps beside the cells for the runtime: named ranges as the file's defined
 * names, and each sheet's developer metadata (in the state sheet, found again by sheet name
 * and the text of A1).
 */
import type ExcelJS from 'exceljs';
import { columnToLetters, parseA1 } from '../appsScript/a1.ts';
import { isDate } from '../appsScript/format.ts';
import { namedRangeTexts, quotedSheetName, restoreNamedRange } from '../appsScript/namedRanges.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import type { FakeSpreadsheet } from '../appsScript/spreadsheet.ts';
import type { SheetMarks } from './xlsxState.ts';

/** ExcelJS keeps a defined name cell by cell: removes each cell of `text` from `name`. */
function removeDefinedName(wb: ExcelJS.Workbook, name: string, text: string): void {
  const ref = parseA1(text);
  if (ref.sheetName === null || ref.row === null || ref.col === null) return;
  for (let r = ref.row; r <= (ref.endRow ?? ref.row); r++) {
    for (let c = ref.col; c <= (ref.endCol ?? ref.col); c++)
      wb.definedNames.remove(`${quotedSheetName(ref.sheetName)}!$${columnToLetters(c)}$${r}`, name);
  }
}

/** The file's single-range defined names become named ranges; others are left in the file only. */
export function loadDefinedNames(ss: FakeSpreadsheet, wb: ExcelJS.Workbook): Map<string, string> {
  for (const { name, ranges } of wb.definedNames.model) {
    if (ranges.length !== 1) continue;
    try {
      restoreNamedRange(ss.namedRanges, name, ss.rangeInternal(ranges[0]!));
    } catch {
      // a name the model cannot resolve stays in the file as it was
    }
  }
  return namedRangeTexts(ss.namedRanges);
}

/**
 * Writes the run's changes to named ranges onto the file's defined names (others untouched);
 * returns the names as now written.
 */
export function applyDefinedNames(
  wb: ExcelJS.Workbook,
  ss: FakeSpreadsheet,
  before: ReadonlyMap<string, string>,
): Map<string, string> {
  const now = namedRangeTexts(ss.namedRanges);
  for (const [name, text] of before) {
    if (now.get(name) !== text) removeDefinedName(wb, name, text);
  }
  for (const [name, text] of now) {
    if (before.get(name) !== text) wb.definedNames.add(text, name);
  }
  return now;
}

/** The text of A1, how a sheet's marks recognise it when the file is opened again. */
export function a1Fingerprint(sheet: FakeSheet): string {
  const v = sheet.values.get(0, 0);
  return isDate(v) ? v.toISOString() : String(v ?? '');
}

/** Row 1 of a column as text: how a column's mark finds its column again. */
function headerText(sheet: FakeSheet, column: number): string {
  const v = sheet.values.get(0, column - 1);
  return isDate(v) ? v.toISOString() : String(v ?? '');
}

export function marksOf(ss: FakeSpreadsheet): Record<string, SheetMarks> {
  const marks: Record<string, SheetMarks> = {};
  for (const s of ss.sheetList()) {
    if (s.developerMetadata.length === 0) continue;
    marks[s.sheetName] = {
      a1: a1Fingerprint(s),
      items: s.developerMetadata.map((m) =>
        m.column === undefined ? { ...m } : { ...m, header: headerText(s, m.column) },
      ),
    };
  }
  return marks;
}

/**
 * The column a kept column mark belongs to now: its column when row 1 still reads the same there,
 * else the one column whose row 1 reads so (the file's columns were moved in Excel); else none.
 */
function markedColumn(sheet: FakeSheet, column: number, header: string | undefined): number | null {
  if (header === undefined || headerText(sheet, column) === header) return column;
  const found: number[] = [];
  for (let c = 1; c <= sheet.maxColumns; c++) if (headerText(sheet, c) === header) found.push(c);
  return found.length === 1 ? found[0]! : null;
}

/**
 * Puts the kept marks back on the sheets that still have that name and that A1; a column's mark
 * goes back to the column whose header it was saved with (dropped when none, or several, read so).
 */
export function restoreMarks(ss: FakeSpreadsheet, marks: Record<string, SheetMarks>): void {
  for (const [name, m] of Object.entries(marks)) {
    const sheet = ss.findSheet(name);
    if (sheet === null || a1Fingerprint(sheet) !== m.a1) continue;
    for (const { header, ...item } of m.items) {
      if (item.column === undefined) sheet.developerMetadata.push({ ...item });
      else {
        const column = markedColumn(sheet, item.column, header);
        if (column !== null) sheet.developerMetadata.push({ ...item, column });
      }
    }
  }
}
