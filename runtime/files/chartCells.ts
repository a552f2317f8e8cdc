/**
 * An embedded chart as its sheet holds it: the type, the title, the category labels and the
 * series read from the chart's ranges, where it is anchored and how big it is. The .xlsx writer
 * (xlsxCharts.ts) and the HTML review (scripts/) draw the same ChartCells, so the file and the
 * page show what the add-in asked Sheets to draw.
 *
 * Kept to the charts the add-in makes: column and bar charts whose first column is the labels
 * and whose other columns are series, one header row (`setNumHeaders(1)`) naming each series.
 */
import { columnToLetters } from '../appsScript/a1.ts';
import type { FakeEmbeddedChart } from '../appsScript/charts.ts';
import { displayValue } from '../appsScript/format.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';

/** Sheets' size of an embedded chart when the add-in gives none (pixels). */
export const DEFAULT_CHART_WIDTH = 600;
export const DEFAULT_CHART_HEIGHT = 371;
/** Sheets' default series colours, in order. */
export const DEFAULT_CHART_COLORS = ['#4285f4', '#db4437', '#f4b400', '#0f9d58', '#ab47bc'];

export type ChartKind = 'column' | 'bar';

export interface ChartSeries {
  name: string;
  /** The header cell naming the series (absolute, with the sheet), null without a header row. */
  nameRef: string | null;
  /** The data cells (absolute, with the sheet). */
  ref: string;
  /** One per category: the cell's number, null when it holds no number. */
  values: (number | null)[];
  /** The number format of the first data cell ("0%", "General"...). */
  format: string;
}

export interface ChartCells {
  kind: ChartKind;
  title: string;
  categories: { ref: string; labels: string[] };
  series: ChartSeries[];
  colors: string[];
  legend: boolean;
  /** 1-based anchor cell and pixel offsets, as Apps Script's setPosition takes them. */
  anchor: { row: number; col: number; offsetX: number; offsetY: number };
  width: number;
  height: number;
}

/** `'SLA Review 2026-10'!$A$2:$A$7`: a sheet name always quoted, quotes doubled. */
export function absoluteRef(sheetName: string, row: number, col: number, numRows: number): string {
  const cell = (r: number) => `$${columnToLetters(col)}$${r}`;
  const cells = numRows > 1 ? `${cell(row)}:${cell(row + numRows - 1)}` : cell(row);
  return `'${sheetName.replace(/'/g, "''")}'!${cells}`;
}

interface Column {
  col: number;
  row: number;
  numRows: number;
}

function columnsOf(chart: FakeEmbeddedChart): Column[] {
  return chart.data.ranges.flatMap((r) =>
    Array.from({ length: r.numCols }, (_, j) => ({
      col: r.col + j,
      row: r.row,
      numRows: r.numRows,
    })),
  );
}

function kindOf(type: string): ChartKind | null {
  if (type === 'BAR') return 'bar';
  if (type === 'COLUMN') return 'column';
  return null;
}

function option<T>(chart: FakeEmbeddedChart, key: string, is: (v: unknown) => v is T): T | null {
  const v = chart.data.options[key];
  return is(v) ? v : null;
}

const isNumber = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v);
const isString = (v: unknown): v is string => typeof v === 'string';
const isStrings = (v: unknown): v is string[] =>
  Array.isArray(v) && v.length > 0 && v.every(isString);

function hasLegend(chart: FakeEmbeddedChart): boolean {
  const legend = chart.data.options.legend;
  const position =
    typeof legend === 'object' && legend !== null
      ? (legend as { position?: unknown }).position
      : chart.data.options['legend.position'];
  return position !== 'none';
}

/** The chart's cells, or null for a chart type this module does not draw. */
export function chartCells(sheet: FakeSheet, chart: FakeEmbeddedChart): ChartCells | null {
  const kind = kindOf(chart.data.type);
  const [labels, ...data] = columnsOf(chart);
  if (kind === null || labels === undefined || data.length === 0) return null;
  const headers = Math.min(option(chart, 'numHeaders', isNumber) ?? 1, 1);
  const zone = sheet.parent.timeZoneInternal;
  const shown = (r: number, c: number) =>
    displayValue(sheet.cellInternal(r - 1, c - 1), sheet.numberFormats.get(r - 1, c - 1), zone);
  const count = labels.numRows - headers;
  const rowsOf = (c: Column) => Array.from({ length: count }, (_, i) => c.row + headers + i);
  const series = data.map((c): ChartSeries => {
    const first = c.row + headers;
    return {
      name: headers ? shown(c.row, c.col) : '',
      nameRef: headers ? absoluteRef(sheet.sheetName, c.row, c.col, 1) : null,
      ref: absoluteRef(sheet.sheetName, first, c.col, count),
      values: rowsOf(c).map((r) => {
        const v = sheet.cellInternal(r - 1, c.col - 1);
        return isNumber(v) ? v : null;
      }),
      format: sheet.numberFormats.get(first - 1, c.col - 1) || 'General',
    };
  });
  const p = chart.data.position;
  return {
    kind,
    title: option(chart, 'title', isString) ?? '',
    categories: {
      ref: absoluteRef(sheet.sheetName, labels.row + headers, labels.col, count),
      labels: rowsOf(labels).map((r) => shown(r, labels.col)),
    },
    series,
    colors: option(chart, 'colors', isStrings) ?? DEFAULT_CHART_COLORS,
    legend: hasLegend(chart),
    anchor: { row: p.anchorRow, col: p.anchorColumn, offsetX: p.offsetX, offsetY: p.offsetY },
    width: option(chart, 'width', isNumber) ?? DEFAULT_CHART_WIDTH,
    height: option(chart, 'height', isNumber) ?? DEFAULT_CHART_HEIGHT,
  };
}

/** Every chart of the spreadsheet's sheets that this module can draw, by sheet name. */
export function chartsBySheet(sheets: readonly FakeSheet[]): Map<string, ChartCells[]> {
  const out = new Map<string, ChartCells[]>();
  for (const sheet of sheets) {
    const charts = sheet.charts
      .map((c) => chartCells(sheet, c))
      .filter((c): c is ChartCells => c !== null);
    if (charts.length) out.set(sheet.sheetName, charts);
  }
  return out;
}
