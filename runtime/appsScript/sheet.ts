/** Fake Sheet: the Apps Script Sheet API over a SheetGrid (every public method is counted). */
import { DEFAULT_BACKGROUND, DEFAULT_COLUMN_WIDTH, normalizeColor } from './cells.ts';
import { type ChartData, FakeEmbeddedChart, FakeEmbeddedChartBuilder } from './charts.ts';
import { FakeConditionalFormatRule, ruleBackgroundAt, shiftRule } from './conditionalFormat.ts';
import {
  addMetadata,
  type FakeDeveloperMetadata,
  FakeDeveloperMetadataFinder,
  type MetadataHost,
  type MetadataItem,
  shiftColumnMarks,
  visibleMetadata,
} from './developerMetadata.ts';
import type { Env } from './env.ts';
import type { Cell } from './format.ts';
import { FakeRange, rangeFromA1, rangeOf } from './range.ts';
import { SheetGrid } from './sheetGrid.ts';
import { signatureError } from './signatureError.ts';
import type { SheetLike, SpreadsheetContext, SpreadsheetLike } from './types.ts';

let nextChartId = 1;

export class FakeSheet extends SheetGrid implements SheetLike {
  hiddenColumns = new Set<number>();
  hiddenRows = new Set<number>();
  hidden = false;
  tabColor: string | null = null;
  conditionalFormatRules: FakeConditionalFormatRule[] = [];
  charts: FakeEmbeddedChart[] = [];
  merges: string[] = [];
  borders: { a1: string; args: unknown[] }[] = [];
  autoResized: { start: number; count: number }[] = [];
  /** Developer metadata on this sheet (every project's; see developerMetadata.ts). */
  readonly developerMetadata: MetadataItem[] = [];

  constructor(
    ctx: SpreadsheetContext,
    readonly parent: SpreadsheetLike,
    name: string,
    readonly sheetId: number,
  ) {
    super(ctx, name);
  }

  private get env(): Env {
    return this.ctx.env;
  }

  rangeInternal(
    row: number,
    col: number,
    numRows: number,
    numCols: number,
    a1?: string,
  ): FakeRange {
    return rangeOf(this, row, col, numRows, numCols, a1);
  }

  rangeFromA1Internal(a1: string): FakeRange {
    return rangeFromA1(this, a1);
  }

  // ---- public API

  getName(): string {
    this.env.touch('Sheet.getName', 'read');
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

  getParent(): SpreadsheetLike {
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

  insertRowsAfter(afterPosition: number, howMany: number): this {
    return this.insertLines('insertRowsAfter', 'rows', afterPosition, howMany, 'after');
  }

  insertRowsBefore(beforePosition: number, howMany: number): this {
    return this.insertLines('insertRowsBefore', 'rows', beforePosition, howMany, 'before');
  }

  insertRowAfter(afterPosition: number): this {
    return this.insertLines('insertRowAfter', 'rows', afterPosition, 1, 'after');
  }

  insertRowBefore(beforePosition: number): this {
    return this.insertLines('insertRowBefore', 'rows', beforePosition, 1, 'before');
  }

  insertRows(rowIndex: number, numRows = 1): void {
    this.insertLines('insertRows', 'rows', rowIndex, numRows, 'before');
  }

  insertColumnsAfter(afterPosition: number, howMany: number): this {
    return this.insertLines('insertColumnsAfter', 'columns', afterPosition, howMany, 'after');
  }

  insertColumnsBefore(beforePosition: number, howMany: number): this {
    return this.insertLines('insertColumnsBefore', 'columns', beforePosition, howMany, 'before');
  }

  insertColumnAfter(afterPosition: number): this {
    return this.insertLines('insertColumnAfter', 'columns', afterPosition, 1, 'after');
  }

  insertColumnBefore(beforePosition: number): this {
    return this.insertLines('insertColumnBefore', 'columns', beforePosition, 1, 'before');
  }

  /** The insertRow(s)/insertColumn(s) family: `position` is 1-based, before or after it. */
  private insertLines(
    method: string,
    lines: 'rows' | 'columns',
    position: unknown,
    howMany: unknown,
    side: 'before' | 'after',
  ): this {
    this.env.touch(`Sheet.${method}`, 'write');
    const max = lines === 'rows' ? this.maxRows : this.maxColumns;
    if (typeof position !== 'number' || typeof howMany !== 'number')
      throw signatureError(`SpreadsheetApp.Sheet.${method}`, [position, howMany]);
    if (position < 1 || position > max) throw new Error('Those rows are out of bounds.');
    if (howMany < 1) throw new Error('The number of rows must be at least 1.');
    const at0 = side === 'after' ? position : position - 1;
    if (lines === 'rows') this.insertRowsInternal(at0, howMany);
    else this.insertColsInternal(at0, howMany);
    return this;
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

  deleteColumns(columnPosition: number, howMany: number): void {
    this.env.touch('Sheet.deleteColumns', 'write');
    this.deleteColsInternal(columnPosition, howMany);
  }

  deleteColumn(columnPosition: number): this {
    this.env.touch('Sheet.deleteColumn', 'write');
    this.deleteColsInternal(columnPosition, 1);
    return this;
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
    for (const l of this.contentLayers()) l.rows = [];
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

  /** Inserting and deleting lines moves the conditional-format rules as Sheets does. */
  override insertRowsInternal(at0: number, n: number): void {
    super.insertRowsInternal(at0, n);
    for (const r of this.conditionalFormatRules) shiftRule(r, 'rows', at0, n);
  }

  override insertColsInternal(at0: number, n: number): void {
    super.insertColsInternal(at0, n);
    for (const r of this.conditionalFormatRules) shiftRule(r, 'columns', at0, n);
    shiftColumnMarks(this.developerMetadata, at0, n);
  }

  override deleteRowsInternal(pos: number, n: number): void {
    super.deleteRowsInternal(pos, n);
    for (const r of this.conditionalFormatRules) shiftRule(r, 'rows', pos - 1, -n);
  }

  override deleteColsInternal(pos: number, n: number): void {
    super.deleteColsInternal(pos, n);
    for (const r of this.conditionalFormatRules) shiftRule(r, 'columns', pos - 1, -n);
    shiftColumnMarks(this.developerMetadata, pos - 1, -n);
  }

  /**
   * The background a user sees in a cell (1-based) at `nowMs`: the first conditional-format
   * rule that holds there, else the cell's own (uncounted; what a screenshot would show).
   */
  shownBackgroundInternal(row: number, col: number, nowMs: number): string {
    const ctx = {
      cell: (r: number, c: number) => this.values.get(r - 1, c - 1),
      zone: this.parent.timeZoneInternal,
      nowMs,
    };
    for (const rule of this.conditionalFormatRules) {
      const bg = ruleBackgroundAt(rule, row, col, ctx);
      if (bg !== null) return bg;
    }
    return this.backgrounds.get(row - 1, col - 1);
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

  /** A chart read from a file (not a script's call: nothing counted). */
  addChartInternal(data: Omit<ChartData, 'id'>): FakeEmbeddedChart {
    const chart = new FakeEmbeddedChart(this.env, { ...data, id: nextChartId++ });
    this.charts.push(chart);
    return chart;
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

  addDeveloperMetadata(...args: unknown[]): this {
    this.env.touch('Sheet.addDeveloperMetadata', 'write');
    addMetadata(this.metadataHostInternal(), 'SpreadsheetApp.Sheet.addDeveloperMetadata', args);
    return this;
  }

  getDeveloperMetadata(): FakeDeveloperMetadata[] {
    this.env.touch('Sheet.getDeveloperMetadata', 'read');
    this.checkAlive();
    return this.env.realm.copy(visibleMetadata(this.metadataHostInternal()));
  }

  createDeveloperMetadataFinder(): FakeDeveloperMetadataFinder {
    this.env.touch('Sheet.createDeveloperMetadataFinder', 'read');
    this.checkAlive();
    return new FakeDeveloperMetadataFinder(this.metadataHostInternal(), this.env);
  }

  /** Where the sheet keeps its marks and its columns' (ranges use it for column marks). */
  metadataHostInternal(): MetadataHost {
    return {
      env: this.env,
      items: this.developerMetadata,
      project: this.parent.projectId,
      nextId: () => this.parent.nextMetadataId(),
      checkAlive: () => this.checkAlive(),
      sheet: this,
      columnRange: (column) => this.rangeInternal(1, column, this.maxRows, 1),
    };
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

  override toString(): string {
    return 'Sheet';
  }
}
