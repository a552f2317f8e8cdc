/** Conditional format rules: SpreadsheetApp.newConditionalFormatRule() and Sheet rules. */
import { columnToLetters, lettersToColumn } from './a1.ts';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR, normalizeColor } from './cells.ts';
import { type CfContext, evaluateCf, isTruthy } from './cfFormula.ts';
import { type Env, makeEnum } from './env.ts';
import { type FakeRange, rangeOf } from './range.ts';
import { signatureError } from './signatureError.ts';

export const BooleanCriteria = makeEnum([
  'CELL_EMPTY',
  'CELL_NOT_EMPTY',
  'DATE_AFTER',
  'DATE_BEFORE',
  'DATE_EQUAL_TO',
  'NUMBER_BETWEEN',
  'NUMBER_EQUAL_TO',
  'NUMBER_GREATER_THAN',
  'NUMBER_GREATER_THAN_OR_EQUAL_TO',
  'NUMBER_LESS_THAN',
  'NUMBER_LESS_THAN_OR_EQUAL_TO',
  'NUMBER_NOT_BETWEEN',
  'NUMBER_NOT_EQUAL_TO',
  'TEXT_CONTAINS',
  'TEXT_DOES_NOT_CONTAIN',
  'TEXT_EQUAL_TO',
  'TEXT_STARTS_WITH',
  'TEXT_ENDS_WITH',
  'CUSTOM_FORMULA',
] as const);

export interface RuleData {
  criteria: string;
  values: unknown[];
  background: string | null;
  fontColor: string | null;
  bold: boolean | null;
  italic: boolean | null;
  ranges: FakeRange[];
}

export class FakeBooleanCondition {
  constructor(private readonly d: RuleData) {}
  getCriteriaType(): unknown {
    return BooleanCriteria[this.d.criteria as keyof typeof BooleanCriteria];
  }
  getCriteriaValues(): unknown[] {
    return this.d.values.slice();
  }
  getBackground(): string | null {
    return this.d.background;
  }
  getBackgroundObject(): { asRgbColor(): { asHexString(): string } } | null {
    const bg = this.d.background;
    return bg === null ? null : { asRgbColor: () => ({ asHexString: () => bg }) };
  }
  getFontColor(): string | null {
    return this.d.fontColor;
  }
  getBold(): boolean | null {
    return this.d.bold;
  }
  getItalic(): boolean | null {
    return this.d.italic;
  }
}

export class FakeConditionalFormatRule {
  constructor(
    private readonly env: Env,
    readonly data: RuleData,
  ) {}
  getRanges(): FakeRange[] {
    this.env.touch('ConditionalFormatRule.getRanges', 'read');
    return this.data.ranges.slice();
  }
  getBooleanCondition(): FakeBooleanCondition {
    this.env.touch('ConditionalFormatRule.getBooleanCondition', 'read');
    return new FakeBooleanCondition(this.data);
  }
  getGradientCondition(): null {
    return null;
  }
  copy(): FakeConditionalFormatRuleBuilder {
    this.env.touch('ConditionalFormatRule.copy', 'free');
    return new FakeConditionalFormatRuleBuilder(this.env, {
      ...this.data,
      ranges: this.data.ranges.slice(),
    });
  }
}

export class FakeConditionalFormatRuleBuilder {
  private d: RuleData;
  constructor(
    private readonly env: Env,
    init?: RuleData,
  ) {
    this.d = init ?? {
      criteria: 'CELL_NOT_EMPTY',
      values: [],
      background: null,
      fontColor: null,
      bold: null,
      italic: null,
      ranges: [],
    };
  }
  private when(method: string, criteria: string, values: unknown[]): this {
    this.env.touch(`ConditionalFormatRuleBuilder.${method}`, 'free');
    this.d.criteria = criteria;
    this.d.values = values;
    return this;
  }
  whenFormulaSatisfied(formula: string): this {
    return this.when('whenFormulaSatisfied', 'CUSTOM_FORMULA', [formula]);
  }
  whenTextContains(text: string): this {
    return this.when('whenTextContains', 'TEXT_CONTAINS', [text]);
  }
  whenTextDoesNotContain(text: string): this {
    return this.when('whenTextDoesNotContain', 'TEXT_DOES_NOT_CONTAIN', [text]);
  }
  whenTextEqualTo(text: string): this {
    return this.when('whenTextEqualTo', 'TEXT_EQUAL_TO', [text]);
  }
  whenTextStartsWith(text: string): this {
    return this.when('whenTextStartsWith', 'TEXT_STARTS_WITH', [text]);
  }
  whenTextEndsWith(text: string): this {
    return this.when('whenTextEndsWith', 'TEXT_ENDS_WITH', [text]);
  }
  whenCellEmpty(): this {
    return this.when('whenCellEmpty', 'CELL_EMPTY', []);
  }
  whenCellNotEmpty(): this {
    return this.when('whenCellNotEmpty', 'CELL_NOT_EMPTY', []);
  }
  whenNumberGreaterThan(n: number): this {
    return this.when('whenNumberGreaterThan', 'NUMBER_GREATER_THAN', [n]);
  }
  whenNumberGreaterThanOrEqualTo(n: number): this {
    return this.when('whenNumberGreaterThanOrEqualTo', 'NUMBER_GREATER_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberLessThan(n: number): this {
    return this.when('whenNumberLessThan', 'NUMBER_LESS_THAN', [n]);
  }
  whenNumberLessThanOrEqualTo(n: number): this {
    return this.when('whenNumberLessThanOrEqualTo', 'NUMBER_LESS_THAN_OR_EQUAL_TO', [n]);
  }
  whenNumberEqualTo(n: number): this {
    return this.when('whenNumberEqualTo', 'NUMBER_EQUAL_TO', [n]);
  }
  whenNumberBetween(a: number, b: number): this {
    return this.when('whenNumberBetween', 'NUMBER_BETWEEN', [a, b]);
  }
  setBackground(color: string | null): this {
    this.env.touch('ConditionalFormatRuleBuilder.setBackground', 'free');
    this.d.background = color === null ? null : normalizeColor(color, DEFAULT_BACKGROUND);
    return this;
  }
  setFontColor(color: string | null): this {
    this.env.touch('ConditionalFormatRuleBuilder.setFontColor', 'free');
    this.d.fontColor = color === null ? null : normalizeColor(color, DEFAULT_FONT_COLOR);
    return this;
  }
  setBold(bold: boolean | null): this {
    this.env.touch('ConditionalFormatRuleBuilder.setBold', 'free');
    this.d.bold = bold;
    return this;
  }
  setItalic(italic: boolean | null): this {
    this.env.touch('ConditionalFormatRuleBuilder.setItalic', 'free');
    this.d.italic = italic;
    return this;
  }
  setRanges(ranges: FakeRange[]): this {
    this.env.touch('ConditionalFormatRuleBuilder.setRanges', 'free');
    if (!Array.isArray(ranges))
      throw signatureError('SpreadsheetApp.ConditionalFormatRuleBuilder.setRanges', [ranges]);
    this.d.ranges = ranges.slice();
    return this;
  }
  getRanges(): FakeRange[] {
    return this.d.ranges.slice();
  }
  build(): FakeConditionalFormatRule {
    this.env.touch('ConditionalFormatRuleBuilder.build', 'free');
    if (this.d.ranges.length === 0) throw new Error('The rule must have at least one range.');
    return new FakeConditionalFormatRule(this.env, { ...this.d, ranges: this.d.ranges.slice() });
  }
}

/** The rule's background for a cell, when its condition holds there (custom formulas only). */
export function ruleBackgroundAt(
  rule: FakeConditionalFormatRule,
  row: number,
  col: number,
  ctx: Omit<CfContext, 'row' | 'col' | 'anchorRow' | 'anchorCol'>,
): string | null {
  const d = rule.data;
  const inside = d.ranges.some(
    (r) => row >= r.row && row < r.row + r.numRows && col >= r.col && col < r.col + r.numCols,
  );
  if (!inside || d.criteria !== 'CUSTOM_FORMULA' || d.background === null) return null;
  const anchor = d.ranges[0]!;
  const value = evaluateCf(String(d.values[0] ?? ''), {
    ...ctx,
    row,
    col,
    anchorRow: anchor.row,
    anchorCol: anchor.col,
  });
  return isTruthy(value) ? d.background : null;
}

/**
 * What Sheets does to a rule when lines are inserted (n > 0) or deleted (n < 0) at 0-based
 * `at`: its ranges move or stretch, and the references of its formula follow their cells.
 */
export function shiftRule(
  rule: FakeConditionalFormatRule,
  axis: 'rows' | 'columns',
  at: number,
  n: number,
): void {
  const d = rule.data;
  const ranges: FakeRange[] = [];
  for (const r of d.ranges) {
    const start = axis === 'rows' ? r.row : r.col;
    const size = axis === 'rows' ? r.numRows : r.numCols;
    const [s, len] = shiftSpan(start, size, at, n);
    if (len < 1) continue;
    ranges.push(
      axis === 'rows'
        ? rangeOf(r.sheet, s, r.col, len, r.numCols)
        : rangeOf(r.sheet, r.row, s, r.numRows, len),
    );
  }
  d.ranges = ranges;
  if (d.criteria === 'CUSTOM_FORMULA' && typeof d.values[0] === 'string')
    d.values = [shiftFormula(d.values[0], axis, at, n), ...d.values.slice(1)];
}

/** A 1-based span [start, start + size) after inserting (n > 0) or deleting (n < 0) at 0-based `at`. */
function shiftSpan(start: number, size: number, at: number, n: number): [number, number] {
  const first = at + 1;
  if (n > 0) {
    if (first <= start) return [start + n, size];
    if (first < start + size) return [start, size + n];
    return [start, size];
  }
  const del = -n;
  const end = start + size;
  const cutStart = Math.max(start, first);
  const cutEnd = Math.min(end, first + del);
  const cut = Math.max(0, cutEnd - cutStart);
  const newStart = first < start ? Math.max(first, start - del) : start;
  return [newStart, size - cut];
}

/** Moves the A1 references of a formula (outside its strings) past an inserted or deleted block. */
export function shiftFormula(
  formula: string,
  axis: 'rows' | 'columns',
  at: number,
  n: number,
): string {
  return formula
    .split(/("(?:[^"]|"")*")/)
    .map((part, i) =>
      i % 2 === 1
        ? part
        : part.replace(
            /(?<![A-Za-z0-9_.])(\$?)([A-Za-z]{1,3})(\$?)(\d+)(?![A-Za-z0-9_(])/g,
            (_, c$: string, letters: string, r$: string, digits: string) => {
              let row = Number(digits);
              let col = lettersToColumn(letters);
              if (axis === 'rows' && row > at) row = Math.max(at + 1, row + n);
              if (axis === 'columns' && col > at) col = Math.max(at + 1, col + n);
              return `${c$}${columnToLetters(col)}${r$}${row}`;
            },
          ),
    )
    .join('');
}
