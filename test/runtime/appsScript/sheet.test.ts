import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../../runtime/index.ts';

function setup() {
  const rt = createRuntime();
  const sheet = rt.addSheet('Leads', [
    ['Lead ID', 'Name', 'Score'],
    ['L1', 'Ann', 30],
    ['L2', 'Bob', 10],
    ['L3', 'Cid', 20],
  ]);
  return { rt, sheet };
}

describe('Range values', () => {
  it('returns deep copies; blanks are empty strings', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 5, 4);
    const v = r.getValues();
    expect(v[4]).toEqual(['', '', '', '']);
    expect(v[1]).toEqual(['L1', 'Ann', 30, '']);
    v[1]![1] = 'changed';
    expect(r.getValues()[1]![1]).toBe('Ann');
    expect(sheet.getRange('B2').getValue()).toBe('Ann');
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getLastColumn()).toBe(3);
    expect(sheet.getDataRange().getA1Notation()).toBe('A1:C4');
  });

  it('throws like Sheets on wrong shapes', () => {
    const { sheet } = setup();
    const r = sheet.getRange(1, 1, 2, 2);
    expect(() => r.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      r.setValues([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
    expect(() => r.setValues([[1, 2], [3]])).toThrow('The data has 1 but the range has 2.');
    expect(() => r.setValues([1, 2] as unknown as unknown[][])).toThrow(
      "The parameters (number[]) don't match the method signature for SpreadsheetApp.Range.setValues.",
    );
    expect(() => r.setValues('x' as unknown as unknown[][])).toThrow(
      /don't match the method signature/,
    );
    expect(() => r.setBackgrounds([['#fff']])).toThrow('The number of rows in the data');
  });

  it('stores dates, booleans and numbers; setValue fills every cell', () => {
    const { sheet } = setup();
    const d = new Date('2024-05-06T07:08:09Z');
    sheet.getRange('D1:E2').setValues([
      [d, true],
      [-0, null],
    ]);
    const v = sheet.getRange('D1:E2').getValues();
    expect(v[0]![0]).toBeInstanceOf(Date);
    expect((v[0]![0] as Date).getTime()).toBe(d.getTime());
    expect(v[0]![1]).toBe(true);
    expect(Object.is(v[1]![0], 0)).toBe(true);
    expect(v[1]![1]).toBe('');
    sheet.getRange('F1:G2').setValue(7);
    expect(sheet.getRange('F1:G2').getValues()).toEqual([
      [7, 7],
      [7, 7],
    ]);
  });

  it('a Date mutated after reading does not change the sheet', () => {
    const { sheet } = setup();
    sheet.getRange('D2').setValue(new Date('2024-01-01T00:00:00Z'));
    const d = sheet.getRange('D2').getValue() as Date;
    d.setUTCFullYear(1999);
    expect((sheet.getRange('D2').getValue() as Date).toISOString()).toBe(
      '2024-01-01T00:00:00.000Z',
    );
    const w = new Date('2024-02-02T00:00:00Z');
    sheet.getRange('D3').setValues([[w]]);
    w.setUTCFullYear(2000);
    expect((sheet.getRange('D3').getValues()[0]![0] as Date).toISOString()).toBe(
      '2024-02-02T00:00:00.000Z',
    );
  });

  it('turns "=..." strings into formulas (injection evidence), keeps escaped text', () => {
    const { rt, sheet } = setup();
    sheet.getRange('A6:D6').setValues([['=HYPERLINK("x")', "'=1+1", '-abc', '-12.5']]);
    expect(sheet.getRange('A6:D6').getFormulas()).toEqual([['=HYPERLINK("x")', '', '=-abc', '']]);
    expect(sheet.getRange('A6:D6').getValues()).toEqual([['', '=1+1', '', '-12.5']]);
    expect(rt.formulaWrites.map((w) => w.a1)).toEqual(['A6', 'C6']);
    sheet.getRange('A7').setNumberFormat('@').setValue('=SUM(1)');
    expect(sheet.getRange('A7').getFormula()).toBe('');
    expect(sheet.getRange('A7').getValue()).toBe('=SUM(1)');
    sheet.getRange('A6').setValue('plain');
    expect(sheet.getRange('A6').getFormula()).toBe('');
    sheet.getRange('B8').setFormula('=A1');
    expect(sheet.getRange('B8').getFormulas()).toEqual([['=A1']]);
    expect(sheet.getLastRow()).toBe(8);
  });

  it('display values follow number formats and the spreadsheet time zone', () => {
    const { rt, sheet } = setup();
    rt.spreadsheet.setSpreadsheetTimeZone('Europe/Paris');
    const r = sheet.getRange('E1:E6');
    r.setValues([[1234.5], [0.257], [new Date('2024-07-01T08:05:00Z')], [true], [3], ['txt']]);
    r.setNumberFormats([['#,##0.00'], ['0.0%'], ['yyyy-mm-dd hh:mm'], ['0'], ['"€"#,##0'], ['@']]);
    expect(r.getDisplayValues()).toEqual([
      ['1,234.50'],
      ['25.7%'],
      ['2024-07-01 10:05'],
      ['TRUE'],
      ['€3'],
      ['txt'],
    ]);
    expect(sheet.getRange('F1').getNumberFormat()).toBe('0.###############');
  });
});

describe('formats, notes and clearing', () => {
  it('stores colours lower-case, resets with null, keeps notes and weights', () => {
    const { sheet } = setup();
    const r = sheet.getRange('A1:B2');
    expect(r.getBackgrounds()).toEqual([
      ['#ffffff', '#ffffff'],
      ['#ffffff', '#ffffff'],
    ]);
    r.setBackground('#F4CCCC');
    expect(r.getBackground()).toBe('#f4cccc');
    r.setBackgrounds([
      ['#ABC', null],
      ['red', '#EA9999'],
    ]);
    expect(r.getBackgrounds()).toEqual([
      ['#aabbcc', '#ffffff'],
      ['#ff0000', '#ea9999'],
    ]);
    r.setBackground(null);
    expect(r.getBackground()).toBe('#ffffff');
    r.setNote('hello');
    expect(r.getNotes()).toEqual([
      ['hello', 'hello'],
      ['hello', 'hello'],
    ]);
    r.setNotes([
      ['a', null],
      ['', 'd'],
    ]);
    expect(r.getNotes()).toEqual([
      ['a', ''],
      ['', 'd'],
    ]);
    sheet.getRange('A1:C1').setFontWeight('bold');
    expect(sheet.getRange('A1:D1').getFontWeights()).toEqual([['bold', 'bold', 'bold', 'normal']]);
    r.clearFormat();
    expect(r.getBackgrounds()[1]).toEqual(['#ffffff', '#ffffff']);
    expect(r.getValues()[1]).toEqual(['L1', 'Ann']);
    r.clearContent();
    expect(r.getValues()[1]).toEqual(['', '']);
  });
});

describe('sheet structure', () => {
  it('sort really moves rows with their backgrounds and notes, below frozen rows', () => {
    const { sheet } = setup();
    sheet.setFrozenRows(1);
    sheet.getRange('C2').setBackground('#ff0000');
    sheet.getRange('C3').setNote('bob');
    sheet.sort(3);
    expect(sheet.getRange('A1:C4').getValues()).toEqual([
      ['Lead ID', 'Name', 'Score'],
      ['L2', 'Bob', 10],
      ['L3', 'Cid', 20],
      ['L1', 'Ann', 30],
    ]);
    expect(sheet.getRange('C4').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('C2').getNote()).toBe('bob');
    sheet.sort(2, false);
    expect(sheet.getRange('B2:B4').getValues()).toEqual([['Cid'], ['Bob'], ['Ann']]);
    expect(sheet.getRange('C4').getBackground()).toBe('#ff0000');
    expect(sheet.getRange('C3').getNote()).toBe('bob');
  });

  it('sorts blanks last, numbers before text, case-insensitively; Range.sort', () => {
    const rt = createRuntime();
    const s = rt.addSheet('S', [['b'], [''], [2], ['A'], [1]]);
    s.getRange('A1:A5').sort(1);
    expect(s.getRange('A1:A5').getValues()).toEqual([[1], [2], ['A'], ['b'], ['']]);
    s.getRange('A1:A5').sort({ column: 1, ascending: false });
    expect(s.getRange('A1:A5').getValues()).toEqual([['b'], ['A'], [2], [1], ['']]);
  });

  it('inserts and deletes rows and columns, moving content', () => {
    const { sheet } = setup();
    sheet.insertRowsAfter(1, 2);
    expect(sheet.getMaxRows()).toBe(1002);
    expect(sheet.getRange('A2:A4').getValues()).toEqual([[''], [''], ['L1']]);
    sheet.insertRowBefore(1);
    expect(sheet.getRange('A2').getValue()).toBe('Lead ID');
    sheet.deleteRows(1, 3);
    expect(sheet.getRange('A1:A3').getValues()).toEqual([[''], ['L1'], ['L2']]);
    sheet.deleteRow(1);
    expect(sheet.getMaxRows()).toBe(999);
    sheet.insertColumnsAfter(1, 1);
    expect(sheet.getRange('A1:C1').getValues()).toEqual([['L1', '', 'Ann']]);
    expect(sheet.getMaxColumns()).toBe(27);
    sheet.deleteColumns(2, 1);
    expect(sheet.getRange('A1:B1').getValues()).toEqual([['L1', 'Ann']]);
    sheet.appendRow(['L9', 'Zed', 1]);
    expect(sheet.getLastRow()).toBe(4);
    expect(sheet.getRange('A4:C4').getValues()).toEqual([['L9', 'Zed', 1]]);
    expect(() => sheet.deleteRows(1, 999)).toThrow(
      'Sorry, it is not possible to delete all non-frozen rows.',
    );
  });

  it('appendRow grows a full sheet', () => {
    const rt = createRuntime();
    const s = rt.spreadsheet.insertSheet('Tiny');
    s.deleteRows(3, 998);
    s.getRange('A1:A2').setValues([[1], [2]]);
    s.appendRow([3]);
    expect(s.getMaxRows()).toBe(3);
    expect(s.getRange('A3').getValue()).toBe(3);
  });

  it('manages sheets like Sheets does', () => {
    const rt = createRuntime();
    const ss = rt.spreadsheet;
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    const a = ss.insertSheet('Leads');
    expect(ss.getActiveSheet().getName()).toBe('Leads');
    expect(() => ss.insertSheet('leads')).toThrow(
      'A sheet with the name "leads" already exists. Please enter another name.',
    );
    ss.insertSheet('First', 0);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['First', 'Sheet1', 'Leads']);
    expect(a.getIndex()).toBe(3);
    expect(ss.getSheetByName('LEADS')).toBe(a);
    expect(ss.getSheetByName('none')).toBeNull();
    ss.deleteSheet(a);
    expect(ss.getSheetByName('Leads')).toBeNull();
    expect(() => a.getRange('A1')).toThrow(/deleted/);
    ss.deleteSheet(ss.getSheetByName('First')!);
    expect(() => ss.deleteSheet(ss.getSheetByName('Sheet1')!)).toThrow(
      "You can't remove all the sheets in a document.",
    );
    expect(ss.getUrl()).toMatch(/^https:\/\/docs\.google\.com\/spreadsheets\/d\//);
    ss.toast('Done', 'SLA', 3);
    expect(rt.ui.toasts).toEqual([{ message: 'Done', title: 'SLA', timeoutSeconds: 3 }]);
  });

  it('keeps conditional format rules, charts, widths and frozen rows', () => {
    const rt = createRuntime();
    const sheet = rt.addSheet('Leads', [['a']]);
    sheet.setColumnWidth(2, 180);
    sheet.setColumnWidths(3, 2, 90);
    expect([sheet.getColumnWidth(1), sheet.getColumnWidth(2), sheet.getColumnWidth(4)]).toEqual([
      100, 180, 90,
    ]);
    sheet.setFrozenRows(1);
    expect(sheet.getFrozenRows()).toBe(1);
    const chart = sheet
      .newChart()
      .asColumnChart()
      .addRange(sheet.getRange('A1:B3'))
      .setPosition(5, 5, 0, 0)
      .setOption('title', 'T')
      .build();
    sheet.insertChart(chart);
    expect(sheet.getCharts()).toHaveLength(1);
    expect(sheet.getCharts()[0]!.getOptions().get('title')).toBe('T');
    sheet.removeChart(chart);
    expect(sheet.getCharts()).toHaveLength(0);
    sheet.hideColumns(3);
    expect(sheet.isColumnHiddenByUser(3)).toBe(true);
  });
});
