/** Cell primitives shared by the spreadsheet model: defaults, colours, stored values, sort order. */
import { type Cell, isDate } from './format.ts';
import { signatureError } from './signatureError.ts';

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_BACKGROUND = '#ffffff';
export const DEFAULT_FONT_COLOR = '#000000';
export const DEFAULT_COLUMN_WIDTH = 100;

/** The error values a cell can hold; scripts read them as these strings, as in Sheets. */
export const ERROR_VALUES: ReadonlySet<string> = new Set([
  '#N/A',
  '#DIV/0!',
  '#REF!',
  '#NAME?',
  '#NUM!',
  '#VALUE!',
  '#NULL!',
  '#ERROR!',
]);

const CSS_COLORS: Record<string, string> = {
  white: '#ffffff',
  black: '#000000',
  red: '#ff0000',
  green: '#008000',
  lime: '#00ff00',
  blue: '#0000ff',
  yellow: '#ffff00',
  orange: '#ffa500',
  gray: '#808080',
  grey: '#808080',
  lightgray: '#d3d3d3',
  lightgrey: '#d3d3d3',
  silver: '#c0c0c0',
  purple: '#800080',
  pink: '#ffc0cb',
  cyan: '#00ffff',
  magenta: '#ff00ff',
  brown: '#a52a2a',
  transparent: DEFAULT_BACKGROUND,
};

/** Normalizes a colour the way Sheets reports it: lower-case `#rrggbb`. */
export function normalizeColor(color: unknown, fallback: string): string {
  if (color === null || color === undefined || color === '') return fallback;
  const s = String(color).trim().toLowerCase();
  if (CSS_COLORS[s] !== undefined) return CSS_COLORS[s];
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/.exec(s);
  if (short) return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`;
  if (/^#[0-9a-f]{6}$/.test(s)) return s;
  if (/^#[0-9a-f]{8}$/.test(s)) return `#${s.slice(3)}`;
  return s;
}

/** A Date owned by the sheet: host-realm Dates are adopted (no copy), others are copied. */
function adoptDate(v: Date): Date {
  return v instanceof Date ? v : new Date(Date.prototype.getTime.call(v));
}

/** Converts any incoming value to a storable cell value (Sheets semantics, text not parsed). */
export function toCell(v: unknown): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'string' || typeof v === 'boolean') return v;
  if (typeof v === 'number') return Object.is(v, -0) ? 0 : v;
  if (isDate(v)) return adoptDate(v);
  if (typeof v === 'bigint') return Number(v);
  return String(v);
}

/** True when Sheets would turn a typed string into a formula. */
export function looksLikeFormula(s: string): boolean {
  if (s.length < 2) return false;
  const c = s.charCodeAt(0);
  if (c === 61) return true; // =
  if (c === 43 || c === 45) {
    // + or -: numbers stay numbers, anything else is parsed as a formula
    return !/^[+-]\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/.test(s);
  }
  return c === 64; // @
}

/** The block a script passes to a setXxxs method, checked against the range shape like Sheets. */
export function checkShape(
  data: unknown,
  numRows: number,
  numCols: number,
  method: string,
): unknown[][] {
  if (!Array.isArray(data)) throw signatureError(method, [data]);
  for (const row of data) if (!Array.isArray(row)) throw signatureError(method, [data]);
  const rows = data as unknown[][];
  if (rows.length !== numRows) {
    throw new Error(
      `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${numRows}.`,
    );
  }
  for (const row of rows) {
    if (row.length !== numCols) {
      throw new Error(
        `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${numCols}.`,
      );
    }
  }
  return rows;
}

// ---------------------------------------------------------------------------------------

function cellRank(v: Cell): number {
  if (typeof v === 'number' || isDate(v)) return 0;
  if (typeof v === 'string') return 1;
  return 2;
}

function cellNumber(v: Cell): number {
  return isDate(v) ? v.getTime() / 86400000 + 25569 : Number(v);
}

/** Sheets sort order: numbers and dates, then text (case-insensitive), then booleans; blanks last. */
export function compareCells(a: Cell, b: Cell, ascending: boolean): number {
  if (a === '' && b === '') return 0;
  if (a === '') return 1;
  if (b === '') return -1;
  const ra = cellRank(a);
  const rb = cellRank(b);
  let c: number;
  if (ra !== rb) c = ra - rb;
  else if (ra === 0) c = cellNumber(a) - cellNumber(b);
  else if (ra === 1) c = String(a).localeCompare(String(b), 'en', { sensitivity: 'base' });
  else c = Number(a) - Number(b);
  return ascending ? c : -c;
}
