import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { conditionalFormattings } from '../../runtime/files/excelInternals.ts';
import { loadXlsx, REPO_ROOT, saveXlsx } from '../../runtime/index.ts';
import { OWNED_COLUMN_WIDTHS, OWNED_HEADER_LIST } from '../../src/core/read/leadColumns.ts';
import { DECORATED_NOW, decoratedWorkbook, TRICKY_CSV } from '../fixtures/decoratedWorkbook.ts';
import { excelLikePackage, PACKAGE_NOW } from '../fixtures/excelLikePackage.ts';
import {
  compareParts,
  compareRoundTrip,
  malformedParts,
  partText,
  readBook,
} from '../fixtures/xlsxCompare.ts';

const LIBREOFFICE_FIXTURE = join(REPO_ROOT, 'test', 'fixtures', 'libreoffice-team-book.xlsx');
const LIBREOFFICE_PACKAGE = join(REPO_ROOT, 'test', 'fixtures', 'libreoffice-package.xlsx');
const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'sla-roundtrip-'));

/** `npm start` on `input` (the real script, on the built bundle); returns the result's path. */
function start(input: string, name: string, now = DECORATED_NOW): string {
  const out = join(dir, `${name}-result.xlsx`);
  const run = spawnSync(
    tsx,
    [join(REPO_ROOT, 'scripts', 'start.ts'), input, '--now', now, '--out', out],
    { encoding: 'utf8', cwd: REPO_ROOT, timeout: 120_000 },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return out;
}

/** What the add-in must have done, so that a run doing nothing cannot pass. */
async function expectAddInWork(output: string): Promise<void> {
  const wb = await readBook(output);
  const names = wb.worksheets.map((ws) => ws.name);
  expect(names).toEqual(
    expect.arrayContaining(['Planning', 'SLA Agreement', 'SLA Review 2026-10']),
  );
  const leads = wb.getWorksheet('Leads')!;
  const header = (leads.getRow(1).values as unknown[]).slice(1);
  expect(header.slice(-OWNED_HEADER_LIST.length)).toEqual([...OWNED_HEADER_LIST]);
  const status = header.indexOf('SLA status') + 1;
  expect(String(leads.getCell(2, status).value)).toMatch(/^Met/);
  expect(leads.getCell(2, status).fill).toMatchObject({ pattern: 'solid' });
  expect(leads.getColumn(status).width).toBeCloseTo(OWNED_COLUMN_WIDTHS['SLA status']! / 7);
  const rules = conditionalFormattings(leads).flatMap((cf) => cf.rules);
  const formulas = rules.map((r) => ('formulae' in r ? String(r.formulae?.[0]) : ''));
  expect(formulas.some((f) => f.includes('"Overdue"'))).toBe(true);
}

describe('npm start gives the team workbook back intact', { timeout: 180_000 }, () => {
  it('a decorated workbook: 0 changed user cells, 0 lost attributes', async () => {
    const input = join(dir, 'team-book.xlsx');
    await decoratedWorkbook().xlsx.writeFile(input);
    const output = start(input, 'team-book');
    expect(await compareRoundTrip(input, output)).toEqual({ changedCells: [], lostAttributes: [] });
    await expectAddInWork(output);
    // A second run on the result (its own sheets and state already there) keeps it all too.
    const again = start(output, 'team-book-again');
    expect(await compareRoundTrip(output, again)).toEqual({ changedCells: [], lostAttributes: [] });
    await expectAddInWork(again);
    expect([...(await malformedParts(output)), ...(await malformedParts(again))]).toEqual([]);
  });

  it('the same workbook saved by LibreOffice: 0 changed user cells, 0 lost attributes', async () => {
    if (!existsSync(LIBREOFFICE_FIXTURE)) {
      throw new Error(
        `${LIBREOFFICE_FIXTURE} is missing: run \`npm run fixture:libreoffice\` ` +
          '(needs LibreOffice: apt-get install -y libreoffice-calc-nogui).',
      );
    }
    const output = start(LIBREOFFICE_FIXTURE, 'libreoffice');
    expect(await compareRoundTrip(LIBREOFFICE_FIXTURE, output)).toEqual({
      changedCells: [],
      lostAttributes: [],
    });
    await expectAddInWork(output);
  });

  it('the comparison sees what a whole re-serialisation loses', async () => {
    const input = join(dir, 'team-book-whole.xlsx');
    await decoratedWorkbook().xlsx.writeFile(input);
    const output = join(dir, 'whole.xlsx');
    await saveXlsx(await loadXlsx(input), output);
    const diff = await compareRoundTrip(input, output);
    expect(diff.changedCells.some((c) => c.startsWith('Leads!J4:'))).toBe(true); // border
    expect(diff.lostAttributes.some((a) => a.startsWith('Leads autoFilter'))).toBe(true);
    // a one-range defined name is a named range of the model: even this path keeps it
    expect(diff.lostAttributes.some((a) => a.startsWith('defined name'))).toBe(false);
  });

  it('a CSV comes back as .xlsx holding its values as read', async () => {
    const input = join(dir, 'team-export.csv');
    writeFileSync(input, `\ufeff${TRICKY_CSV}`);
    const output = start(input, 'team-export');
    const wb = await readBook(output);
    expect(wb.worksheets[0]!.name).toBe('team-export');
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => {
      rows.push(Array.from((row.values as unknown[]).slice(1, 10), (v) => v ?? ''));
    });
    // dates as dates, in the order the add-in read the column (20/11/2026 proves day-first)
    const handedOff = (wall: string) => new Date(`${wall}Z`);
    expect(rows).toEqual([
      ['Lead ID', 'Name', 'Phone', 'Code', 'Formula', 'Amount', 'Flag', 'Handed off at', 'Note'],
      [
        'L1',
        'Ann Lee',
        '+33 1 23',
        '00123',
        '=1+1',
        '1e5',
        'TRUE',
        handedOff('2026-11-20T09:30:00'),
        'said "call me"; twice',
      ],
      ['L2', 'Bob', '+44 20', 0, -2, 12.5, 'FALSE', handedOff('2026-11-20T00:00:00'), 'two\nlines'],
      ['L3', 'Chloé', '', '007', '@home', '1,5', 'yes', '', ''],
    ]);
    expect(wb.worksheets[0]!.getCell('H2').numFmt).toBe('yyyy-mm-dd hh:mm');
    // the add-in checked the leads where they are: its columns follow the CSV's, no Leads sheet
    expect(wb.worksheets[0]!.getRow(1).getCell(10).value).toBe('Score');
    expect(wb.worksheets.map((ws) => ws.name)).not.toContain('Leads');
    const formulaCell = wb.worksheets[0]!.getCell('E2');
    expect(formulaCell.formula).toBeUndefined();
    // no empty Leads sheet beside the export
    expect(wb.worksheets.map((ws) => ws.name).filter((n) => n !== '_meta')).toEqual([
      'team-export',
      'Planning',
      'SLA Agreement',
      'SLA Team',
      'SLA Settings',
      'SLA Review 2026-10',
      'SLA History',
    ]);
  });
});

/** The parts a run on the package changes: its sheet list, tables and the leads sheet. */
const CHANGED_PARTS = [
  '[Content_Types].xml',
  'xl/_rels/workbook.xml.rels',
  'xl/sharedStrings.xml',
  'xl/styles.xml',
  'xl/workbook.xml',
  'xl/worksheets/sheet1.xml',
];

const children = (xml: string, list: string, item: string): string[] =>
  (new RegExp(`<${list}\\b[\\s\\S]*?</${list}>`).exec(xml)?.[0] ?? '').match(
    new RegExp(`<${item}\\b[^>]*?(?:/>|>[\\s\\S]*?</${item}>)`, 'g'),
  ) ?? [];

/** In the sheet we wrote: every user cell, the extensions and links as the file wrote them. */
async function expectLeadsKept(input: string, output: string): Promise<void> {
  const before = await partText(input, 'xl/worksheets/sheet1.xml');
  const after = await partText(output, 'xl/worksheets/sheet1.xml');
  const cells = before.match(/<c r="[A-H]\d+"[^>]*?(?:\/>|>[\s\S]*?<\/c>)/g) ?? [];
  expect(cells.length).toBeGreaterThan(20);
  for (const cell of cells) expect(after).toContain(cell);
  for (const element of [
    /<extLst>[\s\S]*<\/extLst>/,
    /<legacyDrawing[^>]*\/>/,
    /<pageMargins[^>]*\/>/,
  ]) {
    const kept = element.exec(before)?.[0];
    expect(kept).toBeDefined();
    expect(after).toContain(kept);
  }
  expect(after).toMatch(/<c r="I1"[^>]*t="s"><v>\d+<\/v><\/c>/); // our Score header
  const [stylesIn, stylesOut] = await Promise.all(
    [input, output].map((p) => partText(p, 'xl/styles.xml')),
  );
  const xfs = children(stylesIn!, 'cellXfs', 'xf');
  expect(children(stylesOut!, 'cellXfs', 'xf').slice(0, xfs.length)).toEqual(xfs);
  const [sstIn, sstOut] = await Promise.all(
    [input, output].map((p) => partText(p, 'xl/sharedStrings.xml')),
  );
  const strings = children(sstIn!, 'sst', 'si');
  expect(children(sstOut!, 'sst', 'si').slice(0, strings.length)).toEqual(strings);
}

/** workbook.xml: protection, calculation settings and the file's names as they were. */
async function expectWorkbookKept(input: string, output: string): Promise<void> {
  const before = await partText(input, 'xl/workbook.xml');
  const after = await partText(output, 'xl/workbook.xml');
  for (const element of [
    /<workbookProtection[^>]*\/>/,
    /<calcPr[^>]*\/>/,
    /<definedName name="TeamLeads"[^>]*>[^<]*<\/definedName>/,
    /<sheet name="Notes"[^>]*\/>/,
  ]) {
    const kept = element.exec(before)?.[0];
    expect(kept).toBeDefined();
    expect(after).toContain(kept);
  }
  expect(after).toMatch(/<sheet name="SLA Review 2026-10"/);
}

describe('npm start keeps the package: every part it did not change, byte for byte', {
  timeout: 180_000,
}, () => {
  it('an Excel-like package: custom properties, protection, printer settings, sparklines, notes on empty cells', async () => {
    const input = join(dir, 'excel-like.xlsx');
    writeFileSync(input, await excelLikePackage());
    const output = start(input, 'excel-like', PACKAGE_NOW);
    const parts = await compareParts(input, output);
    expect(parts.changed).toEqual(CHANGED_PARTS);
    expect(parts.removed).toEqual(['xl/calcChain.xml']); // Excel rebuilds it
    expect(parts.same).toEqual([
      '_rels/.rels',
      'docProps/app.xml',
      'docProps/core.xml',
      'docProps/custom.xml',
      'xl/comments1.xml',
      'xl/comments2.xml',
      'xl/drawings/vmlDrawing1.vml',
      'xl/drawings/vmlDrawing2.vml',
      'xl/printerSettings/printerSettings1.bin',
      'xl/theme/theme1.xml',
      'xl/worksheets/_rels/sheet1.xml.rels',
      'xl/worksheets/_rels/sheet2.xml.rels',
      'xl/worksheets/sheet2.xml',
    ]);
    await expectLeadsKept(input, output);
    await expectWorkbookKept(input, output);
    expect(await malformedParts(output)).toEqual([]);
    expect(await compareRoundTrip(input, output)).toEqual({ changedCells: [], lostAttributes: [] });
  });

  it('the same package saved by LibreOffice: every part but the changed ones identical', async () => {
    const output = start(LIBREOFFICE_PACKAGE, 'libreoffice-package', PACKAGE_NOW);
    const parts = await compareParts(LIBREOFFICE_PACKAGE, output);
    expect(parts.changed).toEqual(CHANGED_PARTS);
    expect(parts.removed).toEqual([]);
    expect(parts.same).toEqual(
      expect.arrayContaining([
        'docProps/custom.xml',
        'xl/comments1.xml',
        'xl/comments2.xml',
        'xl/worksheets/sheet2.xml',
      ]),
    );
    await expectLeadsKept(LIBREOFFICE_PACKAGE, output);
    expect(await malformedParts(output)).toEqual([]);
    expect(await compareRoundTrip(LIBREOFFICE_PACKAGE, output)).toEqual({
      changedCells: [],
      lostAttributes: [],
    });
  });
});
