/**
 * The parts of an ExcelJS worksheet its type declarations leave out. Rows and cells are read
 * from ExcelJS's own arrays because its iterators either skip styled empty cells and rows
 * (a filled blank cell, a hidden empty row) or create the missing ones.
 */
import type ExcelJS from 'exceljs';

interface WorksheetInternals {
  dataValidations: {
    model: Record<string, ExcelJS.DataValidation | undefined>;
    add(address: string, validation: ExcelJS.DataValidation): void;
    remove(address: string): void;
  };
  conditionalFormattings: ExcelJS.ConditionalFormattingOptions[];
  _merges: Record<string, { range: string } | undefined>;
  _rows: (ExcelJS.Row | undefined)[];
  orderNo: number;
}

function internals(ws: ExcelJS.Worksheet): WorksheetInternals {
  return ws as unknown as WorksheetInternals;
}

export function dataValidations(ws: ExcelJS.Worksheet): WorksheetInternals['dataValidations'] {
  return internals(ws).dataValidations;
}

export function conditionalFormattings(
  ws: ExcelJS.Worksheet,
): ExcelJS.ConditionalFormattingOptions[] {
  const cfs = internals(ws).conditionalFormattings;
  return Array.isArray(cfs) ? cfs : [];
}

export function setConditionalFormattings(
  ws: ExcelJS.Worksheet,
  cfs: ExcelJS.ConditionalFormattingOptions[],
): void {
  internals(ws).conditionalFormattings = cfs;
}

/** The merged areas, as A1 texts ('A1:D1'). */
export function mergedAreas(ws: ExcelJS.Worksheet): string[] {
  const merges = internals(ws)._merges ?? {};
  return Object.values(merges)
    .map((m) => m?.range)
    .filter((r): r is string => typeof r === 'string');
}

/** The rows ExcelJS holds (with values, a style, a height or hidden). */
export function existingRows(ws: ExcelJS.Worksheet): ExcelJS.Row[] {
  const rows = internals(ws)._rows;
  return Array.isArray(rows) ? rows.filter((r): r is ExcelJS.Row => r !== undefined) : [];
}

/** The cells a row holds, styled empty cells included, without creating any. */
export function existingCells(row: ExcelJS.Row): ExcelJS.Cell[] {
  const cells = (row as unknown as { _cells?: unknown })._cells;
  return Array.isArray(cells)
    ? (cells as (ExcelJS.Cell | undefined)[]).filter((c): c is ExcelJS.Cell => c !== undefined)
    : [];
}

/** Places a worksheet in the workbook's tab order (ExcelJS sorts the tabs by this number). */
export function setTabOrder(ws: ExcelJS.Worksheet, position: number): void {
  internals(ws).orderNo = position;
}
