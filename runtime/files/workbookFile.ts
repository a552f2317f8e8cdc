/**
 * The offline run's file: an .xlsx or a .csv opened into a spreadsheet of the runtime, and
 * saved as .xlsx by writing back only what the run changed onto the file as it was loaded.
 */
import { readFile } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import ExcelJS from 'exceljs';
import type { FakeProperties } from '../appsScript/properties.ts';
import type { FakeSpreadsheet } from '../appsScript/spreadsheet.ts';
import { csvDateColumn, csvSheetRows, parseCsv, sheetNameForFile } from './csv.ts';
import {
  checkInputFile,
  loadWorkbookInto,
  readWorkbookFile,
  type SaveHooks,
  stateOf,
  writeWorkbookFile,
} from './xlsx.ts';
import { readChartsInto } from './xlsxChartsRead.ts';
import { applyDefinedNames } from './xlsxNames.ts';
import { writeState } from './xlsxState.ts';

export interface WorkbookFile {
  /** For a CSV input, the sheet holding its rows (named after the file); null for an .xlsx. */
  dataSheet: string | null;
  /** Writes the result as .xlsx: the input with the run's changes and the state sheet. */
  save(path: string, hooks?: SaveHooks): Promise<void>;
}

export function isCsvPath(path: string): boolean {
  return ['.csv', '.tsv'].includes(extname(path).toLowerCase());
}

/** A one-sheet workbook holding a CSV file's rows (see csv.ts for how fields are typed). */
async function readCsvWorkbook(
  path: string,
): Promise<{ wb: ExcelJS.Workbook; sheet: string; rows: string[][] }> {
  checkInputFile(path);
  const rows = parseCsv(await readFile(path, 'utf8'));
  const sheet = sheetNameForFile(basename(path, extname(path)));
  const wb = new ExcelJS.Workbook();
  wb.title = basename(path, extname(path));
  const ws = wb.addWorksheet(sheet);
  for (const row of csvSheetRows(rows)) ws.addRow(row.map((v) => (v === '' ? null : v)));
  return { wb, sheet, rows };
}

/**
 * In the result file, a CSV's date columns hold dates, read in the order the add-in read them
 * (the same rule, on the same values, with the spreadsheet's locale and zone).
 */
function writeCsvDates(
  ws: ExcelJS.Worksheet,
  rows: readonly string[][],
  ss: FakeSpreadsheet,
): void {
  const body = rows.slice(1);
  const width = Math.max(0, ...rows.map((r) => r.length));
  for (let c = 0; c < width; c++) {
    const dates = csvDateColumn(
      body.map((r) => r[c] ?? ''),
      ss.locale,
      ss.timeZoneInternal,
    );
    if (!dates) continue;
    const timed = dates.some((d) => d !== null && d.getTime() % 86_400_000 !== 0);
    // a CSV has no widths: a date column gets one that shows its dates (never ###)
    const column = ws.getColumn(c + 1);
    column.width = Math.max(
      column.width ?? 0,
      timed ? 17 : 11,
      String(rows[0]?.[c] ?? '').length + 2,
    );
    dates.forEach((d, r) => {
      if (d === null) return;
      const cell = ws.getCell(r + 2, c + 1);
      cell.value = d;
      cell.numFmt = timed ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd';
    });
  }
}

/**
 * Opens `path` (.xlsx, or .csv/.tsv) into `ss`, replacing its sheets, and restores the document
 * properties the state sheet kept. `timeZone` overrides the file's time zone.
 */
export async function openWorkbookFile(
  path: string,
  ss: FakeSpreadsheet,
  properties: FakeProperties,
  timeZone?: string,
): Promise<WorkbookFile> {
  const csv = isCsvPath(path) ? await readCsvWorkbook(path) : null;
  const wb = csv?.wb ?? (await readWorkbookFile(path));
  const { state, writeBack, namedRanges: loadedNames } = loadWorkbookInto(ss, wb, path, timeZone);
  let namedRanges = loadedNames;
  if (!csv) await readChartsInto(await readFile(path), ss);
  for (const [key, value] of Object.entries(state.documentProperties))
    properties.map.set(key, value);
  return {
    dataSheet: csv?.sheet ?? null,
    async save(out, hooks) {
      writeBack.apply();
      if (csv) writeCsvDates(wb.getWorksheet(csv.sheet)!, csv.rows, ss);
      namedRanges = applyDefinedNames(wb, ss, namedRanges);
      writeState(wb, stateOf(ss, properties.map));
      await writeWorkbookFile(wb, out, hooks, ss);
    },
  };
}
