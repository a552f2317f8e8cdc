/** Fake Range: a block of cells of a sheet (every public method is counted). */
import { a1Notation, parseA1, splitSheetName } from './a1.ts';
import {
  BACKGROUND,
  type CellAttribute,
  DATA_VALIDATION,
  FONT_COLOR,
  FONT_FAMILY,
  FONT_SIZE,
  FONT_STYLE,
  FONT_WEIGHT,
  HORIZONTAL_ALIGNMENT,
  NOTE,
  NUMBER_FORMAT,
  VERTICAL_ALIGNMENT,
  WRAP,
} from './cellAttributes.ts';
import { checkShape } from './cells.ts';
import { isRichText, richTextAt, writeRichTexts } from './cellText.ts';
import { FakeDataValidation, FakeDataValidationBuilder } from './dataValidation.ts';
import {
  ARBITRARY_RANGE_MESSAGE,
  addMetadata,
  type FakeDeveloperMetadata,
  visibleMetadata,
} from './developerMetadata.ts';
import type { Env } from './env.ts';
import { type Cell, displayValue } from './format.ts';
import type { Layer } from './grid.ts';
import type { FakeRichTextValue } from './richText.ts';
import type { SheetGrid } from './sheetGrid.ts';
import { signatureError } from './signatureError.ts';
import type { SheetLike } from './types.ts';

/** The sheet of a range: its cells, and what it shows beyond them. */
export type RangeSheet = SheetGrid & SheetLike;

/** A range of `sheet` (1-based), checked as Sheet.getRange(row, column, numRows, numColumns). */
export function rangeOf(
  sheet: RangeSheet,
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
  if (row + numRows - 1 > sheet.maxRows || col + numCols - 1 > sheet.maxColumns) {
    throw new Error('The coordinates of the range are outside the dimensions of the sheet.');
  }
  return new FakeRange(sheet, row, col, numRows, numCols, a1);
}

/** The range an A1 text names on `sheet` (`A1:B2`, `A:C`, `'Sheet'!A2:C`), as Sheets reads it. */
export function rangeFromA1(sheet: RangeSheet, a1: string): FakeRange {
  const ref = parseA1(a1);
  if (ref.sheetName !== null && ref.sheetName.toLowerCase() !== sheet.sheetName.toLowerCase()) {
    throw new Error('Range not found');
  }
  const row = ref.row ?? 1;
  const col = ref.col ?? 1;
  const endRow = ref.endRow ?? sheet.maxRows;
  const endCol = ref.endCol ?? sheet.maxColumns;
  if (
    endRow > sheet.maxRows ||
    endCol > sheet.maxColumns ||
    row > sheet.maxRows ||
    col > sheet.maxColumns
  ) {
    throw new Error('Range not found');
  }
  const { range } = splitSheetName(a1);
  const keep =
    ref.endRow === null || ref.endCol === null ? range.replace(/\$/g, '').toUpperCase() : undefined;
  return new FakeRange(sheet, row, col, endRow - row + 1, endCol - col + 1, keep);
}

interface Bounds {
  row: number;
  col: number;
  lastRow: number;
  lastCol: number;
}

/** The merged areas of the sheet that overlap `b` (1-based bounds), as A1 texts. */
function mergesOverlapping(sheet: RangeSheet, b: Bounds): string[] {
  return sheet.merges.filter((a1) => {
    const m = rangeFromA1(sheet, a1);
    return (
      m.row <= b.lastRow &&
      m.row + m.numRows - 1 >= b.row &&
      m.col <= b.lastCol &&
      m.col + m.numCols - 1 >= b.col
    );
  });
}

export class FakeRange {
  constructor(
    readonly sheet: RangeSheet,
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

  /** getBackgrounds & co.: the attribute of every cell. */
  private readAttribute<T>(method: string, attribute: CellAttribute<T>): T[][] {
    this.env.touch(method, 'read');
    return this.read(attribute.layer(this.sheet));
  }

  /** getBackground & co.: the attribute of the top-left cell. */
  private readFirst<T>(method: string, attribute: CellAttribute<T>): T {
    this.env.touch(method, 'read');
    return this.first(attribute.layer(this.sheet));
  }

  /** setBackgrounds & co.: one value per cell, shaped like the range. */
  private writeAttribute<T>(method: string, attribute: CellAttribute<T>, data: unknown): this {
    this.env.touch(method, 'write');
    this.sheet.checkAlive();
    const rows = checkShape(data, this.numRows, this.numCols, `SpreadsheetApp.${method}`);
    attribute.layer(this.sheet).write(this.row - 1, this.col - 1, rows, attribute.normalize);
    return this;
  }

  /** setBackground & co.: one value for every cell. */
  private fillAttribute<T>(method: string, attribute: CellAttribute<T>, value: unknown): this {
    this.env.touch(method, 'write');
    const v = attribute.normalize(value);
    this.sheet.checkAlive();
    attribute.layer(this.sheet).fill(this.row - 1, this.col - 1, this.numRows, this.numCols, v);
    return this;
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
  /** True when the range is whole columns (every row of the sheet). */
  private wholeColumns(): boolean {
    return this.row === 1 && this.numRows === this.sheet.maxRows;
  }
  /** Marks one whole column (Apps Script refuses any other range but a whole row). */
  addDeveloperMetadata(...args: unknown[]): this {
    this.env.touch('Range.addDeveloperMetadata', 'write');
    if (!this.wholeColumns() || this.numCols !== 1) throw new Error(ARBITRARY_RANGE_MESSAGE);
    const host = this.sheet.metadataHostInternal();
    addMetadata(host, 'SpreadsheetApp.Range.addDeveloperMetadata', args, this.col);
    return this;
  }
  /** The marks of the whole columns the range spans (none for a part of a column). */
  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.env.touch('Range.getDeveloperMetadata', 'read');
    this.sheet.checkAlive();
    if (!this.wholeColumns()) return this.env.realm.copy([]);
    const where = { from: this.col, to: this.col + this.numCols - 1 };
    return this.env.realm.copy(visibleMetadata(this.sheet.metadataHostInternal(), where));
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
  getSheet(): RangeSheet {
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
    return rangeOf(this.sheet, this.row + row - 1, this.col + column - 1, 1, 1);
  }
  offset(
    rowOffset: number,
    columnOffset: number,
    numRows?: number,
    numColumns?: number,
  ): FakeRange {
    this.env.touch('Range.offset', 'read');
    return rangeOf(
      this.sheet,
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

  // ---- rich text (styled runs and links)

  getRichTextValue(): FakeRichTextValue | null {
    this.env.touch('Range.getRichTextValue', 'read');
    this.sheet.checkAlive();
    return richTextAt(this.sheet, this.row - 1, this.col - 1);
  }
  getRichTextValues(): (FakeRichTextValue | null)[][] {
    this.env.touch('Range.getRichTextValues', 'read');
    this.sheet.checkAlive();
    const out = this.env.realm.array<(FakeRichTextValue | null)[]>(this.numRows);
    for (let i = 0; i < this.numRows; i++) {
      const row = this.env.realm.array<FakeRichTextValue | null>(this.numCols);
      for (let j = 0; j < this.numCols; j++)
        row[j] = richTextAt(this.sheet, this.row - 1 + i, this.col - 1 + j);
      out[i] = row;
    }
    return out;
  }
  setRichTextValue(value: FakeRichTextValue): this {
    this.env.touch('Range.setRichTextValue', 'write');
    this.sheet.checkAlive();
    if (!isRichText(value)) throw signatureError('SpreadsheetApp.Range.setRichTextValue', [value]);
    const row = new Array<FakeRichTextValue>(this.numCols).fill(value);
    writeRichTexts(
      this.sheet,
      this.row - 1,
      this.col - 1,
      Array.from({ length: this.numRows }, () => row),
    );
    return this;
  }
  setRichTextValues(values: unknown): this {
    this.env.touch('Range.setRichTextValues', 'write');
    this.sheet.checkAlive();
    const method = 'SpreadsheetApp.Range.setRichTextValues';
    const rows = checkShape(values, this.numRows, this.numCols, method);
    for (const r of rows)
      for (const v of r) if (v !== null && !isRichText(v)) throw signatureError(method, [values]);
    writeRichTexts(this.sheet, this.row - 1, this.col - 1, rows as (FakeRichTextValue | null)[][]);
    return this;
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
    s.clearValueExtras(this.row - 1, this.col - 1, this.numRows, this.numCols);
  }

  // ---- formats

  getBackgrounds(): string[][] {
    return this.readAttribute('Range.getBackgrounds', BACKGROUND);
  }
  getBackground(): string {
    return this.readFirst('Range.getBackground', BACKGROUND);
  }
  setBackgrounds(colors: unknown): this {
    return this.writeAttribute('Range.setBackgrounds', BACKGROUND, colors);
  }
  setBackground(color: string | null): this {
    return this.fillAttribute('Range.setBackground', BACKGROUND, color);
  }
  setBackgroundRGB(red: number, green: number, blue: number): this {
    const hex = (n: number): string =>
      Math.max(0, Math.min(255, Math.round(n)))
        .toString(16)
        .padStart(2, '0');
    return this.fillAttribute(
      'Range.setBackgroundRGB',
      BACKGROUND,
      `#${hex(red)}${hex(green)}${hex(blue)}`,
    );
  }
  getNumberFormats(): string[][] {
    return this.readAttribute('Range.getNumberFormats', NUMBER_FORMAT);
  }
  getNumberFormat(): string {
    return this.readFirst('Range.getNumberFormat', NUMBER_FORMAT);
  }
  setNumberFormats(formats: unknown): this {
    return this.writeAttribute('Range.setNumberFormats', NUMBER_FORMAT, formats);
  }
  setNumberFormat(format: string): this {
    return this.fillAttribute('Range.setNumberFormat', NUMBER_FORMAT, format);
  }
  getNotes(): string[][] {
    return this.readAttribute('Range.getNotes', NOTE);
  }
  getNote(): string {
    return this.readFirst('Range.getNote', NOTE);
  }
  setNotes(notes: unknown): this {
    return this.writeAttribute('Range.setNotes', NOTE, notes);
  }
  setNote(note: string | null): this {
    return this.fillAttribute('Range.setNote', NOTE, note);
  }
  clearNote(): this {
    return this.fillAttribute('Range.clearNote', NOTE, '');
  }
  getFontWeights(): string[][] {
    return this.readAttribute('Range.getFontWeights', FONT_WEIGHT);
  }
  getFontWeight(): string {
    return this.readFirst('Range.getFontWeight', FONT_WEIGHT);
  }
  setFontWeight(weight: string | null): this {
    return this.fillAttribute('Range.setFontWeight', FONT_WEIGHT, weight);
  }
  setFontWeights(weights: unknown): this {
    return this.writeAttribute('Range.setFontWeights', FONT_WEIGHT, weights);
  }
  getFontColors(): string[][] {
    return this.readAttribute('Range.getFontColors', FONT_COLOR);
  }
  getFontColor(): string {
    return this.readFirst('Range.getFontColor', FONT_COLOR);
  }
  setFontColor(color: string | null): this {
    return this.fillAttribute('Range.setFontColor', FONT_COLOR, color);
  }
  setFontColors(colors: unknown): this {
    return this.writeAttribute('Range.setFontColors', FONT_COLOR, colors);
  }
  getFontSizes(): number[][] {
    return this.readAttribute('Range.getFontSizes', FONT_SIZE);
  }
  getFontSize(): number {
    return this.readFirst('Range.getFontSize', FONT_SIZE);
  }
  setFontSize(size: number): this {
    return this.fillAttribute('Range.setFontSize', FONT_SIZE, size);
  }
  setFontStyle(style: string | null): this {
    return this.fillAttribute('Range.setFontStyle', FONT_STYLE, style);
  }
  getFontStyle(): string {
    return this.readFirst('Range.getFontStyle', FONT_STYLE);
  }
  setFontFamily(family: string | null): this {
    return this.fillAttribute('Range.setFontFamily', FONT_FAMILY, family);
  }
  setHorizontalAlignment(alignment: string | null): this {
    return this.fillAttribute('Range.setHorizontalAlignment', HORIZONTAL_ALIGNMENT, alignment);
  }
  setHorizontalAlignments(alignments: unknown): this {
    return this.writeAttribute('Range.setHorizontalAlignments', HORIZONTAL_ALIGNMENT, alignments);
  }
  getHorizontalAlignment(): string {
    return this.readFirst('Range.getHorizontalAlignment', HORIZONTAL_ALIGNMENT);
  }
  setVerticalAlignment(alignment: string | null): this {
    return this.fillAttribute('Range.setVerticalAlignment', VERTICAL_ALIGNMENT, alignment);
  }
  setWrap(isWrapEnabled: boolean): this {
    return this.fillAttribute('Range.setWrap', WRAP, isWrapEnabled);
  }
  setWraps(wraps: unknown): this {
    return this.writeAttribute('Range.setWraps', WRAP, wraps);
  }
  getWrap(): boolean {
    return this.readFirst('Range.getWrap', WRAP);
  }
  setWrapStrategy(strategy: unknown): this {
    return this.fillAttribute('Range.setWrapStrategy', WRAP, String(strategy) === 'WRAP');
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
  getMergedRanges(): FakeRange[] {
    this.env.touch('Range.getMergedRanges', 'read');
    const merges = mergesOverlapping(this.sheet, this.bounds());
    return this.env.realm.copy(merges.map((a1) => rangeFromA1(this.sheet, a1)));
  }
  isPartOfMerge(): boolean {
    this.env.touch('Range.isPartOfMerge', 'read');
    return mergesOverlapping(this.sheet, this.bounds()).length > 0;
  }
  private bounds(): Bounds {
    const lastRow = this.row + this.numRows - 1;
    return { row: this.row, col: this.col, lastRow, lastCol: this.col + this.numCols - 1 };
  }
  breakApart(): this {
    this.env.touch('Range.breakApart', 'write');
    const broken = new Set(mergesOverlapping(this.sheet, this.bounds()));
    this.sheet.merges = this.sheet.merges.filter((m) => !broken.has(m));
    return this;
  }

  // ---- validation

  setDataValidation(rule: FakeDataValidation | null): this {
    if (rule !== null && !(rule instanceof FakeDataValidation)) {
      this.env.touch('Range.setDataValidation', 'write');
      throw signatureError('SpreadsheetApp.Range.setDataValidation', [rule]);
    }
    return this.fillAttribute('Range.setDataValidation', DATA_VALIDATION, rule);
  }
  setDataValidations(rules: unknown): this {
    return this.writeAttribute('Range.setDataValidations', DATA_VALIDATION, rules);
  }
  getDataValidation(): FakeDataValidation | null {
    return this.readFirst('Range.getDataValidation', DATA_VALIDATION);
  }
  getDataValidations(): (FakeDataValidation | null)[][] {
    return this.readAttribute('Range.getDataValidations', DATA_VALIDATION);
  }
  clearDataValidations(): this {
    return this.fillAttribute('Range.clearDataValidations', DATA_VALIDATION, null);
  }
  insertCheckboxes(): this {
    const checkbox = new FakeDataValidationBuilder().requireCheckbox().build();
    this.fillAttribute('Range.insertCheckboxes', DATA_VALIDATION, checkbox);
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
      for (const l of s.contentLayers()) l.fill(r, c, this.numRows, this.numCols, l.blank);
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
      dst.richTexts.write(r, c, this.read(src.richTexts), (v) => v);
      dst.errors.write(r, c, this.read(src.errors), (v) => v);
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
