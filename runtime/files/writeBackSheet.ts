/**
 * One sheet of the write-back (writeBack.ts): its snapshot at load, and each kind of change the
 * run made to it since, written onto the ExcelJS worksheet and recorded (sheetChanges.ts).
 */
import type ExcelJS from 'exceljs';
import type { FakeEmbeddedChart } from '../appsScript/charts.ts';
import type { FakeConditionalFormatRule } from '../appsScript/conditionalFormat.ts';
import { isDate } from '../appsScript/format.ts';
import type { Layer } from '../appsScript/grid.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import { conditionalFormattings, setConditionalFormattings } from './excelInternals.ts';
import type { SheetChanges } from './sheetChanges.ts';
import { contentAt, writeContent, XLSX_ATTRIBUTES } from './xlsxCells.ts';
import {
  type RuleSources,
  ruleToExcel,
  writeColumnWidth,
  writeFrozen,
  writeRowHeight,
  writeTabColor,
  writeValidation,
} from './xlsxSheet.ts';

export type Rows = (unknown[] | undefined)[];

export interface Snapshot {
  name: string;
  /** Copies of the compared layers' rows, in the order of `comparedLayers`. */
  layers: Rows[];
  columnWidths: Map<number, number>;
  rowHeights: Map<number, number>;
  hiddenRows: Set<number>;
  hiddenColumns: Set<number>;
  frozenRows: number;
  frozenColumns: number;
  tabColor: string | null;
  hidden: boolean;
  merges: string[];
  rules: FakeConditionalFormatRule[];
  charts: FakeEmbeddedChart[];
  lineEdits: number;
  rows: number;
  columns: number;
}

/** Content layers first (one group), then one layer per attribute, then validations. */
function comparedLayers(sheet: FakeSheet): Layer<unknown>[] {
  const content = [sheet.values, sheet.formulas, sheet.richTexts, sheet.errors];
  const attributes = XLSX_ATTRIBUTES.map((a) => a.layer(sheet));
  return [...(content as Layer<unknown>[]), ...attributes, sheet.validations as Layer<unknown>];
}
const CONTENT_LAYERS = 4;

export function copyRows(layer: Layer<unknown>): Rows {
  return layer.rows.map((row) => row?.map((v) => (isDate(v) ? new Date(v.getTime()) : v)));
}

/**
 * The sheet as it is now; `copyLayers` false leaves its cells out (a sheet read in a stream:
 * its cells are compared with the file itself on save, writeBackStreamed.ts).
 */
export function snapshot(sheet: FakeSheet, copyLayers = true): Snapshot {
  let rows = 0;
  let columns = 0;
  for (const layer of comparedLayers(sheet)) {
    rows = Math.max(rows, layer.rows.length);
    for (const row of layer.rows) columns = Math.max(columns, row?.length ?? 0);
  }
  return {
    name: sheet.sheetName,
    layers: copyLayers ? comparedLayers(sheet).map(copyRows) : [],
    columnWidths: new Map(sheet.columnWidths),
    rowHeights: new Map(sheet.rowHeights),
    hiddenRows: new Set(sheet.hiddenRows),
    hiddenColumns: new Set(sheet.hiddenColumns),
    frozenRows: sheet.frozenRows,
    frozenColumns: sheet.frozenColumns,
    tabColor: sheet.tabColor,
    hidden: sheet.hidden,
    merges: sheet.merges.slice(),
    rules: sheet.conditionalFormatRules.slice(),
    charts: sheet.charts.slice(),
    lineEdits: sheet.lineEdits.length,
    rows,
    columns,
  };
}

export function same(a: unknown, b: unknown): boolean {
  return a === b || (isDate(a) && isDate(b) && a.getTime() === b.getTime());
}

/** Cells (0-based) whose layer differs from the snapshot's copy of it. */
export function changedCells(
  sheet: FakeSheet,
  layer: Layer<unknown>,
  before: Rows,
  into: Set<string>,
): void {
  const isValues = layer === (sheet.values as Layer<unknown>);
  const n = Math.max(layer.rows.length, before.length);
  for (let r = 0; r < n; r++) {
    const now = layer.rows[r];
    const old = before[r];
    if (now === old) continue;
    const m = Math.max(now?.length ?? 0, old?.length ?? 0);
    for (let c = 0; c < m; c++) {
      const a = isValues ? sheet.cellInternal(r, c) : layer.get(r, c);
      const b = old?.[c] ?? layer.blank;
      if (!same(a, b)) into.add(`${r},${c}`);
    }
  }
}

export function applyCells(
  ws: ExcelJS.Worksheet,
  sheet: FakeSheet,
  snap: Snapshot,
  zone: string,
  record: SheetChanges,
): void {
  const layers = comparedLayers(sheet);
  const changed = layers.map((layer, i) => {
    const set = new Set<string>();
    changedCells(sheet, layer, snap.layers[i]!, set);
    return set;
  });
  const content = new Set(changed.slice(0, CONTENT_LAYERS).flatMap((s) => [...s]));
  const validations = changed[changed.length - 1]!;
  const all = new Set([...content, ...changed.slice(CONTENT_LAYERS).flatMap((s) => [...s])]);
  for (const key of content) record.content.add(key);
  if (validations.size > 0) record.validations = true;
  XLSX_ATTRIBUTES.forEach((a, i) => {
    if (a.layer(sheet) === sheet.notes && changed[CONTENT_LAYERS + i]!.size > 0)
      record.notes = true;
  });
  for (const key of all) {
    record.cells.add(key);
    const [r, c] = key.split(',').map(Number) as [number, number];
    const cell = ws.getCell(r + 1, c + 1);
    XLSX_ATTRIBUTES.forEach((a, i) => {
      if (changed[CONTENT_LAYERS + i]!.has(key)) a.write(cell, a.layer(sheet).get(r, c));
    });
    if (validations.has(key)) writeValidation(ws, cell.address, sheet.validations.get(r, c));
    if (content.has(key)) writeContent(cell, contentAt(sheet, r, c), zone);
  }
}

function changedKeys<K, V>(now: Map<K, V>, before: Map<K, V>): K[] {
  return [...new Set([...now.keys(), ...before.keys()])].filter(
    (k) => now.get(k) !== before.get(k),
  );
}

function changedMembers<K>(now: Set<K>, before: Set<K>): K[] {
  return [...now, ...before].filter((k) => now.has(k) !== before.has(k));
}

function applyLines(ws: ExcelJS.Worksheet, sheet: FakeSheet, snap: Snapshot, record: SheetChanges) {
  for (const col of changedKeys(sheet.columnWidths, snap.columnWidths)) {
    writeColumnWidth(ws, col, sheet.columnWidths.get(col));
    record.columns.add(col);
  }
  for (const row of changedKeys(sheet.rowHeights, snap.rowHeights)) {
    writeRowHeight(ws, row, sheet.rowHeights.get(row));
    record.rows.add(row);
  }
  for (const col of changedMembers(sheet.hiddenColumns, snap.hiddenColumns)) {
    ws.getColumn(col).hidden = sheet.hiddenColumns.has(col);
    record.columns.add(col);
  }
  for (const row of changedMembers(sheet.hiddenRows, snap.hiddenRows)) {
    ws.getRow(row).hidden = sheet.hiddenRows.has(row);
    record.rows.add(row);
  }
}

export function applyLayout(
  ws: ExcelJS.Worksheet,
  sheet: FakeSheet,
  snap: Snapshot,
  record: SheetChanges,
): void {
  if (sheet.sheetName !== snap.name) ws.name = sheet.sheetName;
  applyLines(ws, sheet, snap, record);
  if (sheet.frozenRows !== snap.frozenRows || sheet.frozenColumns !== snap.frozenColumns) {
    writeFrozen(ws, sheet.frozenRows, sheet.frozenColumns);
    record.frozen = true;
  }
  if (sheet.tabColor !== snap.tabColor) {
    writeTabColor(ws, sheet.tabColor);
    record.tabColor = true;
  }
  if (sheet.hidden !== snap.hidden) ws.state = sheet.hidden ? 'hidden' : 'visible';
  const merges = sheet.merges.join(' ') !== snap.merges.join(' ');
  if (merges) record.merges = true;
  for (const a1 of snap.merges) if (!sheet.merges.includes(a1)) ws.unMergeCells(a1);
  for (const a1 of sheet.merges) if (!snap.merges.includes(a1)) ws.mergeCells(a1);
  const charts = sheet.charts;
  if (charts.length !== snap.charts.length || charts.some((c, i) => c !== snap.charts[i]))
    record.charts = true;
}

/** Removes the rules the run removed, appends the ones it added (after the file's own). */
export function applyRules(
  ws: ExcelJS.Worksheet,
  sheet: FakeSheet,
  snap: Snapshot,
  sources: RuleSources,
  record: SheetChanges,
): void {
  const now = sheet.conditionalFormatRules;
  const removed = snap.rules.filter((r) => !now.includes(r));
  const added = now.filter((r) => !snap.rules.includes(r));
  if (removed.length === 0 && added.length === 0) return;
  for (const rule of removed) {
    const source = sources.get(rule);
    if (!source) continue;
    source.cf.rules = source.cf.rules.filter((x) => x !== source.rule);
    const r = source.rule as { formulae?: unknown[]; text?: unknown };
    const formula = String(r.formulae?.[0] ?? r.text ?? '');
    if (record.rulesAdded.includes(rule))
      record.rulesAdded.splice(record.rulesAdded.indexOf(rule), 1);
    else record.rulesRemoved.push({ ref: String(source.cf.ref ?? ''), formula });
  }
  record.rulesAdded.push(...added);
  const kept = conditionalFormattings(ws).filter((cf) => cf.rules.length > 0);
  let priority = 0;
  for (const cf of kept) for (const r of cf.rules) priority = Math.max(priority, r.priority ?? 0);
  for (const rule of added) {
    const cf = ruleToExcel(rule, ++priority);
    if (cf === null) continue;
    kept.push(cf);
    sources.set(rule, { cf, rule: cf.rules[0]! });
  }
  setConditionalFormattings(ws, kept);
}

/** Rows or columns inserted or deleted inside what the file held would shift the user's cells. */
export function checkNoShift(sheet: FakeSheet, snap: Snapshot): void {
  for (const edit of sheet.lineEdits.slice(snap.lineEdits)) {
    const extent = edit.axis === 'rows' ? snap.rows : snap.columns;
    if (edit.at < extent) {
      throw new Error(
        `the run inserted or deleted ${edit.axis} inside sheet "${sheet.sheetName}", which came from the file; ` +
          'only changes that move no existing cell can be written back',
      );
    }
  }
}
