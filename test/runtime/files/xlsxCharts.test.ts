import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import type { FakeSheet } from '../../../runtime/appsScript/sheet.ts';
import { type ChartCells, chartCells } from '../../../runtime/files/chartCells.ts';
import { addChartsToXlsx } from '../../../runtime/files/xlsxCharts.ts';
import {
  createRuntime,
  openWorkbook,
  saveWorkbook,
  workbookFromXlsx,
} from '../../../runtime/index.ts';
import { tempDir } from '../fixtures.ts';

/** A sheet with a funnel table (A1:B4) and an on-time share table (D1:E3), and a chart on each. */
function chartedSheet(): { sheet: FakeSheet; save: (path: string) => Promise<void> } {
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  const sheet = rt.addSheet("Team's review", [
    ['Stage', 'Leads', '', 'Owner', 'On time'],
    ['Leads', 75, '', 'Camille', 0.75],
    ['MQL', 71, '', 'Sophie <S&M>', 0.84],
    ['SQL', '', '', '', ''],
  ]);
  sheet.getRange('E2:E3').setNumberFormat('0%');
  sheet.insertChart(
    sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange('A1:B4'))
      .setNumHeaders(1)
      .setOption('title', 'Funnel & more')
      .setOption('legend', { position: 'none' })
      .setPosition(1, 7, 0, 0)
      .build(),
  );
  sheet.insertChart(
    sheet
      .newChart()
      .asBarChart()
      .addRange(sheet.getRange('D1:D3'))
      .addRange(sheet.getRange('E1:E3'))
      .setNumHeaders(1)
      .setOption('title', 'On time by owner')
      .setPosition(21, 7, 5, 10)
      .build(),
  );
  return { sheet, save: (path) => saveWorkbook(rt, path) };
}

async function zipOf(path: string): Promise<JSZip> {
  return JSZip.loadAsync(readFileSync(path));
}

const text = async (zip: JSZip, part: string): Promise<string> => {
  const file = zip.file(part);
  if (!file) throw new Error(`${part} is missing; parts: ${Object.keys(zip.files).join(', ')}`);
  return file.async('string');
};

describe('chartCells: a chart as its sheet holds it', () => {
  it('reads labels, series, formats, anchor and size from the chart and its ranges', () => {
    const { sheet } = chartedSheet();
    const [funnel, owners] = sheet.charts.map((c) => chartCells(sheet, c));
    expect(funnel).toMatchObject({
      kind: 'column',
      title: 'Funnel & more',
      legend: false,
      categories: { ref: "'Team''s review'!$A$2:$A$4", labels: ['Leads', 'MQL', 'SQL'] },
      series: [
        {
          name: 'Leads',
          nameRef: "'Team''s review'!$B$1",
          ref: "'Team''s review'!$B$2:$B$4",
          values: [75, 71, null],
        },
      ],
      anchor: { row: 1, col: 7, offsetX: 0, offsetY: 0 },
      width: 600,
      height: 371,
    });
    expect(owners).toMatchObject({
      kind: 'bar',
      categories: { labels: ['Camille', 'Sophie <S&M>'] },
      series: [{ name: 'On time', values: [0.75, 0.84], format: '0%' }],
      anchor: { row: 21, col: 7, offsetX: 5, offsetY: 10 },
    });
  });

  it('leaves out the chart types it does not draw', () => {
    const { sheet } = chartedSheet();
    const pie = sheet.newChart().asPieChart().addRange(sheet.getRange('A1:B4')).build();
    expect(chartCells(sheet, pie)).toBeNull();
  });
});

describe('native charts in the written .xlsx', () => {
  it('adds chart parts, a drawing, relationships and content types', async () => {
    const { save } = chartedSheet();
    const path = join(tempDir(), 'charts.xlsx');
    await save(path);
    const zip = await zipOf(path);
    const workbook = await text(zip, 'xl/workbook.xml');
    const rels = await text(zip, 'xl/_rels/workbook.xml.rels');
    const rid =
      /name="Team&apos;s review" [^>]*r:id="(rId\d+)"|name="Team's review" [^>]*r:id="(rId\d+)"/.exec(
        workbook,
      );
    const id = rid?.[1] ?? rid?.[2];
    const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`)
      .exec(rels)?.[1]
      ?.replace(/^\/?xl\//, '');
    expect(target).toMatch(/^worksheets\/sheet\d+\.xml$/);
    const sheetXml = await text(zip, `xl/${target}`);
    const drawingId = /<drawing [^>]*r:id="(rId\d+)"/.exec(sheetXml)?.[1];
    expect(drawingId).toBeDefined();
    expect(sheetXml.indexOf('<drawing ')).toBeGreaterThan(sheetXml.indexOf('</sheetData>'));
    const sheetRels = await text(zip, `xl/worksheets/_rels/${target!.split('/')[1]}.rels`);
    expect(sheetRels).toMatch(
      new RegExp(
        `Id="${drawingId}" Type="[^"]+/relationships/drawing" Target="../drawings/drawing1.xml"`,
      ),
    );
    const drawing = await text(zip, 'xl/drawings/drawing1.xml');
    const anchors = drawing.match(/<xdr:oneCellAnchor\b.*?<\/xdr:oneCellAnchor>/g) ?? [];
    expect(anchors).toHaveLength(2);
    expect(anchors[0]).toContain(
      '<xdr:col>6</xdr:col><xdr:colOff>0</xdr:colOff><xdr:row>0</xdr:row>',
    );
    expect(anchors[1]).toContain(
      '<xdr:col>6</xdr:col><xdr:colOff>47625</xdr:colOff><xdr:row>20</xdr:row><xdr:rowOff>95250</xdr:rowOff>',
    );
    expect(anchors[0]).toContain(`<xdr:ext cx="${600 * 9525}" cy="${371 * 9525}"/>`);
    const drawingRels = await text(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    expect(
      drawingRels.match(/relationships\/chart" Target="..\/charts\/chart\d\.xml"/g),
    ).toHaveLength(2);
    const types = await text(zip, '[Content_Types].xml');
    expect(types).toContain(
      'PartName="/xl/charts/chart1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawingml.chart+xml"',
    );
    expect(types).toContain('PartName="/xl/charts/chart2.xml"');
    expect(types).toContain(
      'PartName="/xl/drawings/drawing1.xml" ContentType="application/vnd.openxmlformats-officedocument.drawing+xml"',
    );
  });

  it('points each series at the cells, with the values cached and text escaped', async () => {
    const { save } = chartedSheet();
    const path = join(tempDir(), 'charts.xlsx');
    await save(path);
    const zip = await zipOf(path);
    const column = await text(zip, 'xl/charts/chart1.xml');
    expect(column).toContain('<c:barDir val="col"/><c:grouping val="clustered"/>');
    expect(column).toContain('<a:t>Funnel &amp; more</a:t>');
    expect(column).toContain("<c:f>'Team''s review'!$A$2:$A$4</c:f>");
    expect(column).toContain("<c:f>'Team''s review'!$B$2:$B$4</c:f>");
    expect(column).toContain(
      '<c:pt idx="0"><c:v>75</c:v></c:pt><c:pt idx="1"><c:v>71</c:v></c:pt></c:numCache>',
    );
    expect(column).not.toContain('<c:legend>');
    const bar = await text(zip, 'xl/charts/chart2.xml');
    expect(bar).toContain('<c:barDir val="bar"/>');
    expect(bar).toContain('<c:v>Sophie &lt;S&amp;M&gt;</c:v>');
    expect(bar).toContain('<c:formatCode>0%</c:formatCode>');
    // categories top to bottom as in Sheets, the value axis from zero
    expect(bar).toMatch(/<c:catAx>.*<c:orientation val="maxMin"\/>.*<\/c:catAx>/);
    expect(bar).toMatch(/<c:valAx>.*<c:min val="0"\/>.*<\/c:valAx>/);
  });

  it('still opens with its cells intact', async () => {
    const { save } = chartedSheet();
    const path = join(tempDir(), 'charts.xlsx');
    await save(path);
    const book = await workbookFromXlsx(path);
    const review = book.sheets.find((s) => s.name === "Team's review");
    expect(review?.values[2]).toEqual(['MQL', 71, '', 'Sophie <S&M>', 0.84]);
  });

  it('adds its charts to a drawing the sheet already has (an image)', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Review');
    ws.getCell('A1').value = 'x';
    const png = Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
      'base64',
    );
    const image = wb.addImage({ buffer: png as unknown as ExcelJS.Buffer, extension: 'png' });
    ws.addImage(image, 'C3:D4');
    // a data bar: ExcelJS writes an extLst inside the rule and another one at the sheet's end
    ws.getCell('A2').value = 3;
    ws.addConditionalFormatting({
      ref: 'A2:A3',
      rules: [{ type: 'dataBar', priority: 1, cfvo: [{ type: 'min' }, { type: 'max' }] }],
    } as unknown as ExcelJS.ConditionalFormattingOptions);
    const { sheet } = chartedSheet();
    const chart = chartCells(sheet, sheet.charts[0]!) as ChartCells;
    const out = await addChartsToXlsx(
      Buffer.from(await wb.xlsx.writeBuffer()),
      new Map([['Review', [chart]]]),
    );
    const zip = await JSZip.loadAsync(out);
    const sheetXml = await text(zip, 'xl/worksheets/sheet1.xml');
    expect(sheetXml.match(/<drawing /g)).toHaveLength(1);
    const ruleExt = sheetXml.indexOf('<extLst>');
    expect(ruleExt).toBeGreaterThan(0);
    expect(sheetXml.indexOf('<drawing ')).toBeGreaterThan(
      sheetXml.indexOf('</conditionalFormatting>'),
    );
    expect(sheetXml.indexOf('<drawing ')).toBeLessThan(sheetXml.lastIndexOf('<extLst>'));
    const drawing = await text(zip, 'xl/drawings/drawing1.xml');
    expect(drawing).toContain('<xdr:pic>');
    expect(drawing).toContain('<xdr:graphicFrame');
    const ids = [...drawing.matchAll(/cNvPr id="(\d+)"/g)].map((m) => m[1]);
    expect(new Set(ids).size).toBe(ids.length);
    const rels = await text(zip, 'xl/drawings/_rels/drawing1.xml.rels');
    expect(rels).toMatch(/relationships\/image"/);
    expect(rels).toMatch(/relationships\/chart" Target="..\/charts\/chart1.xml"/);
  });
});

describe('charts read back from the file', () => {
  it('gives the sheet the charts it was saved with, and saves them again', async () => {
    const { sheet, save } = chartedSheet();
    const dir = tempDir();
    await save(join(dir, 'first.xlsx'));
    const opened = await openWorkbook(join(dir, 'first.xlsx'));
    const again = opened.runtime.spreadsheet.findSheet("Team's review")!;
    expect(again.getCharts().map((c) => c.getRanges().map((r) => r.getA1Notation()))).toEqual([
      ['A1:A4', 'B1:B4'],
      ['D1:D3', 'E1:E3'],
    ]);
    const cells = (s: FakeSheet) => s.charts.map((c) => chartCells(s, c));
    expect(cells(again)).toEqual(cells(sheet));
    await opened.save(join(dir, 'second.xlsx'));
    const zip = await zipOf(join(dir, 'second.xlsx'));
    expect(
      Object.keys(zip.files).filter((f) => /^xl\/charts\/chart\d+\.xml$/.test(f)),
    ).toHaveLength(2);
    expect(await text(zip, 'xl/charts/chart1.xml')).toBe(
      await text(await zipOf(join(dir, 'first.xlsx')), 'xl/charts/chart1.xml'),
    );
  });

  it("leaves out a chart it cannot draw and reads a two-cell anchor's size from the sheet", async () => {
    const { sheet } = chartedSheet();
    const chart = chartCells(sheet, sheet.charts[0]!)!;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet("Team's review");
    ws.addRow(['Stage', 'Leads']);
    ws.getColumn(7).width = 20; // 140 px
    let buffer = await addChartsToXlsx(
      Buffer.from(await wb.xlsx.writeBuffer()),
      new Map([["Team's review", [chart, chart]]]),
    );
    const zip = await JSZip.loadAsync(buffer);
    const drawing = await text(zip, 'xl/drawings/drawing1.xml');
    // the first chart as another program anchors it, the second turned into a pie chart
    const twoCell = drawing
      .replace(/<xdr:oneCellAnchor [^>]*>/, '<xdr:twoCellAnchor>')
      .replace('</xdr:oneCellAnchor>', '</xdr:twoCellAnchor>')
      .replace(
        /<xdr:ext cx="\d+" cy="\d+"\/>/,
        '<xdr:to><xdr:col>8</xdr:col><xdr:colOff>95250</xdr:colOff><xdr:row>3</xdr:row><xdr:rowOff>0</xdr:rowOff></xdr:to>',
      );
    zip.file('xl/drawings/drawing1.xml', twoCell);
    const pie = (await text(zip, 'xl/charts/chart2.xml')).replace(/barChart>/g, 'pieChart>');
    zip.file('xl/charts/chart2.xml', pie);
    buffer = await zip.generateAsync({ type: 'nodebuffer' });
    const path = join(tempDir(), 'other.xlsx');
    writeFileSync(path, buffer);
    const read = (await openWorkbook(path)).runtime.spreadsheet.findSheet("Team's review")!;
    expect(read.charts).toHaveLength(1);
    // G (140 px) + H (Excel's 64 px) + 10 px into I; rows 1-3 at 20 px
    expect(chartCells(read, read.charts[0]!)).toMatchObject({
      kind: 'column',
      title: 'Funnel & more',
      anchor: { row: 1, col: 7, offsetX: 0, offsetY: 0 },
      width: 214,
      height: 60,
    });
  });
});
