/**
 * The write-back of a sheet read in a stream (xlsxStreamOpen.ts). ExcelJS holds only the cells
 * it read itself (formulas, links, notes, merged areas); every other cell is in the model only.
 * So the run's changes to the sheet's cells are not found against a copy of the sheet taken at
 * load (as large as the sheet): on save, each row of the model is compared with the file's row
 * read again (streamedSplice.ts). Here, on each apply, only what the package takes from
 * ExcelJS's output is written onto ExcelJS's worksheet: notes, validations, and the content of
 * the cells ExcelJS holds or that now hold a link (the sheet's links are its output's).
 */
import type ExcelJS from 'exceljs';
import { a1Notation } from '../appsScript/a1.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import { existingCells, existingRows } from './excelInternals.ts';
import type { SheetChanges } from './sheetChanges.ts';
import { changedCells, copyRows, type Rows, same } from './writeBackSheet.ts';
import { type CellContent, contentAt, writeContent, XLSX_ATTRIBUTES } from './xlsxCells.ts';
import { writeValidation } from './xlsxSheet.ts';

/** What the last apply left of a streamed sheet, to find what the run changed since. */
export interface StreamedCells {
  notes: Rows;
  validations: Rows;
  richTexts: Rows;
  /** The content of the cells ExcelJS holds (`r,c`, 0-based). */
  held: Map<string, CellContent>;
}

/** The cells ExcelJS holds for the sheet (0-based `r,c`). */
export function heldCells(ws: ExcelJS.Worksheet): string[] {
  const keys: string[] = [];
  for (const row of existingRows(ws))
    for (const cell of existingCells(row)) keys.push(`${row.number - 1},${Number(cell.col) - 1}`);
  return keys;
}

export function streamedCells(sheet: FakeSheet, ws: ExcelJS.Worksheet): StreamedCells {
  const held = new Map<string, CellContent>();
  for (const key of heldCells(ws)) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    held.set(key, contentAt(sheet, r, c));
  }
  return {
    notes: copyRows(sheet.notes),
    validations: copyRows(sheet.validations),
    richTexts: copyRows(sheet.richTexts),
    held,
  };
}

function sameContent(a: CellContent, b: CellContent): boolean {
  return (
    same(a.value, b.value) &&
    a.formula === b.formula &&
    a.rich === b.rich &&
    a.error === b.error &&
    a.spill === b.spill
  );
}

function cellAt(ws: ExcelJS.Worksheet, key: string): ExcelJS.Cell {
  const [r, c] = key.split(',').map(Number) as [number, number];
  return ws.findCell(r + 1, c + 1) ?? ws.getCell(r + 1, c + 1);
}

/** Writes what the run changed since `before` onto ExcelJS's worksheet (see the file's comment). */
export function applyStreamedCells(
  ws: ExcelJS.Worksheet,
  sheet: FakeSheet,
  before: StreamedCells,
  zone: string,
  record: SheetChanges,
): void {
  const notes = new Set<string>();
  changedCells(sheet, sheet.notes, before.notes, notes);
  const writeNote = XLSX_ATTRIBUTES.find((a) => a.layer(sheet) === sheet.notes)!.write;
  for (const key of notes) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    writeNote(cellAt(ws, key), sheet.notes.get(r, c));
  }
  if (notes.size > 0) record.notes = true;
  const validations = new Set<string>();
  changedCells(sheet, sheet.validations, before.validations, validations);
  for (const key of validations) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    writeValidation(ws, a1Notation(r + 1, c + 1, 1, 1), sheet.validations.get(r, c));
  }
  if (validations.size > 0) record.validations = true;
  const content = new Set<string>();
  changedCells(sheet, sheet.richTexts, before.richTexts, content);
  for (const key of content) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const rich = sheet.richTexts.get(r, c);
    if (rich?.runs.some((run) => run.link !== null) && !before.held.has(key))
      writeContent(cellAt(ws, key), contentAt(sheet, r, c), zone);
  }
  for (const [key, was] of before.held) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const now = contentAt(sheet, r, c);
    if (!sameContent(now, was)) writeContent(cellAt(ws, key), now, zone);
  }
}
