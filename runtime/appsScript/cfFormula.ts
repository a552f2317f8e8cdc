/**
 * Custom formulas of conditional-format rules, evaluated like Sheets evaluates them for one
 * cell: references relative to the rule's first range's top-left cell ($ pins a row or column),
 * dates as serial numbers in the spreadsheet's zone, NOW() the runtime's clock, text compared
 * without case. Enough of the language for the rules scripts write: literals, references,
 * & + - * / and comparisons, and AND, OR, NOT, IF, N, ISNUMBER, ISBLANK, LEFT, RIGHT, LEN,
 * TRIM, UPPER, LOWER, NOW, TODAY. Anything else throws, so a test never passes on a guess.
 */
import { lettersToColumn } from './a1.ts';
import { isDate } from './format.ts';
import { toExcelDate } from './zone.ts';

export type CfValue = number | string | boolean;

export interface CfContext {
  /** The value of a cell (1-based), as getValues returns it. */
  cell(row: number, col: number): unknown;
  /** The spreadsheet's zone (dates become serial numbers in it). */
  zone: string;
  nowMs: number;
  /** The cell being formatted, and the top-left cell of the rule's first range. */
  row: number;
  col: number;
  anchorRow: number;
  anchorCol: number;
}

type Token =
  | { t: 'num'; v: number }
  | { t: 'str'; v: string }
  | { t: 'bool'; v: boolean }
  | { t: 'ref'; colAbs: boolean; col: number; rowAbs: boolean; row: number }
  | { t: 'fn'; name: string }
  | { t: 'op'; v: string };

const TOKEN =
  /\s*(?:(\d+(?:\.\d*)?(?:[eE][+-]?\d+)?|\.\d+)|"((?:[^"]|"")*)"|(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])|([A-Za-z_][A-Za-z0-9_.]*)\s*(?=\()|(TRUE|FALSE)\b|(<>|<=|>=|[-+*/&=<>(),]))/y;

export function tokenize(formula: string): Token[] {
  const text = formula.replace(/^\s*=/, '');
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < text.length) {
    if (/^\s*$/.test(text.slice(TOKEN.lastIndex))) break;
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(text);
    if (!m) throw new Error(`Formula parse error at "${text.slice(at, at + 12)}" in ${formula}`);
    if (m[1] !== undefined) tokens.push({ t: 'num', v: Number(m[1]) });
    else if (m[2] !== undefined) tokens.push({ t: 'str', v: m[2].replace(/""/g, '"') });
    else if (m[4] !== undefined)
      tokens.push({
        t: 'ref',
        colAbs: m[3] === '$',
        col: lettersToColumn(m[4].toUpperCase()),
        rowAbs: m[5] === '$',
        row: Number(m[6]),
      });
    else if (m[7] !== undefined) tokens.push({ t: 'fn', name: m[7].toUpperCase() });
    else if (m[8] !== undefined) tokens.push({ t: 'bool', v: m[8].toUpperCase() === 'TRUE' });
    else tokens.push({ t: 'op', v: m[9]! });
  }
  return tokens;
}

/** Evaluates a rule's formula for one cell. */
export function evaluateCf(formula: string, ctx: CfContext): CfValue {
  const p = new Parser(tokenize(formula), ctx);
  const v = p.comparison();
  if (!p.done()) throw new Error(`Formula parse error: unexpected end of ${formula}`);
  return v;
}

/** A rule applies when its formula is TRUE, or a non-zero number. */
export function isTruthy(v: CfValue): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  return false;
}

function toSerial(d: Date, zone: string): number {
  return toExcelDate(d, zone).getTime() / 86400000 + 25569;
}

function num(v: CfValue): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v === '') return 0;
  const n = Number(v);
  if (Number.isNaN(n)) throw new Error(`#VALUE!: "${v}" is not a number`);
  return n;
}

function text(v: CfValue): string {
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  return String(v);
}

function bool(v: CfValue): boolean {
  if (typeof v === 'string') {
    if (v === '') return false;
    throw new Error(`#VALUE!: "${v}" is not TRUE or FALSE`);
  }
  return isTruthy(v);
}

/** Sheets order: numbers < text < booleans; text without case. */
function compare(a: CfValue, b: CfValue): number {
  const rank = (v: CfValue) => (typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  if (a === '' && typeof b === 'number') return 0 - b;
  if (b === '' && typeof a === 'number') return a;
  if (rank(a) !== rank(b)) return rank(a) - rank(b);
  if (typeof a === 'string') {
    const x = a.toLowerCase();
    const y = String(b).toLowerCase();
    return x < y ? -1 : x > y ? 1 : 0;
  }
  return num(a) - num(b);
}

class Parser {
  private i = 0;
  constructor(
    private readonly tokens: Token[],
    private readonly ctx: CfContext,
  ) {}

  done(): boolean {
    return this.i >= this.tokens.length;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.tokens[this.i];
    return t && t.t === 'op' && ops.includes(t.v) ? t.v : null;
  }

  private expect(op: string): void {
    if (!this.peekOp(op)) throw new Error(`Formula parse error: expected ${op}`);
    this.i++;
  }

  comparison(): CfValue {
    let left = this.concat();
    for (
      let op = this.peekOp('=', '<>', '<', '>', '<=', '>=');
      op;
      op = this.peekOp('=', '<>', '<', '>', '<=', '>=')
    ) {
      this.i++;
      const c = compare(left, this.concat());
      left =
        op === '='
          ? c === 0
          : op === '<>'
            ? c !== 0
            : op === '<'
              ? c < 0
              : op === '>'
                ? c > 0
                : op === '<='
                  ? c <= 0
                  : c >= 0;
    }
    return left;
  }

  private concat(): CfValue {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.i++;
      left = text(left) + text(this.additive());
    }
    return left;
  }

  private additive(): CfValue {
    let left = this.term();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.i++;
      const right = this.term();
      left = op === '+' ? num(left) + num(right) : num(left) - num(right);
    }
    return left;
  }

  private term(): CfValue {
    let left = this.unary();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.i++;
      const right = num(this.unary());
      if (op === '/' && right === 0) throw new Error('#DIV/0!');
      left = op === '*' ? num(left) * right : num(left) / right;
    }
    return left;
  }

  private unary(): CfValue {
    if (this.peekOp('-')) {
      this.i++;
      return -num(this.unary());
    }
    if (this.peekOp('+')) {
      this.i++;
      return num(this.unary());
    }
    return this.primary();
  }

  private primary(): CfValue {
    const t = this.tokens[this.i++];
    if (!t) throw new Error('Formula parse error: missing value');
    if (t.t === 'num' || t.t === 'str' || t.t === 'bool') return t.v;
    if (t.t === 'ref') return this.ref(t);
    if (t.t === 'fn') return this.call(t.name);
    if (t.v === '(') {
      const v = this.comparison();
      this.expect(')');
      return v;
    }
    throw new Error(`Formula parse error: unexpected ${t.v}`);
  }

  private ref(t: Extract<Token, { t: 'ref' }>): CfValue {
    const c = this.ctx;
    const row = t.rowAbs ? t.row : c.row + (t.row - c.anchorRow);
    const col = t.colAbs ? t.col : c.col + (t.col - c.anchorCol);
    if (row < 1 || col < 1) throw new Error('#REF!');
    const v = c.cell(row, col);
    if (isDate(v)) return toSerial(v, c.zone);
    if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
    return '';
  }

  private args(): CfValue[][] {
    this.expect('(');
    const out: CfValue[][] = [];
    if (this.peekOp(')')) {
      this.i++;
      return out;
    }
    for (;;) {
      out.push([this.comparison()]);
      if (this.peekOp(')')) {
        this.i++;
        return out;
      }
      this.expect(',');
    }
  }

  private call(name: string): CfValue {
    if (name === 'IF') return this.callIf();
    const a = this.args().map((x) => x[0]!);
    return callFunction(name, a, this.ctx);
  }

  /** IF evaluates both branches here (no side effects), returning the chosen one. */
  private callIf(): CfValue {
    const a = this.args().map((x) => x[0]!);
    if (a.length < 2 || a.length > 3) throw new Error('IF takes 2 or 3 arguments');
    return bool(a[0]!) ? a[1]! : (a[2] ?? false);
  }
}

function callFunction(name: string, a: CfValue[], ctx: CfContext): CfValue {
  switch (name) {
    case 'AND':
      return a.every(bool);
    case 'OR':
      return a.some(bool);
    case 'NOT':
      return !bool(a[0] ?? false);
    case 'N':
      return typeof a[0] === 'number' ? a[0] : typeof a[0] === 'boolean' ? num(a[0]) : 0;
    case 'ISNUMBER':
      return typeof a[0] === 'number';
    case 'ISBLANK':
      return a[0] === '';
    case 'LEFT':
      return text(a[0] ?? '').slice(0, a[1] === undefined ? 1 : num(a[1]));
    case 'RIGHT': {
      const s = text(a[0] ?? '');
      const n = a[1] === undefined ? 1 : num(a[1]);
      return n <= 0 ? '' : s.slice(-n);
    }
    case 'LEN':
      return text(a[0] ?? '').length;
    case 'TRIM':
      return text(a[0] ?? '')
        .trim()
        .replace(/ +/g, ' ');
    case 'UPPER':
      return text(a[0] ?? '').toUpperCase();
    case 'LOWER':
      return text(a[0] ?? '').toLowerCase();
    case 'NOW':
      return toSerial(new Date(ctx.nowMs), ctx.zone);
    case 'TODAY':
      return Math.floor(toSerial(new Date(ctx.nowMs), ctx.zone));
    default:
      throw new Error(`Conditional formats: the runtime does not evaluate ${name}()`);
  }
}
