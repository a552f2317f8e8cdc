/**
 * `npm start`'s workbook as a person sees it: opened by LibreOffice (headless) and printed to
 * PDF, then read back as text. A date that does not fit its column prints as `###`; a chart
 * LibreOffice can draw prints its title. Needs LibreOffice and pdftotext (CI installs both).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { openWorkbook, REPO_ROOT } from '../../runtime/index.ts';
import { EXAMPLE_PATH } from '../../scripts/example.ts';

const INSTALL =
  'install them with `apt-get update && apt-get install -y libreoffice-calc-nogui poppler-utils` (Debian/Ubuntu)';
const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'sla-libreoffice-'));
const result = join(dir, 'example-result.xlsx');

function run(command: string, args: string[]): string {
  const p = spawnSync(command, args, { encoding: 'utf8', timeout: 240_000, cwd: REPO_ROOT });
  if (p.error) {
    throw new Error(
      `${command} could not run (${p.error.message}): LibreOffice and pdftotext are needed for this test; ${INSTALL}`,
    );
  }
  if (p.status !== 0) throw new Error(`${command} failed (${p.status}): ${p.stderr || p.stdout}`);
  return p.stdout;
}

/** The result workbook printed by LibreOffice, as text laid out like the pages (one per \f). */
function printed(path: string): string {
  const pdfDir = join(dir, 'pdf');
  mkdirSync(pdfDir, { recursive: true });
  const profile = pathToFileURL(join(dir, 'profile')).href;
  run('soffice', [
    `-env:UserInstallation=${profile}`,
    '--headless',
    '--convert-to',
    'pdf',
    '--outdir',
    pdfDir,
    path,
  ]);
  return run('pdftotext', ['-layout', join(pdfDir, `${basename(path, '.xlsx')}.pdf`), '-']);
}

/** The workbook opened and saved again by LibreOffice, as .xlsx. */
function savedByLibreOffice(path: string): string {
  const outDir = join(dir, 'resaved');
  run('soffice', [
    `-env:UserInstallation=${pathToFileURL(join(dir, 'profile')).href}`,
    '--headless',
    '--convert-to',
    'xlsx:Calc MS Excel 2007 XML',
    '--outdir',
    outDir,
    path,
  ]);
  return join(outDir, basename(path));
}

/** Every date-time the result's sheets show, as their cells display it. */
async function shownDates(path: string): Promise<Set<string>> {
  const { runtime } = await openWorkbook(path);
  const shown = new Set<string>();
  for (const sheet of runtime.spreadsheet.getSheets()) {
    if (sheet.isSheetHidden()) continue;
    const range = sheet.getDataRange();
    const values = range.getValues();
    const texts = range.getDisplayValues();
    values.forEach((row, r) => {
      row.forEach((v, c) => {
        if (v instanceof Date) shown.add(texts[r]![c]!);
      });
    });
  }
  return shown;
}

describe('the result workbook opened in LibreOffice', { timeout: 300_000 }, () => {
  let text = '';
  beforeAll(() => {
    run(tsx, [join(REPO_ROOT, 'scripts', 'start.ts'), '--out', result]);
    text = printed(result);
  }, 300_000);

  it('shows every date: no ### anywhere, each date-time printed whole', async () => {
    expect(text.length).toBeGreaterThan(10_000);
    const hashes = text.split('\n').filter((line) => line.includes('###'));
    expect(hashes).toEqual([]);
    const dates = await shownDates(result);
    expect(dates.size).toBeGreaterThan(500);
    const missing = [...dates].filter((d) => !text.includes(d));
    expect(missing).toEqual([]);
  });

  it('prints the review one page wide, every header whole, the charts on its first page', () => {
    const pages = text.split('\f');
    const review = pages.filter((p) => p.includes('SLA monthly review · October 2026'));
    expect(review).toHaveLength(1);
    const first = review[0]!;
    // the widest table's last column is on the same page as the title: fit to width
    expect(first).toContain('Cost per customer');
    expect(first).toContain('Funnel of the leads created in October 2026');
    for (const header of ['Deals won', 'Never contacted', 'Contacted, no time recorded'])
      expect(first).toContain(header);
  });

  it('shows the SLA History headers whole', () => {
    // History is the last sheet: its pages run from its header row to the end
    const pages = text.split('\f');
    const first = pages.findIndex((p) => /^\s*Month\s+New leads/m.test(p));
    expect(first).toBeGreaterThan(0);
    const all = pages.slice(first).join('\n');
    for (const header of ['MQL delivered', 'Deals won', 'Never contacted', 'Value won'])
      expect(all).toContain(header);
  });

  it("shows a CSV export's dates whole in the result", () => {
    const out = join(dir, 'hubspot-result.xlsx');
    run(tsx, [
      join(REPO_ROOT, 'scripts', 'start.ts'),
      join(REPO_ROOT, 'examples', 'hubspot-contacts-export.csv'),
      '--out',
      out,
    ]);
    const csv = printed(out);
    expect(csv).toContain('2026-11-20 09:00');
    expect(csv.split('\n').filter((line) => line.includes('###'))).toEqual([]);
  });

  it("draws the review's two charts", () => {
    expect(text).toContain('Funnel of the leads created in October 2026');
    expect(text).toContain('Contacted within deadline, by owner');
  });

  it("keeps the widths of the user's own columns", async () => {
    const widths = async (path: string) => {
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(path);
      const leads = wb.getWorksheet('Leads')!;
      const header = (leads.getRow(1).values as unknown[]).slice(1);
      const own = header.indexOf('Score');
      return Array.from({ length: own }, (_, i) => leads.getColumn(i + 1).width ?? null);
    };
    const before = await widths(EXAMPLE_PATH);
    expect(before.filter((w) => w !== null).length).toBeGreaterThan(5);
    expect(await widths(result)).toEqual(before);
  });

  it('reads back the charts of the workbook once LibreOffice saved it again', async () => {
    const { runtime } = await openWorkbook(savedByLibreOffice(result));
    const review = runtime.spreadsheet.getSheetByName('SLA Review 2026-10')!;
    const charts = review.getCharts().map((c) => ({
      type: String(c.modify().getChartType()),
      title: c.getOptions().get('title'),
      ranges: c.getRanges().map((r) => r.getA1Notation()),
    }));
    expect(charts).toEqual([
      {
        type: 'COLUMN',
        title: 'Funnel of the leads created in October 2026',
        ranges: expect.any(Array),
      },
      {
        type: 'BAR',
        title: 'Contacted within deadline, by owner',
        ranges: expect.any(Array),
      },
    ]);
    expect(charts[1]!.ranges).toHaveLength(2);
  });
});
