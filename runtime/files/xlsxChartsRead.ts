/**
 * Charts of an .xlsx read into the runtime's sheets, so that a workbook written by an earlier
 * run keeps its charts (ExcelJS reads none): Sheet.getCharts() sees them and the next save
 * writes them again. Only what chartCells.ts draws is read: a clustered column or bar chart
 * whose categories and series are single columns of one of the workbook's sheets, anchored to
 * a cell. Other charts are left out.
 */
import { parseA1 } from '../appsScript/a1.ts';
import type { ChartData } from '../appsScript/charts.ts';
import type { FakeRange } from '../appsScript/range.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import type { FakeSpreadsheet } from '../appsScript/spreadsheet.ts';
import { DEFAULT_CHART_COLORS, DEFAULT_CHART_HEIGHT, DEFAULT_CHART_WIDTH } from './chartCells.ts';
import { removePart } from './pkgParts.ts';
import { Package, resolvePart, unescapeXml } from './xlsxPackage.ts';

const EMU_PER_PX = 9525;

interface Column {
  sheet: string;
  row: number;
  col: number;
  numRows: number;
}

/** `'My sheet'!$B$2:$B$7` as one column, or null for anything else. */
function columnRef(ref: string | undefined): Column | null {
  if (!ref) return null;
  try {
    const a = parseA1(unescapeXml(ref).replace(/\$/g, ''));
    const { sheetName, row, col, endRow, endCol } = a;
    if (sheetName === null || row === null || col === null || endRow === null) return null;
    if ((endCol ?? col) !== col) return null;
    return { sheet: sheetName, row, col, numRows: endRow - row + 1 };
  } catch {
    return null;
  }
}

const first = (xml: string, re: RegExp): string | undefined => re.exec(xml)?.[1];
const refIn = (xml: string | undefined, tag: string): Column | null =>
  columnRef(first(xml ?? '', new RegExp(`<c:${tag}>[\\s\\S]*?<c:f>([^<]*)</c:f>`)));

interface ReadChart {
  type: 'BAR' | 'COLUMN';
  title: string;
  legend: boolean;
  colors: string[];
  categories: Column;
  series: Array<{ name: Column | null; values: Column }>;
}

/** The chart part, when it is a bar or column chart of single columns. */
export function readChartXml(xml: string): ReadChart | null {
  const plot = first(xml, /<c:plotArea>([\s\S]*)<\/c:plotArea>/) ?? '';
  const charts = plot.match(/<c:\w+Chart>/g) ?? [];
  if (charts.length !== 1 || charts[0] !== '<c:barChart>') return null;
  const dir = first(plot, /<c:barDir val="(\w+)"/);
  const sers = plot.match(/<c:ser>[\s\S]*?<\/c:ser>/g) ?? [];
  const series = sers.map((s) => ({ name: refIn(s, 'tx'), values: refIn(s, 'val') }));
  const categories = refIn(sers[0], 'cat');
  if (!categories || series.length === 0 || series.some((s) => s.values === null)) return null;
  const title = first(xml, /<c:title>([\s\S]*?)<\/c:title>/) ?? '';
  const colors = sers.map((s) => first(s, /<c:spPr>[\s\S]*?<a:srgbClr val="([0-9A-Fa-f]{6})"/));
  return {
    type: dir === 'bar' ? 'BAR' : 'COLUMN',
    title: unescapeXml(
      (title.match(/<a:t>([^<]*)<\/a:t>/g) ?? []).map((t) => t.slice(5, -6)).join(''),
    ),
    legend: /<c:legend>/.test(xml),
    colors: colors.every(Boolean) ? colors.map((c) => `#${c!.toLowerCase()}`) : [],
    categories,
    series: series as ReadChart['series'],
  };
}

/** Header row when every series is named by the cell just above its values. */
function hasHeaderRow(chart: ReadChart): boolean {
  return chart.series.every(
    (s) => s.name !== null && s.name.col === s.values.col && s.name.row === s.values.row - 1,
  );
}

function rangesOf(ss: FakeSpreadsheet, chart: ReadChart): FakeRange[] | null {
  const header = hasHeaderRow(chart) ? 1 : 0;
  const columns = [chart.categories, ...chart.series.map((s) => s.values)];
  const ranges: FakeRange[] = [];
  for (const c of columns) {
    const sheet = ss.findSheet(c.sheet);
    if (!sheet || c.numRows !== chart.categories.numRows || c.row !== chart.categories.row)
      return null;
    ranges.push(sheet.rangeInternal(c.row - header, c.col, c.numRows + header, 1));
  }
  return ranges;
}

/** Column width and row height (px) of a file with no default of its own: Excel's. */
const FILE_COLUMN_PX = 64;
const FILE_ROW_PX = 20;

interface Corner {
  col: number;
  row: number;
  colOff: number;
  rowOff: number;
}

function cornerOf(anchor: string, tag: 'from' | 'to'): Corner | null {
  const xml = first(anchor, new RegExp(`<(?:\\w+:)?${tag}>([\\s\\S]*?)</(?:\\w+:)?${tag}>`));
  if (xml === undefined) return null;
  const n = (name: string) => Number(first(xml, new RegExp(`<(?:\\w+:)?${name}>(-?\\d+)<`)) ?? 0);
  const px = (emu: number) => Math.round(emu / EMU_PER_PX);
  return { col: n('col'), row: n('row'), colOff: px(n('colOff')), rowOff: px(n('rowOff')) };
}

/** Pixels from the start of line `a` to the start of line `b` (0-based), at the sheet's sizes. */
function span(sizes: ReadonlyMap<number, number>, fallback: number, a: number, b: number): number {
  let px = 0;
  for (let i = a; i < b; i++) px += sizes.get(i + 1) ?? fallback;
  return px;
}

/** Where the chart is and how big: a two-cell anchor's size is measured on the sheet. */
function placementOf(
  anchor: string,
  sheet: FakeSheet,
): (ChartData['position'] & { width: number; height: number }) | null {
  const from = cornerOf(anchor, 'from');
  if (!from) return null;
  const to = cornerOf(anchor, 'to');
  // the anchor's extent, else the frame's (LibreOffice), else the cells it spans (Excel)
  const ext = [...anchor.matchAll(/<(?:\w+:)?ext cx="(\d+)" cy="(\d+)"/g)].find(
    (m) => m[1] !== '0',
  );
  const size = ext
    ? {
        width: Math.round(Number(ext[1]) / EMU_PER_PX),
        height: Math.round(Number(ext[2]) / EMU_PER_PX),
      }
    : to
      ? {
          width:
            span(sheet.columnWidths, FILE_COLUMN_PX, from.col, to.col) - from.colOff + to.colOff,
          height: span(sheet.rowHeights, FILE_ROW_PX, from.row, to.row) - from.rowOff + to.rowOff,
        }
      : { width: DEFAULT_CHART_WIDTH, height: DEFAULT_CHART_HEIGHT };
  return {
    anchorRow: from.row + 1,
    anchorColumn: from.col + 1,
    offsetX: from.colOff,
    offsetY: from.rowOff,
    ...size,
  };
}

const isDefault = (colors: readonly string[]): boolean =>
  colors.every((c, i) => c === DEFAULT_CHART_COLORS[i % DEFAULT_CHART_COLORS.length]);

function optionsOf(
  chart: ReadChart,
  size: { width: number; height: number },
): ChartData['options'] {
  return {
    title: chart.title,
    numHeaders: hasHeaderRow(chart) ? 1 : 0,
    ...(chart.legend ? {} : { legend: { position: 'none' } }),
    ...(chart.colors.length && !isDefault(chart.colors) ? { colors: chart.colors } : {}),
    ...(size.width !== DEFAULT_CHART_WIDTH ? { width: size.width } : {}),
    ...(size.height !== DEFAULT_CHART_HEIGHT ? { height: size.height } : {}),
  };
}

interface ModelChart {
  anchor: string;
  relId: string;
  chartPart: string;
  chart: ReadChart;
  ranges: NonNullable<ReturnType<typeof rangesOf>>;
  placement: NonNullable<ReturnType<typeof placementOf>>;
}

/** The charts of a sheet's drawing that the runtime reads (the others are left out). */
async function modelCharts(pkg: Package, sheet: FakeSheet, ss: FakeSpreadsheet, drawing: string) {
  const xml = (await pkg.text(drawing)) ?? '';
  const rels = await pkg.relationships(drawing);
  const anchors = xml.match(/<(\w+:)?(oneCellAnchor|twoCellAnchor)\b[\s\S]*?<\/\1\2>/g) ?? [];
  const found: ModelChart[] = [];
  for (const anchor of anchors) {
    const relId = first(anchor, /<(?:\w+:)?chart\b[^>]*\br:id="([^"]+)"/) ?? '';
    const rel = rels.get(relId);
    const chartPart = rel ? resolvePart(drawing, rel.target) : '';
    const chart = rel ? readChartXml((await pkg.text(chartPart)) ?? '') : null;
    const ranges = chart ? rangesOf(ss, chart) : null;
    const placement = placementOf(anchor, sheet);
    if (chart && ranges && placement)
      found.push({ anchor, relId, chartPart, chart, ranges, placement });
  }
  return found;
}

async function readSheetCharts(pkg: Package, ss: FakeSpreadsheet, name: string, part: string) {
  const sheet = ss.findSheet(name);
  const drawing = await pkg.drawingOf(part);
  if (!sheet || !drawing) return;
  for (const { chart, ranges, placement } of await modelCharts(pkg, sheet, ss, drawing)) {
    const { width, height, ...position } = placement;
    sheet.addChartInternal({
      type: chart.type,
      ranges,
      options: optionsOf(chart, { width, height }),
      position,
    });
  }
}

/**
 * Removes from a sheet's drawing the charts the runtime read from it (its chart parts too),
 * before the sheet's charts as the run left them are added again.
 */
export async function removeModelCharts(
  pkg: Package,
  ss: FakeSpreadsheet,
  name: string,
  part: string,
): Promise<void> {
  const sheet = ss.findSheet(name);
  const drawing = await pkg.drawingOf(part);
  if (!sheet || !drawing) return;
  let xml = (await pkg.text(drawing)) ?? '';
  for (const found of await modelCharts(pkg, sheet, ss, drawing)) {
    xml = xml.replace(found.anchor, '');
    await pkg.unrelate(drawing, found.relId);
    await removePart(pkg, found.chartPart);
  }
  pkg.write(drawing, xml);
}

/** Adds the charts of the .xlsx in `buffer` to the sheets of `ss` loaded from it. */
export async function readChartsInto(buffer: Buffer, ss: FakeSpreadsheet): Promise<void> {
  const pkg = await Package.open(buffer);
  for (const [name, part] of await pkg.worksheets()) await readSheetCharts(pkg, ss, name, part);
}
