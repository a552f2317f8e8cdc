import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type OpenedWorkbook, openWorkbook } from '../../../runtime/index.ts';
import { excelLikePackage } from '../../fixtures/excelLikePackage.ts';
import { compareParts, malformedParts, partText, readBook } from '../../fixtures/xlsxCompare.ts';
import { tempDir } from '../fixtures.ts';

/** The Excel-like package, a run on it (no add-in: the runtime's API), and the result. */
async function runOnPackage(run: (opened: OpenedWorkbook) => void) {
  const dir = tempDir();
  const input = join(dir, 'book.xlsx');
  writeFileSync(input, await excelLikePackage());
  const opened = await openWorkbook(input, { timeZone: 'Europe/Paris' });
  run(opened);
  const output = join(dir, 'out.xlsx');
  await opened.save(output);
  expect(await malformedParts(output)).toEqual([]);
  return { input, output, parts: await compareParts(input, output) };
}

const notesOf = (o: OpenedWorkbook) => o.runtime.spreadsheet.getSheetByName('Notes')!;

describe('the kept package', () => {
  it('a run that changes nothing keeps every part but those listing the state sheet it adds', async () => {
    const { parts } = await runOnPackage(() => undefined);
    expect(parts.changed).toEqual([
      '[Content_Types].xml',
      'xl/_rels/workbook.xml.rels',
      'xl/sharedStrings.xml',
      'xl/workbook.xml',
    ]);
    expect(parts.same).toEqual(expect.arrayContaining(['xl/styles.xml', 'xl/calcChain.xml']));
    expect(parts.removed).toEqual([]);
    expect(parts.added).toEqual(['xl/worksheets/sheet3.xml']); // the state sheet
  });

  it('a deleted sheet goes with the parts only it used, and the names scoped to it', async () => {
    const { input, output, parts } = await runOnPackage((o) => {
      o.runtime.spreadsheet.deleteSheet(notesOf(o));
    });
    expect(parts.removed).toEqual([
      'xl/calcChain.xml',
      'xl/comments2.xml',
      'xl/drawings/vmlDrawing2.vml',
      'xl/worksheets/_rels/sheet2.xml.rels',
      'xl/worksheets/sheet2.xml',
    ]);
    expect(parts.same).toContain('xl/worksheets/sheet1.xml');
    const workbook = await partText(output, 'xl/workbook.xml');
    expect(workbook).not.toMatch(/Notes|Print_Area/);
    expect(workbook).toMatch(/activeTab="0"/);
    expect(await partText(output, '[Content_Types].xml')).not.toMatch(/comments2|sheet2/);
    expect(await partText(input, '[Content_Types].xml')).toMatch(/comments2/);
  });

  it('a sheet renamed, hidden, coloured, frozen, merged and widened keeps what the run left alone', async () => {
    const { input, output, parts } = await runOnPackage((o) => {
      const notes = notesOf(o);
      notes.setName('Team notes');
      notes.setTabColor('#ff0000');
      notes.setFrozenRows(1);
      notes.getRange('A4:B4').merge();
      notes.setColumnWidth(2, 140);
      notes.hideSheet();
    });
    expect(parts.changed).toContain('xl/worksheets/sheet2.xml');
    const wb = await readBook(output);
    const ws = wb.getWorksheet('Team notes')!;
    expect(ws.state).toBe('hidden');
    expect(ws.properties.tabColor).toEqual({ argb: 'FFFF0000' });
    expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(ws.getColumn(2).width).toBeCloseTo(20);
    expect(ws.getCell('A4').isMerged).toBe(true);
    const before = await partText(input, 'xl/worksheets/sheet2.xml');
    const after = await partText(output, 'xl/worksheets/sheet2.xml');
    for (const kept of [
      /<sheetData>[\s\S]*<\/sheetData>/,
      /<sheetProtection[^>]*\/>/,
      /<legacyDrawing[^>]*\/>/,
    ])
      expect(after).toContain(kept.exec(before)![0]);
    expect(parts.same).toEqual(
      expect.arrayContaining(['xl/comments2.xml', 'xl/drawings/vmlDrawing2.vml']),
    );
  });

  it("a hidden sheet whose name needs escaping stays hidden (John's <notes> & more)", async () => {
    const name = "John's <notes> & more";
    const { output } = await runOnPackage((o) => {
      const notes = notesOf(o);
      notes.setName(name);
      notes.hideSheet();
    });
    expect((await readBook(output)).getWorksheet(name)!.state).toBe('hidden');
  });

  it("a run that only colours the file's text cells adds no string to the file's table", async () => {
    const strings = async (output: string) =>
      (await partText(output, 'xl/sharedStrings.xml')).match(/<si>/g)?.length ?? 0;
    const plain = await runOnPackage(() => undefined);
    const coloured = await runOnPackage((o) => {
      notesOf(o).getRange('A1:B3').setBackground('#fff2cc');
    });
    expect(coloured.parts.changed).toContain('xl/worksheets/sheet2.xml');
    expect(await strings(coloured.output)).toBe(await strings(plain.output));
  });

  it('a link and a note the run writes in a file sheet are in the result', async () => {
    const { output } = await runOnPackage((o) => {
      const notes = notesOf(o);
      notes.getRange('B1').setFormula('=1+1');
      notes.getRange('B2').setValue('see the site');
      const range = notes.getRange('B2');
      range.setRichTextValue(
        range.getRichTextValue()!.copy().setLinkUrl('https://example.com/').build(),
      );
      notes.getRange('A2').setNote('checked by the run');
      notes.getRange('A6').setValue('a row the file did not have');
    });
    const ws = (await readBook(output)).getWorksheet('Notes')!;
    expect(ws.getCell('B2').hyperlink).toBe('https://example.com/');
    expect(JSON.stringify(ws.getCell('B2').value)).toContain('"text":"see the site"');
    expect(ws.getCell('B1').formula).toBe('1+1');
    expect(ws.getCell('A2').note).toBe('checked by the run');
    expect(ws.getCell('A1').value).toBe('Team notes');
    expect(ws.getCell('A6').value).toBe('a row the file did not have');
    // ExcelJS's row attributes in a namespace this sheet does not declare are left out
    const sheet = await partText(output, 'xl/worksheets/sheet2.xml');
    expect(sheet).toMatch(/<row r="6"[^>]*>/);
    expect(sheet).not.toMatch(/x14ac:/);
  });
});
