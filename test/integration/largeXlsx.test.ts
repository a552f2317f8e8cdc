/**
 * A workbook whose Leads sheet is past the stream threshold (runtime/files/xlsxStreamOpen.ts):
 * `npm start` reads that sheet in a stream and splices its cells back as the part streams by.
 * What it writes must be what the whole read (ExcelJS) writes, cell for cell and attribute for
 * attribute, with the user's cells and the other parts of the package kept.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { beforeAll, describe, expect, it } from 'vitest';
import { existingCells, existingRows, mergedAreas } from '../../runtime/files/excelInternals.ts';
import { STREAM_SHEET_BYTES } from '../../runtime/files/xlsxStreamOpen.ts';
import { REPO_ROOT } from '../../runtime/index.ts';
import { DECORATED_NOW, decoratedWorkbook } from '../fixtures/decoratedWorkbook.ts';
import {
  compareParts,
  compareRoundTrip,
  malformedParts,
  readBook,
  stable,
} from '../fixtures/xlsxCompare.ts';

const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'sla-large-xlsx-'));
const LEADS = 4_000;
/** A threshold no sheet reaches: the whole read, as for a small workbook. */
const WHOLE_READ = String(Number.MAX_SAFE_INTEGER);

const at = (day: number, hour: number): Date => new Date(Date.UTC(2026, 9, 1 + day, hour));

/** The decorated team workbook, its Leads sheet grown to LEADS rows with decorations far down. */
async function largeTeamWorkbook(path: string): Promise<void> {
  const wb = decoratedWorkbook();
  const ws = wb.getWorksheet('Leads')!;
  const stages = ['Lead', 'MQL', 'SQL', 'Opportunity', 'Customer', 'Lost'];
  for (let i = 0; i < LEADS; i++) {
    const handed = at(i % 50, 8 + (i % 9));
    const contacted = i % 3 === 0 ? at(i % 50, 9 + (i % 9)) : null;
    const row = ws.addRow([
      `L-${10_000 + i}`,
      `Lead ${i}`,
      `lead${i}@example.com`,
      ['Web', 'Event', 'Referral'][i % 3],
      ['Hot', 'Warm', 'Cold'][i % 3],
      stages[i % stages.length],
      handed,
      contacted,
      contacted ? 1 + (i % 4) : i % 2,
      i % 5 === 0 ? null : 100 * (i % 40),
      i % 2 === 0,
      null,
      `C-${i}`,
    ]);
    row.getCell(7).numFmt = 'yyyy-mm-dd hh:mm';
    row.getCell(8).numFmt = 'dd/mm/yyyy hh:mm';
  }
  ws.getCell('L3000').note = 'A note on an empty cell, far down';
  ws.getCell('A2900').note = 'Asked to be called after the trade show';
  ws.getCell('C2500').value = { text: 'lead2493@example.com', hyperlink: 'mailto:x@example.com' };
  ws.getCell('B3500').value = {
    richText: [{ text: 'Rich ', font: { bold: true } }, { text: 'text' }],
  };
  ws.getCell('L4000').value = { formula: 'J4000*2', result: 0 };
  ws.getCell('B1234').font = { bold: true, color: { argb: 'FFC00000' } };
  ws.getCell('J1500').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF2CC' } };
  ws.getRow(2222).hidden = true;
  ws.getRow(3333).height = 28;
  await wb.xlsx.writeFile(path);
}

/** `npm start` on `input` with the given stream threshold (unset: the product's default). */
function start(input: string, name: string, threshold?: string): string {
  const out = join(dir, `${name}.xlsx`);
  const env = { ...process.env };
  delete env.SLA_STREAM_SHEET_BYTES;
  if (threshold !== undefined) env.SLA_STREAM_SHEET_BYTES = threshold;
  const run = spawnSync(
    tsx,
    [join(REPO_ROOT, 'scripts', 'start.ts'), input, '--now', DECORATED_NOW, '--out', out],
    { encoding: 'utf8', cwd: REPO_ROOT, timeout: 120_000, env },
  );
  expect(run.stderr).toBe('');
  expect(run.status).toBe(0);
  return out;
}

/** Every cell of every sheet (value, type, style, note) and each sheet's layout, as text. */
function bookModel(wb: ExcelJS.Workbook): Map<string, string> {
  const model = new Map<string, string>();
  for (const ws of wb.worksheets) {
    const view = (ws.views ?? [])[0];
    model.set(
      `${ws.name} layout`,
      stable({
        state: ws.state,
        view,
        merges: mergedAreas(ws).sort(),
        autoFilter: ws.autoFilter ?? null,
        columns: (ws.columns ?? []).map((c) => [c.width, c.hidden]),
        rows: existingRows(ws)
          .filter((r) => r.height !== undefined || r.hidden)
          .map((r) => [r.number, r.height, r.hidden]),
      }),
    );
    for (const row of existingRows(ws))
      for (const cell of existingCells(row)) {
        const note = cell.note as ExcelJS.Comment | string | undefined;
        model.set(
          `${ws.name}!${cell.address}`,
          stable({
            type: cell.type,
            value: cell.value,
            style: cell.style,
            note: typeof note === 'string' ? note : (note?.texts ?? null),
          }),
        );
      }
  }
  return model;
}

function differences(a: Map<string, string>, b: Map<string, string>): string[] {
  const out: string[] = [];
  for (const key of new Set([...a.keys(), ...b.keys()]))
    if (a.get(key) !== b.get(key)) out.push(`${key}: ${a.get(key)} -> ${b.get(key)}`);
  return out;
}

async function leadsPartBytes(path: string): Promise<number> {
  const zip = await JSZip.loadAsync(readFileSync(path));
  const xml = (await zip.file('xl/workbook.xml')?.async('string')) ?? '';
  const rels = (await zip.file('xl/_rels/workbook.xml.rels')?.async('string')) ?? '';
  const id = /<sheet [^>]*name="Leads"[^>]*r:id="(\w+)"/.exec(xml)?.[1];
  const target = new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? '';
  const part = await zip.file(`xl/${target.replace(/^\/?xl\//, '')}`)?.async('nodebuffer');
  return part?.length ?? 0;
}

describe('npm start on a workbook with a large sheet', { timeout: 300_000 }, () => {
  const input = join(dir, 'large-team-book.xlsx');
  let streamed = '';
  let whole = '';

  beforeAll(async () => {
    await largeTeamWorkbook(input);
    streamed = start(input, 'streamed');
    whole = start(input, 'whole', WHOLE_READ);
  }, 300_000);

  it('has a Leads sheet past the threshold: the default run streams it', async () => {
    expect(await leadsPartBytes(input)).toBeGreaterThan(STREAM_SHEET_BYTES);
  });

  it('writes what the whole read writes, cell for cell, in every sheet', async () => {
    const [a, b] = await Promise.all([readBook(whole), readBook(streamed)]);
    expect(b.worksheets.map((ws) => ws.name)).toEqual(a.worksheets.map((ws) => ws.name));
    const model = bookModel(b);
    expect(differences(bookModel(a), model)).toEqual([]);
    // the run did write its columns: a comparison of two empty results cannot pass
    expect(model.get('Leads!N1')).toMatch(/Lead score|Score|SLA status/);
    expect(model.size).toBeGreaterThan(LEADS * 13);
  });

  it('keeps every user cell, note and attribute, and every part it did not change', async () => {
    expect(await malformedParts(streamed)).toEqual([]);
    expect(await compareRoundTrip(input, streamed)).toEqual({
      changedCells: [],
      lostAttributes: [],
    });
    const [byStream, byWhole] = await Promise.all([
      compareParts(input, streamed),
      compareParts(input, whole),
    ]);
    expect(byStream.same).toEqual(byWhole.same);
    expect(byStream.changed).toEqual(byWhole.changed);
  });

  it('a second run on the result changes no cell of Leads', async () => {
    const again = start(streamed, 'streamed-again');
    const leads = (path: string) =>
      readBook(path).then((wb) => {
        const model = bookModel(wb);
        return new Map([...model].filter(([k]) => k.startsWith('Leads!')));
      });
    const [first, second] = await Promise.all([leads(streamed), leads(again)]);
    expect(differences(first, second)).toEqual([]);
  });
});
