/**
 * A whole spreadsheet written from the model through ExcelJS's streaming writer: each row is
 * built, written and let go in order, so the memory a save needs does not grow with the rows
 * (the in-memory ExcelJS workbook costs about 260 bytes a cell). Used for CSV inputs and
 * `saveWorkbook`; the charts are added to the package afterwards (xlsxCharts.ts).
 */
import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { parseA1 } from '../appsScript/a1.ts';
import type { Layer } from '../appsScript/grid.ts';
import { namedRangeTexts } from '../appsScript/namedRanges.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import type { FakeSpreadsheet } from '../appsScript/spreadsheet.ts';
import { sheetZipDrained, useStreamedSharedStrings } from './excelInternals.ts';
import {
  argb,
  clearStyle,
  contentAt,
  writeContent,
  writeNumberFormat,
  XLSX_ATTRIBUTES,
} from './xlsxCells.ts';
import { writeColumnWidth, writeMergesAndRules, writeValidation } from './xlsxSheet.ts';
import { freeStateName, stateRows, type WorkbookState } from './xlsxState.ts';
import { pointsFromPx } from './xlsxUnits.ts';

/** A date the file holds in place of a cell's text (a CSV's date columns): wall time, format. */
export type DateCell = (r: number, c: number) => { wallMs: number; numFmt: string } | null;

export interface WholeWorkbook {
  ss: FakeSpreadsheet;
  state: WorkbookState;
  /** Dates written in place of some cells' text, by sheet. */
  dates?: ReadonlyMap<FakeSheet, DateCell>;
  /** Sheets printed landscape, one page wide (see SaveHooks.fitToWidth). */
  fitToWidth?: readonly string[];
}

/** Landscape, one page wide, as long as it needs: how a wide report prints. */
export const FIT_TO_WIDTH: Partial<ExcelJS.PageSetup> = {
  orientation: 'landscape',
  fitToPage: true,
  fitToWidth: 1,
  fitToHeight: 0,
};

function sheetOptions(sheet: FakeSheet, fit: boolean): Partial<ExcelJS.AddWorksheetOptions> {
  const frozen = sheet.frozenRows > 0 || sheet.frozenColumns > 0;
  return {
    ...(fit ? { pageSetup: FIT_TO_WIDTH } : {}),
    state: sheet.hidden ? 'hidden' : 'visible',
    properties: sheet.tabColor ? { tabColor: { argb: argb(sheet.tabColor) } } : {},
    views: frozen
      ? [{ state: 'frozen', xSplit: sheet.frozenColumns, ySplit: sheet.frozenRows }]
      : [],
  };
}

/** The cells hidden under a merged area (all but its top-left cell), as `r,c` (0-based). */
function mergedAway(sheet: FakeSheet): Set<string> {
  const away = new Set<string>();
  for (const a1 of sheet.merges) {
    const ref = parseA1(a1);
    const [r0, c0] = [(ref.row ?? 1) - 1, (ref.col ?? 1) - 1];
    for (let r = r0; r <= (ref.endRow ?? r0 + 1) - 1; r++)
      for (let c = c0; c <= (ref.endCol ?? c0 + 1) - 1; c++)
        if (r !== r0 || c !== c0) away.add(`${r},${c}`);
  }
  return away;
}

function isSet(layer: Layer<unknown>, r: number, c: number): boolean {
  const v = layer.rows[r]?.[c];
  return v !== undefined && v !== layer.blank && !Number.isNaN(v);
}

/** The columns (0-based) of row `r` that hold anything in one of the layers. */
function usedColumns(layers: readonly Layer<unknown>[], r: number): number[] {
  let width = 0;
  for (const layer of layers) width = Math.max(width, layer.rows[r]?.length ?? 0);
  const used: number[] = [];
  for (let c = 0; c < width; c++) if (layers.some((layer) => isSet(layer, r, c))) used.push(c);
  return used;
}

function lastRow(sheet: FakeSheet, layers: readonly Layer<unknown>[]): number {
  let last = 0;
  for (const layer of layers) last = Math.max(last, layer.rows.length);
  for (const row of sheet.rowHeights.keys()) last = Math.max(last, row);
  for (const row of sheet.hiddenRows) last = Math.max(last, row);
  return last;
}

interface SheetWrite {
  ws: ExcelJS.Worksheet;
  sheet: FakeSheet;
  zone: string;
  date: DateCell | undefined;
}

function writeCell(w: SheetWrite, row: ExcelJS.Row, r: number, c: number): void {
  const cell = row.getCell(c + 1);
  clearStyle(cell);
  for (const a of XLSX_ATTRIBUTES) {
    const layer = a.layer(w.sheet);
    const v = layer.get(r, c);
    if (v !== layer.blank) a.write(cell, v);
  }
  const rule = w.sheet.validations.get(r, c);
  if (rule !== null) writeValidation(w.ws, cell.address, rule);
  const date = typeof w.sheet.values.get(r, c) === 'string' ? w.date?.(r, c) : null;
  if (!date) writeContent(cell, contentAt(w.sheet, r, c), w.zone);
  else {
    cell.value = new Date(date.wallMs);
    writeNumberFormat(cell, date.numFmt);
  }
}

/** Rows written between two waits for the zip to take what was written. */
const ROWS_PER_WAIT = 500;
async function writeRows(w: SheetWrite): Promise<void> {
  const { sheet } = w;
  const layers = [
    sheet.values,
    sheet.formulas,
    sheet.errors,
    sheet.richTexts,
    sheet.validations,
    ...XLSX_ATTRIBUTES.map((a) => a.layer(sheet)),
  ] as Layer<unknown>[];
  const away = mergedAway(sheet);
  const rows = lastRow(sheet, layers);
  for (let r = 0; r < rows; r++) {
    const used = usedColumns(layers, r);
    const height = sheet.rowHeights.get(r + 1);
    const hidden = sheet.hiddenRows.has(r + 1);
    if (used.length === 0 && height === undefined && !hidden) continue;
    const row = w.ws.getRow(r + 1);
    if (height !== undefined) row.height = pointsFromPx(height);
    if (hidden) row.hidden = true;
    for (const c of used) if (!away.has(`${r},${c}`)) writeCell(w, row, r, c);
    row.commit();
    if (r % ROWS_PER_WAIT === 0) await sheetZipDrained(w.ws);
  }
}

async function writeSheet(
  wb: ExcelJS.Workbook,
  sheet: FakeSheet,
  zone: string,
  date?: DateCell,
  fit = false,
): Promise<void> {
  const ws = wb.addWorksheet(sheet.sheetName, sheetOptions(sheet, fit));
  for (const [col, px] of sheet.columnWidths) writeColumnWidth(ws, col, px);
  for (const col of sheet.hiddenColumns) ws.getColumn(col).hidden = true;
  writeMergesAndRules(ws, sheet);
  await writeRows({ ws, sheet, zone, date });
  ws.commit();
}

function writeStateSheet(wb: ExcelJS.Workbook, ss: FakeSpreadsheet, state: WorkbookState): void {
  const taken = new Set(ss.sheetList().map((s) => s.sheetName.toLowerCase()));
  const ws = wb.addWorksheet(freeStateName(taken), { state: 'veryHidden' });
  for (const values of stateRows(state)) ws.addRow(values).commit();
  ws.commit();
}

/** The .xlsx package of a whole spreadsheet (without its charts), every sheet from the model. */
export async function wholeWorkbookBuffer(book: WholeWorkbook): Promise<Buffer> {
  const { ss, state } = book;
  const sink = new PassThrough();
  const chunks: Buffer[] = [];
  sink.on('data', (chunk: Buffer) => chunks.push(chunk));
  const ended = new Promise((resolve) => sink.on('end', resolve));
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: sink,
    useStyles: true,
    useSharedStrings: true,
  });
  useStreamedSharedStrings(wb);
  wb.title = ss.name;
  wb.creator = 'SLA Sheets runtime';
  const fit = new Set(book.fitToWidth ?? []);
  for (const sheet of ss.sheetList())
    await writeSheet(
      wb,
      sheet,
      ss.timeZoneInternal,
      book.dates?.get(sheet),
      fit.has(sheet.sheetName),
    );
  for (const [name, text] of namedRangeTexts(ss.namedRanges)) wb.definedNames.add(text, name);
  writeStateSheet(wb, ss, state);
  await wb.commit();
  await ended;
  return Buffer.concat(chunks);
}
