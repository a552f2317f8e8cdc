/**
 * CSV input for the offline run: RFC 4180 parsing (quoted fields, doubled quotes, line breaks
 * inside quotes, CRLF or LF), a UTF-8 byte-order mark dropped, and the delimiter (`,` `;` or
 * tab) taken from the header line. The rows become one sheet named after the file.
 */

import { inferDateOrder, localeDateOrder } from '../../src/core/read/dateOrder.ts';
import { parseDateText } from '../../src/core/read/dates.ts';
import { intlZoneClock, MINUTE_MS } from '../../src/core/time/zone.ts';
import type { Cell } from '../appsScript/format.ts';

const DELIMITERS = [',', ';', '\t'] as const;

/** The delimiter used most often outside quotes in the first line (`,` when none is). */
export function detectDelimiter(text: string): string {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]));
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted && counts.has(ch)) counts.set(ch, counts.get(ch)! + 1);
  }
  let best = ',';
  for (const d of DELIMITERS) if (counts.get(d)! > counts.get(best)!) best = d;
  return best;
}

/** Parses CSV text into rows of field texts (exactly as written, quotes removed). */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  let i = 0;
  const endField = (): void => {
    row.push(field);
    field = '';
  };
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"' && field === '') quoted = true;
    else if (ch === delimiter) endField();
    else if (ch === '\r' || ch === '\n') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endField();
      rows.push(row);
      row = [];
    } else field += ch;
    i++;
  }
  if (field !== '' || row.length > 0) {
    endField();
    rows.push(row);
  }
  return rows;
}

/** A plain decimal: optional minus, no leading zero (but `0` and `0.x`), at most 15 digits. */
const PLAIN_DECIMAL = /^-?(0|[1-9]\d*)(\.\d+)?$/;

/**
 * The value a CSV field is read as. Only a plain decimal is a number; everything else stays
 * text exactly as written, because a CSV carries no types and text is lossless:
 * - `00123` (an ID or a postcode) and `+33 1 23` (a phone number) would lose characters;
 * - `=1+1` is text, never a formula (a CSV must not run formulas in the user's workbook);
 * - `1e5` is more often a code than a number in an export, and `TRUE` may be a word: the
 *   add-in's core reads numbers and yes/no answers written as text where it needs them;
 * - more than 15 digits cannot be held exactly by a number.
 */
export function csvCellValue(text: string): Cell {
  if (!PLAIN_DECIMAL.test(text) || text.replace(/\D/g, '').length > 15) return text;
  return Number(text);
}

/**
 * The values a CSV column gets in the sheet the add-in reads. Dates stay text here: the add-in
 * reads them as it reads text dates in Sheets (day-first or month-first per column, else by the
 * locale); `csvDateColumns` turns them into dates in the result file, in that same order.
 */
export function csvOutputColumn(_header: string, texts: readonly string[]): Cell[] {
  return texts.map(csvCellValue);
}

/** A column is a date column when this share of its non-blank values read as dates. */
const DATE_COLUMN_SHARE = 0.8;

/**
 * The result file's date cells of a CSV column: each text value that reads as a date in the
 * column's order (the add-in's rule: core/read/dateOrder.ts), as the wall time Excel shows; null for a
 * column that is not mostly dates, and for cells that do not read as dates (they stay text).
 */
export function csvDateColumn(
  texts: readonly string[],
  locale: string,
  zone: string,
): Array<Date | null> | null {
  const order = inferDateOrder(texts, localeDateOrder(locale));
  const options =
    order.order === null ? { undecided: 'ambiguous' } : { dayFirst: order.order === 'dmy' };
  const clock = intlZoneClock(zone);
  let filled = 0;
  let dates = 0;
  const out = texts.map((t) => {
    if (t.trim() === '' || PLAIN_DECIMAL.test(t)) return null;
    filled++;
    const parsed = parseDateText(t, options.dayFirst ?? true, options.undecided);
    if (typeof parsed === 'string') return null;
    dates++;
    const wallMs =
      parsed.offsetMinutes === null
        ? parsed.wallMs
        : toWallMs(clock, parsed.wallMs - parsed.offsetMinutes * MINUTE_MS);
    return new Date(wallMs);
  });
  return filled > 0 && dates >= filled * DATE_COLUMN_SHARE ? out : null;
}

function toWallMs(clock: ReturnType<typeof intlZoneClock>, instantMs: number): number {
  return instantMs + clock.offsetMinutes(instantMs) * MINUTE_MS;
}

/** The sheet's rows: the header as text, each column through `csvOutputColumn`. */
export function csvSheetRows(rows: readonly string[][]): Cell[][] {
  const header = rows[0] ?? [];
  const body = rows.slice(1);
  const width = Math.max(0, ...rows.map((r) => r.length));
  const columns = Array.from({ length: width }, (_, c) =>
    csvOutputColumn(
      header[c] ?? '',
      body.map((r) => r[c] ?? ''),
    ),
  );
  return [
    Array.from({ length: width }, (_, c) => header[c] ?? ''),
    ...body.map((_, r) => columns.map((col) => col[r] ?? '')),
  ];
}

/** A sheet name for a file name: characters Excel forbids replaced, 31 characters at most. */
export function sheetNameForFile(base: string): string {
  const name = base
    .replace(/[[\]:*?/\\]/g, '_')
    .replace(/^'+|'+$/g, '')
    .slice(0, 31)
    .trim();
  return name === '' ? 'Sheet1' : name;
}
