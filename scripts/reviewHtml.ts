/**
 * The monthly review as one self-contained HTML page: the review sheet as the run wrote it,
 * block by block (the blocks are separated by a blank row: the title, then one table per
 * section, with the sheet's shown values, bold rows and green / amber / red colours), and its
 * charts as inline SVG drawn from the same cells as the workbook's charts. The headline comes
 * first, then the charts, then the other tables. It reads on a phone (no sideways scroll at
 * 390 px: a wide table scrolls inside its own box) and prints cleanly (a chart never split).
 * No script, no external stylesheet or font; every text from the sheet is escaped.
 */
import { randomBytes } from 'node:crypto';
import { rename, unlink, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DEFAULT_BACKGROUND } from '../runtime/appsScript/cells.ts';
import { displayValue, isDate } from '../runtime/appsScript/format.ts';
import type { FakeSheet } from '../runtime/appsScript/sheet.ts';
import type { FakeSpreadsheet } from '../runtime/appsScript/spreadsheet.ts';
import { chartsBySheet } from '../runtime/files/chartCells.ts';
import { REVIEW_SHEET_PREFIX } from '../src/core/read/leadColumns.ts';
import { escapeHtml } from './html.ts';
import { chartSvg } from './svgChart.ts';

interface ShownCell {
  text: string;
  background: string | null;
  bold: boolean;
  numeric: boolean;
}

type Block = ShownCell[][];

function shownRows(sheet: FakeSheet): Block {
  const zone = sheet.parent.timeZoneInternal;
  const rows: Block = [];
  for (let r = 0; r < sheet.lastRowInternal(); r++) {
    const row: ShownCell[] = [];
    for (let c = 0; c < sheet.lastColumnInternal(); c++) {
      const value = sheet.cellInternal(r, c);
      const background = sheet.backgrounds.get(r, c);
      row.push({
        text: displayValue(value, sheet.numberFormats.get(r, c), zone),
        background:
          /^#[0-9a-f]{6}$/i.test(background) && background !== DEFAULT_BACKGROUND
            ? background
            : null,
        bold: sheet.fontWeights.get(r, c) === 'bold',
        numeric: typeof value === 'number' || isDate(value),
      });
    }
    rows.push(row);
  }
  return rows;
}

/** Runs of non-blank rows, each cut to its last non-blank column. */
export function blocksOf(rows: Block): Block[] {
  const blocks: Block[] = [];
  let current: Block = [];
  for (const row of [...rows, []]) {
    if (row.some((cell) => cell.text !== '')) {
      current.push(row);
      continue;
    }
    if (current.length) blocks.push(current);
    current = [];
  }
  return blocks.map((block) => {
    const used = (r: ShownCell[]) => r.reduce((w, c, i) => (c.text !== '' ? i + 1 : w), 0);
    const width = Math.max(...block.map(used));
    return block.map((r) => r.slice(0, width));
  });
}

function cellHtml(cell: ShownCell, tag: 'td' | 'th'): string {
  const classes = [cell.numeric ? 'num' : '', cell.bold && tag === 'td' ? 'bold' : '']
    .filter(Boolean)
    .join(' ');
  const cls = classes ? ` class="${classes}"` : '';
  const style = cell.background ? ` style="background:${cell.background}"` : '';
  return `<${tag}${cls}${style}>${escapeHtml(cell.text)}</${tag}>`;
}

function tableHtml(block: Block): string {
  const [title, header, ...rows] = block;
  const heading = `<h2>${escapeHtml(
    title!
      .map((c) => c.text)
      .join(' ')
      .trim(),
  )}</h2>`;
  if (!header) return `<section>${heading}</section>`;
  const head = `<thead><tr>${header.map((c) => cellHtml(c, 'th')).join('')}</tr></thead>`;
  const body = rows.map((r) => `<tr>${r.map((c) => cellHtml(c, 'td')).join('')}</tr>`).join('');
  // the box scrolls sideways, never the page
  return `<section>${heading}<div class="table-box"><table>${head}<tbody>${body}</tbody></table></div></section>`;
}

function titleHtml(block: Block): string {
  const [title, ...lines] = block.map((r) =>
    escapeHtml(
      r
        .map((c) => c.text)
        .filter(Boolean)
        .join(' '),
    ),
  );
  return `<header><h1>${title}</h1>${lines.map((l) => `<p>${l}</p>`).join('')}</header>`;
}

const STYLE = `
*{box-sizing:border-box}
body{font-family:Arial,Helvetica,sans-serif;font-size:14px;color:#222;margin:0;padding:16px;background:#fff}
main{max-width:1200px;margin:0 auto}
h1{font-size:22px;margin:0 0 8px}
h2{font-size:16px;margin:24px 0 6px;padding:4px 6px;background:#cfe2f3}
p{margin:4px 0;max-width:70em;overflow-wrap:anywhere}
.charts{display:flex;flex-wrap:wrap;gap:16px;margin:16px 0}
.charts figure{margin:0;flex:1 1 420px;min-width:0;max-width:600px}
.charts svg{display:block;width:100%;height:auto}
.table-box{max-width:100%;overflow-x:auto;-webkit-overflow-scrolling:touch}
table{border-collapse:collapse;margin-bottom:8px}
th,td{border:1px solid #ddd;padding:3px 8px;text-align:left;vertical-align:top}
th{background:#efefef}
td{min-width:4em;max-width:32em}
td.num{text-align:right;white-space:nowrap;min-width:0}
td.bold{font-weight:bold}
.headline table{font-size:15px}
@media (max-width:600px){body{padding:10px;font-size:13px}h1{font-size:18px}th,td{padding:2px 5px}td{max-width:20em}td:last-child{min-width:12em}}
@media print{
@page{size:A4 landscape;margin:10mm}
body{padding:0;font-size:10px}
.table-box{overflow:visible}
.charts{display:block}
.charts figure{break-inside:avoid;page-break-inside:avoid;max-width:16cm;margin:0 0 8px}
section{break-inside:auto}
h2{break-after:avoid;page-break-after:avoid}
tr{break-inside:avoid;page-break-inside:avoid}
td{max-width:none}
}
`;

/** The page of a review sheet (its charts included): title, headline, charts, the other tables. */
export function reviewHtml(sheet: FakeSheet): string {
  const [title, ...tables] = blocksOf(shownRows(sheet));
  const isHeadline = (b: Block) => /^Headline/.test(b[0]?.[0]?.text ?? '');
  const headline = tables.filter(isHeadline);
  const rest = tables.filter((b) => !isHeadline(b));
  const charts = chartsBySheet([sheet]).get(sheet.sheetName) ?? [];
  const figures = charts.map((c) => `<figure>${chartSvg(c)}</figure>`).join('');
  const name = `${sheet.sheetName} · ${sheet.parent.name}`;
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(name)}</title><style>${STYLE}</style></head><body><main>`,
    title ? titleHtml(title) : '',
    `<div class="headline">${headline.map(tableHtml).join('')}</div>`,
    figures ? `<div class="charts">${figures}</div>` : '',
    `<div class="tables">${rest.map(tableHtml).join('')}</div>`,
    '</main></body></html>',
    '',
  ].join('\n');
}

/**
 * Writes the page of `SLA Review <month>` to `path` atomically (temporary file in the same
 * folder, then rename). Returns the path, or null when the spreadsheet has no such sheet.
 */
export async function writeReviewPage(
  ss: FakeSpreadsheet,
  month: string,
  path: string,
): Promise<string | null> {
  const sheet = ss.findSheet(`${REVIEW_SHEET_PREFIX}${month}`);
  if (!sheet) return null;
  const tmp = join(dirname(path), `.${basename(path)}.${randomBytes(4).toString('hex')}.tmp`);
  try {
    await writeFile(tmp, reviewHtml(sheet), 'utf8');
    await rename(tmp, path);
  } catch (e) {
    await unlink(tmp).catch(() => undefined);
    throw new Error(
      `Cannot write the review page "${path}": ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  return path;
}
