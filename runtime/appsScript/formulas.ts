/** Evaluates `=NAME(args)` cells through the bundle's custom functions, spilling arrays like Sheets. */
import { a1Notation, parseA1 } from './a1.ts';
import { toCell } from './cells.ts';
import { type Cell, isDate } from './format.ts';
import { rangeOfName } from './namedRanges.ts';
import type { FakeSheet } from './sheet.ts';
import type { SheetGrid } from './sheetGrid.ts';
import type { FakeSpreadsheet } from './spreadsheet.ts';

export interface FormulaError {
  sheet: string;
  a1: string;
  formula: string;
  message: string;
}

interface FormulaHost {
  spreadsheet: FakeSpreadsheet;
  globalNames(): string[];
  callCustomFunction(fnName: string, ...args: unknown[]): unknown;
}

const ERROR_VALUES = new Set([
  '#ERROR!',
  '#N/A',
  '#REF!',
  '#VALUE!',
  '#DIV/0!',
  '#NAME?',
  '#NUM!',
  '#NULL!',
]);

const NAME_RE = /^[A-Za-z_][A-Za-z0-9_]*$/;
const CALL_RE = /^=\s*([A-Za-z_][A-Za-z0-9_.]*)\s*\(([\s\S]*)\)\s*$/;

class FormulaParseError extends Error {}

/** Splits top-level arguments on commas, honouring quotes, parentheses and braces. */
export function splitArgs(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  let inStr = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    if (inStr) {
      cur += ch;
      if (ch === '"') {
        if (text.charAt(i + 1) === '"') {
          cur += '"';
          i++;
        } else inStr = false;
      }
      continue;
    }
    if (ch === '"') inStr = true;
    else if (ch === '(' || ch === '{') depth++;
    else if (ch === ')' || ch === '}') depth--;
    else if (ch === "'") {
      // quoted sheet name
      const end = text.indexOf("'", i + 1);
      if (end > i) {
        cur += text.slice(i, end + 1);
        i = end;
        continue;
      }
    }
    if (ch === ',' && depth === 0) {
      out.push(cur.trim());
      cur = '';
      continue;
    }
    cur += ch;
  }
  if (inStr || depth !== 0) throw new FormulaParseError('Formula parse error.');
  if (cur.trim() !== '' || out.length > 0) out.push(cur.trim());
  return out;
}

const NUMBER_RE = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%*$/;

function parseScalar(text: string): Cell | undefined {
  if (NUMBER_RE.test(text)) {
    const pct = (text.match(/%/g) ?? []).length;
    return Number(text.replace(/%/g, '')) / 100 ** pct;
  }
  if (text.startsWith('"') && text.endsWith('"') && text.length >= 2)
    return text.slice(1, -1).replace(/""/g, '"');
  const up = text.toUpperCase();
  if (up === 'TRUE') return true;
  if (up === 'FALSE') return false;
  return undefined;
}

type Resolved = { value: unknown; error: string | null };

function resolveArg(text: string, ss: FakeSpreadsheet, sheet: FakeSheet): Resolved {
  if (text === '') return { value: undefined, error: null };
  const scalar = parseScalar(text);
  if (scalar !== undefined) return { value: scalar, error: null };
  if (text.startsWith('{') && text.endsWith('}')) {
    const rows = text
      .slice(1, -1)
      .split(';')
      .map((r) =>
        splitArgs(r).map((c) => {
          const v = parseScalar(c);
          if (v === undefined) throw new FormulaParseError(`Unsupported array element: ${c}`);
          return v;
        }),
      );
    return { value: rows, error: null };
  }
  // A1 reference, maybe sheet-qualified, or a named range
  let ref: ReturnType<typeof parseA1>;
  try {
    ref = parseA1(text);
  } catch {
    if (!NAME_RE.test(text)) throw new FormulaParseError(`Unsupported argument: ${text}`);
    const named = rangeOfName(ss.namedRanges, text);
    if (named === null) {
      // an unknown name is #NAME?; a name whose sheet was deleted is #REF!
      return { value: null, error: ss.namedRanges.has(text.toLowerCase()) ? '#REF!' : '#NAME?' };
    }
    const { sheet: s, row: r, col: c, numRows, numCols } = named;
    return readBlock(s, r, c, r + numRows - 1, c + numCols - 1);
  }
  const target = ref.sheetName === null ? sheet : ss.findSheet(ref.sheetName);
  if (target === null) return { value: null, error: '#REF!' };
  const endRow = Math.min(ref.endRow ?? target.lastRowInternal(), target.maxRows);
  const endCol = Math.min(ref.endCol ?? target.lastColumnInternal(), target.maxColumns);
  return readBlock(target, ref.row ?? 1, ref.col ?? 1, endRow, endCol);
}

function readBlock(
  target: SheetGrid,
  row: number,
  col: number,
  endRow: number,
  endCol: number,
): Resolved {
  const nr = Math.max(1, endRow - row + 1);
  const nc = Math.max(1, endCol - col + 1);
  const block = target.values.read(row - 1, col - 1, nr, nc, (v) =>
    isDate(v) ? new Date(v.getTime()) : v,
  );
  for (const r of block) {
    for (const v of r)
      if (typeof v === 'string' && ERROR_VALUES.has(v)) return { value: null, error: v };
  }
  if (nr === 1 && nc === 1) return { value: block[0]?.[0] ?? '', error: null };
  return { value: block, error: null };
}

function toGrid(result: unknown): Cell[][] {
  if (Array.isArray(result)) {
    if (result.length === 0) return [['#N/A']];
    if (result.every((r) => Array.isArray(r))) {
      const rows = result as unknown[][];
      const width = rows.reduce((most, r) => Math.max(most, r.length), 0);
      return rows.map((r) => Array.from({ length: width }, (_, j) => toCell(r[j])));
    }
    return result.map((v) => [toCell(v)]);
  }
  return [[toCell(result)]];
}

const spills = new WeakMap<object, Map<string, { nr: number; nc: number }>>();

function spillMapOf(sheet: object): Map<string, { nr: number; nc: number }> {
  let spillMap = spills.get(sheet);
  if (!spillMap) {
    spillMap = new Map();
    spills.set(sheet, spillMap);
  }
  return spillMap;
}

/**
 * Remembers that the formula at (0-based r, c) covers `nr` × `nc` cells: a file's array formula
 * range (`<f t="array" ref="D3:E9">`), so the next evaluation clears its own old results instead
 * of taking them for data in its way, as Sheets and Excel do.
 */
export function rememberSpill(sheet: object, r: number, c: number, nr: number, nc: number): void {
  spillMapOf(sheet).set(`${r},${c}`, { nr, nc });
}

/** The A1 block the last result of the formula at (0-based r, c) covers; '' for one cell. */
export function spillRange(sheet: object, r: number, c: number): string {
  const spill = spills.get(sheet)?.get(`${r},${c}`);
  if (!spill || spill.nr * spill.nc <= 1) return '';
  return a1Notation(r + 1, c + 1, spill.nr, spill.nc);
}

/** What a custom-function cell was last computed from: Sheets caches its result on these. */
interface CacheEntry {
  formula: string;
  args: string;
  message: string | null;
  error(sheet: string, a1: string, formula: string): FormulaError;
}

function cacheEntry(formula: string, args: string, message: string | null): CacheEntry {
  return {
    formula,
    args,
    message,
    error: (sheet, a1, f) => ({ sheet, a1, formula: f, message: message ?? '' }),
  };
}

const memos = new WeakMap<FakeSheet, Map<string, CacheEntry>>();

function memoOf(sheet: FakeSheet): Map<string, CacheEntry> {
  let memo = memos.get(sheet);
  if (!memo) {
    memo = new Map();
    memos.set(sheet, memo);
  }
  return memo;
}

/** The arguments' values as one comparable text (dates by instant). */
function argumentsKey(values: unknown[]): string {
  return JSON.stringify(values, function (this: Record<string, unknown>, k: string, v: unknown) {
    const raw = this[k];
    return isDate(raw) ? { date: raw.getTime() } : v;
  });
}

function messageOf(e: unknown): string {
  if (e !== null && typeof e === 'object' && 'message' in e)
    return String((e as { message: unknown }).message);
  return String(e);
}

/** One sheet's formula cells being evaluated: the bundle, and what Sheets keeps per cell. */
interface SheetPass {
  host: FormulaHost;
  names: ReadonlySet<string>;
  sheet: FakeSheet;
  spills: Map<string, { nr: number; nc: number }>;
  memo: Map<string, CacheEntry>;
}

function sheetPass(host: FormulaHost, names: ReadonlySet<string>, sheet: FakeSheet): SheetPass {
  return { host, names, sheet, spills: spillMapOf(sheet), memo: memoOf(sheet) };
}

/** A cell's result: its block of values, and the error it shows (null for none). */
interface Outcome {
  grid: Cell[][];
  message: string | null;
}

/**
 * Calls the function of a formula cell with its arguments' values; `cached` when its formula
 * and arguments are those of its last result, which Sheets keeps.
 */
function callFunction(
  pass: SheetPass,
  key: string,
  f: string,
  call: RegExpExecArray,
): Outcome | 'cached' {
  const fnName = call[1] ?? '';
  if (!pass.names.has(fnName))
    return { grid: [['#NAME?']], message: `Unknown function: '${fnName}'.` };
  try {
    const ss = pass.host.spreadsheet;
    const args = splitArgs(call[2] ?? '').map((t) => resolveArg(t, ss, pass.sheet));
    const bad = args.find((a) => a.error !== null);
    if (bad)
      return { grid: [[bad.error ?? '#ERROR!']], message: `Referenced cell holds ${bad.error}` };
    // Trailing omitted arguments are not passed.
    const values = args.map((a) => a.value);
    while (values.length > 0 && values[values.length - 1] === undefined) values.pop();
    const last = pass.memo.get(key);
    const argsKey = argumentsKey(values);
    // Sheets recalculates a custom function only when its arguments change.
    if (last && last.formula === f && last.args === argsKey) return 'cached';
    pass.memo.set(key, cacheEntry(f, argsKey, null));
    return { grid: toGrid(pass.host.callCustomFunction(fnName, ...values)), message: null };
  } catch (e) {
    return { grid: [['#ERROR!']], message: messageOf(e) };
  }
}

/** Blanks the cells the previous result of (r, c) spilled into (not the ones holding formulas). */
function clearSpill(pass: SheetPass, key: string, r: number, c: number): void {
  const prev = pass.spills.get(key);
  if (!prev) return;
  const sheet = pass.sheet;
  for (let i = 0; i < prev.nr; i++) {
    for (let j = 0; j < prev.nc; j++) {
      if (i === 0 && j === 0) continue;
      if (sheet.formulas.get(r + i, c + j) === '') sheet.values.set(r + i, c + j, '');
    }
  }
}

/** What stops a block spilling from (r, c): the sheet's edge or the first cell in its way. */
function spillBlocker(
  sheet: FakeSheet,
  r: number,
  c: number,
  nr: number,
  nc: number,
): string | null {
  if (r + nr > sheet.maxRows || c + nc > sheet.maxColumns) return 'the edge of the sheet';
  for (let i = 0; i < nr; i++) {
    for (let j = 0; j < nc; j++) {
      if (i === 0 && j === 0) continue;
      if (sheet.values.get(r + i, c + j) !== '' || sheet.formulas.get(r + i, c + j) !== '')
        return a1Notation(r + i + 1, c + j + 1, 1, 1);
    }
  }
  return null;
}

/** Writes a result from (r, c); true when a cell's value changed. */
function writeSpill(sheet: FakeSheet, r: number, c: number, grid: Cell[][]): boolean {
  let changed = false;
  const nc = grid[0]?.length ?? 1;
  for (let i = 0; i < grid.length; i++) {
    for (let j = 0; j < nc; j++) {
      const v = grid[i]?.[j] ?? '';
      if (!sameCell(sheet.values.get(r + i, c + j), v)) changed = true;
      sheet.values.set(r + i, c + j, v);
    }
  }
  return changed;
}

/** Evaluates one formula cell (0-based r, c); true when the sheet's values changed. */
function evaluateCell(
  pass: SheetPass,
  r: number,
  c: number,
  f: string,
  errors: FormulaError[],
): boolean {
  const call = CALL_RE.exec(f);
  if (!call) return false;
  const sheet = pass.sheet;
  const a1 = a1Notation(r + 1, c + 1, 1, 1);
  const key = `${r},${c}`;
  const outcome = callFunction(pass, key, f, call);
  if (outcome === 'cached') {
    const last = pass.memo.get(key);
    if (last && last.message !== null) errors.push(last.error(sheet.sheetName, a1, f));
    return false;
  }
  let { grid, message } = outcome;
  clearSpill(pass, key, r, c);
  const blocked = spillBlocker(sheet, r, c, grid.length, grid[0]?.length ?? 1);
  if (blocked !== null) {
    grid = [['#REF!']];
    message = `Array result was not expanded because it would overwrite data in ${blocked}.`;
  }
  const changed = writeSpill(sheet, r, c, grid);
  pass.spills.set(key, { nr: grid.length, nc: grid[0]?.length ?? 1 });
  const entry = pass.memo.get(key);
  if (entry && message !== null) pass.memo.set(key, cacheEntry(entry.formula, entry.args, message));
  if (message !== null) errors.push({ sheet: sheet.sheetName, a1, formula: f, message });
  return changed;
}

/** Evaluates every formula cell of one sheet; true when its values changed. */
function evaluateSheet(pass: SheetPass, errors: FormulaError[]): boolean {
  const cells: { r: number; c: number; f: string }[] = [];
  pass.sheet.formulas.rows.forEach((row, r) => {
    row?.forEach((f, c) => {
      if (f) cells.push({ r, c, f });
    });
  });
  let changed = false;
  for (const { r, c, f } of cells) if (evaluateCell(pass, r, c, f, errors)) changed = true;
  return changed;
}

/**
 * Evaluates every cell whose formula is a call to a bundle function (e.g. `=SLA_REPS(B2, 47, 8)`)
 * in custom-function mode, with literal numbers / strings / percentages / booleans, array
 * literals and A1 references (sheet-qualified allowed). Results spill like Sheets arrays.
 * Other formulas are left alone. Returns the errors (cells show `#ERROR!`, `#REF!`, `#NAME?`).
 */
export function evaluateFormulas(host: FormulaHost, sheetName?: string): FormulaError[] {
  const ss = host.spreadsheet;
  const names = new Set(host.globalNames());
  const sheets =
    sheetName === undefined ? ss.sheetList() : [ss.findSheet(sheetName)].filter((s) => s !== null);
  if (sheetName !== undefined && sheets.length === 0)
    throw new Error(`Sheet not found: ${sheetName}`);
  let errors: FormulaError[] = [];
  // Results feed other cells' arguments: evaluate again until nothing changes (at most 10 passes).
  for (let pass = 0; pass < 10; pass++) {
    errors = [];
    let changed = false;
    for (const sheet of sheets)
      if (evaluateSheet(sheetPass(host, names, sheet), errors)) changed = true;
    if (!changed) break;
  }
  return errors;
}

function sameCell(a: Cell, b: Cell): boolean {
  if (isDate(a) && isDate(b)) return a.getTime() === b.getTime();
  return a === b;
}
