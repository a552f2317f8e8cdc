/**
 * .xlsx files: reading them into the runtime (every sheet, through xlsxSheet), the state sheet,
 * and writing atomically with clear errors. `loadXlsx` / `saveXlsx` convert whole workbooks to
 * and from plain data; the offline run keeps the loaded file and writes back only its changes
 * (workbookFile.ts).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, statSync } from 'node:fs';
import { readFile, rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import ExcelJS from 'exceljs';
import { FakeDataValidation } from '../appsScript/dataValidation.ts';
import { Env } from '../appsScript/env.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import { FakeSpreadsheet } from '../appsScript/spreadsheet.ts';
import { UiRecorder } from '../appsScript/ui.ts';
import type { WorkbookData } from '../appsScript/workbookData.ts';
import { chartsBySheet } from './chartCells.ts';
import { WriteBack } from './writeBack.ts';
import { addChartsToXlsx } from './xlsxCharts.ts';
import { loadDefinedNames, marksOf, restoreMarks } from './xlsxNames.ts';
import { type LoadContext, readWorksheet } from './xlsxSheet.ts';
import { findStateSheet, readState, type WorkbookState } from './xlsxState.ts';
import { FIT_TO_WIDTH, type WholeWorkbook, wholeWorkbookBuffer } from './xlsxStream.ts';
import { readLargeSheets, type StreamedRead } from './xlsxStreamOpen.ts';

export { META_SHEET } from './xlsxState.ts';

export const DEFAULT_TIME_ZONE = 'Europe/Paris';

export function messageOf(e: unknown): string {
  return e instanceof Error ? e.message : String(e);
}

/** Throws a clear Error naming the path when it is missing or not a file. */
export function checkInputFile(path: string): void {
  if (!existsSync(path)) throw new Error(`Cannot open workbook "${path}": file not found.`);
  if (!statSync(path).isFile()) throw new Error(`Cannot open workbook "${path}": not a file.`);
}

/** The workbook ExcelJS reads from a package (the file's, or its skeleton). */
export async function workbookOf(buffer: Buffer, path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
  } catch (e) {
    throw new Error(`Cannot read workbook "${path}": not a valid .xlsx file (${messageOf(e)}).`, {
      cause: e,
    });
  }
  return wb;
}

/** A spreadsheet outside any runtime, for conversions. */
function scratchSpreadsheet(): FakeSpreadsheet {
  const ctx = { env: new Env(), ui: new UiRecorder(), formulaWrites: [] };
  return new FakeSpreadsheet(ctx, { emptySheet: false });
}

/** A list-from-range rule names its range as text in the file: it becomes a Range once loaded. */
function resolveRangeRules(ss: FakeSpreadsheet, ctx: LoadContext): void {
  for (const rule of ctx.validations.values()) {
    if (!(rule instanceof FakeDataValidation) || rule.data.criteria !== 'VALUE_IN_RANGE') continue;
    try {
      rule.data.values[0] = ss.rangeInternal(String(rule.data.values[0]));
    } catch {
      // a range we cannot resolve stays as its text
    }
  }
}

export interface LoadedWorkbook {
  state: WorkbookState;
  writeBack: WriteBack;
  /** The named ranges as loaded (name → range text): the save writes only what changed. */
  namedRanges: Map<string, string>;
}

/**
 * Loads every sheet of `wb` (but the state sheet) into `ss`, replacing its sheets, and tracks
 * them for the write-back. The time zone is `timeZone`, else the state sheet's, else the default.
 * The cells of the sheets read in a stream (`streamed`, whose skeleton `wb` is) are added to
 * those ExcelJS read.
 */
export function loadWorkbookInto(
  ss: FakeSpreadsheet,
  wb: ExcelJS.Workbook,
  path: string,
  timeZone?: string,
  streamed?: StreamedRead,
): LoadedWorkbook {
  const stateSheet = findStateSheet(wb);
  const state = readState(stateSheet);
  const zone = timeZone ?? state.timeZone ?? DEFAULT_TIME_ZONE;
  const title = typeof wb.title === 'string' && wb.title !== '' ? wb.title : null;
  ss.resetInternal(state.name ?? title ?? basename(path, extname(path)), zone);
  if (state.locale) ss.locale = state.locale;
  const ctx: LoadContext = { zone, ruleSources: new WeakMap(), validations: new Map() };
  const loaded: [FakeSheet, ExcelJS.Worksheet][] = [];
  for (const ws of wb.worksheets) {
    if (ws === stateSheet) continue;
    const sheet = ss.addSheetInternal(ws.name);
    streamed?.fill(sheet, ws.name, zone);
    try {
      readWorksheet(ws, sheet, ctx);
    } catch (e) {
      throw new Error(
        `Cannot read workbook "${path}": sheet "${ws.name}" is damaged (${messageOf(e)}).`,
        { cause: e },
      );
    }
    const size = state.sheets[ws.name];
    sheet.ensureSize(size?.maxRows ?? 0, size?.maxColumns ?? 0);
    loaded.push([sheet, ws]);
  }
  if (loaded.length === 0) throw new Error(`Cannot read workbook "${path}": it has no sheets.`);
  resolveRangeRules(ss, ctx);
  restoreMarks(ss, state.marks);
  const namedRanges = loadDefinedNames(ss, wb);
  const writeBack = new WriteBack(wb, ss, ctx.ruleSources);
  for (const [sheet, ws] of loaded) writeBack.track(sheet, ws, streamed?.sheets.get(ws.name));
  return { state, writeBack, namedRanges };
}

/** The state to keep in the file for a spreadsheet and its document properties. */
export function stateOf(
  ss: FakeSpreadsheet,
  properties: ReadonlyMap<string, string>,
): WorkbookState {
  const sheets: WorkbookState['sheets'] = {};
  for (const s of ss.sheetList())
    sheets[s.sheetName] = { maxRows: s.maxRows, maxColumns: s.maxColumns };
  return {
    name: ss.name,
    timeZone: ss.timeZoneInternal,
    locale: ss.locale,
    sheets,
    documentProperties: Object.fromEntries(properties),
    marks: marksOf(ss),
  };
}

/**
 * Reads an .xlsx file for a run: its large sheets in a stream (xlsxStreamOpen.ts), the rest of
 * it with ExcelJS. Throws an Error naming the path when it cannot.
 */
export async function readXlsxFile(path: string, threshold?: number): Promise<XlsxFile> {
  checkInputFile(path);
  const input = await readFile(path);
  let large: Awaited<ReturnType<typeof readLargeSheets>>;
  try {
    large = await readLargeSheets(input, threshold);
  } catch (e) {
    throw new Error(`Cannot read workbook "${path}": ${messageOf(e)}.`, { cause: e });
  }
  const wb = await workbookOf(large?.skeleton ?? input, path);
  return { input, wb, streamed: large?.read ?? null };
}

export interface XlsxFile {
  input: Buffer;
  /** ExcelJS's workbook: the whole file, or its skeleton when some sheets were streamed. */
  wb: ExcelJS.Workbook;
  streamed: StreamedRead | null;
}

/** Reads an .xlsx file into plain data. Throws an Error naming the path when it cannot. */
export async function loadXlsx(path: string): Promise<WorkbookData> {
  const ss = scratchSpreadsheet();
  const { wb, streamed } = await readXlsxFile(path);
  const { state } = loadWorkbookInto(ss, wb, path, undefined, streamed ?? undefined);
  return { ...ss.toData(), documentProperties: state.documentProperties };
}

export interface SaveHooks {
  /** Called after the temporary file is written, before it is renamed (tests inject failures). */
  beforeRename?: (tmpPath: string) => void | Promise<void>;
  /**
   * Sheets to print landscape, one page wide (Sheets has no print API: the offline file carries
   * the print settings a user would choose for a wide report).
   */
  fitToWidth?: readonly string[];
}

/** Prints these sheets of a workbook landscape, one page wide. */
export function fitToWidth(wb: ExcelJS.Workbook, names: readonly string[]): void {
  for (const name of names) {
    const ws = wb.getWorksheet(name);
    if (ws) ws.pageSetup = { ...ws.pageSetup, ...FIT_TO_WIDTH };
  }
}

/** Writes `buffer` to `path` atomically: a temporary file in the same folder, then a rename. */
export async function writeFileAtomically(
  path: string,
  buffer: Buffer,
  hooks: SaveHooks = {},
): Promise<void> {
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

/** Builds a package, saying which file it was for when it cannot. */
export async function packageBuilt(path: string, build: () => Promise<Buffer>): Promise<Buffer> {
  try {
    return await build();
  } catch (e) {
    throw new Error(`Cannot save workbook to "${path}": ${messageOf(e)}`, { cause: e });
  }
}

/**
 * Writes a whole spreadsheet (every sheet serialised from the model, in a stream) to `path`,
 * atomically. `dates` puts dates in place of some cells' text (a CSV's date columns).
 */
export async function saveSpreadsheet(
  ss: FakeSpreadsheet,
  properties: ReadonlyMap<string, string>,
  path: string,
  hooks: SaveHooks = {},
  dates?: WholeWorkbook['dates'],
): Promise<void> {
  const state = stateOf(ss, properties);
  const build = async () => {
    const whole = await wholeWorkbookBuffer({
      ss,
      state,
      ...(dates ? { dates } : {}),
      fitToWidth: hooks.fitToWidth ?? [],
    });
    return addChartsToXlsx(whole, chartsBySheet(ss.sheetList()));
  };
  await writeFileAtomically(path, await packageBuilt(path, build), hooks);
}

/** Writes plain workbook data to `path` atomically. */
export async function saveXlsx(
  data: WorkbookData,
  path: string,
  hooks: SaveHooks = {},
): Promise<void> {
  const ss = scratchSpreadsheet();
  ss.loadData(data);
  await saveSpreadsheet(ss, new Map(Object.entries(data.documentProperties ?? {})), path, hooks);
}
