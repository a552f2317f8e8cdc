/**
 * Named ranges of a spreadsheet: `Spreadsheet.setNamedRange(name, range)`, `getRangeByName`,
 * `getNamedRanges`, `removeNamedRange`. A name is looked up ignoring case; a range whose sheet
 * was deleted no longer resolves (Sheets shows #REF!).
 */
import { a1Notation } from './a1.ts';
import type { Env } from './env.ts';
import { FakeRange, type RangeSheet } from './range.ts';
import { signatureError } from './signatureError.ts';

export interface NamedRangeData {
  name: string;
  sheet: RangeSheet;
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Sheets' rules: letters, digits and underscores, not a cell reference, not TRUE or FALSE. */
export function namedRangeProblem(name: string): string | null {
  if (!/^[A-Za-z_][A-Za-z0-9_]{0,249}$/.test(name)) {
    return 'Named ranges can contain only letters, numbers and underscores, and cannot start with a number.';
  }
  if (/^(true|false)$/i.test(name) || /^[A-Za-z]{1,3}\d+$/.test(name) || /^R\d*C\d*$/i.test(name)) {
    return `"${name}" is a cell reference or a reserved word: use another name.`;
  }
  return null;
}

export type NamedRanges = Map<string, NamedRangeData>;

export function setNamedRange(ranges: NamedRanges, name: unknown, range: unknown): void {
  if (typeof name !== 'string' || !(range instanceof FakeRange))
    throw signatureError('SpreadsheetApp.Spreadsheet.setNamedRange', [name, range]);
  const problem = namedRangeProblem(name);
  if (problem) throw new Error(problem);
  restoreNamedRange(ranges, name, range);
}

/** The range a name points at, or null (unknown name, or its sheet was deleted). */
export function rangeOfName(ranges: NamedRanges, name: string): FakeRange | null {
  const d = ranges.get(name.toLowerCase());
  if (!d || d.sheet.deleted) return null;
  return new FakeRange(d.sheet, d.row, d.col, d.numRows, d.numCols);
}

export class FakeNamedRange {
  constructor(
    private readonly env: Env,
    private readonly ranges: NamedRanges,
    private data: NamedRangeData,
  ) {}
  getName(): string {
    this.env.touch('NamedRange.getName', 'read');
    return this.data.name;
  }
  getRange(): FakeRange {
    this.env.touch('NamedRange.getRange', 'read');
    const d = this.data;
    return new FakeRange(d.sheet, d.row, d.col, d.numRows, d.numCols);
  }
  setName(name: string): this {
    this.env.touch('NamedRange.setName', 'write');
    this.ranges.delete(this.data.name.toLowerCase());
    setNamedRange(this.ranges, name, this.getRange());
    this.data = this.ranges.get(name.toLowerCase())!;
    return this;
  }
  setRange(range: FakeRange): this {
    this.env.touch('NamedRange.setRange', 'write');
    setNamedRange(this.ranges, this.data.name, range);
    this.data = this.ranges.get(this.data.name.toLowerCase())!;
    return this;
  }
  remove(): void {
    this.env.touch('NamedRange.remove', 'write');
    this.ranges.delete(this.data.name.toLowerCase());
  }
  toString(): string {
    return 'NamedRange';
  }
}

export function namedRangeList(env: Env, ranges: NamedRanges): FakeNamedRange[] {
  return [...ranges.values()]
    .filter((d) => !d.sheet.deleted)
    .map((d) => new FakeNamedRange(env, ranges, d));
}

export const quotedSheetName = (sheetName: string): string => `'${sheetName.replace(/'/g, "''")}'`;

/** `'My sheet'!$B$1`: the text a defined name points at. */
export function namedRangeText(d: NamedRangeData): string {
  const abs = a1Notation(d.row, d.col, d.numRows, d.numCols).replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
  return `${quotedSheetName(d.sheet.sheetName)}!${abs}`;
}

/** Name → range text of every named range that still resolves. */
export function namedRangeTexts(ranges: NamedRanges): Map<string, string> {
  const out = new Map<string, string>();
  for (const d of ranges.values()) if (!d.sheet.deleted) out.set(d.name, namedRangeText(d));
  return out;
}

/** Sets a name without the API's checks (a file's defined names, fixtures). */
export function restoreNamedRange(ranges: NamedRanges, name: string, r: FakeRange): void {
  ranges.set(name.toLowerCase(), {
    name,
    sheet: r.sheet,
    row: r.row,
    col: r.col,
    numRows: r.numRows,
    numCols: r.numCols,
  });
}
