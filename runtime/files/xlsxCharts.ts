/**
 * Native charts in a written .xlsx. ExcelJS writes no charts, so once it has written the file
 * the package is opened again and, for each sheet holding charts, the parts Excel itself would
 * write are added: a chart part per chart (xlsxChartXml.ts), a drawing part anchoring them
 * (appended to the sheet's drawing when it already has one, e.g. for images), the
 * relationships between sheet, drawing and charts, and their content types.
 */
import type { ChartCells } from './chartCells.ts';
import { chartAnchorXml, chartSpaceXml, drawingXml } from './xlsxChartXml.ts';
import { Package, REL } from './xlsxPackage.ts';

const CONTENT_TYPES = {
  chart: 'application/vnd.openxmlformats-officedocument.drawingml.chart+xml',
  drawing: 'application/vnd.openxmlformats-officedocument.drawing+xml',
};
/** Elements a worksheet may hold after `<drawing>` (CT_Worksheet's order). */
const AFTER_DRAWING =
  /<(legacyDrawing|legacyDrawingHF|drawingHF|picture|oleObjects|controls|webPublishItems|tableParts|extLst)\b|<\/worksheet>/;

/**
 * Where `<drawing>` goes in a worksheet part: before the first element that must follow it,
 * looked for after the cells and the conditional formats (a cell or a rule may hold an extLst).
 */
export function drawingPosition(sheet: string): number {
  const from = Math.max(
    0,
    ...['</sheetData>', '</conditionalFormatting>', '</dataValidations>'].map((t) =>
      sheet.lastIndexOf(t),
    ),
  );
  const after = AFTER_DRAWING.exec(sheet.slice(from));
  return after ? from + after.index : sheet.length;
}

/** The sheet's drawing part, created (and linked from the sheet) when it has none. */
async function drawingOf(pkg: Package, sheetPart: string): Promise<string> {
  const existing = await pkg.drawingOf(sheetPart);
  if (existing) return existing;
  const sheet = (await pkg.text(sheetPart)) ?? '';
  const drawing = pkg.freshPart('xl/drawings', 'drawing');
  pkg.write(drawing, drawingXml([]));
  await pkg.declare(drawing, CONTENT_TYPES.drawing);
  const id = await pkg.relate(sheetPart, 'drawing', `../drawings/${drawing.split('/').pop()}`);
  const element = `<drawing xmlns:r="${REL}" r:id="${id}"/>`;
  const at = drawingPosition(sheet);
  pkg.write(sheetPart, sheet.slice(0, at) + element + sheet.slice(at));
  return drawing;
}

/** Adds the charts to a sheet of the package (to its drawing, created when it has none). */
export async function addSheetCharts(
  pkg: Package,
  sheetPart: string,
  charts: readonly ChartCells[],
): Promise<void> {
  const drawing = await drawingOf(pkg, sheetPart);
  let xml = (await pkg.text(drawing)) ?? drawingXml([]);
  let shapeId = 1;
  for (const m of xml.matchAll(/<(?:\w+:)?cNvPr\b[^>]*\bid="(\d+)"/g))
    shapeId = Math.max(shapeId, Number(m[1]));
  const anchors: string[] = [];
  for (const chart of charts) {
    const part = pkg.freshPart('xl/charts', 'chart');
    pkg.write(part, chartSpaceXml(chart));
    await pkg.declare(part, CONTENT_TYPES.chart);
    const id = await pkg.relate(drawing, 'chart', `../charts/${part.split('/').pop()}`);
    anchors.push(chartAnchorXml(chart, id, ++shapeId));
  }
  xml = xml.replace(/<\/(\w+:)?wsDr>\s*$/, (end) => anchors.join('') + end);
  pkg.write(drawing, xml);
}

/** The .xlsx package with the charts added to their sheets (sheets it lacks are skipped). */
export async function addChartsToXlsx(
  buffer: Buffer,
  charts: ReadonlyMap<string, readonly ChartCells[]>,
): Promise<Buffer> {
  if (charts.size === 0) return buffer;
  const pkg = await Package.open(buffer);
  const sheets = await pkg.worksheets();
  for (const [name, list] of charts) {
    const part = sheets.get(name);
    if (part) await addSheetCharts(pkg, part, list);
  }
  return pkg.generate();
}
