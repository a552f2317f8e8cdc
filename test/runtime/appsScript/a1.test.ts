import { describe, expect, it } from 'vitest';
import {
  a1Notation,
  columnToLetters,
  lettersToColumn,
  parseA1,
} from '../../../runtime/appsScript/a1.ts';
import { createRuntime } from '../../../runtime/index.ts';

describe('A1 notation', () => {
  it('converts columns both ways, multi-letter included', () => {
    expect(columnToLetters(1)).toBe('A');
    expect(columnToLetters(26)).toBe('Z');
    expect(columnToLetters(27)).toBe('AA');
    expect(columnToLetters(702)).toBe('ZZ');
    expect(columnToLetters(703)).toBe('AAA');
    expect(columnToLetters(16384)).toBe('XFD');
    for (const n of [1, 2, 25, 26, 27, 52, 53, 701, 702, 703, 16384]) {
      expect(lettersToColumn(columnToLetters(n))).toBe(n);
    }
  });

  it.each([
    ['A1', { sheetName: null, row: 1, col: 1, endRow: 1, endCol: 1 }],
    ['$B$3', { sheetName: null, row: 3, col: 2, endRow: 3, endCol: 2 }],
    ['A1:C10', { sheetName: null, row: 1, col: 1, endRow: 10, endCol: 3 }],
    ['C10:A1', { sheetName: null, row: 1, col: 1, endRow: 10, endCol: 3 }],
    ['A:A', { sheetName: null, row: 1, col: 1, endRow: null, endCol: 1 }],
    ['B:D', { sheetName: null, row: 1, col: 2, endRow: null, endCol: 4 }],
    ['A2:C', { sheetName: null, row: 2, col: 1, endRow: null, endCol: 3 }],
    ['1:3', { sheetName: null, row: 1, col: 1, endRow: 3, endCol: null }],
    ['aa10', { sheetName: null, row: 10, col: 27, endRow: 10, endCol: 27 }],
    ['XFD1', { sheetName: null, row: 1, col: 16384, endRow: 1, endCol: 16384 }],
    ["'My Sheet'!A1:B2", { sheetName: 'My Sheet', row: 1, col: 1, endRow: 2, endCol: 2 }],
    ["'It''s'!B2", { sheetName: "It's", row: 2, col: 2, endRow: 2, endCol: 2 }],
    ['Leads!$A$2:$C', { sheetName: 'Leads', row: 2, col: 1, endRow: null, endCol: 3 }],
  ])('parses %s', (a1, expected) => {
    expect(parseA1(a1)).toEqual(expected);
  });

  it.each([
    '',
    'A0',
    '1A',
    'A1:',
    ':B2',
    'A1:B2:C3',
    'A-1',
    "'Unclosed!A1",
    '!A1',
    'ZZZZ1',
    'A1.5',
  ])('rejects %j with "Range not found"', (a1) => {
    expect(() => parseA1(a1)).toThrow('Range not found');
  });

  it('formats notations', () => {
    expect(a1Notation(1, 1, 1, 1)).toBe('A1');
    expect(a1Notation(2, 3, 10, 2)).toBe('C2:D11');
  });

  it('resolves ranges on sheets (open-ended to max rows, qualified names, errors)', () => {
    const rt = createRuntime();
    const sheet = rt.spreadsheet.insertSheet('My Sheet');
    expect(sheet.getMaxRows()).toBe(1000);
    expect(sheet.getMaxColumns()).toBe(26);
    const r = sheet.getRange('A2:C');
    expect([r.getRow(), r.getColumn(), r.getNumRows(), r.getNumColumns()]).toEqual([2, 1, 999, 3]);
    expect(r.getA1Notation()).toBe('A2:C');
    const whole = sheet.getRange('B:B');
    expect([whole.getRow(), whole.getNumRows(), whole.getNumColumns()]).toEqual([1, 1000, 1]);
    const rows = sheet.getRange('2:3');
    expect([rows.getRow(), rows.getNumRows(), rows.getColumn(), rows.getNumColumns()]).toEqual([
      2, 2, 1, 26,
    ]);
    const q = rt.spreadsheet.getRange("'My Sheet'!B2:C4");
    expect(q.getSheet().getName()).toBe('My Sheet');
    expect(q.getA1Notation()).toBe('B2:C4');
    expect(() => rt.spreadsheet.getRange("'Nope'!A1")).toThrow('Range not found');
    expect(() => sheet.getRange('A1001')).toThrow('Range not found');
    expect(() => sheet.getRange('AA1')).toThrow('Range not found');
    expect(() => sheet.getRange(0, 1)).toThrow('The starting row of the range is too small.');
    expect(() => sheet.getRange(1, 0)).toThrow('The starting column of the range is too small.');
    expect(() => sheet.getRange(1, 1, 0)).toThrow(
      'The number of rows in the range must be at least 1.',
    );
    expect(() => sheet.getRange(1, 1, 1, 0)).toThrow(
      'The number of columns in the range must be at least 1.',
    );
    expect(() => sheet.getRange(999, 1, 5, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(sheet.getRange(2, 3).getA1Notation()).toBe('C2');
    expect(sheet.getRange(2, 3, 4).getA1Notation()).toBe('C2:C5');
    expect(sheet.getRange(2, 3, 4, 2).getA1Notation()).toBe('C2:D5');
  });
});
