/**
 * One ExcelJS worksheet <-> one sheet of the runtime: loading every cell and sheet attribute
 * into the model, writing a whole sheet, and the sheet-level writes the write-back reuses.
 */
import type ExcelJS from 'exceljs';
import { parseA1 } from '../appsScript/a1.ts';
import { FakeConditionalFormatRule } from '../appsScript/conditionalFormat.ts';
import type { FakeDataValidation } from '../appsScript/dataValidation.ts';
import type { Layer } from '../appsScript/grid.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import {
  conditionalFormattings,
  dataValidations,
  existingCells,
  existingRows,
  mergedAreas,
} from './excelInternals.ts';
import {
  argb,
  contentAt,
  fromArgb,
  readContent,
  storeContent,
  writeContent,
  XLSX_ATTRIBUTES,
} from './xlsxCells.ts';
import { pointsFromPx, pxFromPoints, pxFromWidth, widthFromPx } from './xlsxUnits.ts';
import { validationFromExcel, validationToExcel } from './xlsxValidation.ts';

/** Where each loaded conditional-format rule came from, so the write-back can remove it. */
export type RuleSources = WeakMap<
  FakeConditionalFormatRule,
  { cf: ExcelJS.ConditionalFormattingOptions; rule: ExcelJS.ConditionalFormattingRule }
>;

/** Shared by the sheets of one workbook while it loads. */
export interface LoadContext {
  zone: string;
  ruleSources: RuleSources;
  /** One runtime rule per ExcelJS rule object (ExcelJS shares one object over a rule's cells). */
  validations: Map<ExcelJS.DataValidation, FakeDataValidation | null>;
}

/** True for the hidden cells of a merged area (their value is the top-left cell's). */
function isMergedAway(cell: ExcelJS.Cell): boolean {
  return cell.isMerged && cell.master.address !== cell.address;
}

function readCells(ws: ExcelJS.Worksheet, sheet: FakeSheet, ctx: LoadContext): void {
  let rows = 0;
  let cols = 0;
  for (const row of existingRows(ws)) {
    const r = row.number - 1;
    rows = Math.max(rows, row.number);
    if (typeof row.height === 'number' && row.height > 0)
      sheet.rowHeights.set(row.number, pxFromPoints(row.height));
    if (row.hidden) sheet.hiddenRows.add(row.number);
    for (const cell of existingCells(row)) {
      const c = Number(cell.col) - 1;
      cols = Math.max(cols, c + 1);
      if (!isMergedAway(cell)) storeContent(sheet, r, c, readContent(cell, ctx.zone));
      for (const a of XLSX_ATTRIBUTES) {
        const v = a.read(cell);
        if (v !== undefined) a.layer(sheet).set(r, c, v);
      }
    }
  }
  sheet.ensureSize(rows, cols);
}

function readColumns(ws: ExcelJS.Worksheet, sheet: FakeSheet): void {
  (ws.columns ?? []).forEach((col, i) => {
    if (typeof col.width === 'number' && col.width > 0)
      sheet.columnWidths.set(i + 1, pxFromWidth(col.width));
    if (col.hidden) sheet.hiddenColumns.add(i + 1);
  });
}

/** Grows the sheet so that an A1 range of the file fits (the file may reach past our sizes). */
function fitRange(sheet: FakeSheet, a1: string): boolean {
  try {
    const ref = parseA1(a1);
    sheet.ensureSize(ref.endRow ?? ref.row ?? 1, ref.endCol ?? ref.col ?? 1);
    return true;
  } catch {
    return false;
  }
}

function ruleFromExcel(
  sheet: FakeSheet,
  ranges: string[],
  rule: ExcelJS.ConditionalFormattingRule,
): FakeConditionalFormatRule | null {
  const r = rule as unknown as Record<string, unknown>;
  let criteria: string;
  let values: unknown[];
  if (r.type === 'expression' && Array.isArray(r.formulae)) {
    const f = String(r.formulae[0] ?? '');
    criteria = 'CUSTOM_FORMULA';
    values = [f.startsWith('=') ? f : `=${f}`];
  } else if (r.type === 'containsText' && typeof r.text === 'string') {
    criteria = 'TEXT_CONTAINS';
    values = [r.text];
  } else return null;
  const style = (r.style ?? {}) as Partial<ExcelJS.Style>;
  const fill = style.fill as { bgColor?: { argb?: unknown }; fgColor?: { argb?: unknown } };
  return new FakeConditionalFormatRule(sheet.ctx.env, {
    criteria,
    values,
    background: fromArgb(fill?.bgColor?.argb) ?? fromArgb(fill?.fgColor?.argb),
    fontColor: fromArgb(style.font?.color?.argb),
    bold: typeof style.font?.bold === 'boolean' ? style.font.bold : null,
    italic: typeof style.font?.italic === 'boolean' ? style.font.italic : null,
    ranges: ranges.map((a1) => sheet.rangeFromA1Internal(a1)),
  });
}

/** The rules the runtime can express (custom formula, text contains); the others stay in the file. */
function readConditionalFormats(ws: ExcelJS.Worksheet, sheet: FakeSheet, ctx: LoadContext): void {
  for (const cf of conditionalFormattings(ws)) {
    const ranges = String(cf.ref ?? '')
      .split(/\s+/)
      .filter((x) => x !== '');
    if (ranges.length === 0 || !ranges.every((a1) => fitRange(sheet, a1))) continue;
    for (const rule of cf.rules ?? []) {
      const model = ruleFromExcel(sheet, ranges, rule);
      if (model === null) continue;
      sheet.conditionalFormatRules.push(model);
      ctx.ruleSources.set(model, { cf, rule });
    }
  }
}

function readValidations(ws: ExcelJS.Worksheet, sheet: FakeSheet, ctx: LoadContext): void {
  for (const [address, dv] of Object.entries(dataValidations(ws).model)) {
    if (dv === undefined || !fitRange(sheet, address)) continue;
    let rule = ctx.validations.get(dv);
    if (rule === undefined) {
      rule = validationFromExcel(dv);
      ctx.validations.set(dv, rule);
    }
    const ref = parseA1(address);
    if (rule !== null) sheet.validations.set((ref.row ?? 1) - 1, (ref.col ?? 1) - 1, rule);
  }
}

function frozenOf(ws: ExcelJS.Worksheet): { rows: number; columns: number } {
  const view = (ws.views ?? [])[0] as { state?: unknown; ySplit?: unknown; xSplit?: unknown };
  const frozen = view?.state === 'frozen';
  return {
    rows: frozen && typeof view.ySplit === 'number' ? view.ySplit : 0,
    columns: frozen && typeof view.xSplit === 'number' ? view.xSplit : 0,
  };
}

/** Loads a worksheet into an empty sheet of the runtime. */
export function readWorksheet(ws: ExcelJS.Worksheet, sheet: FakeSheet, ctx: LoadContext): void {
  readCells(ws, sheet, ctx);
  readColumns(ws, sheet);
  const frozen = frozenOf(ws);
  sheet.frozenRows = frozen.rows;
  sheet.frozenColumns = frozen.columns;
  sheet.tabColor = fromArgb(ws.properties?.tabColor?.argb);
  sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
  sheet.merges = mergedAreas(ws).filter((a1) => fitRange(sheet, a1));
  sheet.indexDates();
  readConditionalFormats(ws, sheet, ctx);
  readValidations(ws, sheet, ctx);
}

// ---------------------------------------------------------------------------------------
// Writing

export function writeFrozen(ws: ExcelJS.Worksheet, rows: number, columns: number): void {
  const view = { ...((ws.views ?? [])[0] ?? {}) } as Record<string, unknown>;
  if (rows > 0 || columns > 0)
    Object.assign(view, { state: 'frozen', ySplit: rows, xSplit: columns });
  else {
    for (const k of ['xSplit', 'ySplit', 'topLeftCell']) delete view[k];
    view.state = 'normal';
  }
  ws.views = [view as unknown as ExcelJS.WorksheetView, ...(ws.views ?? []).slice(1)];
}

export function writeTabColor(ws: ExcelJS.Worksheet, color: string | null): void {
  const properties = { ...ws.properties } as Record<string, unknown>;
  if (color === null) delete properties.tabColor;
  else properties.tabColor = { argb: argb(color) };
  ws.properties = properties as unknown as ExcelJS.WorksheetProperties;
}

export function writeColumnWidth(ws: ExcelJS.Worksheet, col: number, px: number | undefined): void {
  ws.getColumn(col).width = px === undefined ? undefined : widthFromPx(px);
}

export function writeRowHeight(ws: ExcelJS.Worksheet, row: number, px: number | undefined): void {
  ws.getRow(row).height = px === undefined ? (undefined as unknown as number) : pointsFromPx(px);
}

/** The ExcelJS form of a runtime rule, null when xlsx has no equivalent (the rule is dropped). */
export function ruleToExcel(
  rule: FakeConditionalFormatRule,
  priority: number,
): ExcelJS.ConditionalFormattingOptions | null {
  const d = rule.data;
  const style: Partial<ExcelJS.Style> = {};
  if (d.background)
    style.fill = { type: 'pattern', pattern: 'solid', bgColor: { argb: argb(d.background) } };
  if (d.fontColor || d.bold !== null || d.italic !== null) {
    style.font = {
      ...(d.fontColor ? { color: { argb: argb(d.fontColor) } } : {}),
      ...(d.bold !== null ? { bold: d.bold } : {}),
      ...(d.italic !== null ? { italic: d.italic } : {}),
    };
  }
  const ref = d.ranges.map((x) => x.a1Internal()).join(' ');
  const value = String(d.values[0] ?? '');
  if (d.criteria === 'CUSTOM_FORMULA') {
    const formulae = [value.replace(/^=/, '')];
    return { ref, rules: [{ type: 'expression', priority, formulae, style }] };
  }
  if (d.criteria === 'TEXT_CONTAINS') {
    const operator = 'containsText';
    return { ref, rules: [{ type: 'containsText', operator, text: value, priority, style }] };
  }
  return null;
}

/** Writes the validation of a cell (null removes it). */
export function writeValidation(
  ws: ExcelJS.Worksheet,
  address: string,
  rule: FakeDataValidation | null,
): void {
  const dv = rule === null ? null : validationToExcel(rule);
  if (dv === null) dataValidations(ws).remove(address);
  else dataValidations(ws).add(address, dv);
}

/** Every (row, column) holding anything in one of the layers (0-based). */
function usedCells(layers: readonly Layer<unknown>[]): Map<number, Set<number>> {
  const used = new Map<number, Set<number>>();
  for (const layer of layers) {
    layer.rows.forEach((row, r) => {
      row?.forEach((v, c) => {
        if (v === undefined || v === layer.blank || Number.isNaN(v)) return;
        const set = used.get(r) ?? new Set<number>();
        used.set(r, set.add(c));
      });
    });
  }
  return used;
}

function writeCells(ws: ExcelJS.Worksheet, sheet: FakeSheet, zone: string): void {
  const attributes = XLSX_ATTRIBUTES.map((a) => ({ a, layer: a.layer(sheet) }));
  const layers = [sheet.values, sheet.formulas, sheet.errors, sheet.richTexts, sheet.validations];
  const used = usedCells([...(layers as Layer<unknown>[]), ...attributes.map((x) => x.layer)]);
  for (const [r, cols] of used) {
    for (const c of cols) {
      const cell = ws.getCell(r + 1, c + 1);
      for (const { a, layer } of attributes) {
        const v = layer.get(r, c);
        if (v !== layer.blank) a.write(cell, v);
      }
      const rule = sheet.validations.get(r, c);
      if (rule !== null) writeValidation(ws, cell.address, rule);
      writeContent(cell, contentAt(sheet, r, c), zone);
    }
  }
}

/** Writes a whole sheet of the runtime into an empty worksheet. */
export function writeWorksheet(
  ws: ExcelJS.Worksheet,
  sheet: FakeSheet,
  zone: string,
  ruleSources?: RuleSources,
): void {
  writeCells(ws, sheet, zone);
  for (const [col, px] of sheet.columnWidths) writeColumnWidth(ws, col, px);
  for (const col of sheet.hiddenColumns) ws.getColumn(col).hidden = true;
  for (const [row, px] of sheet.rowHeights) writeRowHeight(ws, row, px);
  for (const row of sheet.hiddenRows) ws.getRow(row).hidden = true;
  if (sheet.frozenRows > 0 || sheet.frozenColumns > 0)
    writeFrozen(ws, sheet.frozenRows, sheet.frozenColumns);
  if (sheet.tabColor !== null) writeTabColor(ws, sheet.tabColor);
  ws.state = sheet.hidden ? 'hidden' : 'visible';
  writeMergesAndRules(ws, sheet, ruleSources);
}

/** The sheet's merges and its conditional formats (in order, the first rule first). */
export function writeMergesAndRules(
  ws: ExcelJS.Worksheet,
  sheet: FakeSheet,
  ruleSources?: RuleSources,
): void {
  for (const a1 of sheet.merges) ws.mergeCells(a1);
  let priority = 1;
  for (const rule of sheet.conditionalFormatRules) {
    const cf = ruleToExcel(rule, priority);
    if (cf === null) continue;
    ws.addConditionalFormatting(cf);
    ruleSources?.set(rule, { cf, rule: cf.rules[0]! });
    priority++;
  }
}
