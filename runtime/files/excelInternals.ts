/**
 * The parts of an ExcelJS worksheet its type declarations leave out. Rows and cells are read
 * from ExcelJS's own arrays because its iterators either skip styled empty cells and rows
 * (a filled blank cell, a hidden empty row) or create the missing ones.
 */
import { once } from 'node:events';
import type { Readable } from 'node:stream';
import type ExcelJS from 'exceljs';
import { StreamedSharedStrings } from './sharedStrings.ts';

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

/** The zip's stream (readable-stream, as archiver uses it: no `writableNeedDrain`). */
interface ZipEntryStream extends NodeJS.EventEmitter {
  _writableState?: { needDrain?: boolean };
}

interface StreamedSheet {
  /** ExcelJS's buffer of the sheet's XML, and the streams it pipes into (the zip's). */
  stream?: { pipes?: ZipEntryStream[] };
}

/**
 * Waits until the zip has taken the streamed worksheet's XML written so far. ExcelJS writes
 * into the zip without waiting, so a writer that never waits holds the whole sheet's XML in
 * memory before it is compressed. Before the zip reads the sheet, there is nothing to wait for.
 */
export async function sheetZipDrained(ws: ExcelJS.Worksheet): Promise<void> {
  const zip = (ws as unknown as StreamedSheet).stream?.pipes?.[0];
  if (zip?._writableState?.needDrain) await once(zip, 'drain');
}

interface StreamingWorkbook {
  sharedStrings: StreamedSharedStrings;
  addSharedStrings(): Promise<void>;
  zip: { append(source: Readable, data: { name: string }): void };
}

/** Gives a streaming workbook writer our shared strings table (sharedStrings.ts). */
export function useStreamedSharedStrings(wb: ExcelJS.Workbook): void {
  const writer = wb as unknown as StreamingWorkbook;
  const table = new StreamedSharedStrings();
  writer.sharedStrings = table;
  writer.addSharedStrings = async () => {
    if (table.count > 0) writer.zip.append(table.stream(), { name: 'xl/sharedStrings.xml' });
  };
}
