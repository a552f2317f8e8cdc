import { existsSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import {
  FakeRichTextValueBuilder,
  FakeTextStyleBuilder,
} from '../../../runtime/appsScript/richText.ts';
import { conditionalFormattings } from '../../../runtime/files/excelInternals.ts';
import { STATE_MARK } from '../../../runtime/files/xlsxState.ts';
import { type OpenedWorkbook, openWorkbook } from '../../../runtime/index.ts';
import { readBook, stable } from '../../fixtures/xlsxCompare.ts';
import { tempDir } from '../fixtures.ts';

/** A small workbook: a styled `Data` sheet with two rules, and a `Notes` sheet. */
async function smallBook(dir: string, extra?: (wb: ExcelJS.Workbook) => void): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const data = wb.addWorksheet('Data');
  data.addRow(['Name', 'Amount', 'When']);
  data.addRow(['Ann', 12.5, new Date(Date.UTC(2026, 10, 20, 9, 30))]);
  data.getCell('A2').font = { name: 'Georgia', italic: true };
  data.getCell('A2').border = { left: { style: 'thick' } };
  data.getCell('B2').numFmt = '0.00';
  data.getCell('C2').numFmt = 'yyyy-mm-dd hh:mm';
  data.addConditionalFormatting({
    ref: 'B2:B9',
    rules: [{ type: 'expression', priority: 1, formulae: ['$B2>10'], style: {} }],
  });
  data.addConditionalFormatting({
    ref: 'B2:B9',
    rules: [{ type: 'cellIs', operator: 'lessThan', priority: 2, formulae: ['0'], style: {} }],
  });
  wb.addWorksheet('Notes').addRow(['keep me']);
  extra?.(wb);
  const file = join(dir, 'book.xlsx');
  await wb.xlsx.writeFile(file);
  return file;
}

async function runAndSave(
  file: string,
  out: string,
  run: (opened: OpenedWorkbook) => void,
): Promise<ExcelJS.Workbook> {
  const opened = await openWorkbook(file, { timeZone: 'Europe/Paris' });
  run(opened);
  await opened.save(out);
  return readBook(out);
}

describe('write-back onto the loaded file', () => {
  it('writes a changed attribute alone, keeping the rest of the cell and of the sheet', async () => {
    const dir = tempDir();
    const file = await smallBook(dir);
    const out = join(dir, 'out.xlsx');
    const wb = await runAndSave(file, out, ({ runtime }) => {
      const data = runtime.spreadsheet.getSheetByName('Data')!;
      data.getRange('A2').setBackground('#ffff00');
      data.getRange('D1:D2').setValues([['Checked'], [new Date('2026-11-23T09:00:00Z')]]);
    });
    const before = await readBook(file);
    const a2 = wb.getWorksheet('Data')!.getCell('A2');
    expect(a2.value).toBe('Ann');
    expect(a2.fill).toEqual({ type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFFF00' } });
    expect(stable(a2.font)).toBe(stable(before.getWorksheet('Data')!.getCell('A2').font));
    expect(a2.border).toEqual({ left: { style: 'thick' } });
    const d2 = wb.getWorksheet('Data')!.getCell('D2');
    expect(d2.value).toEqual(new Date(Date.UTC(2026, 10, 23, 10, 0)));
    expect(d2.numFmt).toBe('yyyy-mm-dd hh:mm:ss');
    for (const a1 of ['A1', 'B2', 'C2'])
      expect(stable(wb.getWorksheet('Data')!.getCell(a1).model)).toBe(
        stable(before.getWorksheet('Data')!.getCell(a1).model),
      );
  });

  it('writes rich text, links and errors the run puts in cells as such', async () => {
    const dir = tempDir();
    const file = await smallBook(dir);
    const wb = await runAndSave(file, join(dir, 'out.xlsx'), ({ runtime }) => {
      const sheet = runtime.spreadsheet.getSheetByName('Notes')!;
      const bold = new FakeTextStyleBuilder().setBold(true).build();
      const rich = new FakeRichTextValueBuilder()
        .setText('Ann Lee')
        .setTextStyle(0, 3, bold)
        .setLinkUrl('mailto:ann@example.com')
        .build();
      sheet.getRange('A2').setRichTextValue(rich);
      sheet.getRange('A2').copyTo(sheet.getRange('A3'));
      sheet.getRange('A3').setValue('plain again');
      sheet.errors.set(3, 0, '#REF!');
      sheet.values.set(3, 0, '#REF!');
    });
    const notes = wb.getWorksheet('Notes')!;
    expect(notes.getCell('A2').value).toEqual({
      text: {
        richText: [
          { text: 'Ann', font: { bold: true } },
          { text: ' Lee', font: {} },
        ],
      },
      hyperlink: 'mailto:ann@example.com',
    });
    expect(notes.getCell('A3').value).toBe('plain again');
    expect(notes.getCell('A4').value).toEqual({ error: '#REF!' });
  });

  it('removes deleted sheets, writes new ones whole, follows renames and the tab order', async () => {
    const dir = tempDir();
    const file = await smallBook(dir);
    const wb = await runAndSave(file, join(dir, 'out.xlsx'), ({ runtime }) => {
      const ss = runtime.spreadsheet;
      ss.deleteSheet(ss.getSheetByName('Notes')!);
      const made = ss.insertSheet('Made', 0);
      made.getRange('A1').setValue('new').setFontWeight('bold');
      made.setFrozenRows(1);
      ss.getSheetByName('Data')!.setName('Data 2026');
    });
    const names = wb.worksheets.map((ws) => `${ws.name}:${ws.state}`);
    expect(names).toEqual(['Made:visible', 'Data 2026:visible', '_meta:veryHidden']);
    const made = wb.getWorksheet('Made')!;
    expect(made.getCell('A1').value).toBe('new');
    expect(made.getCell('A1').font).toEqual({ bold: true });
    expect(made.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
  });

  it('replaces only the rules the run replaced; rules it cannot model stay', async () => {
    const dir = tempDir();
    const file = await smallBook(dir);
    const wb = await runAndSave(file, join(dir, 'out.xlsx'), ({ runtime }) => {
      const data = runtime.spreadsheet.getSheetByName('Data')!;
      const rules = data.getConditionalFormatRules();
      expect(rules).toHaveLength(1);
      const next = rules[0]!.copy().whenFormulaSatisfied('=$B2>20').setBackground('#ff0000');
      data.setConditionalFormatRules([next.build()]);
    });
    const cfs = conditionalFormattings(wb.getWorksheet('Data')!);
    expect(cfs.map((cf) => [cf.ref, cf.rules.map((r) => r.type)])).toEqual([
      ['B2:B9', ['cellIs']],
      ['B2:B9', ['expression']],
    ]);
    expect(cfs[1]!.rules[0]).toMatchObject({ formulae: ['$B2>20'], priority: 3 });
  });

  it('refuses, and writes nothing, when the run shifted cells of a sheet from the file', async () => {
    const dir = tempDir();
    const file = await smallBook(dir);
    const out = join(dir, 'out.xlsx');
    const opened = await openWorkbook(file);
    opened.runtime.spreadsheet.getSheetByName('Data')!.insertRowsBefore(2, 1);
    await expect(opened.save(out)).rejects.toThrow(/inserted or deleted rows inside sheet "Data"/);
    expect(existsSync(out)).toBe(false);
  });

  it('appending columns past the used ones is fine', async () => {
    const dir = tempDir();
    const file = await smallBook(dir);
    const wb = await runAndSave(file, join(dir, 'out.xlsx'), ({ runtime }) => {
      const data = runtime.spreadsheet.getSheetByName('Data')!;
      data.insertColumnsAfter(data.getMaxColumns(), 2);
      data.getRange(1, 28).setValue('Far');
    });
    expect(wb.getWorksheet('Data')!.getCell(1, 28).value).toBe('Far');
  });

  it('a second save writes only what changed since the first', async () => {
    const dir = tempDir();
    const file = await smallBook(dir);
    const opened = await openWorkbook(file);
    const data = opened.runtime.spreadsheet.getSheetByName('Data')!;
    data.getRange('A3').setValue('first');
    await opened.save(join(dir, 'one.xlsx'));
    data.getRange('A4').setValue('second');
    await opened.save(join(dir, 'two.xlsx'));
    const two = (await readBook(join(dir, 'two.xlsx'))).getWorksheet('Data')!;
    expect([two.getCell('A3').value, two.getCell('A4').value]).toEqual(['first', 'second']);
    expect(conditionalFormattings(two)).toHaveLength(2);
  });
});

describe('the state sheet', () => {
  it('keeps document properties for the next run, very hidden, documented in the sheet', async () => {
    const dir = tempDir();
    const file = await smallBook(dir);
    const out = join(dir, 'out.xlsx');
    const wb = await runAndSave(file, out, ({ runtime }) => {
      runtime.documentProperties.setProperty(
        'sla.settings',
        '{"version":3,"note":"=not a formula"}',
      );
    });
    const state = wb.getWorksheet('_meta')!;
    expect(state.state).toBe('veryHidden');
    expect(state.getCell('A1').value).toBe(STATE_MARK);
    expect(String(state.getCell('B1').value)).toMatch(/Deleting this sheet only resets them/);
    const again = await openWorkbook(out);
    expect(again.runtime.documentProperties.getProperty('sla.settings')).toBe(
      '{"version":3,"note":"=not a formula"}',
    );
    expect(again.runtime.spreadsheet.getSheets().map((s) => s.getName())).toEqual([
      'Data',
      'Notes',
    ]);
  });

  it('never takes the place of a user sheet named _meta', async () => {
    const dir = tempDir();
    const file = await smallBook(dir, (wb) => wb.addWorksheet('_meta').addRow(['my own notes']));
    const out = join(dir, 'out.xlsx');
    const wb = await runAndSave(file, out, ({ runtime }) => {
      expect(runtime.spreadsheet.getSheetByName('_meta')!.getRange('A1').getValue()).toBe(
        'my own notes',
      );
      runtime.documentProperties.setProperty('k', 'v');
    });
    expect(wb.getWorksheet('_meta')!.getCell('A1').value).toBe('my own notes');
    expect(wb.getWorksheet('_meta')!.state).toBe('visible');
    expect(wb.getWorksheet('_meta 2')!.state).toBe('veryHidden');
    const again = await openWorkbook(out);
    expect(again.runtime.documentProperties.getProperty('k')).toBe('v');
    const names = again.runtime.spreadsheet.getSheets().map((s) => s.getName());
    expect(names).toEqual(['Data', 'Notes', '_meta']);
  });

  it('without it the add-in starts from its defaults (deleting it only resets settings)', async () => {
    const dir = tempDir();
    const out = join(dir, 'out.xlsx');
    await runAndSave(await smallBook(dir), out, ({ runtime }) => {
      runtime.documentProperties.setProperty('sla.settings', '{}');
    });
    const wb = await readBook(out);
    wb.removeWorksheet(wb.getWorksheet('_meta')!.id);
    await wb.xlsx.writeFile(out);
    const again = await openWorkbook(out);
    expect(again.runtime.documentProperties.getKeys()).toEqual([]);
    expect(again.runtime.spreadsheet.getSheetByName('Data')!.getRange('A2').getValue()).toBe('Ann');
  });
});
