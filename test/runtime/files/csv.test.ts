import { describe, expect, it } from 'vitest';
import {
  csvCellValue,
  csvDateColumn,
  detectDelimiter,
  parseCsv,
  sheetNameForFile,
} from '../../../runtime/files/csv.ts';

describe('parseCsv (RFC 4180)', () => {
  it('reads quoted fields, doubled quotes, delimiters and line breaks inside quotes', () => {
    const text = 'a,b,c\r\n"x, y","say ""hi""","two\nlines"\r\n1,,3\r\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b', 'c'],
      ['x, y', 'say "hi"', 'two\nlines'],
      ['1', '', '3'],
    ]);
  });

  it('drops a UTF-8 byte-order mark and reads LF, CRLF and a last line without a break', () => {
    expect(parseCsv('\ufeffName\nAnn\r\nBob')).toEqual([['Name'], ['Ann'], ['Bob']]);
  });

  it('keeps blank lines as blank rows and a trailing empty field', () => {
    expect(parseCsv('a,b\n\nc,\n')).toEqual([['a', 'b'], [''], ['c', '']]);
  });

  it('refuses an unclosed quote, naming the line where its record starts', () => {
    expect(() => parseCsv('a,b\n1,2\n"x,3\n4,5\n6,7\n')).toThrow(
      /^line 3: a field opens a quote that is never closed/,
    );
  });

  it('refuses a quote inside an unquoted field and text after a closing quote, naming the line', () => {
    expect(() => parseCsv('a,b\n1,2\nx"y,3\n')).toThrow(/^line 3: a quote inside a field/);
    expect(() => parseCsv('a,b\n"1\n2",2\n"x"y,3\n')).toThrow(
      /^line 4: text follows the closing quote/,
    );
  });

  it('takes the delimiter from the header line, ignoring delimiters inside quotes', () => {
    expect(detectDelimiter('a;b;c\n1,2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc')).toBe('\t');
    expect(detectDelimiter('"x;y;z",b,c')).toBe(',');
    expect(detectDelimiter('single')).toBe(',');
    expect(parseCsv('Lead ID;Note\nL1;"a;b"')).toEqual([
      ['Lead ID', 'Note'],
      ['L1', 'a;b'],
    ]);
  });
});

describe('CSV field types', () => {
  it('reads plain decimals as numbers', () => {
    expect(['0', '0.5', '-2', '12.50', '1200', '123456789012345'].map(csvCellValue)).toEqual([
      0, 0.5, -2, 12.5, 1200, 123456789012345,
    ]);
  });

  it('keeps everything else as text exactly as written', () => {
    const texts = [
      '00123',
      '007',
      '+33 1 23',
      '=1+1',
      '1e5',
      'TRUE',
      '1,5',
      '1 000',
      ' 5',
      '.5',
      '5.',
      '1234567890123456',
      '-',
      '',
    ];
    expect(texts.map(csvCellValue)).toEqual(texts);
  });

  it('types a date column from its text, in the order its values prove', () => {
    const texts = ['20/11/2026 09:30', '03/11/2026', '', 'soon', '04/11/2026', '05/11/2026'];
    const wall = csvDateColumn(texts, 'en_US', 'UTC');
    expect(wall && Array.from(wall)).toEqual([
      Date.UTC(2026, 10, 20, 9, 30),
      Date.UTC(2026, 10, 3),
      Number.NaN,
      Number.NaN,
      Date.UTC(2026, 10, 4),
      Date.UTC(2026, 10, 5),
    ]);
    // one text too many among the dates: the column stays text
    expect(csvDateColumn(['soon', ...texts], 'en_US', 'UTC')).toBeNull();
    expect(csvDateColumn(['Ann', 'Bob', '2026-11-20', 'Chloé', 'Dan'], 'en_US', 'UTC')).toBeNull();
  });

  it('names the sheet after the file, without the characters a sheet name cannot hold', () => {
    expect(sheetNameForFile('team-export')).toBe('team-export');
    expect(sheetNameForFile('leads [2026]: q4/final?')).toBe('leads _2026__ q4_final_');
    expect(sheetNameForFile('a'.repeat(40))).toHaveLength(31);
    expect(sheetNameForFile("''")).toBe('Sheet1');
  });
});
