/**
 * The state sheet: what the runtime keeps inside the .xlsx for the next offline run, in a
 * very hidden sheet (Excel shows it in no menu; LibreOffice and Google Sheets show it as a
 * hidden sheet). It holds the add-in's document properties (settings, run log, monitoring
 * state), the spreadsheet's name and time zone, and each sheet's size. Deleting it only
 * resets those: the add-in starts again from its default settings.
 *
 * It is recognised by the mark in A1, not by its name: a user's own sheet called `_meta` is
 * an ordinary sheet, and the state sheet then takes the next free name (`_meta 2`, ...).
 */
import type ExcelJS from 'exceljs';
import type { MetadataItem } from '../appsScript/developerMetadata.ts';

export const META_SHEET = '_meta';
export const STATE_MARK = 'SLA Sheets offline state';
const ABOUT =
  "Kept by SLA Sheets' offline run for the next one: the add-in's document properties " +
  "(settings, run log, monitoring state), the time zone, the sheet sizes and the add-in's " +
  'marks on the sheets it made. Deleting this sheet only resets them.';

export interface SheetSize {
  maxRows?: number;
  maxColumns?: number;
}

/**
 * A sheet's developer metadata, with the text of its A1 when saved: a sheet of that name whose
 * A1 differs was replaced by another one outside the runtime and gets no mark back.
 */
export interface SheetMarks {
  a1: string;
  /** A column's mark keeps the text of its column's row 1 (`header`), to find the column again. */
  items: Array<MetadataItem & { header?: string }>;
}

export interface WorkbookState {
  name: string | null;
  timeZone: string | null;
  /** The spreadsheet locale (`en_US`, `fr_FR`): it decides ambiguous text dates. */
  locale: string | null;
  sheets: Record<string, SheetSize>;
  documentProperties: Record<string, string>;
  /** Developer metadata by sheet name (Excel files have no place for it). */
  marks: Record<string, SheetMarks>;
}

function cellText(ws: ExcelJS.Worksheet, row: number, col: number): string {
  const v = ws.findCell(row, col)?.value;
  return typeof v === 'string' ? v : '';
}

/** The state sheet of a workbook, or null (a sheet named `_meta` without the mark is the user's). */
export function findStateSheet(wb: ExcelJS.Workbook): ExcelJS.Worksheet | null {
  for (const ws of wb.worksheets) {
    if (cellText(ws, 1, 1) === STATE_MARK) return ws;
    // Files written before the mark: a very hidden `_meta` starting with the time zone.
    const legacy = ws.name === META_SHEET && ws.state === 'veryHidden';
    if (legacy && cellText(ws, 1, 1) === 'timeZone') return ws;
  }
  return null;
}

function parseMarks(json: string): SheetMarks | null {
  try {
    const parsed = JSON.parse(json) as Partial<SheetMarks> | null;
    if (typeof parsed?.a1 !== 'string' || !Array.isArray(parsed.items)) return null;
    return { a1: parsed.a1, items: parsed.items };
  } catch {
    return null; // a damaged cell only loses the marks: the sheets are then treated as the user's
  }
}

function parseSizes(json: string): Record<string, SheetSize> {
  try {
    const parsed: unknown = JSON.parse(json);
    const sheets = (parsed as { sheets?: unknown } | null)?.sheets;
    return sheets !== null && typeof sheets === 'object'
      ? (sheets as Record<string, SheetSize>)
      : {};
  } catch {
    return {}; // a damaged cell only loses the sizes
  }
}

export function readState(ws: ExcelJS.Worksheet | null): WorkbookState {
  const state: WorkbookState = {
    name: null,
    timeZone: null,
    locale: null,
    sheets: {},
    documentProperties: {},
    marks: {},
  };
  ws?.eachRow((row) => {
    const key = cellText(ws, row.number, 1);
    const value = cellText(ws, row.number, 2);
    if (key === 'timeZone' && value !== '') state.timeZone = value;
    else if (key === 'name' && value !== '') state.name = value;
    else if (key === 'locale' && value !== '') state.locale = value;
    else if (key === 'sheets' || key === 'meta') state.sheets = parseSizes(value);
    else if (key === 'property' && value !== '')
      state.documentProperties[value] = cellText(ws, row.number, 3);
    else if (key === 'marks' && value !== '') {
      const marks = parseMarks(cellText(ws, row.number, 3));
      if (marks) state.marks[value] = marks;
    }
  });
  return state;
}

/** A free name for the state sheet among `taken` (lower-cased names). */
export function freeStateName(taken: ReadonlySet<string>): string {
  let name = META_SHEET;
  for (let n = 2; taken.has(name.toLowerCase()); n++) name = `${META_SHEET} ${n}`;
  return name;
}

/** The state sheet's rows: the mark, then one key (and value) a row. */
export function stateRows(state: WorkbookState): string[][] {
  const rows = [
    [STATE_MARK, ABOUT],
    ['timeZone', state.timeZone ?? ''],
    ['name', state.name ?? ''],
    ['locale', state.locale ?? ''],
    ['sheets', JSON.stringify({ sheets: state.sheets })],
  ];
  for (const [key, value] of Object.entries(state.documentProperties))
    rows.push(['property', key, value]);
  for (const [sheet, marks] of Object.entries(state.marks))
    rows.push(['marks', sheet, JSON.stringify(marks)]);
  return rows;
}

/** Replaces the workbook's state sheet (last, very hidden). */
export function writeState(wb: ExcelJS.Workbook, state: WorkbookState): void {
  const old = findStateSheet(wb);
  if (old) wb.removeWorksheet(old.id);
  const taken = new Set(wb.worksheets.map((ws) => ws.name.toLowerCase()));
  const ws = wb.addWorksheet(freeStateName(taken), { state: 'veryHidden' });
  for (const row of stateRows(state)) ws.addRow(row);
}
