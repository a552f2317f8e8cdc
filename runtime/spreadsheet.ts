/** Fake SpreadsheetApp model: Spreadsheet, Sheet, Range and their builders. */
import { a1Notation, columnToLetters, parseA1, quoteSheetName, splitSheetName } from './a1.ts';
import type { Env } from './env.ts';
import { makeEnum } from './env.ts';
import { type Cell, DEFAULT_NUMBER_FORMAT, displayValue, isDate } from './format.ts';
import { Layer } from './grid.ts';
import type { UiRecorder } from './ui.ts';

export type { Cell } from './format.ts';

export interface FormulaWrite {
  sheet: string;
  a1: string;
  text: string;
  method: string;
}

export interface SpreadsheetContext {
  env: Env;
  ui: UiRecorder;
  /** Strings written as values that Sheets turns into formulas (formula injection evidence). */
  formulaWrites: FormulaWrite[];
}

export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;
export const DEFAULT_BACKGROUND = '#ffffff';
export const DEFAULT_FONT_COLOR = '#000000';
export const DEFAULT_COLUMN_WIDTH = 100;

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

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (v === undefined) return 'undefined';
  if (Array.isArray(v)) return v.length > 0 ? `${typeName(v[0])}[]` : 'Object[]';
  if (isDate(v)) return 'Date';
  if (typeof v === 'string') return 'String';
  if (typeof v === 'object') return 'Object';
  return typeof v;
}

export function signatureError(method: string, args: readonly unknown[]): Error {
  return new Error(
    `The parameters (${args.map(typeName).join(',')}) don't match the method signature for ${method}.`,
  );
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
function looksLikeFormula(s: string): boolean {
  if (s.length < 2) return false;
  const c = s.charCodeAt(0);
  if (c === 61) return true; // =
  if (c === 43 || c === 45) {
    // + or -: numbers stay numbers, anything else is parsed as a formula
    return !/^[+-]\s*(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?%?$/.test(s);
  }
  return c === 64; // @
}

function checkShape(data: unknown, numRows: number, numCols: number, method: string): unknown[][] {
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
// Conditional formatting, data validation, charts

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

export const DataValidationCriteria = makeEnum([
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CHECKBOX',
  'NUMBER_BETWEEN',
  'NUMBER_GREATER_THAN',
  'DATE_IS_VALID_DATE',
  'CUSTOM_FORMULA',
  'TEXT_IS_VALID_EMAIL',
] as const);

export interface ValidationData {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export class FakeDataValidation {
  constructor(readonly data: ValidationData) {}
  getCriteriaType(): unknown {
    return DataValidationCriteria[this.data.criteria as keyof typeof DataValidationCriteria];
  }
  getCriteriaValues(): unknown[] {
    return this.data.values.slice();
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getHelpText(): string {
    return this.data.helpText;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this.data });
  }
}

export class FakeDataValidationBuilder {
  private d: ValidationData;
  constructor(init?: ValidationData) {
    this.d = init ?? { criteria: 'VALUE_IN_LIST', values: [], allowInvalid: true, helpText: '' };
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    if (!Array.isArray(values))
      throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    this.d.criteria = 'VALUE_IN_LIST';
    this.d.values = [values.map(String), showDropdown];
    return this;
  }
  requireValueInRange(range: FakeRange, showDropdown = true): this {
    this.d.criteria = 'VALUE_IN_RANGE';
    this.d.values = [range, showDropdown];
    return this;
  }
  requireCheckbox(): this {
    this.d.criteria = 'CHECKBOX';
    this.d.values = [];
    return this;
  }
  requireNumberBetween(a: number, b: number): this {
    this.d.criteria = 'NUMBER_BETWEEN';
    this.d.values = [a, b];
    return this;
  }
  requireNumberGreaterThan(a: number): this {
    this.d.criteria = 'NUMBER_GREATER_THAN';
    this.d.values = [a];
    return this;
  }
  requireDate(): this {
    this.d.criteria = 'DATE_IS_VALID_DATE';
    this.d.values = [];
    return this;
  }
  requireFormulaSatisfied(formula: string): this {
    this.d.criteria = 'CUSTOM_FORMULA';
    this.d.values = [formula];
    return this;
  }
  requireTextIsEmail(): this {
    this.d.criteria = 'TEXT_IS_VALID_EMAIL';
    this.d.values = [];
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.d.allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string): this {
    this.d.helpText = String(text);
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation({ ...this.d, values: this.d.values.slice() });
  }
}

export const ChartType = makeEnum([
  'AREA',
  'BAR',
  'BUBBLE',
  'CANDLESTICK',
  'COLUMN',
  'COMBO',
  'GAUGE',
  'GEO',
  'HISTOGRAM',
  'LINE',
  'ORG',
  'PIE',
  'SCATTER',
  'SPARKLINE',
  'STEPPED_AREA',
  'TABLE',
  'TIMELINE',
  'TREEMAP',
  'WATERFALL',
] as const);

export interface ChartData {
  id: number;
  type: string;
  ranges: FakeRange[];
  options: Record<string, unknown>;
  position: { anchorRow: number; anchorColumn: number; offsetX: number; offsetY: number };
}

export class FakeEmbeddedChart {
  constructor(
    private readonly env: Env,
    readonly data: ChartData,
  ) {}
  getChartId(): number {
    return this.data.id;
  }
  getId(): string {
    return `chart-${this.data.id}`;
  }
  getRanges(): FakeRange[] {
    this.env.touch('EmbeddedChart.getRanges', 'read');
    return this.data.ranges.slice();
  }
  getOptions(): { get(key: string): unknown } {
    const o = this.data.options;
    return { get: (key: string) => o[key] ?? null };
  }
  getContainerInfo(): {
    getAnchorRow(): number;
    getAnchorColumn(): number;
    getOffsetX(): number;
    getOffsetY(): number;
  } {
    const p = this.data.position;
    return {
      getAnchorRow: () => p.anchorRow,
      getAnchorColumn: () => p.anchorColumn,
      getOffsetX: () => p.offsetX,
      getOffsetY: () => p.offsetY,
    };
  }
  modify(): FakeEmbeddedChartBuilder {
    this.env.touch('EmbeddedChart.modify', 'read');
    return new FakeEmbeddedChartBuilder(this.env, {
      ...this.data,
      ranges: this.data.ranges.slice(),
      options: { ...this.data.options },
    });
  }
}

export class FakeEmbeddedChartBuilder {
  private d: ChartData;
  constructor(
    private readonly env: Env,
    init: ChartData,
  ) {
    this.d = init;
  }
  private opt(name: string, key: string, value: unknown): this {
    this.env.touch(`EmbeddedChartBuilder.${name}`, 'free');
    this.d.options[key] = value;
    return this;
  }
  addRange(range: FakeRange): this {
    this.env.touch('EmbeddedChartBuilder.addRange', 'free');
    if (!(range instanceof FakeRange))
      throw signatureError('SpreadsheetApp.EmbeddedChartBuilder.addRange', [range]);
    this.d.ranges.push(range);
    return this;
  }
  removeRange(range: FakeRange): this {
    this.env.touch('EmbeddedChartBuilder.removeRange', 'free');
    this.d.ranges = this.d.ranges.filter((r) => r !== range);
    return this;
  }
  clearRanges(): this {
    this.d.ranges = [];
    return this;
  }
  getRanges(): FakeRange[] {
    return this.d.ranges.slice();
  }
  setChartType(type: unknown): this {
    this.env.touch('EmbeddedChartBuilder.setChartType', 'free');
    this.d.type = String(type);
    return this;
  }
  getChartType(): unknown {
    return ChartType[this.d.type as keyof typeof ChartType];
  }
  private as(type: string): this {
    this.env.touch(`EmbeddedChartBuilder.as${type}Chart`, 'free');
    this.d.type = type.toUpperCase();
    return this;
  }
  asBarChart(): this {
    return this.as('Bar');
  }
  asColumnChart(): this {
    return this.as('Column');
  }
  asLineChart(): this {
    return this.as('Line');
  }
  asPieChart(): this {
    return this.as('Pie');
  }
  asAreaChart(): this {
    return this.as('Area');
  }
  asComboChart(): this {
    return this.as('Combo');
  }
  asScatterChart(): this {
    return this.as('Scatter');
  }
  asTableChart(): this {
    return this.as('Table');
  }
  setPosition(anchorRowPos: number, anchorColPos: number, offsetX: number, offsetY: number): this {
    this.env.touch('EmbeddedChartBuilder.setPosition', 'free');
    this.d.position = { anchorRow: anchorRowPos, anchorColumn: anchorColPos, offsetX, offsetY };
    return this;
  }
  setOption(key: string, value: unknown): this {
    return this.opt('setOption', key, value);
  }
  setTitle(title: string): this {
    return this.opt('setTitle', 'title', title);
  }
  setXAxisTitle(title: string): this {
    return this.opt('setXAxisTitle', 'hAxis.title', title);
  }
  setYAxisTitle(title: string): this {
    return this.opt('setYAxisTitle', 'vAxis.title', title);
  }
  setLegendPosition(pos: unknown): this {
    return this.opt('setLegendPosition', 'legend.position', String(pos).toLowerCase());
  }
  setStacked(): this {
    return this.opt('setStacked', 'isStacked', true);
  }
  setColors(colors: string[]): this {
    return this.opt('setColors', 'colors', colors);
  }
  setNumHeaders(n: number): this {
    return this.opt('setNumHeaders', 'numHeaders', n);
  }
  setTransposeRowsAndColumns(t: boolean): this {
    return this.opt('setTransposeRowsAndColumns', 'transpose', t);
  }
  setMergeStrategy(s: unknown): this {
    return this.opt('setMergeStrategy', 'mergeStrategy', String(s));
  }
  setHiddenDimensionStrategy(s: unknown): this {
    return this.opt('setHiddenDimensionStrategy', 'hiddenDimensionStrategy', String(s));
  }
  build(): FakeEmbeddedChart {
    this.env.touch('EmbeddedChartBuilder.build', 'free');
    return new FakeEmbeddedChart(this.env, {
      ...this.d,
      ranges: this.d.ranges.slice(),
      options: { ...this.d.options },
    });
  }
}

// ---------------------------------------------------------------------------------------
// Workbook data (plain, for xlsx and fixtures)

export interface SheetData {
  name: string;
  /** Values, row-major; missing rows / cells are blank. Formula cells hold their cached result. */
  values: Cell[][];
  /** Formula text (with `=`) per cell, '' for none; optional. */
  formulas?: string[][];
  backgrounds?: string[][];
  numberFormats?: string[][];
  notes?: string[][];
  fontWeights?: string[][];
  fontColors?: string[][];
  /** 1-based column number -> width in pixels. */
  columnWidths?: Record<number, number>;
  frozenRows?: number;
  frozenColumns?: number;
  maxRows?: number;
  maxColumns?: number;
  tabColor?: string | null;
  hidden?: boolean;
  conditionalFormats?: {
    ranges: string[];
    criteria: string;
    values: unknown[];
    background: string | null;
    fontColor: string | null;
    bold: boolean | null;
  }[];
}

export interface WorkbookData {
  name: string;
  timeZone: string;
  sheets: SheetData[];
}

// ---------------------------------------------------------------------------------------
// Sheet

let nextChartId = 1;

export class FakeSheet {
  values = new Layer<Cell>('');
  /**
   * Timestamp of each Date stored in `values`. Dates are shared with scripts (no copy on read or
   * write, which is what keeps 100,000-row reads fast); a Date mutated by a script no longer
   * matches its timestamp and is replaced by a fresh copy on the next read.
   */
  dateMs = new Layer<number>(Number.NaN);
  formulas = new Layer<string>('');
  backgrounds = new Layer<string>(DEFAULT_BACKGROUND);
  numberFormats = new Layer<string>(DEFAULT_NUMBER_FORMAT);
  notes = new Layer<string>('');
  fontWeights = new Layer<string>('normal');
  fontColors = new Layer<string>(DEFAULT_FONT_COLOR);
  fontSizes = new Layer<number>(10);
  fontStyles = new Layer<string>('normal');
  fontFamilies = new Layer<string>('Arial');
  horizontalAlignments = new Layer<string>('general');
  verticalAlignments = new Layer<string>('bottom');
  wraps = new Layer<boolean>(false);
  validations = new Layer<FakeDataValidation | null>(null);

  maxRows = DEFAULT_ROWS;
  maxColumns = DEFAULT_COLUMNS;
  frozenRows = 0;
  frozenColumns = 0;
  columnWidths = new Map<number, number>();
  rowHeights = new Map<number, number>();
  hiddenColumns = new Set<number>();
  hiddenRows = new Set<number>();
  hidden = false;
  tabColor: string | null = null;
  conditionalFormatRules: FakeConditionalFormatRule[] = [];
  charts: FakeEmbeddedChart[] = [];
  merges: string[] = [];
  borders: { a1: string; args: unknown[] }[] = [];
  autoResized: { start: number; count: number }[] = [];
  deleted = false;

  constructor(
    readonly ctx: SpreadsheetContext,
    readonly parent: FakeSpreadsheet,
    private name: string,
    readonly sheetId: number,
  ) {}

  private get env(): Env {
    return this.ctx.env;
  }

  layers(): Layer<unknown>[] {
    return [
      this.values,
      this.dateMs,
      this.formulas,
      this.backgrounds,
      this.numberFormats,
      this.notes,
      this.fontWeights,
      this.fontColors,
      this.fontSizes,
      this.fontStyles,
      this.fontFamilies,
      this.horizontalAlignments,
      this.verticalAlignments,
      this.wraps,
      this.validations,
    ] as Layer<unknown>[];
  }

  formatLayers(): Layer<unknown>[] {
    return [
      this.backgrounds,
      this.numberFormats,
      this.fontWeights,
      this.fontColors,
      this.fontSizes,
      this.fontStyles,
      this.fontFamilies,
      this.horizontalAlignments,
      this.verticalAlignments,
      this.wraps,
    ] as Layer<unknown>[];
  }

  // ---- internal (uncounted) helpers

  /** Read fix-up for Date cells: repairs a stored Date that a script mutated. */
  readonly fixDate = (v: Cell, r: number, c: number): Cell => {
    if (!(v instanceof Date)) return v;
    const m = this.dateMs.rows[r]?.[c];
    if (m === undefined || Number.isNaN(m) || v.getTime() === m) return v;
    const fresh = new Date(m);
    const row = this.values.rows[r];
    if (row !== undefined) row[c] = fresh;
    return fresh;
  };

  /** Stored value of one cell (0-based), repaired if a script mutated a Date. */
  cellInternal(r: number, c: number): Cell {
    const v = this.values.get(r, c);
    return typeof v === 'object' ? this.fixDate(v, r, c) : v;
  }

  /** Records the timestamps of every Date in the values layer (after bulk loads). */
  indexDates(): void {
    this.values.rows.forEach((row, r) => {
      row?.forEach((v, c) => {
        if (typeof v === 'object') this.dateMs.set(r, c, v.getTime());
      });
    });
  }

  /** 1-based last row with content (value or formula), 0 when empty. */
  lastRowInternal(): number {
    const v = this.values.lastRowIndex((x) => x === '');
    const f = this.formulas.lastRowIndex((x) => x === '');
    return Math.max(v, f) + 1;
  }

  lastColumnInternal(): number {
    const v = this.values.lastColIndex((x) => x === '');
    const f = this.formulas.lastColIndex((x) => x === '');
    return Math.max(v, f) + 1;
  }

  rangeInternal(
    row: number,
    col: number,
    numRows: number,
    numCols: number,
    a1?: string,
  ): FakeRange {
    const method = 'SpreadsheetApp.Sheet.getRange';
    for (const n of [row, col, numRows, numCols]) {
      if (typeof n !== 'number' || Number.isNaN(n))
        throw signatureError(method, [row, col, numRows, numCols]);
    }
    row = Math.floor(row);
    col = Math.floor(col);
    numRows = Math.floor(numRows);
    numCols = Math.floor(numCols);
    if (row < 1) throw new Error('The starting row of the range is too small.');
    if (col < 1) throw new Error('The starting column of the range is too small.');
    if (numRows < 1) throw new Error('The number of rows in the range must be at least 1.');
    if (numCols < 1) throw new Error('The number of columns in the range must be at least 1.');
    if (row + numRows - 1 > this.maxRows || col + numCols - 1 > this.maxColumns) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return new FakeRange(this, row, col, numRows, numCols, a1);
  }

  rangeFromA1Internal(a1: string): FakeRange {
    const ref = parseA1(a1);
    if (ref.sheetName !== null && ref.sheetName.toLowerCase() !== this.name.toLowerCase()) {
      throw new Error('Range not found');
    }
    const row = ref.row ?? 1;
    const col = ref.col ?? 1;
    const endRow = ref.endRow ?? this.maxRows;
    const endCol = ref.endCol ?? this.maxColumns;
    if (
      endRow > this.maxRows ||
      endCol > this.maxColumns ||
      row > this.maxRows ||
      col > this.maxColumns
    ) {
      throw new Error('Range not found');
    }
    const { range } = splitSheetName(a1);
    const keep =
      ref.endRow === null || ref.endCol === null
        ? range.replace(/\$/g, '').toUpperCase()
        : undefined;
    return new FakeRange(this, row, col, endRow - row + 1, endCol - col + 1, keep);
  }

  ensureSize(rows: number, cols: number): void {
    if (rows > this.maxRows) this.maxRows = rows;
    if (cols > this.maxColumns) this.maxColumns = cols;
  }

  checkAlive(): void {
    if (this.deleted) throw new Error(`Sheet ${this.name} has been deleted.`);
  }

  /** Writes values with Sheets' typed-text semantics ('=' formulas, "'" escapes, '@' text format). */
  writeValues(
    row: number,
    col: number,
    data: readonly (readonly unknown[])[],
    method: string,
  ): void {
    const r0 = row - 1;
    const c0 = col - 1;
    const vals = this.values;
    const forms = this.formulas;
    for (let i = 0; i < data.length; i++) {
      const src = data[i]!;
      let vrow = vals.rows[r0 + i];
      if (vrow === undefined) {
        vrow = [];
        vals.rows[r0 + i] = vrow;
      }
      const frow = forms.rows[r0 + i];
      for (let j = 0; j < src.length; j++) {
        const raw = src[j];
        let v: Cell;
        if (typeof raw === 'number') v = Object.is(raw, -0) ? 0 : raw;
        else if (typeof raw === 'string') {
          v = raw;
          if (raw.length > 1) {
            const c = raw.charCodeAt(0);
            if (c === 39) {
              v = raw.slice(1); // leading apostrophe: literal text
            } else if ((c === 61 || c === 43 || c === 45 || c === 64) && looksLikeFormula(raw)) {
              if (this.numberFormats.get(r0 + i, c0 + j) !== '@') {
                const text = c === 61 ? raw : `=${raw}`;
                forms.set(r0 + i, c0 + j, text);
                vrow[c0 + j] = '';
                this.ctx.formulaWrites.push({
                  sheet: this.name,
                  a1: a1Notation(row + i, col + j, 1, 1),
                  text,
                  method,
                });
                continue;
              }
            }
          }
        } else {
          v = toCell(raw);
          if (typeof v === 'object') this.dateMs.set(r0 + i, c0 + j, v.getTime());
        }
        vrow[c0 + j] = v;
        if (frow !== undefined && frow[c0 + j] !== undefined) frow[c0 + j] = '';
      }
    }
  }

  setNameInternal(name: string): void {
    this.name = name;
  }

  // ---- public API

  getName(): string {
    this.env.touch('Sheet.getName', 'read');
    return this.name;
  }

  get sheetName(): string {
    return this.name;
  }

  setName(name: string): this {
    this.env.touch('Sheet.setName', 'write');
    this.checkAlive();
    const n = String(name);
    if (n.trim() === '') throw new Error('Sheet names cannot be empty.');
    const other = this.parent.findSheet(n);
    if (other !== null && other !== this) {
      throw new Error(`A sheet with the name "${n}" already exists. Please enter another name.`);
    }
    this.name = n;
    return this;
  }

  getSheetId(): number {
    this.env.touch('Sheet.getSheetId', 'read');
    return this.sheetId;
  }

  getIndex(): number {
    this.env.touch('Sheet.getIndex', 'read');
    return this.parent.sheetList().indexOf(this) + 1;
  }

  getParent(): FakeSpreadsheet {
    this.env.touch('Sheet.getParent', 'read');
    return this.parent;
  }

  getType(): string {
    return 'GRID';
  }

  activate(): this {
    this.env.touch('Sheet.activate', 'read');
    this.parent.activeSheetInternal = this;
    return this;
  }

  getRange(a: unknown, b?: unknown, c?: unknown, d?: unknown): FakeRange {
    this.env.touch('Sheet.getRange', 'read');
    this.checkAlive();
    if (typeof a === 'string' && b === undefined) return this.rangeFromA1Internal(a);
    if (typeof a !== 'number' || typeof b !== 'number') {
      throw signatureError(
        'SpreadsheetApp.Sheet.getRange',
        [a, b, c, d].filter((x) => x !== undefined),
      );
    }
    const nr = c === undefined ? 1 : c;
    const nc = d === undefined ? 1 : d;
    if (typeof nr !== 'number' || typeof nc !== 'number') {
      throw signatureError(
        'SpreadsheetApp.Sheet.getRange',
        [a, b, c, d].filter((x) => x !== undefined),
      );
    }
    return this.rangeInternal(a, b, nr, nc);
  }

  getDataRange(): FakeRange {
    this.env.touch('Sheet.getDataRange', 'read');
    return this.rangeInternal(
      1,
      1,
      Math.max(1, this.lastRowInternal()),
      Math.max(1, this.lastColumnInternal()),
    );
  }

  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): Cell[][] {
    this.env.touch('Sheet.getSheetValues', 'read');
    const nr = numRows === -1 ? this.lastRowInternal() - startRow + 1 : numRows;
    const nc = numColumns === -1 ? this.lastColumnInternal() - startColumn + 1 : numColumns;
    return this.rangeInternal(startRow, startColumn, nr, nc).readValues();
  }

  getLastRow(): number {
    this.env.touch('Sheet.getLastRow', 'read');
    return this.lastRowInternal();
  }

  getLastColumn(): number {
    this.env.touch('Sheet.getLastColumn', 'read');
    return this.lastColumnInternal();
  }

  getMaxRows(): number {
    this.env.touch('Sheet.getMaxRows', 'read');
    return this.maxRows;
  }

  getMaxColumns(): number {
    this.env.touch('Sheet.getMaxColumns', 'read');
    return this.maxColumns;
  }

  private insertRowsInternal(at0: number, n: number): void {
    for (const l of this.layers()) l.insertRows(at0, n);
    this.maxRows += n;
  }

  private insertColsInternal(at0: number, n: number): void {
    for (const l of this.layers()) l.insertCols(at0, n);
    this.maxColumns += n;
    const widths = new Map<number, number>();
    for (const [c, w] of this.columnWidths) widths.set(c > at0 ? c + n : c, w);
    this.columnWidths = widths;
  }

  private checkPosition(method: string, pos: unknown, n: unknown, max: number): void {
    if (typeof pos !== 'number' || typeof n !== 'number') throw signatureError(method, [pos, n]);
    if (pos < 1 || pos > max) throw new Error(`Those rows are out of bounds.`);
    if (n < 1) throw new Error('The number of rows must be at least 1.');
  }

  insertRowsAfter(afterPosition: number, howMany: number): this {
    this.env.touch('Sheet.insertRowsAfter', 'write');
    this.checkPosition(
      'SpreadsheetApp.Sheet.insertRowsAfter',
      afterPosition,
      howMany,
      this.maxRows,
    );
    this.insertRowsInternal(afterPosition, howMany);
    return this;
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    this.env.touch('Sheet.insertRowsBefore', 'write');
    this.checkPosition(
      'SpreadsheetApp.Sheet.insertRowsBefore',
      beforePosition,
      howMany,
      this.maxRows,
    );
    this.insertRowsInternal(beforePosition - 1, howMany);
    return this;
  }

  insertRowAfter(afterPosition: number): this {
    this.env.touch('Sheet.insertRowAfter', 'write');
    this.checkPosition('SpreadsheetApp.Sheet.insertRowAfter', afterPosition, 1, this.maxRows);
    this.insertRowsInternal(afterPosition, 1);
    return this;
  }

  insertRowBefore(beforePosition: number): this {
    this.env.touch('Sheet.insertRowBefore', 'write');
    this.checkPosition('SpreadsheetApp.Sheet.insertRowBefore', beforePosition, 1, this.maxRows);
    this.insertRowsInternal(beforePosition - 1, 1);
    return this;
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.env.touch('Sheet.insertRows', 'write');
    this.checkPosition('SpreadsheetApp.Sheet.insertRows', rowIndex, numRows, this.maxRows);
    this.insertRowsInternal(rowIndex - 1, numRows);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.env.touch('Sheet.deleteRows', 'write');
    this.deleteRowsInternal(rowPosition, howMany);
  }

  deleteRow(rowPosition: number): this {
    this.env.touch('Sheet.deleteRow', 'write');
    this.deleteRowsInternal(rowPosition, 1);
    return this;
  }

  private deleteRowsInternal(pos: number, n: number): void {
    if (typeof pos !== 'number' || typeof n !== 'number')
      throw signatureError('SpreadsheetApp.Sheet.deleteRows', [pos, n]);
    if (pos < 1 || pos + n - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (n >= this.maxRows - this.frozenRows && pos <= this.frozenRows + 1) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    for (const l of this.layers()) l.deleteRows(pos - 1, n);
    this.maxRows -= n;
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    this.env.touch('Sheet.insertColumnsAfter', 'write');
    this.checkPosition(
      'SpreadsheetApp.Sheet.insertColumnsAfter',
      afterPosition,
      howMany,
      this.maxColumns,
    );
    this.insertColsInternal(afterPosition, howMany);
    return this;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    this.env.touch('Sheet.insertColumnsBefore', 'write');
    this.checkPosition(
      'SpreadsheetApp.Sheet.insertColumnsBefore',
      beforePosition,
      howMany,
      this.maxColumns,
    );
    this.insertColsInternal(beforePosition - 1, howMany);
    return this;
  }

  insertColumnAfter(afterPosition: number): this {
    this.env.touch('Sheet.insertColumnAfter', 'write');
    this.checkPosition('SpreadsheetApp.Sheet.insertColumnAfter', afterPosition, 1, this.maxColumns);
    this.insertColsInternal(afterPosition, 1);
    return this;
  }

  insertColumnBefore(beforePosition: number): this {
    this.env.touch('Sheet.insertColumnBefore', 'write');
    this.checkPosition(
      'SpreadsheetApp.Sheet.insertColumnBefore',
      beforePosition,
      1,
      this.maxColumns,
    );
    this.insertColsInternal(beforePosition - 1, 1);
    return this;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.env.touch('Sheet.deleteColumns', 'write');
    this.deleteColsInternal(columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): this {
    this.env.touch('Sheet.deleteColumn', 'write');
    this.deleteColsInternal(columnPosition, 1);
    return this;
  }

  private deleteColsInternal(pos: number, n: number): void {
    if (pos < 1 || pos + n - 1 > this.maxColumns)
      throw new Error('Those columns are out of bounds.');
    if (n >= this.maxColumns - this.frozenColumns) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    for (const l of this.layers()) l.deleteCols(pos - 1, n);
    this.maxColumns -= n;
  }

  appendRow(rowContents: unknown[]): this {
    this.env.touch('Sheet.appendRow', 'write');
    if (!Array.isArray(rowContents))
      throw signatureError('SpreadsheetApp.Sheet.appendRow', [rowContents]);
    const row = this.lastRowInternal() + 1;
    if (row > this.maxRows) this.maxRows = row;
    if (rowContents.length > this.maxColumns) this.maxColumns = rowContents.length;
    this.writeValues(row, 1, [rowContents], 'Sheet.appendRow');
    return this;
  }

  clear(options?: { contentsOnly?: boolean; formatOnly?: boolean }): this {
    this.env.touch('Sheet.clear', 'write');
    this.rangeInternal(1, 1, this.maxRows, this.maxColumns).clearInternal(options ?? {});
    return this;
  }

  clearContents(): this {
    this.env.touch('Sheet.clearContents', 'write');
    this.values = new Layer<Cell>('');
    this.formulas = new Layer<string>('');
    return this;
  }

  clearFormats(): this {
    this.env.touch('Sheet.clearFormats', 'write');
    for (const l of this.formatLayers()) l.rows = [];
    return this;
  }

  clearNotes(): this {
    this.env.touch('Sheet.clearNotes', 'write');
    this.notes.rows = [];
    return this;
  }

  setFrozenRows(rows: number): void {
    this.env.touch('Sheet.setFrozenRows', 'write');
    if (typeof rows !== 'number' || rows < 0)
      throw signatureError('SpreadsheetApp.Sheet.setFrozenRows', [rows]);
    if (rows >= this.maxRows) throw new Error("You can't freeze all visible rows on the sheet.");
    this.frozenRows = rows;
  }

  getFrozenRows(): number {
    this.env.touch('Sheet.getFrozenRows', 'read');
    return this.frozenRows;
  }

  setFrozenColumns(columns: number): void {
    this.env.touch('Sheet.setFrozenColumns', 'write');
    if (columns >= this.maxColumns)
      throw new Error("You can't freeze all visible columns on the sheet.");
    this.frozenColumns = columns;
  }

  getFrozenColumns(): number {
    this.env.touch('Sheet.getFrozenColumns', 'read');
    return this.frozenColumns;
  }

  setColumnWidth(columnPosition: number, width: number): this {
    this.env.touch('Sheet.setColumnWidth', 'write');
    this.columnWidths.set(columnPosition, width);
    return this;
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): this {
    this.env.touch('Sheet.setColumnWidths', 'write');
    for (let c = startColumn; c < startColumn + numColumns; c++) this.columnWidths.set(c, width);
    return this;
  }

  getColumnWidth(columnPosition: number): number {
    this.env.touch('Sheet.getColumnWidth', 'read');
    return this.columnWidths.get(columnPosition) ?? DEFAULT_COLUMN_WIDTH;
  }

  setRowHeight(rowPosition: number, height: number): this {
    this.env.touch('Sheet.setRowHeight', 'write');
    this.rowHeights.set(rowPosition, height);
    return this;
  }

  setRowHeights(startRow: number, numRows: number, height: number): this {
    this.env.touch('Sheet.setRowHeights', 'write');
    for (let r = startRow; r < startRow + numRows; r++) this.rowHeights.set(r, height);
    return this;
  }

  getRowHeight(rowPosition: number): number {
    this.env.touch('Sheet.getRowHeight', 'read');
    return this.rowHeights.get(rowPosition) ?? 21;
  }

  autoResizeColumns(startColumn: number, numColumns: number): this {
    this.env.touch('Sheet.autoResizeColumns', 'write');
    this.autoResized.push({ start: startColumn, count: numColumns });
    return this;
  }

  autoResizeColumn(columnPosition: number): this {
    this.env.touch('Sheet.autoResizeColumn', 'write');
    this.autoResized.push({ start: columnPosition, count: 1 });
    return this;
  }

  hideColumns(columnIndex: unknown, numColumns = 1): void {
    this.env.touch('Sheet.hideColumns', 'write');
    const start = columnIndex instanceof FakeRange ? columnIndex.col : Number(columnIndex);
    const n = columnIndex instanceof FakeRange ? columnIndex.numCols : numColumns;
    for (let c = start; c < start + n; c++) this.hiddenColumns.add(c);
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    this.env.touch('Sheet.showColumns', 'write');
    for (let c = columnIndex; c < columnIndex + numColumns; c++) this.hiddenColumns.delete(c);
  }

  unhideColumn(range: FakeRange): void {
    this.env.touch('Sheet.unhideColumn', 'write');
    for (let c = range.col; c < range.col + range.numCols; c++) this.hiddenColumns.delete(c);
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    this.env.touch('Sheet.isColumnHiddenByUser', 'read');
    return this.hiddenColumns.has(columnPosition);
  }

  hideRows(rowIndex: number, numRows = 1): void {
    this.env.touch('Sheet.hideRows', 'write');
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.add(r);
  }

  showRows(rowIndex: number, numRows = 1): void {
    this.env.touch('Sheet.showRows', 'write');
    for (let r = rowIndex; r < rowIndex + numRows; r++) this.hiddenRows.delete(r);
  }

  isRowHiddenByUser(rowPosition: number): boolean {
    this.env.touch('Sheet.isRowHiddenByUser', 'read');
    return this.hiddenRows.has(rowPosition);
  }

  hideSheet(): this {
    this.env.touch('Sheet.hideSheet', 'write');
    this.hidden = true;
    return this;
  }

  showSheet(): this {
    this.env.touch('Sheet.showSheet', 'write');
    this.hidden = false;
    return this;
  }

  isSheetHidden(): boolean {
    this.env.touch('Sheet.isSheetHidden', 'read');
    return this.hidden;
  }

  setTabColor(color: string | null): this {
    this.env.touch('Sheet.setTabColor', 'write');
    this.tabColor = color === null ? null : normalizeColor(color, DEFAULT_BACKGROUND);
    return this;
  }

  getTabColor(): string | null {
    this.env.touch('Sheet.getTabColor', 'read');
    return this.tabColor;
  }

  getConditionalFormatRules(): FakeConditionalFormatRule[] {
    this.env.touch('Sheet.getConditionalFormatRules', 'read');
    return this.env.realm.copy(this.conditionalFormatRules.slice());
  }

  setConditionalFormatRules(rules: FakeConditionalFormatRule[]): void {
    this.env.touch('Sheet.setConditionalFormatRules', 'write');
    if (!Array.isArray(rules))
      throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
    for (const r of rules) {
      if (!(r instanceof FakeConditionalFormatRule)) {
        throw signatureError('SpreadsheetApp.Sheet.setConditionalFormatRules', [rules]);
      }
    }
    this.conditionalFormatRules = rules.slice();
  }

  clearConditionalFormatRules(): void {
    this.env.touch('Sheet.clearConditionalFormatRules', 'write');
    this.conditionalFormatRules = [];
  }

  newChart(): FakeEmbeddedChartBuilder {
    this.env.touch('Sheet.newChart', 'read');
    return new FakeEmbeddedChartBuilder(this.env, {
      id: nextChartId++,
      type: 'COLUMN',
      ranges: [],
      options: {},
      position: { anchorRow: 1, anchorColumn: 1, offsetX: 0, offsetY: 0 },
    });
  }

  insertChart(chart: FakeEmbeddedChart): void {
    this.env.touch('Sheet.insertChart', 'write');
    if (!(chart instanceof FakeEmbeddedChart))
      throw signatureError('SpreadsheetApp.Sheet.insertChart', [chart]);
    this.charts.push(chart);
  }

  updateChart(chart: FakeEmbeddedChart): void {
    this.env.touch('Sheet.updateChart', 'write');
    const i = this.charts.findIndex((c) => c.data.id === chart.data.id);
    if (i < 0) throw new Error('The chart does not exist.');
    this.charts[i] = chart;
  }

  removeChart(chart: FakeEmbeddedChart): void {
    this.env.touch('Sheet.removeChart', 'write');
    this.charts = this.charts.filter((c) => c.data.id !== chart.data.id);
  }

  getCharts(): FakeEmbeddedChart[] {
    this.env.touch('Sheet.getCharts', 'read');
    return this.env.realm.copy(this.charts.slice());
  }

  /** Sorts the rows below the frozen rows by one column (1-based), like Data > Sort sheet. */
  sort(columnPosition: number, ascending = true): this {
    this.env.touch('Sheet.sort', 'write');
    const start = this.frozenRows + 1;
    const last = this.lastRowInternal();
    if (last >= start)
      this.sortRowsInternal(start, last - start + 1, [{ column: columnPosition, ascending }]);
    return this;
  }

  sortRowsInternal(
    startRow: number,
    numRows: number,
    specs: { column: number; ascending: boolean }[],
    col?: number,
    numCols?: number,
  ): void {
    const keys = specs.map((s) =>
      this.values.read(startRow - 1, s.column - 1, numRows, 1).map((r) => r[0] ?? ''),
    );
    const order = Array.from({ length: numRows }, (_, i) => i);
    order.sort((a, b) => {
      for (let k = 0; k < specs.length; k++) {
        const col = keys[k]!;
        const c = compareCells(col[a] ?? '', col[b] ?? '', specs[k]!.ascending);
        if (c !== 0) return c;
      }
      return a - b;
    });
    const layers = this.layers();
    for (const l of layers) {
      if (col === undefined || numCols === undefined) l.permuteRows(startRow - 1, order);
      else l.permuteRows(startRow - 1, order, col - 1, numCols);
    }
  }

  protect(): { setDescription(d: string): unknown; setWarningOnly(w: boolean): unknown } {
    this.env.touch('Sheet.protect', 'write');
    const p = {
      setDescription: (_d: string) => p,
      setWarningOnly: (_w: boolean) => p,
      removeEditors: () => p,
      addEditor: () => p,
    };
    return p;
  }

  toString(): string {
    return 'Sheet';
  }
}

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

// ---------------------------------------------------------------------------------------
// Range

export class FakeRange {
  constructor(
    readonly sheet: FakeSheet,
    readonly row: number,
    readonly col: number,
    readonly numRows: number,
    readonly numCols: number,
    private readonly a1?: string,
  ) {}

  private get env(): Env {
    return this.sheet.ctx.env;
  }

  private read<T>(layer: Layer<T>, fix?: (v: T, r: number, c: number) => T): T[][] {
    this.sheet.checkAlive();
    return layer.read(this.row - 1, this.col - 1, this.numRows, this.numCols, fix);
  }

  /** Host-realm copy of the values (uncounted). */
  readValues(): Cell[][] {
    this.sheet.checkAlive();
    return this.sheet.values.read(
      this.row - 1,
      this.col - 1,
      this.numRows,
      this.numCols,
      this.sheet.fixDate,
    );
  }

  private first<T>(layer: Layer<T>): T {
    this.sheet.checkAlive();
    return layer.get(this.row - 1, this.col - 1);
  }

  private writeBlock<T>(
    layer: Layer<T>,
    data: unknown,
    method: string,
    map: (v: unknown) => T,
  ): void {
    this.sheet.checkAlive();
    const rows = checkShape(data, this.numRows, this.numCols, `SpreadsheetApp.Range.${method}`);
    layer.write(this.row - 1, this.col - 1, rows, map);
  }

  private fillAll<T>(layer: Layer<T>, v: T): void {
    this.sheet.checkAlive();
    layer.fill(this.row - 1, this.col - 1, this.numRows, this.numCols, v);
  }

  // ---- geometry

  getRow(): number {
    this.env.touch('Range.getRow', 'read');
    return this.row;
  }
  getRowIndex(): number {
    this.env.touch('Range.getRowIndex', 'read');
    return this.row;
  }
  getColumn(): number {
    this.env.touch('Range.getColumn', 'read');
    return this.col;
  }
  getNumRows(): number {
    this.env.touch('Range.getNumRows', 'read');
    return this.numRows;
  }
  getNumColumns(): number {
    this.env.touch('Range.getNumColumns', 'read');
    return this.numCols;
  }
  getHeight(): number {
    this.env.touch('Range.getHeight', 'read');
    return this.numRows;
  }
  getWidth(): number {
    this.env.touch('Range.getWidth', 'read');
    return this.numCols;
  }
  getLastRow(): number {
    this.env.touch('Range.getLastRow', 'read');
    return this.row + this.numRows - 1;
  }
  getLastColumn(): number {
    this.env.touch('Range.getLastColumn', 'read');
    return this.col + this.numCols - 1;
  }
  getA1Notation(): string {
    this.env.touch('Range.getA1Notation', 'read');
    return this.a1Internal();
  }
  a1Internal(): string {
    return this.a1 ?? a1Notation(this.row, this.col, this.numRows, this.numCols);
  }
  getSheet(): FakeSheet {
    this.env.touch('Range.getSheet', 'read');
    return this.sheet;
  }
  getGridId(): number {
    this.env.touch('Range.getGridId', 'read');
    return this.sheet.sheetId;
  }
  getCell(row: number, column: number): FakeRange {
    this.env.touch('Range.getCell', 'read');
    if (row < 1 || column < 1 || row > this.numRows || column > this.numCols) {
      throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
    }
    return this.sheet.rangeInternal(this.row + row - 1, this.col + column - 1, 1, 1);
  }
  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): FakeRange {
    this.env.touch('Range.offset', 'read');
    return this.sheet.rangeInternal(
      this.row + rowOffset,
      this.col + columnOffset,
      numRows ?? this.numRows,
      numColumns ?? this.numCols,
    );
  }
  activate(): this {
    this.env.touch('Range.activate', 'read');
    this.sheet.parent.activeSheetInternal = this.sheet;
    return this;
  }

  // ---- values

  getValues(): Cell[][] {
    this.env.touch('Range.getValues', 'read');
    return this.read(this.sheet.values, this.sheet.fixDate);
  }
  getValue(): Cell {
    this.env.touch('Range.getValue', 'read');
    this.sheet.checkAlive();
    return this.sheet.cellInternal(this.row - 1, this.col - 1);
  }
  getDisplayValues(): string[][] {
    this.env.touch('Range.getDisplayValues', 'read');
    return this.env.realm.copy(this.displayInternal());
  }
  getDisplayValue(): string {
    this.env.touch('Range.getDisplayValue', 'read');
    const s = this.sheet;
    return displayValue(
      s.values.get(this.row - 1, this.col - 1),
      s.numberFormats.get(this.row - 1, this.col - 1),
      s.parent.timeZoneInternal,
    );
  }
  private displayInternal(): string[][] {
    const vals = this.read(this.sheet.values);
    const fmts = this.read(this.sheet.numberFormats);
    const zone = this.sheet.parent.timeZoneInternal;
    return vals.map((row, i) => row.map((v, j) => displayValue(v, fmts[i]?.[j] ?? '', zone)));
  }
  setValues(values: unknown): this {
    this.env.touch('Range.setValues', 'write');
    this.sheet.checkAlive();
    const rows = checkShape(values, this.numRows, this.numCols, 'SpreadsheetApp.Range.setValues');
    this.sheet.writeValues(this.row, this.col, rows, 'Range.setValues');
    return this;
  }
  setValue(value: unknown): this {
    this.env.touch('Range.setValue', 'write');
    this.sheet.checkAlive();
    if (Array.isArray(value)) {
      // Sheets writes the array's text for a single value
      value = value.join(',');
    }
    const row = new Array<unknown>(this.numCols).fill(value);
    const rows = Array.from({ length: this.numRows }, () => row);
    this.sheet.writeValues(this.row, this.col, rows, 'Range.setValue');
    return this;
  }
  isBlank(): boolean {
    this.env.touch('Range.isBlank', 'read');
    const v = this.read(this.sheet.values);
    const f = this.read(this.sheet.formulas);
    return v.every((r) => r.every((x) => x === '')) && f.every((r) => r.every((x) => x === ''));
  }

  // ---- formulas

  getFormulas(): string[][] {
    this.env.touch('Range.getFormulas', 'read');
    return this.read(this.sheet.formulas);
  }
  getFormula(): string {
    this.env.touch('Range.getFormula', 'read');
    return this.first(this.sheet.formulas);
  }
  setFormulas(formulas: unknown): this {
    this.env.touch('Range.setFormulas', 'write');
    const rows = checkShape(
      formulas,
      this.numRows,
      this.numCols,
      'SpreadsheetApp.Range.setFormulas',
    );
    this.setFormulasInternal(rows);
    return this;
  }
  setFormula(formula: string): this {
    this.env.touch('Range.setFormula', 'write');
    const row = new Array<unknown>(this.numCols).fill(formula);
    this.setFormulasInternal(Array.from({ length: this.numRows }, () => row));
    return this;
  }
  private setFormulasInternal(rows: unknown[][]): void {
    const s = this.sheet;
    rows.forEach((r, i) => {
      r.forEach((f, j) => {
        const text = f === null || f === undefined ? '' : String(f);
        const formula = text === '' ? '' : text.startsWith('=') ? text : `=${text}`;
        s.formulas.set(this.row - 1 + i, this.col - 1 + j, formula);
        s.values.set(this.row - 1 + i, this.col - 1 + j, '');
      });
    });
  }

  // ---- formats

  getBackgrounds(): string[][] {
    this.env.touch('Range.getBackgrounds', 'read');
    return this.read(this.sheet.backgrounds);
  }
  getBackground(): string {
    this.env.touch('Range.getBackground', 'read');
    return this.first(this.sheet.backgrounds);
  }
  setBackgrounds(colors: unknown): this {
    this.env.touch('Range.setBackgrounds', 'write');
    this.writeBlock(this.sheet.backgrounds, colors, 'setBackgrounds', (c) =>
      normalizeColor(c, DEFAULT_BACKGROUND),
    );
    return this;
  }
  setBackground(color: string | null): this {
    this.env.touch('Range.setBackground', 'write');
    this.fillAll(this.sheet.backgrounds, normalizeColor(color, DEFAULT_BACKGROUND));
    return this;
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    this.env.touch('Range.setBackgroundRGB', 'write');
    const hex = (n: number): string =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0');
    this.fillAll(this.sheet.backgrounds, `#${hex(red)}${hex(green)}${hex(blue)}`);
    return this;
  }
  getNumberFormats(): string[][] {
    this.env.touch('Range.getNumberFormats', 'read');
    return this.read(this.sheet.numberFormats);
  }
  getNumberFormat(): string {
    this.env.touch('Range.getNumberFormat', 'read');
    return this.first(this.sheet.numberFormats);
  }
  setNumberFormats(formats: unknown): this {
    this.env.touch('Range.setNumberFormats', 'write');
    this.writeBlock(this.sheet.numberFormats, formats, 'setNumberFormats', (f) =>
      f === null || f === undefined || f === '' ? DEFAULT_NUMBER_FORMAT : String(f),
    );
    return this;
  }
  setNumberFormat(format: string): this {
    this.env.touch('Range.setNumberFormat', 'write');
    this.fillAll(
      this.sheet.numberFormats,
      format === '' || format == null ? DEFAULT_NUMBER_FORMAT : String(format),
    );
    return this;
  }
  getNotes(): string[][] {
    this.env.touch('Range.getNotes', 'read');
    return this.read(this.sheet.notes);
  }
  getNote(): string {
    this.env.touch('Range.getNote', 'read');
    return this.first(this.sheet.notes);
  }
  setNotes(notes: unknown): this {
    this.env.touch('Range.setNotes', 'write');
    this.writeBlock(this.sheet.notes, notes, 'setNotes', (n) =>
      n === null || n === undefined ? '' : String(n),
    );
    return this;
  }
  setNote(note: string | null): this {
    this.env.touch('Range.setNote', 'write');
    this.fillAll(this.sheet.notes, note === null || note === undefined ? '' : String(note));
    return this;
  }
  clearNote(): this {
    this.env.touch('Range.clearNote', 'write');
    this.fillAll(this.sheet.notes, '');
    return this;
  }
  getFontWeights(): string[][] {
    this.env.touch('Range.getFontWeights', 'read');
    return this.read(this.sheet.fontWeights);
  }
  getFontWeight(): string {
    this.env.touch('Range.getFontWeight', 'read');
    return this.first(this.sheet.fontWeights);
  }
  setFontWeight(weight: string | null): this {
    this.env.touch('Range.setFontWeight', 'write');
    this.fillAll(this.sheet.fontWeights, weight === 'bold' ? 'bold' : 'normal');
    return this;
  }
  setFontWeights(weights: unknown): this {
    this.env.touch('Range.setFontWeights', 'write');
    this.writeBlock(this.sheet.fontWeights, weights, 'setFontWeights', (w) =>
      w === 'bold' ? 'bold' : 'normal',
    );
    return this;
  }
  getFontColors(): string[][] {
    this.env.touch('Range.getFontColors', 'read');
    return this.read(this.sheet.fontColors);
  }
  getFontColor(): string {
    this.env.touch('Range.getFontColor', 'read');
    return this.first(this.sheet.fontColors);
  }
  setFontColor(color: string | null): this {
    this.env.touch('Range.setFontColor', 'write');
    this.fillAll(this.sheet.fontColors, normalizeColor(color, DEFAULT_FONT_COLOR));
    return this;
  }
  setFontColors(colors: unknown): this {
    this.env.touch('Range.setFontColors', 'write');
    this.writeBlock(this.sheet.fontColors, colors, 'setFontColors', (c) =>
      normalizeColor(c, DEFAULT_FONT_COLOR),
    );
    return this;
  }
  getFontSizes(): number[][] {
    this.env.touch('Range.getFontSizes', 'read');
    return this.read(this.sheet.fontSizes);
  }
  getFontSize(): number {
    this.env.touch('Range.getFontSize', 'read');
    return this.first(this.sheet.fontSizes);
  }
  setFontSize(size: number): this {
    this.env.touch('Range.setFontSize', 'write');
    this.fillAll(this.sheet.fontSizes, Number(size));
    return this;
  }
  setFontStyle(style: string | null): this {
    this.env.touch('Range.setFontStyle', 'write');
    this.fillAll(this.sheet.fontStyles, style ?? 'normal');
    return this;
  }
  getFontStyle(): string {
    this.env.touch('Range.getFontStyle', 'read');
    return this.first(this.sheet.fontStyles);
  }
  setFontFamily(family: string | null): this {
    this.env.touch('Range.setFontFamily', 'write');
    this.fillAll(this.sheet.fontFamilies, family ?? 'Arial');
    return this;
  }
  setHorizontalAlignment(alignment: string | null): this {
    this.env.touch('Range.setHorizontalAlignment', 'write');
    this.fillAll(this.sheet.horizontalAlignments, alignment ?? 'general');
    return this;
  }
  setHorizontalAlignments(alignments: unknown): this {
    this.env.touch('Range.setHorizontalAlignments', 'write');
    this.writeBlock(this.sheet.horizontalAlignments, alignments, 'setHorizontalAlignments', (a) =>
      a === null || a === undefined ? 'general' : String(a),
    );
    return this;
  }
  getHorizontalAlignment(): string {
    this.env.touch('Range.getHorizontalAlignment', 'read');
    return this.first(this.sheet.horizontalAlignments);
  }
  setVerticalAlignment(alignment: string | null): this {
    this.env.touch('Range.setVerticalAlignment', 'write');
    this.fillAll(this.sheet.verticalAlignments, alignment ?? 'bottom');
    return this;
  }
  setWrap(isWrapEnabled: boolean): this {
    this.env.touch('Range.setWrap', 'write');
    this.fillAll(this.sheet.wraps, Boolean(isWrapEnabled));
    return this;
  }
  setWraps(wraps: unknown): this {
    this.env.touch('Range.setWraps', 'write');
    this.writeBlock(this.sheet.wraps, wraps, 'setWraps', (w) => Boolean(w));
    return this;
  }
  getWrap(): boolean {
    this.env.touch('Range.getWrap', 'read');
    return this.first(this.sheet.wraps);
  }
  setWrapStrategy(strategy: unknown): this {
    this.env.touch('Range.setWrapStrategy', 'write');
    this.fillAll(this.sheet.wraps, String(strategy) === 'WRAP');
    return this;
  }
  setBorder(...args: unknown[]): this {
    this.env.touch('Range.setBorder', 'write');
    this.sheet.borders.push({ a1: this.a1Internal(), args });
    return this;
  }
  merge(): this {
    this.env.touch('Range.merge', 'write');
    this.sheet.merges.push(this.a1Internal());
    return this;
  }
  mergeAcross(): this {
    this.env.touch('Range.mergeAcross', 'write');
    this.sheet.merges.push(this.a1Internal());
    return this;
  }
  breakApart(): this {
    this.env.touch('Range.breakApart', 'write');
    const a1 = this.a1Internal();
    this.sheet.merges = this.sheet.merges.filter((m) => m !== a1);
    return this;
  }

  // ---- validation

  setDataValidation(rule: FakeDataValidation | null): this {
    this.env.touch('Range.setDataValidation', 'write');
    if (rule !== null && !(rule instanceof FakeDataValidation)) {
      throw signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    }
    this.fillAll(this.sheet.validations, rule);
    return this;
  }
  setDataValidations(rules: unknown): this {
    this.env.touch('Range.setDataValidations', 'write');
    this.writeBlock(this.sheet.validations, rules, 'setDataValidations', (r) =>
      r instanceof FakeDataValidation ? r : null,
    );
    return this;
  }
  getDataValidation(): FakeDataValidation | null {
    this.env.touch('Range.getDataValidation', 'read');
    return this.first(this.sheet.validations);
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    this.env.touch('Range.getDataValidations', 'read');
    return this.read(this.sheet.validations);
  }
  clearDataValidations(): this {
    this.env.touch('Range.clearDataValidations', 'write');
    this.fillAll(this.sheet.validations, null);
    return this;
  }
  insertCheckboxes(): this {
    this.env.touch('Range.insertCheckboxes', 'write');
    this.fillAll(this.sheet.validations, new FakeDataValidationBuilder().requireCheckbox().build());
    const vals = this.read(this.sheet.values);
    this.sheet.values.write(this.row - 1, this.col - 1, vals, (v) => (v === '' ? false : v));
    return this;
  }

  // ---- clearing and moving

  clearInternal(options: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): void {
    const s = this.sheet;
    const any =
      options.contentsOnly || options.formatOnly || options.commentsOnly || options.validationsOnly;
    const r = this.row - 1;
    const c = this.col - 1;
    if (!any || options.contentsOnly) {
      s.values.fill(r, c, this.numRows, this.numCols, '');
      s.formulas.fill(r, c, this.numRows, this.numCols, '');
    }
    if (!any || options.formatOnly) {
      for (const l of s.formatLayers()) l.fill(r, c, this.numRows, this.numCols, l.blank);
    }
    if (!any || options.validationsOnly) s.validations.fill(r, c, this.numRows, this.numCols, null);
    if (options.commentsOnly) s.notes.fill(r, c, this.numRows, this.numCols, '');
  }
  clear(options?: {
    contentsOnly?: boolean;
    formatOnly?: boolean;
    commentsOnly?: boolean;
    validationsOnly?: boolean;
  }): this {
    this.env.touch('Range.clear', 'write');
    this.sheet.checkAlive();
    this.clearInternal(options ?? {});
    return this;
  }
  clearContent(): this {
    this.env.touch('Range.clearContent', 'write');
    this.sheet.checkAlive();
    this.clearInternal({ contentsOnly: true });
    return this;
  }
  clearFormat(): this {
    this.env.touch('Range.clearFormat', 'write');
    this.sheet.checkAlive();
    this.clearInternal({ formatOnly: true });
    return this;
  }

  /** sort(column) | sort({column, ascending}) | sort([...]) : sorts the rows of this range. */
  sort(spec: unknown): this {
    this.env.touch('Range.sort', 'write');
    const list = Array.isArray(spec) ? spec : [spec];
    const specs = list.map((s) => {
      if (typeof s === 'number') return { column: s, ascending: true };
      if (s !== null && typeof s === 'object' && 'column' in s) {
        const o = s as { column: unknown; ascending?: unknown };
        return { column: Number(o.column), ascending: o.ascending !== false };
      }
      throw signatureError('SpreadsheetApp.Range.sort', [spec]);
    });
    for (const s of specs) {
      if (s.column < this.col || s.column >= this.col + this.numCols) {
        throw new Error(`The column ${s.column} is out of range.`);
      }
    }
    this.sheet.sortRowsInternal(this.row, this.numRows, specs, this.col, this.numCols);
    return this;
  }

  copyTo(destination: FakeRange, options?: { contentsOnly?: boolean; formatOnly?: boolean }): void {
    this.env.touch('Range.copyTo', 'write');
    const dst = destination.sheet;
    const r = destination.row - 1;
    const c = destination.col - 1;
    dst.ensureSize(r + this.numRows, c + this.numCols);
    const src = this.sheet;
    if (!options?.formatOnly) {
      dst.values.write(r, c, this.readValues(), (v) => v);
      dst.indexDates();
      dst.formulas.write(r, c, this.read(src.formulas), (v) => v);
    }
    if (!options?.contentsOnly) {
      const sl = src.formatLayers();
      const dl = dst.formatLayers();
      sl.forEach((l, i) => {
        dl[i]!.write(
          r,
          c,
          l.read(this.row - 1, this.col - 1, this.numRows, this.numCols),
          (v) => v,
        );
      });
    }
  }

  toString(): string {
    return 'Range';
  }
}

// ---------------------------------------------------------------------------------------
// Spreadsheet

export class FakeSpreadsheet {
  private sheets: FakeSheet[] = [];
  activeSheetInternal: FakeSheet | null = null;
  timeZoneInternal: string;
  private nameInternal: string;
  private nextSheetId = 0;
  readonly id: string;
  locale = 'en_US';

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

  removeSheetInternal(sheet: FakeSheet): void {
    const i = this.sheets.indexOf(sheet);
    if (i < 0) return;
    this.sheets.splice(i, 1);
    sheet.deleted = true;
    if (this.activeSheetInternal === sheet) this.activeSheetInternal = this.sheets[0] ?? null;
  }

  /** Replaces the whole workbook with plain data (used by fixtures and xlsx loading). */
  loadData(data: WorkbookData): void {
    for (const s of this.sheets) s.deleted = true;
    this.sheets = [];
    this.activeSheetInternal = null;
    this.nextSheetId = 0;
    this.nameInternal = data.name;
    this.timeZoneInternal = data.timeZone;
    for (const sd of data.sheets) sheetFromData(this.addSheetInternal(sd.name), sd);
    if (this.sheets.length === 0) this.addSheetInternal('Sheet1');
  }

  toData(): WorkbookData {
    return {
      name: this.nameInternal,
      timeZone: this.timeZoneInternal,
      sheets: this.sheets.map(sheetToData),
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

function writeLayer<T>(
  layer: Layer<T>,
  data: readonly (readonly unknown[])[] | undefined,
  map: (v: unknown) => T,
): void {
  if (!data) return;
  data.forEach((row, i) => {
    if (!row) return;
    row.forEach((v, j) => {
      if (v === undefined || v === null) return;
      layer.set(i, j, map(v));
    });
  });
}

export function sheetFromData(sheet: FakeSheet, d: SheetData): void {
  const rows = Math.max(
    d.values.length,
    d.formulas?.length ?? 0,
    d.backgrounds?.length ?? 0,
    d.numberFormats?.length ?? 0,
    d.notes?.length ?? 0,
  );
  let cols = 0;
  for (const g of [d.values, d.formulas, d.backgrounds, d.numberFormats, d.notes]) {
    for (const r of g ?? []) if (r && r.length > cols) cols = r.length;
  }
  sheet.maxRows = Math.max(d.maxRows ?? DEFAULT_ROWS, rows);
  sheet.maxColumns = Math.max(d.maxColumns ?? DEFAULT_COLUMNS, cols);
  sheet.values.rows = d.values.map((r) =>
    r && r.length > 0 ? r.map((v) => toCell(v)) : undefined,
  );
  sheet.indexDates();
  writeLayer(sheet.formulas, d.formulas, String);
  writeLayer(sheet.backgrounds, d.backgrounds, (c) => normalizeColor(c, DEFAULT_BACKGROUND));
  writeLayer(sheet.numberFormats, d.numberFormats, String);
  writeLayer(sheet.notes, d.notes, String);
  writeLayer(sheet.fontWeights, d.fontWeights, String);
  writeLayer(sheet.fontColors, d.fontColors, (c) => normalizeColor(c, DEFAULT_FONT_COLOR));
  for (const [k, w] of Object.entries(d.columnWidths ?? {})) sheet.columnWidths.set(Number(k), w);
  sheet.frozenRows = d.frozenRows ?? 0;
  sheet.frozenColumns = d.frozenColumns ?? 0;
  sheet.tabColor = d.tabColor ?? null;
  sheet.hidden = d.hidden ?? false;
  for (const cf of d.conditionalFormats ?? []) {
    const ranges = cf.ranges.map((a1) => sheet.rangeFromA1Internal(a1));
    sheet.conditionalFormatRules.push(
      new FakeConditionalFormatRule(sheet.ctx.env, {
        criteria: cf.criteria,
        values: cf.values,
        background: cf.background,
        fontColor: cf.fontColor,
        bold: cf.bold,
        italic: null,
        ranges,
      }),
    );
  }
}

export function sheetToData(s: FakeSheet): SheetData {
  const nr = Math.max(
    s.lastRowInternal(),
    s.backgrounds.rows.length,
    s.notes.rows.length,
    s.numberFormats.rows.length,
  );
  const lastCol = (l: Layer<unknown>): number => l.lastColIndex((v) => v === l.blank) + 1;
  const nc = Math.max(
    s.lastColumnInternal(),
    lastCol(s.backgrounds as Layer<unknown>),
    lastCol(s.notes as Layer<unknown>),
    lastCol(s.numberFormats as Layer<unknown>),
    lastCol(s.fontWeights as Layer<unknown>),
  );
  const rows = Math.min(nr, s.maxRows);
  const cols = Math.min(nc, s.maxColumns);
  const grab = <T>(l: Layer<T>): T[][] => (rows > 0 && cols > 0 ? l.read(0, 0, rows, cols) : []);
  return {
    name: s.sheetName,
    values: grab(s.values),
    formulas: grab(s.formulas),
    backgrounds: grab(s.backgrounds),
    numberFormats: grab(s.numberFormats),
    notes: grab(s.notes),
    fontWeights: grab(s.fontWeights),
    fontColors: grab(s.fontColors),
    columnWidths: Object.fromEntries(s.columnWidths),
    frozenRows: s.frozenRows,
    frozenColumns: s.frozenColumns,
    maxRows: s.maxRows,
    maxColumns: s.maxColumns,
    tabColor: s.tabColor,
    hidden: s.hidden,
    conditionalFormats: s.conditionalFormatRules.map((r) => ({
      ranges: r.data.ranges.map((x) => x.a1Internal()),
      criteria: r.data.criteria,
      values: r.data.values,
      background: r.data.background,
      fontColor: r.data.fontColor,
      bold: r.data.bold,
    })),
  };
}

export { columnToLetters, quoteSheetName };
