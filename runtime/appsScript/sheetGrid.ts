/** The cell storage and geometry of a sheet, without the Apps Script API (nothing here is counted). */
import { a1Notation } from './a1.ts';
import {
  compareCells,
  DEFAULT_BACKGROUND,
  DEFAULT_COLUMNS,
  DEFAULT_FONT_COLOR,
  DEFAULT_ROWS,
  looksLikeFormula,
  toCell,
} from './cells.ts';
import type { FakeDataValidation } from './dataValidation.ts';
import { type Cell, DEFAULT_NUMBER_FORMAT } from './format.ts';
import { Layer } from './grid.ts';
import type { FakeRichTextValue } from './richText.ts';
import { signatureError } from './signatureError.ts';
import type { SpreadsheetContext } from './types.ts';

export class SheetGrid {
  values = new Layer<Cell>('');
  /**
   * Timestamp of each Date stored in `values`. Dates are shared with scripts (no copy on read or
   * write, which is what keeps 100,000-row reads fast); a Date mutated by a script no longer
   * matches its timestamp and is replaced by a fresh copy on the next read.
   */
  dateMs = new Layer<number>(Number.NaN);
  formulas = new Layer<string>('');
  /** Rich text (styled runs, links) of text cells that have any; the plain text is in `values`. */
  richTexts = new Layer<FakeRichTextValue | null>(null);
  /** Error value ('#N/A', ...) of cells holding an error; `values` holds the same string. */
  errors = new Layer<string>('');
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
  deleted = false;
  /** Rows or columns inserted or deleted, with the 0-based index where they were (in order). */
  lineEdits: { axis: 'rows' | 'columns'; at: number }[] = [];

  constructor(
    readonly ctx: SpreadsheetContext,
    protected name: string,
  ) {}

  /** Every per-cell layer (what inserting, deleting and sorting rows moves). */
  layers(): Layer<unknown>[] {
    return [
      ...(this.contentLayers() as Layer<unknown>[]),
      this.notes,
      this.validations,
      ...this.formatLayers(),
    ];
  }

  /** What a cell holds (value, formula, rich text, error): written and cleared together. */
  contentLayers(): Layer<unknown>[] {
    const layers = [this.values, this.dateMs, this.formulas, this.richTexts, this.errors];
    return layers as Layer<unknown>[];
  }

  /** Clears the rich text and error of cells whose value a script writes. */
  clearValueExtras(r: number, c: number, nr: number, nc: number): void {
    this.richTexts.fill(r, c, nr, nc, null);
    this.errors.fill(r, c, nr, nc, '');
  }

  /** The layers a format clear or a format copy touches. */
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
      if (row === undefined || !row.some((v) => typeof v === 'object')) return;
      const ms = this.dateMs.rowOf(r, row.length);
      row.forEach((v, c) => {
        if (typeof v === 'object') ms[c] = v.getTime();
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
    if (this.richTexts.rows.length > r0 || this.errors.rows.length > r0)
      this.clearValueExtras(r0, c0, data.length, data[0]?.length ?? 0);
    const vals = this.values;
    const forms = this.formulas;
    for (let i = 0; i < data.length; i++) {
      const src = data[i]!;
      const vrow = vals.rowOf(r0 + i, c0 + src.length);
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
          if (typeof v === 'object')
            this.dateMs.rowOf(r0 + i, c0 + src.length)[c0 + j] = v.getTime();
        }
        vrow[c0 + j] = v;
        if (frow !== undefined && frow[c0 + j] !== undefined) frow[c0 + j] = '';
      }
    }
  }

  setNameInternal(name: string): void {
    this.name = name;
  }

  get sheetName(): string {
    return this.name;
  }

  insertRowsInternal(at0: number, n: number): void {
    for (const l of this.layers()) l.insertRows(at0, n);
    this.maxRows += n;
    this.lineEdits.push({ axis: 'rows', at: at0 });
  }

  insertColsInternal(at0: number, n: number): void {
    for (const l of this.layers()) l.insertCols(at0, n);
    this.maxColumns += n;
    this.lineEdits.push({ axis: 'columns', at: at0 });
    const widths = new Map<number, number>();
    for (const [c, w] of this.columnWidths) widths.set(c > at0 ? c + n : c, w);
    this.columnWidths = widths;
  }

  deleteRowsInternal(pos: number, n: number): void {
    if (typeof pos !== 'number' || typeof n !== 'number')
      throw signatureError('SpreadsheetApp.Sheet.deleteRows', [pos, n]);
    if (pos < 1 || pos + n - 1 > this.maxRows) throw new Error('Those rows are out of bounds.');
    if (n >= this.maxRows - this.frozenRows && pos <= this.frozenRows + 1) {
      throw new Error('Sorry, it is not possible to delete all non-frozen rows.');
    }
    for (const l of this.layers()) l.deleteRows(pos - 1, n);
    this.maxRows -= n;
    this.lineEdits.push({ axis: 'rows', at: pos - 1 });
  }

  deleteColsInternal(pos: number, n: number): void {
    if (pos < 1 || pos + n - 1 > this.maxColumns)
      throw new Error('Those columns are out of bounds.');
    if (n >= this.maxColumns - this.frozenColumns) {
      throw new Error('Sorry, it is not possible to delete all non-frozen columns.');
    }
    for (const l of this.layers()) l.deleteCols(pos - 1, n);
    this.maxColumns -= n;
    this.lineEdits.push({ axis: 'columns', at: pos - 1 });
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
}
