/** Loading and saving workbooks as .xlsx with ExcelJS (atomic save, clear errors). */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from './cells.ts';
import { type Cell, DEFAULT_NUMBER_FORMAT, isDate } from './format.ts';
import type { SheetData, WorkbookData } from './workbookData.ts';
import { instantFromWallClock, wallClock } from './zone.ts';

export const META_SHEET = '_meta';
const AUTO_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Instant -> Date whose UTC fields are the zone's wall clock (what Excel serials mean). */
function toExcelDate(d: Date, zone: string): Date {
  const w = wallClock(d.getTime(), zone);
  const out = new Date(
    Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second, w.millisecond),
  );
  return out;
}

function fromExcelDate(d: Date, zone: string): Date {
  return new Date(
    instantFromWallClock(
      zone,
      d.getUTCFullYear(),
      d.getUTCMonth() + 1,
      d.getUTCDate(),
      d.getUTCHours(),
      d.getUTCMinutes(),
      d.getUTCSeconds(),
      d.getUTCMilliseconds(),
    ),
  );
}

function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

function fromArgb(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const hex = v.length === 8 ? v.slice(2) : v;
  return /^[0-9a-fA-F]{6}$/.test(hex) ? `#${hex.toLowerCase()}` : null;
}

function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

interface SheetMeta {
  maxRows?: number;
  maxColumns?: number;
}

interface MetaJson {
  sheets?: Record<string, SheetMeta>;
}

// ---------------------------------------------------------------------------------------
// Load

function readCellValue(cell: ExcelJS.Cell, zone: string): { value: Cell; formula: string } {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return { value: '', formula: '' };
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean')
    return { value: v, formula: '' };
  if (isDate(v)) return { value: fromExcelDate(v, zone), formula: '' };
  if (typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if ('formula' in o || 'sharedFormula' in o) {
      const text =
        typeof cell.formula === 'string' && cell.formula !== ''
          ? cell.formula
          : String(o.formula ?? '');
      const result = o.result;
      let value: Cell = '';
      if (typeof result === 'number' || typeof result === 'string' || typeof result === 'boolean')
        value = result;
      else if (isDate(result)) value = fromExcelDate(result, zone);
      else if (result !== null && typeof result === 'object' && 'error' in result) {
        value = String((result as { error: unknown }).error);
      }
      return { value, formula: text.startsWith('=') ? text : `=${text}` };
    }
    if (Array.isArray(o.richText)) {
      return {
        value: (o.richText as { text?: unknown }[]).map((r) => String(r.text ?? '')).join(''),
        formula: '',
      };
    }
    if ('text' in o) return { value: String(o.text), formula: '' };
    if ('error' in o) return { value: String(o.error), formula: '' };
  }
  return { value: String(v), formula: '' };
}

function readNote(cell: ExcelJS.Cell): string {
  const n = cell.note as unknown;
  if (n === null || n === undefined) return '';
  if (typeof n === 'string') return n;
  if (typeof n === 'object' && n !== null && 'texts' in n) {
    const texts = (n as { texts: unknown }).texts;
    if (Array.isArray(texts))
      return texts.map((t: { text?: unknown }) => String(t.text ?? '')).join('');
  }
  return '';
}

function set2d<T>(grid: T[][], r: number, c: number, v: T, blank: T): void {
  let row = grid[r];
  if (!row) {
    row = [];
    grid[r] = row;
  }
  while (row.length < c) row.push(blank);
  row[c] = v;
}

function densify<T>(grid: T[][], blank: T): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < grid.length; i++) out.push(grid[i] ?? []);
  return out.map((r) =>
    Array.from({ length: r.length }, (_, j) => (r[j] === undefined ? blank : (r[j] as T))),
  );
}

function readSheet(ws: ExcelJS.Worksheet, zone: string, meta: SheetMeta | undefined): SheetData {
  const values: Cell[][] = [];
  const formulas: string[][] = [];
  const backgrounds: string[][] = [];
  const numberFormats: string[][] = [];
  const notes: string[][] = [];
  const fontWeights: string[][] = [];
  const fontColors: string[][] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    row.eachCell({ includeEmpty: true }, (cell, colNumber) => {
      const r = rowNumber - 1;
      const c = colNumber - 1;
      const { value, formula } = readCellValue(cell, zone);
      if (value !== '') set2d(values, r, c, value, '' as Cell);
      if (formula !== '') set2d(formulas, r, c, formula, '');
      const fill = cell.fill as unknown;
      if (fill && typeof fill === 'object') {
        const f = fill as { type?: unknown; pattern?: unknown; fgColor?: { argb?: unknown } };
        if (f.type === 'pattern' && f.pattern === 'solid') {
          const color = fromArgb(f.fgColor?.argb);
          if (color !== null && color !== DEFAULT_BACKGROUND)
            set2d(backgrounds, r, c, color, DEFAULT_BACKGROUND);
        }
      }
      const fmt = cell.numFmt;
      if (typeof fmt === 'string' && fmt !== '' && fmt !== 'General') {
        set2d(numberFormats, r, c, fmt, DEFAULT_NUMBER_FORMAT);
      }
      const note = readNote(cell);
      if (note !== '') set2d(notes, r, c, note, '');
      const font = cell.font as { bold?: unknown; color?: { argb?: unknown } } | undefined;
      if (font?.bold === true) set2d(fontWeights, r, c, 'bold', 'normal');
      const fc = fromArgb(font?.color?.argb);
      if (fc !== null && fc !== DEFAULT_FONT_COLOR) set2d(fontColors, r, c, fc, DEFAULT_FONT_COLOR);
    });
  });
  const columnWidths: Record<number, number> = {};
  const colCount = ws.columnCount;
  for (let c = 1; c <= colCount; c++) {
    const col = ws.getColumn(c);
    if (typeof col.width === 'number' && col.width > 0)
      columnWidths[c] = Math.round(col.width * 7 + 5);
  }
  const view = (ws.views ?? [])[0] as
    | { state?: unknown; ySplit?: unknown; xSplit?: unknown }
    | undefined;
  const frozenRows = view?.state === 'frozen' && typeof view.ySplit === 'number' ? view.ySplit : 0;
  const frozenColumns =
    view?.state === 'frozen' && typeof view.xSplit === 'number' ? view.xSplit : 0;
  const conditionalFormats: NonNullable<SheetData['conditionalFormats']> = [];
  const cfs = (ws as unknown as { conditionalFormattings?: unknown }).conditionalFormattings;
  if (Array.isArray(cfs)) {
    for (const cf of cfs as { ref?: unknown; rules?: unknown }[]) {
      if (typeof cf.ref !== 'string' || !Array.isArray(cf.rules)) continue;
      const ranges = cf.ref.split(/\s+/).filter((x) => x !== '');
      for (const rule of cf.rules as Record<string, unknown>[]) {
        const style = (rule.style ?? {}) as {
          fill?: { bgColor?: { argb?: unknown }; fgColor?: { argb?: unknown } };
          font?: { color?: { argb?: unknown }; bold?: unknown };
        };
        const background =
          fromArgb(style.fill?.bgColor?.argb) ?? fromArgb(style.fill?.fgColor?.argb);
        const fontColor = fromArgb(style.font?.color?.argb);
        const bold = typeof style.font?.bold === 'boolean' ? style.font.bold : null;
        if (rule.type === 'expression' && Array.isArray(rule.formulae)) {
          const f = String(rule.formulae[0] ?? '');
          conditionalFormats.push({
            ranges,
            criteria: 'CUSTOM_FORMULA',
            values: [f.startsWith('=') ? f : `=${f}`],
            background,
            fontColor,
            bold,
          });
        } else if (rule.type === 'containsText' && typeof rule.text === 'string') {
          conditionalFormats.push({
            ranges,
            criteria: 'TEXT_CONTAINS',
            values: [rule.text],
            background,
            fontColor,
            bold,
          });
        }
      }
    }
  }
  const tab = (ws.properties as { tabColor?: { argb?: unknown } } | undefined)?.tabColor;
  return {
    name: ws.name,
    values: densify(values, '' as Cell),
    formulas: densify(formulas, ''),
    backgrounds: densify(backgrounds, DEFAULT_BACKGROUND),
    numberFormats: densify(numberFormats, DEFAULT_NUMBER_FORMAT),
    notes: densify(notes, ''),
    fontWeights: densify(fontWeights, 'normal'),
    fontColors: densify(fontColors, DEFAULT_FONT_COLOR),
    columnWidths,
    frozenRows,
    frozenColumns,
    ...(meta?.maxRows !== undefined ? { maxRows: meta.maxRows } : {}),
    ...(meta?.maxColumns !== undefined ? { maxColumns: meta.maxColumns } : {}),
    tabColor: fromArgb(tab?.argb),
    hidden: ws.state === 'hidden' || ws.state === 'veryHidden',
    conditionalFormats,
  };
}

/** Reads an .xlsx file. Throws an Error naming the path when it is missing or not an .xlsx. */
export async function loadXlsx(path: string): Promise<WorkbookData> {
  if (!existsSync(path)) throw new Error(`Cannot open workbook "${path}": file not found.`);
  if (!statSync(path).isFile()) throw new Error(`Cannot open workbook "${path}": not a file.`);
  const buffer = await readFile(path);
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new Error(`Cannot read workbook "${path}": not a valid .xlsx file (${messageOf(e)}).`, {
      cause: e,
    });
  }
  let timeZone = 'Europe/Paris';
  let name =
    typeof wb.title === 'string' && wb.title !== '' ? wb.title : basename(path, extname(path));
  let meta: MetaJson = {};
  const metaWs = wb.getWorksheet(META_SHEET);
  if (metaWs) {
    metaWs.eachRow((row) => {
      const key = String(row.getCell(1).value ?? '');
      const value = row.getCell(2).value;
      if (key === 'timeZone' && typeof value === 'string') timeZone = value;
      else if (key === 'name' && typeof value === 'string') name = value;
      else if (key === 'meta' && typeof value === 'string') {
        try {
          const parsed: unknown = JSON.parse(value);
          if (parsed !== null && typeof parsed === 'object') meta = parsed as MetaJson;
        } catch {
          // ignore a damaged meta cell
        }
      }
    });
  }
  const sheets: SheetData[] = [];
  for (const ws of wb.worksheets) {
    if (ws.name === META_SHEET) continue;
    try {
      sheets.push(readSheet(ws, timeZone, meta.sheets?.[ws.name]));
    } catch (e) {
      throw new Error(
        `Cannot read workbook "${path}": sheet "${ws.name}" is damaged (${messageOf(e)}).`,
        {
          cause: e,
        },
      );
    }
  }
  if (sheets.length === 0) throw new Error(`Cannot read workbook "${path}": it has no sheets.`);
  return { name, timeZone, sheets };
}

// ---------------------------------------------------------------------------------------
// Save

function writeSheet(wb: ExcelJS.Workbook, s: SheetData, zone: string): void {
  const ws = wb.addWorksheet(s.name, {
    views:
      (s.frozenRows ?? 0) > 0 || (s.frozenColumns ?? 0) > 0
        ? [{ state: 'frozen', ySplit: s.frozenRows ?? 0, xSplit: s.frozenColumns ?? 0 }]
        : [],
    state: s.hidden ? 'hidden' : 'visible',
    ...(s.tabColor ? { properties: { tabColor: { argb: argb(s.tabColor) } } } : {}),
  });
  const grids = [
    s.values,
    s.formulas,
    s.backgrounds,
    s.numberFormats,
    s.notes,
    s.fontWeights,
    s.fontColors,
  ];
  const nRows = Math.max(...grids.map((g) => g?.length ?? 0));
  for (let r = 0; r < nRows; r++) {
    const nCols = Math.max(...grids.map((g) => g?.[r]?.length ?? 0));
    if (nCols === 0) continue;
    const row = ws.getRow(r + 1);
    for (let c = 0; c < nCols; c++) {
      const value = s.values[r]?.[c] ?? '';
      const formula = s.formulas?.[r]?.[c] ?? '';
      const bg = s.backgrounds?.[r]?.[c] ?? DEFAULT_BACKGROUND;
      const fmt = s.numberFormats?.[r]?.[c] ?? DEFAULT_NUMBER_FORMAT;
      const note = s.notes?.[r]?.[c] ?? '';
      const weight = s.fontWeights?.[r]?.[c] ?? 'normal';
      const fontColor = s.fontColors?.[r]?.[c] ?? DEFAULT_FONT_COLOR;
      if (
        value === '' &&
        formula === '' &&
        bg === DEFAULT_BACKGROUND &&
        fmt === DEFAULT_NUMBER_FORMAT &&
        note === '' &&
        weight === 'normal' &&
        fontColor === DEFAULT_FONT_COLOR
      ) {
        continue;
      }
      const cell = row.getCell(c + 1);
      const excelValue = isDate(value) ? toExcelDate(value, zone) : value;
      if (formula !== '') {
        const result = excelValue === '' ? undefined : excelValue;
        cell.value = {
          formula: formula.replace(/^=/, ''),
          ...(result !== undefined ? { result } : {}),
        };
      } else if (excelValue !== '') {
        cell.value = excelValue;
      }
      if (fmt !== DEFAULT_NUMBER_FORMAT) cell.numFmt = fmt;
      else if (isDate(value)) cell.numFmt = AUTO_DATE_FORMAT;
      if (bg !== DEFAULT_BACKGROUND) {
        cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(bg) } };
      }
      if (note !== '') cell.note = note;
      if (weight === 'bold' || fontColor !== DEFAULT_FONT_COLOR) {
        cell.font = {
          ...(weight === 'bold' ? { bold: true } : {}),
          ...(fontColor !== DEFAULT_FONT_COLOR ? { color: { argb: argb(fontColor) } } : {}),
        };
      }
    }
  }
  for (const [k, px] of Object.entries(s.columnWidths ?? {})) {
    ws.getColumn(Number(k)).width = Math.max(0, (px - 5) / 7);
  }
  let priority = 1;
  for (const cf of s.conditionalFormats ?? []) {
    const style: Partial<ExcelJS.Style> = {};
    if (cf.background)
      style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(cf.background) } };
    if (cf.fontColor || cf.bold !== null) {
      style.font = {
        ...(cf.fontColor ? { color: { argb: argb(cf.fontColor) } } : {}),
        ...(cf.bold !== null ? { bold: cf.bold } : {}),
      };
    }
    if (cf.criteria === 'CUSTOM_FORMULA') {
      const f = String(cf.values[0] ?? '').replace(/^=/, '');
      ws.addConditionalFormatting({
        ref: cf.ranges.join(' '),
        rules: [{ type: 'expression', priority: priority++, formulae: [f], style }],
      });
    } else if (cf.criteria === 'TEXT_CONTAINS') {
      ws.addConditionalFormatting({
        ref: cf.ranges.join(' '),
        rules: [
          {
            type: 'containsText',
            operator: 'containsText',
            text: String(cf.values[0] ?? ''),
            priority: priority++,
            style,
          },
        ],
      });
    }
  }
}

export interface SaveHooks {
  /** Called after the temporary file is written, before it is renamed (tests inject failures). */
  beforeRename?: (tmpPath: string) => void | Promise<void>;
}

/** Writes the workbook to `path` atomically: temp file in the same folder, then rename. */
export async function saveXlsx(
  data: WorkbookData,
  path: string,
  hooks: SaveHooks = {},
): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.title = data.name;
  wb.creator = 'SLA Sheets runtime';
  const meta: MetaJson = { sheets: {} };
  for (const s of data.sheets) {
    if (meta.sheets) meta.sheets[s.name] = { maxRows: s.maxRows, maxColumns: s.maxColumns };
  }
  let buffer: Buffer;
  try {
    for (const s of data.sheets) writeSheet(wb, s, data.timeZone);
    const metaWs = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
    metaWs.addRow(['timeZone', data.timeZone]);
    metaWs.addRow(['name', data.name]);
    metaWs.addRow(['meta', JSON.stringify(meta)]);
    buffer = Buffer.from(await wb.xlsx.writeBuffer());
  } catch (e) {
    throw new Error(`Cannot save workbook to "${path}": ${messageOf(e)}`, { cause: e });
  }
  const dir = dirname(path);
  if (!existsSync(dir))
    throw new Error(`Cannot save workbook to "${path}": folder ${dir} does not exist.`);
  const tmp = join(dir, `.${basename(path)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, buffer);
    if (hooks.beforeRename) await hooks.beforeRename(tmp);
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new Error(`Cannot save workbook to "${path}": ${messageOf(e)}`, { cause: e });
  }
}
