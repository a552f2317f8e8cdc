/**
 * DrawingML for the charts of an .xlsx: one chart part (`xl/charts/chartN.xml`) per chart,
 * a clustered column or bar chart whose series point at the sheet's cells (with the values
 * cached, as Excel writes them), and the drawing part's anchors that place each chart on its
 * sheet. Excel and LibreOffice draw the charts from the cells.
 */
import type { ChartCells, ChartSeries } from './chartCells.ts';

const NS = {
  c: 'http://schemas.openxmlformats.org/drawingml/2006/chart',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  xdr: 'http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing',
} as const;

const EMU_PER_PX = 9525;
const CATEGORY_AXIS = 500_000_001;
const VALUE_AXIS = 500_000_002;

export function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .split('')
    .filter(isXmlChar)
    .join('');
}

/** XML 1.0 has no control characters but tab, line feed and carriage return. */
function isXmlChar(ch: string): boolean {
  const code = ch.charCodeAt(0);
  return code >= 0x20 || code === 0x09 || code === 0x0a || code === 0x0d;
}

const val = (tag: string, v: string | number): string =>
  `<c:${tag} val="${escapeXml(String(v))}"/>`;
const hex = (color: string): string => color.replace(/^#/, '').toUpperCase().slice(0, 6);

function strCache(texts: readonly string[]): string {
  const pts = texts.map((t, i) => `<c:pt idx="${i}"><c:v>${escapeXml(t)}</c:v></c:pt>`);
  return `<c:strCache><c:ptCount val="${texts.length}"/>${pts.join('')}</c:strCache>`;
}

function numCache(s: ChartSeries): string {
  const pts = s.values.flatMap((v, i) =>
    v === null ? [] : [`<c:pt idx="${i}"><c:v>${v}</c:v></c:pt>`],
  );
  const head = `<c:formatCode>${escapeXml(s.format)}</c:formatCode><c:ptCount val="${s.values.length}"/>`;
  return `<c:numCache>${head}${pts.join('')}</c:numCache>`;
}

function seriesXml(chart: ChartCells, s: ChartSeries, i: number): string {
  const color = chart.colors[i % chart.colors.length]!;
  const name = s.nameRef
    ? `<c:tx><c:strRef><c:f>${escapeXml(s.nameRef)}</c:f>${strCache([s.name])}</c:strRef></c:tx>`
    : '';
  const cat = `<c:cat><c:strRef><c:f>${escapeXml(chart.categories.ref)}</c:f>${strCache(chart.categories.labels)}</c:strRef></c:cat>`;
  const values = `<c:val><c:numRef><c:f>${escapeXml(s.ref)}</c:f>${numCache(s)}</c:numRef></c:val>`;
  const fill = `<c:spPr><a:solidFill><a:srgbClr val="${hex(color)}"/></a:solidFill></c:spPr>`;
  return `<c:ser>${val('idx', i)}${val('order', i)}${name}${fill}${val('invertIfNegative', 0)}${cat}${values}</c:ser>`;
}

function titleXml(title: string): string {
  if (!title) return val('autoTitleDeleted', 1);
  const run = `<a:r><a:rPr lang="en-US" sz="1400" b="0"/><a:t>${escapeXml(title)}</a:t></a:r>`;
  return `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p>${run}</a:p></c:rich></c:tx>${val('overlay', 0)}</c:title>${val('autoTitleDeleted', 0)}`;
}

/**
 * The axes. A bar chart lists its categories top to bottom as Sheets does: Excel draws them
 * bottom to top unless the category axis is reversed, the value axis then crossing at its end.
 */
function axesXml(chart: ChartCells): string {
  const bar = chart.kind === 'bar';
  const format = chart.series[0]?.format ?? 'General';
  const common = (id: number, pos: string, scaling: string) =>
    `${val('axId', id)}<c:scaling>${scaling}</c:scaling>${val('delete', 0)}${val('axPos', pos)}`;
  // Sheets starts the value axis at zero; Excel and LibreOffice would zoom on the bars' range.
  const values = chart.series.flatMap((s) => s.values).filter((v) => v !== null);
  const fromZero = values.every((v) => v >= 0) ? val('min', 0) : '';
  const ticks = `${val('majorTickMark', 'none')}${val('minorTickMark', 'none')}${val('tickLblPos', 'nextTo')}`;
  const category =
    `<c:catAx>${common(CATEGORY_AXIS, bar ? 'l' : 'b', val('orientation', bar ? 'maxMin' : 'minMax'))}${ticks}` +
    `${val('crossAx', VALUE_AXIS)}${val('crosses', 'autoZero')}${val('auto', 1)}${val('lblAlgn', 'ctr')}${val('lblOffset', 100)}${val('noMultiLvlLbl', 0)}</c:catAx>`;
  const value =
    `<c:valAx>${common(VALUE_AXIS, bar ? 'b' : 'l', val('orientation', 'minMax') + fromZero)}<c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="1"/>${ticks}` +
    `${val('crossAx', CATEGORY_AXIS)}${val('crosses', bar ? 'max' : 'autoZero')}${val('crossBetween', 'between')}</c:valAx>`;
  return category + value;
}

/** The chart part of one chart. */
export function chartSpaceXml(chart: ChartCells): string {
  const series = chart.series.map((s, i) => seriesXml(chart, s, i)).join('');
  const bars =
    `<c:barChart>${val('barDir', chart.kind === 'bar' ? 'bar' : 'col')}${val('grouping', 'clustered')}${val('varyColors', 0)}` +
    `${series}${val('gapWidth', 80)}${val('axId', CATEGORY_AXIS)}${val('axId', VALUE_AXIS)}</c:barChart>`;
  const legend = chart.legend
    ? `<c:legend>${val('legendPos', 'r')}${val('overlay', 0)}</c:legend>`
    : '';
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<c:chartSpace xmlns:c="${NS.c}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `${val('roundedCorners', 0)}<c:chart>${titleXml(chart.title)}` +
    `<c:plotArea><c:layout/>${bars}${axesXml(chart)}</c:plotArea>${legend}` +
    `${val('plotVisOnly', 1)}${val('dispBlanksAs', 'gap')}</c:chart></c:chartSpace>`
  );
}

/** One chart's anchor in a drawing part: its top-left cell and offsets, and its size. */
export function chartAnchorXml(chart: ChartCells, relId: string, shapeId: number): string {
  const a = chart.anchor;
  const from =
    `<xdr:from><xdr:col>${a.col - 1}</xdr:col><xdr:colOff>${a.offsetX * EMU_PER_PX}</xdr:colOff>` +
    `<xdr:row>${a.row - 1}</xdr:row><xdr:rowOff>${a.offsetY * EMU_PER_PX}</xdr:rowOff></xdr:from>`;
  const ext = `<xdr:ext cx="${chart.width * EMU_PER_PX}" cy="${chart.height * EMU_PER_PX}"/>`;
  const name = escapeXml(chart.title || `Chart ${shapeId}`);
  const frame =
    `<xdr:graphicFrame macro="" xmlns:a="${NS.a}" xmlns:r="${NS.r}">` +
    `<xdr:nvGraphicFramePr><xdr:cNvPr id="${shapeId}" name="${name}"/><xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
    '<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>' +
    `<a:graphic><a:graphicData uri="${NS.c}"><c:chart xmlns:c="${NS.c}" r:id="${relId}"/></a:graphicData></a:graphic>` +
    '</xdr:graphicFrame>';
  // The prefix is declared here too: the anchor may join a drawing part written by another program.
  return `<xdr:oneCellAnchor xmlns:xdr="${NS.xdr}">${from}${ext}${frame}<xdr:clientData/></xdr:oneCellAnchor>`;
}

/** A drawing part holding the given anchors. */
export function drawingXml(anchors: readonly string[]): string {
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<xdr:wsDr xmlns:xdr="${NS.xdr}" xmlns:a="${NS.a}" xmlns:r="${NS.r}">${anchors.join('')}</xdr:wsDr>`
  );
}
