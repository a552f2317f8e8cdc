import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import JSZip from 'jszip';
import { describe, expect, it } from 'vitest';
import { saveXlsx } from '../../../runtime/files/xlsx.ts';
import {
  createRuntime,
  runtimeFromXlsx,
  saveWorkbook,
  workbookFromXlsx,
} from '../../../runtime/index.ts';
import { tempDir } from '../fixtures.ts';

describe('xlsx round trip', () => {
  it('keeps values, dates, formulas, backgrounds, formats, notes, bold, widths, frozen rows, time zone', async () => {
    const rt = createRuntime({ name: 'Pipeline', timeZone: 'America/New_York' });
    const s = rt.addSheet('Leads', [
      ['Lead ID', 'Handed off at', 'Deal value', 'Hot?'],
      ['L1', new Date('2024-03-10T06:30:00Z'), 1234.5, true],
      ['L2', new Date('2024-07-01T16:45:30Z'), '', false],
    ]);
    s.getRange('A1:D1').setFontWeight('bold').setBackground('#D9EAD3');
    s.getRange('B2:B3').setNumberFormat('yyyy-mm-dd hh:mm');
    s.getRange('C2').setNumberFormat('#,##0.00').setNote('estimated');
    s.getRange('D2').setFontColor('#990000');
    s.getRange('E1').setFormula('=SUM(C2:C3)');
    s.setFrozenRows(1);
    s.setColumnWidth(2, 180);
    const rule = {
      ranges: ['A2:D3'],
      criteria: 'CUSTOM_FORMULA',
      values: ['=$D2=TRUE'],
      background: '#f4cccc',
      fontColor: null,
      bold: null,
    };
    const data = rt.toWorkbook();
    data.sheets.find((x) => x.name === 'Leads')!.conditionalFormats = [rule];
    // value cached for the formula cell
    data.sheets.find((x) => x.name === 'Leads')!.values[0]![4] = 1234.5;
    const dir = tempDir();
    const file = join(dir, 'book.xlsx');
    await saveWorkbook(data, file);
    expect(readdirSync(dir)).toEqual(['book.xlsx']);

    const back = await runtimeFromXlsx(file);
    expect(back.spreadsheet.getName()).toBe('Pipeline');
    expect(back.spreadsheet.getSpreadsheetTimeZone()).toBe('America/New_York');
    expect(back.spreadsheet.getSheets().map((x) => x.getName())).toEqual(['Sheet1', 'Leads']);
    const l = back.spreadsheet.getSheetByName('Leads')!;
    const v = l.getRange('A1:E3').getValues();
    expect(v[0]).toEqual(['Lead ID', 'Handed off at', 'Deal value', 'Hot?', 1234.5]);
    expect((v[1]![1] as Date).toISOString()).toBe('2024-03-10T06:30:00.000Z');
    expect((v[2]![1] as Date).toISOString()).toBe('2024-07-01T16:45:30.000Z');
    expect(v[1]!.slice(2)).toEqual([1234.5, true, '']);
    expect(v[2]!.slice(2)).toEqual(['', false, '']);
    expect(l.getRange('E1').getFormula()).toBe('=SUM(C2:C3)');
    expect(l.getRange('A1:E1').getBackgrounds()).toEqual([
      ['#d9ead3', '#d9ead3', '#d9ead3', '#d9ead3', '#ffffff'],
    ]);
    expect(l.getRange('A1:E1').getFontWeights()[0]).toEqual([
      'bold',
      'bold',
      'bold',
      'bold',
      'normal',
    ]);
    expect(l.getRange('B2').getNumberFormat()).toBe('yyyy-mm-dd hh:mm');
    expect(l.getRange('C2').getNumberFormat()).toBe('#,##0.00');
    expect(l.getRange('C3').getNumberFormat()).toBe('0.###############');
    expect(l.getRange('C2').getNote()).toBe('estimated');
    expect(l.getRange('D2').getFontColor()).toBe('#990000');
    expect(l.getFrozenRows()).toBe(1);
    expect(l.getColumnWidth(2)).toBe(180);
    expect(l.getMaxRows()).toBe(1000);
    expect(l.getMaxColumns()).toBe(26);
    const rules = l.getConditionalFormatRules();
    expect(rules).toHaveLength(1);
    expect(rules[0]!.getRanges()[0]!.getA1Notation()).toBe('A2:D3');
    expect(rules[0]!.getBooleanCondition().getCriteriaValues()).toEqual(['=$D2=TRUE']);
    expect(rules[0]!.getBooleanCondition().getBackground()).toBe('#f4cccc');
    expect(l.getRange('B2').getDisplayValue()).toBe('2024-03-10 01:30');
  });

  it('saves a runtime directly and keeps big sheets sized', async () => {
    const rt = createRuntime();
    const s = rt.addSheet(
      'Big',
      Array.from({ length: 1500 }, (_, i) => [i, `n${i}`]),
    );
    s.insertColumnsAfter(26, 4);
    const file = join(tempDir(), 'big.xlsx');
    await saveWorkbook(rt, file);
    const data = await workbookFromXlsx(file);
    const big = data.sheets.find((x) => x.name === 'Big')!;
    expect(big.values).toHaveLength(1500);
    expect(big.maxColumns).toBe(30);
    expect(big.values[1499]).toEqual([1499, 'n1499']);
  });
});

describe('cells as other writers leave them', () => {
  it('reads an empty <v></v> as a blank cell, a shared-string one too', async () => {
    const dir = tempDir();
    const path = join(dir, 'empty-values.xlsx');
    const rt = createRuntime({ timeZone: 'Europe/Paris' });
    rt.addSheet('Leads', [
      ['Lead ID', 'Attempts', 'Name'],
      ['L1', 1, 'Ann'],
    ]);
    await saveWorkbook(rt.spreadsheet, path);
    const zip = await JSZip.loadAsync(readFileSync(path));
    const parts = zip.file(/^xl\/worksheets\/sheet\d+\.xml$/);
    const texts = await Promise.all(parts.map((f) => f.async('string')));
    const at = texts.findIndex((t) => t.includes('r="C2"'));
    const part = parts[at]!.name;
    const xml = texts[at]!.replace(/(<c r="B2"[^>]*>)<v>[^<]*<\/v>/, '$1<v></v>').replace(
      /(<c r="C2"[^>]*t="s"[^>]*>)<v>[^<]*<\/v>/,
      '$1<v></v>',
    );
    expect(xml).toMatch(/<c r="C2"[^>]*t="s"[^>]*><v><\/v>/);
    zip.file(part, xml);
    writeFileSync(path, await zip.generateAsync({ type: 'nodebuffer' }));
    const sheet = (await workbookFromXlsx(path)).sheets.find((s) => s.name === 'Leads')!;
    expect(sheet.values[1]).toEqual(['L1', '', '']);
  });
});

describe('atomic save and clear errors', () => {
  it('leaves no output (and no temp file) when the save fails', async () => {
    const dir = tempDir();
    const file = join(dir, 'out.xlsx');
    const rt = createRuntime();
    await expect(
      saveXlsx(rt.toWorkbook(), file, {
        beforeRename: () => {
          throw new Error('disk full');
        },
      }),
    ).rejects.toThrow(`Cannot save workbook to "${file}": disk full`);
    expect(existsSync(file)).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('keeps the previous file intact when a save fails', async () => {
    const dir = tempDir();
    const file = join(dir, 'out.xlsx');
    const rt = createRuntime();
    rt.addSheet('Keep', [['v1']]);
    await saveWorkbook(rt, file);
    rt.spreadsheet.getSheetByName('Keep')!.getRange('A1').setValue('v2');
    await expect(
      saveXlsx(rt.toWorkbook(), file, { beforeRename: () => Promise.reject(new Error('boom')) }),
    ).rejects.toThrow(/boom/);
    const data = await workbookFromXlsx(file);
    expect(data.sheets.find((s) => s.name === 'Keep')!.values[0]).toEqual(['v1']);
    expect(readdirSync(dir)).toEqual(['out.xlsx']);
  });

  it('names the path when the folder does not exist', async () => {
    const file = join(tempDir(), 'no', 'such', 'dir.xlsx');
    await expect(saveWorkbook(createRuntime(), file)).rejects.toThrow(
      /Cannot save workbook to ".*dir\.xlsx": folder/,
    );
  });

  it('gives a clear error for a missing file', async () => {
    const file = join(tempDir(), 'missing.xlsx');
    await expect(workbookFromXlsx(file)).rejects.toThrow(
      `Cannot open workbook "${file}": file not found.`,
    );
  });

  it('gives a clear error for a corrupt file', async () => {
    const file = join(tempDir(), 'corrupt.xlsx');
    writeFileSync(file, 'this is not a zip file at all');
    await expect(workbookFromXlsx(file)).rejects.toThrow(
      /Cannot read workbook ".*corrupt\.xlsx": not a valid \.xlsx file/,
    );
  });
});
