import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readCsvFile } from '../../../runtime/files/csvFile.ts';
import { tempDir } from '../fixtures.ts';

const dir = tempDir();
let files = 0;

function csvFile(bytes: Buffer): string {
  const path = join(dir, `export-${++files}.csv`);
  writeFileSync(path, bytes);
  return path;
}

/** UTF-16 bytes of `text`, little- or big-endian, after a byte-order mark. */
function utf16(text: string, endian: 'LE' | 'BE'): Buffer {
  const le = Buffer.from(`\ufeff${text}`, 'utf16le');
  return endian === 'LE' ? le : Buffer.from(le).swap16();
}

/** Windows-1252 bytes (what Excel's "CSV" writes on a Western Windows). */
function windows1252(text: string): Buffer {
  const special: Record<string, number> = { '€': 0x80, '’': 0x92, '—': 0x97 };
  return Buffer.from(Array.from(text, (ch) => special[ch] ?? ch.charCodeAt(0)));
}

const LEADS = 'Lead ID;Owner;Note\nL1;Chloé Roux;5 €\nL2;Zoë;l’offre — oui\n';
const ROWS = [
  ['Lead ID', 'Owner', 'Note'],
  ['L1', 'Chloé Roux', '5 €'],
  ['L2', 'Zoë', 'l’offre — oui'],
];

describe('readCsvFile: encodings', () => {
  it('reads UTF-8, with or without a byte-order mark', async () => {
    for (const bytes of [Buffer.from(LEADS), Buffer.from(`\ufeff${LEADS}`)]) {
      const read = await readCsvFile(csvFile(bytes));
      expect(read).toMatchObject({ encoding: 'UTF-8', delimiter: 'semicolon', dataRows: 2 });
      expect(read.rows).toEqual(ROWS);
    }
  });

  it('reads a Windows-1252 export with its accents, quotes and euro signs', async () => {
    const read = await readCsvFile(csvFile(windows1252(LEADS)));
    expect(read.encoding).toBe('Windows-1252');
    expect(read.rows).toEqual(ROWS);
  });

  it("reads Excel's Unicode text (UTF-16 LE, tab-separated) and UTF-16 BE", async () => {
    const tabs = LEADS.replaceAll(';', '\t').replaceAll('\n', '\r\n');
    for (const endian of ['LE', 'BE'] as const) {
      const read = await readCsvFile(csvFile(utf16(tabs, endian)));
      expect(read).toMatchObject({ encoding: `UTF-16 ${endian}`, delimiter: 'tab', width: 3 });
      expect(read.rows).toEqual(ROWS);
    }
  });

  it('refuses UTF-16 without a byte-order mark rather than reading NUL-filled headers', async () => {
    const bare = Buffer.from(LEADS, 'utf16le');
    await expect(readCsvFile(csvFile(bare))).rejects.toThrow(/NUL characters/);
  });
});

describe('readCsvFile: a broken CSV never loses rows silently', () => {
  it('refuses an unclosed quote, naming the file and the line, whatever the encoding', async () => {
    const broken = 'Lead ID,Name\nL1,Ann\nL2,"Bob\nL3,Chloé\nL4,Dan\n';
    for (const bytes of [Buffer.from(broken), windows1252(broken)]) {
      const path = csvFile(bytes);
      await expect(readCsvFile(path)).rejects.toThrow(
        `Cannot read "${path}": line 3: a field opens a quote that is never closed`,
      );
    }
  });

  it('keeps a row with more fields than the header, and reports its line', async () => {
    const text = 'Lead ID,Name\nL1,Ann\nL2,Lee, Bob\nL3,Chloé,\n';
    const read = await readCsvFile(csvFile(Buffer.from(text)));
    expect(read.rows).toEqual([
      ['Lead ID', 'Name'],
      ['L1', 'Ann'],
      ['L2', 'Lee', ' Bob'],
      ['L3', 'Chloé', ''],
    ]);
    expect(read.width).toBe(3);
    // an empty extra field (a trailing delimiter) loses nothing: not reported
    expect(read.longRows).toEqual([{ line: 3, fields: 3 }]);
  });

  it('types the fields: plain decimals become numbers, the header and the rest stay text', async () => {
    const read = await readCsvFile(csvFile(Buffer.from('ID,2026\n00123,42\n7,=1+1\n')));
    expect(read.rows).toEqual([
      ['ID', '2026'],
      ['00123', 42],
      [7, '=1+1'],
    ]);
  });
});
