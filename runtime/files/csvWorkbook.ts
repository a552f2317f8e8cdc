/**
 * A CSV file as the offline run's workbook: its rows become one sheet named after the file,
 * and the result is the whole spreadsheet written from the model, the CSV's date columns
 * holding dates (read in the order the add-in read them).
 */
import { basename, extname } from 'node:path';
import type { FakeProperties } from '../appsScript/properties.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import type { FakeSpreadsheet } from '../appsScript/spreadsheet.ts';
import { csvDateColumn, sheetNameForFile } from './csv.ts';
import { type CsvRead, readCsvFile } from './csvFile.ts';
import { checkInputFile, DEFAULT_TIME_ZONE, type SaveHooks, saveSpreadsheet } from './xlsx.ts';
import type { DateCell } from './xlsxStream.ts';

/** How a CSV file was read (its rows aside): the summary says it. */
export type CsvInfo = Omit<CsvRead, 'rows'>;

const DAY_MS = 86_400_000;

/**
 * The dates of a CSV's columns (the first `width`), by the add-in's rule on the sheet's text as
 * it is now, with the spreadsheet's locale and zone; a column with times shows them.
 */
function csvDates(sheet: FakeSheet, width: number, ss: FakeSpreadsheet): DateCell {
  const columns = dateColumns(sheet, width, ss);
  widenDateColumns(sheet, columns);
  return (r, c) => {
    const column = r === 0 ? undefined : columns.get(c);
    const wallMs = column?.wall[r - 1];
    return column && wallMs !== undefined && !Number.isNaN(wallMs)
      ? { wallMs, numFmt: column.numFmt }
      : null;
  };
}

/** Pixels a date column needs to show its dates whole (never ###), and its header. */
const DATE_PX = 90;
const DATE_TIME_PX = 130;
const PX_PER_CHAR = 7;

/** A CSV has no widths: a date column gets one that shows its dates and its header whole. */
function widenDateColumns(
  sheet: FakeSheet,
  columns: ReadonlyMap<number, { numFmt: string }>,
): void {
  for (const [c, { numFmt }] of columns) {
    if (sheet.columnWidths.has(c + 1)) continue;
    const header = String(sheet.values.get(0, c) ?? '');
    const px = Math.max(
      numFmt.includes('hh') ? DATE_TIME_PX : DATE_PX,
      header.length * PX_PER_CHAR + 16,
    );
    sheet.columnWidths.set(c + 1, px);
  }
}

function dateColumns(
  sheet: FakeSheet,
  width: number,
  ss: FakeSpreadsheet,
): Map<number, { wall: Float64Array; numFmt: string }> {
  const columns = new Map<number, { wall: Float64Array; numFmt: string }>();
  const body = Math.max(0, sheet.values.rows.length - 1);
  for (let c = 0; c < width; c++) {
    const texts = Array.from({ length: body }, (_, i) => {
      const v = sheet.values.get(i + 1, c);
      return typeof v === 'string' ? v : '';
    });
    const wall = csvDateColumn(texts, ss.locale, ss.timeZoneInternal);
    if (!wall) continue;
    const timed = wall.some((ms) => !Number.isNaN(ms) && ms % DAY_MS !== 0);
    columns.set(c, { wall, numFmt: timed ? 'yyyy-mm-dd hh:mm' : 'yyyy-mm-dd' });
  }
  return columns;
}

export interface CsvWorkbook {
  dataSheet: string;
  csv: CsvInfo;
  save(path: string, hooks?: SaveHooks): Promise<void>;
}

/** Opens a CSV into `ss` (its only sheet); `save` writes the whole spreadsheet as .xlsx. */
export async function openCsvFile(
  path: string,
  ss: FakeSpreadsheet,
  properties: FakeProperties,
  timeZone?: string,
): Promise<CsvWorkbook> {
  checkInputFile(path);
  const { rows, ...csv } = await readCsvFile(path);
  const base = basename(path, extname(path));
  ss.resetInternal(base, timeZone ?? DEFAULT_TIME_ZONE);
  const sheet = ss.addSheetInternal(sheetNameForFile(base));
  sheet.values.rows = rows;
  sheet.ensureSize(rows.length, csv.width);
  return {
    dataSheet: sheet.sheetName,
    csv,
    save: (out, hooks) => {
      const dates = new Map([[sheet, csvDates(sheet, csv.width, ss)]]);
      return saveSpreadsheet(ss, properties.map, out, hooks, dates);
    },
  };
}
