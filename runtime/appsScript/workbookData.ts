/** Plain workbook data (for xlsx files and fixtures) and its conversion to and from sheets. */
import { BACKGROUND, FONT_COLOR } from './cellAttributes.ts';
import { DEFAULT_COLUMNS, DEFAULT_ROWS, toCell } from './cells.ts';
import { FakeConditionalFormatRule } from './conditionalFormat.ts';
import type { MetadataItem } from './developerMetadata.ts';
import type { Cell } from './format.ts';
import type { Layer } from './grid.ts';
import type { FakeSheet } from './sheet.ts';

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
  /** Developer metadata on the sheet (the add-in's mark on the sheets it made). */
  developerMetadata?: MetadataItem[];
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
  /** The add-in's document properties kept with the file (see the state sheet in files/xlsxState.ts). */
  documentProperties?: Record<string, string>;
  /** Named ranges: name → `'Sheet'!$A$1`. */
  namedRanges?: Record<string, string>;
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
  writeLayer(sheet.backgrounds, d.backgrounds, BACKGROUND.normalize);
  writeLayer(sheet.numberFormats, d.numberFormats, String);
  writeLayer(sheet.notes, d.notes, String);
  writeLayer(sheet.fontWeights, d.fontWeights, String);
  writeLayer(sheet.fontColors, d.fontColors, FONT_COLOR.normalize);
  for (const [k, w] of Object.entries(d.columnWidths ?? {})) sheet.columnWidths.set(Number(k), w);
  sheet.frozenRows = d.frozenRows ?? 0;
  sheet.frozenColumns = d.frozenColumns ?? 0;
  sheet.tabColor = d.tabColor ?? null;
  sheet.hidden = d.hidden ?? false;
  for (const m of d.developerMetadata ?? []) sheet.developerMetadata.push({ ...m });
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
    developerMetadata: s.developerMetadata.map((m) => ({ ...m })),
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
