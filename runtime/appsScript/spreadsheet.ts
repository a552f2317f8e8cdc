/** Fake Spreadsheet: the workbook, its sheets and the spreadsheet-level Apps Script API. */
import { splitSheetName } from './a1.ts';
import { type Env, enumName, makeEnum } from './env.ts';
import {
  type FakeNamedRange,
  type NamedRangeData,
  namedRangeList,
  namedRangeTexts,
  rangeOfName,
  restoreNamedRange,
  setNamedRange,
} from './namedRanges.ts';
import type { FakeRange } from './range.ts';
import { FakeSheet } from './sheet.ts';
import { signatureError } from './signatureError.ts';
import type { FormulaWrite, SpreadsheetContext, SpreadsheetLike } from './types.ts';
import { UiRecorder } from './ui.ts';
import { type SheetData, sheetFromData, sheetToData, type WorkbookData } from './workbookData.ts';

/** How often volatile functions (NOW, TODAY, RAND) recalculate: File › Settings › Calculation. */
export const RecalculationInterval = makeEnum(['ON_CHANGE', 'MINUTE', 'HOUR'] as const);

export class FakeSpreadsheet implements SpreadsheetLike {
  private sheets: FakeSheet[] = [];
  activeSheetInternal: FakeSheet | null = null;
  timeZoneInternal: string;
  private nameInternal: string;
  private nextSheetId = 0;
  readonly id: string;
  locale = 'en_US';
  /** File › Settings › Calculation › Recalculation: ON_CHANGE (the default), MINUTE or HOUR. */
  recalculationInterval = 'ON_CHANGE';
  /** The script project running in it (what PROJECT-visible developer metadata compares). */
  projectId = 'fake-script-id';
  /** Named ranges by name (case kept; looked up ignoring case, as in Sheets). */
  readonly namedRanges = new Map<string, NamedRangeData>();

  constructor(
    readonly ctx: SpreadsheetContext,
    opts: { name?: string; timeZone?: string; id?: string; emptySheet?: boolean } = {},
  ) {
    this.nameInternal = opts.name ?? 'Untitled spreadsheet';
    this.timeZoneInternal = opts.timeZone ?? 'Europe/Paris';
    this.id = opts.id ?? '1FakeSpreadsheetId0123456789abcdefghijklmnop';
    if (opts.emptySheet !== false) this.addSheetInternal('Sheet1');
  }

  private get env(): Env {
    return this.ctx.env;
  }

  /** A new developer metadata id, unique in this spreadsheet (loaded marks keep theirs). */
  nextMetadataId(): number {
    const used = this.sheets.flatMap((s) => s.developerMetadata.map((m) => m.id));
    return Math.max(1_000_000, ...used) + 7_919;
  }

  sheetList(): FakeSheet[] {
    return this.sheets;
  }

  findSheet(name: string): FakeSheet | null {
    const lower = name.toLowerCase();
    return this.sheets.find((s) => s.sheetName.toLowerCase() === lower) ?? null;
  }

  /** Uncounted: adds a sheet (throws on a duplicate name). */
  addSheetInternal(name: string, index?: number): FakeSheet {
    if (this.findSheet(name) !== null) {
      throw new Error(`A sheet with the name "${name}" already exists. Please enter another name.`);
    }
    const id = this.nextSheetId === 0 ? 0 : 100000000 + this.nextSheetId * 7919;
    this.nextSheetId++;
    const sheet = new FakeSheet(this.ctx, this, name, id);
    if (index === undefined || index >= this.sheets.length) this.sheets.push(sheet);
    else this.sheets.splice(Math.max(0, index), 0, sheet);
    if (this.activeSheetInternal === null) this.activeSheetInternal = sheet;
    return sheet;
  }

  /** Uncounted: adds a sheet holding `rows` (a test's setup, not a script's call). */
  addSheetFromRows(name: string, rows: readonly unknown[][]): FakeSheet {
    const sheet = this.addSheetInternal(name);
    sheetFromData(sheet, { name, values: rows.map((r) => r.map((v) => v)) as SheetData['values'] });
    return sheet;
  }

  removeSheetInternal(sheet: FakeSheet): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    if (this.activeSheetInternal === sheet) this.activeSheetInternal = this.sheets[0] ?? null;
  }

  /** Removes every sheet and renames the spreadsheet (uncounted; before loading a workbook). */
  resetInternal(name: string, timeZone: string): void {
    for (const s of this.sheets) s.deleted = true;
    this.sheets = [];
    this.namedRanges.clear();
    this.activeSheetInternal = null;
    this.nextSheetId = 0;
    this.nameInternal = name;
    this.timeZoneInternal = timeZone;
  }

  /** Replaces the whole workbook with plain data (used by fixtures). */
  loadData(data: WorkbookData): void {
    this.resetInternal(data.name, data.timeZone);
    for (const sd of data.sheets) sheetFromData(this.addSheetInternal(sd.name), sd);
    if (this.sheets.length === 0) this.addSheetInternal('Sheet1');
    for (const [name, text] of Object.entries(data.namedRanges ?? {}))
      restoreNamedRange(this.namedRanges, name, this.rangeInternal(text));
  }

  toData(): WorkbookData {
    return {
      name: this.nameInternal,
      timeZone: this.timeZoneInternal,
      sheets: this.sheets.map(sheetToData),
      namedRanges: Object.fromEntries(namedRangeTexts(this.namedRanges)),
    };
  }

  getId(): string {
    this.env.touch('Spreadsheet.getId', 'read');
    return this.id;
  }
  getName(): string {
    this.env.touch('Spreadsheet.getName', 'read');
    return this.nameInternal;
  }
  get name(): string {
    return this.nameInternal;
  }
  rename(newName: string): void {
    this.env.touch('Spreadsheet.rename', 'write');
    this.nameInternal = String(newName);
  }
  getUrl(): string {
    this.env.touch('Spreadsheet.getUrl', 'read');
    return `https://docs.google.com/spreadsheets/d/${this.id}/edit`;
  }
  getSpreadsheetTimeZone(): string {
    this.env.touch('Spreadsheet.getSpreadsheetTimeZone', 'read');
    return this.timeZoneInternal;
  }
  setSpreadsheetTimeZone(timezone: string): void {
    this.env.touch('Spreadsheet.setSpreadsheetTimeZone', 'write');
    this.timeZoneInternal = String(timezone);
  }
  getRecalculationInterval(): unknown {
    this.env.touch('Spreadsheet.getRecalculationInterval', 'read');
    return RecalculationInterval[this.recalculationInterval as keyof typeof RecalculationInterval];
  }
  setRecalculationInterval(interval: unknown): this {
    this.env.touch('Spreadsheet.setRecalculationInterval', 'write');
    const name = enumName(interval);
    if (!(name in RecalculationInterval))
      throw signatureError('SpreadsheetApp.Spreadsheet.setRecalculationInterval', [interval]);
    this.recalculationInterval = name;
    return this;
  }
  getSpreadsheetLocale(): string {
    this.env.touch('Spreadsheet.getSpreadsheetLocale', 'read');
    return this.locale;
  }
  getSheetByName(name: string): FakeSheet | null {
    this.env.touch('Spreadsheet.getSheetByName', 'read');
    return this.findSheet(String(name));
  }
  getSheetById(id: number): FakeSheet | null {
    this.env.touch('Spreadsheet.getSheetById', 'read');
    return this.sheets.find((s) => s.sheetId === id) ?? null;
  }
  getSheets(): FakeSheet[] {
    this.env.touch('Spreadsheet.getSheets', 'read');
    return this.env.realm.copy(this.sheets.slice());
  }
  getNumSheets(): number {
    this.env.touch('Spreadsheet.getNumSheets', 'read');
    return this.sheets.length;
  }

  /** insertSheet() | (index) | (name) | (name, index) | (name, index, options) | (name, options) */
  insertSheet(a?: unknown, b?: unknown, _c?: unknown): FakeSheet {
    this.env.touch('Spreadsheet.insertSheet', 'write');
    let name: string | undefined;
    let index: number | undefined;
    if (typeof a === 'string') name = a;
    else if (typeof a === 'number') index = a;
    else if (a !== undefined && (a === null || typeof a !== 'object')) {
      throw signatureError('SpreadsheetApp.Spreadsheet.insertSheet', [a]);
    }
    if (typeof b === 'number') index = b;
    if (name === undefined) {
      let n = this.sheets.length + 1;
      while (this.findSheet(`Sheet${n}`) !== null) n++;
      name = `Sheet${n}`;
    }
    if (name.trim() === '') throw new Error('Sheet names cannot be empty.');
    const sheet = this.addSheetInternal(name, index);
    this.activeSheetInternal = sheet;
    return sheet;
  }
  deleteSheet(sheet: FakeSheet): void {
    this.env.touch('Spreadsheet.deleteSheet', 'write');
    if (!(sheet instanceof FakeSheet) || sheet.parent !== this) {
      throw signatureError('SpreadsheetApp.Spreadsheet.deleteSheet', [sheet]);
    }
    if (this.sheets.length <= 1) throw new Error("You can't remove all the sheets in a document.");
    this.removeSheetInternal(sheet);
  }
  getActiveSheet(): FakeSheet {
    this.env.touch('Spreadsheet.getActiveSheet', 'read');
    return this.activeSheetInternal ?? this.sheets[0]!;
  }
  setActiveSheet(sheet: FakeSheet): FakeSheet {
    this.env.touch('Spreadsheet.setActiveSheet', 'read');
    this.activeSheetInternal = sheet;
    return sheet;
  }
  getActiveRange(): FakeRange {
    this.env.touch('Spreadsheet.getActiveRange', 'read');
    return this.getActiveSheetInternal().rangeInternal(1, 1, 1, 1);
  }
  private getActiveSheetInternal(): FakeSheet {
    return this.activeSheetInternal ?? this.sheets[0]!;
  }
  toast(msg: unknown, title?: unknown, timeoutSeconds?: unknown): void {
    this.env.touch('Spreadsheet.toast', 'uiShow');
    this.ctx.ui.toasts.push({
      message: String(msg),
      title: title === undefined || title === null ? '' : String(title),
      timeoutSeconds: typeof timeoutSeconds === 'number' ? timeoutSeconds : 5,
    });
  }
  getRange(a1: string): FakeRange {
    this.env.touch('Spreadsheet.getRange', 'read');
    return this.rangeInternal(a1);
  }
  rangeInternal(a1: string): FakeRange {
    if (typeof a1 !== 'string') throw signatureError('SpreadsheetApp.Spreadsheet.getRange', [a1]);
    const { sheetName } = splitSheetName(a1);
    const sheet = sheetName === null ? this.getActiveSheetInternal() : this.findSheet(sheetName);
    if (sheet === null) throw new Error('Range not found');
    return sheet.rangeFromA1Internal(a1);
  }
  setNamedRange(name: string, range: FakeRange): void {
    this.env.touch('Spreadsheet.setNamedRange', 'write');
    setNamedRange(this.namedRanges, name, range);
  }
  getRangeByName(name: string): FakeRange | null {
    this.env.touch('Spreadsheet.getRangeByName', 'read');
    if (typeof name !== 'string')
      throw signatureError('SpreadsheetApp.Spreadsheet.getRangeByName', [name]);
    return rangeOfName(this.namedRanges, name);
  }
  getNamedRanges(): FakeNamedRange[] {
    this.env.touch('Spreadsheet.getNamedRanges', 'read');
    return this.env.realm.copy(namedRangeList(this.env, this.namedRanges));
  }
  removeNamedRange(name: string): void {
    this.env.touch('Spreadsheet.removeNamedRange', 'write');
    if (!this.namedRanges.delete(String(name).toLowerCase()))
      throw new Error(`Named range ${String(name)} does not exist.`);
  }
  getSheetName(): string {
    this.env.touch('Spreadsheet.getSheetName', 'read');
    return this.getActiveSheetInternal().sheetName;
  }
  getLastRow(): number {
    this.env.touch('Spreadsheet.getLastRow', 'read');
    return this.getActiveSheetInternal().lastRowInternal();
  }
  getDataRange(): FakeRange {
    this.env.touch('Spreadsheet.getDataRange', 'read');
    const s = this.getActiveSheetInternal();
    return s.rangeInternal(
      1,
      1,
      Math.max(1, s.lastRowInternal()),
      Math.max(1, s.lastColumnInternal()),
    );
  }
  toString(): string {
    return 'Spreadsheet';
  }
}

/** What the runtime's spreadsheet is made from (part of the runtime's options). */
export interface SpreadsheetOptions {
  /** Spreadsheet time zone (default Europe/Paris). */
  timeZone?: string;
  /** Spreadsheet locale, e.g. `en_US` (default) or `fr_FR`: it decides ambiguous text dates. */
  locale?: string;
  /** Spreadsheet name (default "Untitled spreadsheet"). */
  name?: string;
  /** Start from this workbook instead of one empty "Sheet1". */
  workbook?: WorkbookData;
}

/** The spreadsheet a runtime's script is bound to, with its own UI recorder. */
export function makeSpreadsheet(env: Env, options: SpreadsheetOptions): FakeSpreadsheet {
  const formulaWrites: FormulaWrite[] = [];
  const spreadsheet = new FakeSpreadsheet(
    { env, ui: new UiRecorder(), formulaWrites },
    { name: options.name ?? 'Untitled spreadsheet', timeZone: options.timeZone ?? 'Europe/Paris' },
  );
  if (options.workbook) spreadsheet.loadData(options.workbook);
  if (options.timeZone !== undefined) spreadsheet.timeZoneInternal = options.timeZone;
  if (options.locale !== undefined) spreadsheet.locale = options.locale;
  return spreadsheet;
}
