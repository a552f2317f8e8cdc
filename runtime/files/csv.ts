/**
 * CSV input for the offline run, parsed by csv-parse (the node-csv project) with strict
 * quotes: a quote that is never closed, or a quote inside a field that does not start with
 * one, is refused with the line named, never read as text that swallows the lines after it.
 * The delimiter (`,` `;` or tab) is the one the header line uses most outside quotes. A row
 * with more filled fields than the header is kept whole (its extra fields go past the
 * header's columns) and reported.
 */
import { CsvError, type InfoRecord } from 'csv-parse';
import { parse } from 'csv-parse/sync';
import { inferDateOrder, localeDateOrder } from '../../src/core/read/dateOrder.ts';
import { parseDateText } from '../../src/core/read/dates.ts';
import { intlZoneClock, MINUTE_MS } from '../../src/core/time/zone.ts';
import type { Cell } from '../appsScript/format.ts';

const DELIMITERS = [',', ';', '\t'] as const;

export const DELIMITER_NAMES: Readonly<Record<string, string>> = {
  ',': 'comma',
  ';': 'semicolon',
  '\t': 'tab',
};

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
 * Dates stay text too: the add-in reads them as it reads text dates in Sheets (day-first or
 * month-first per column, else by the locale); `csvDateColumn` turns them into dates in the
 * result file, in that same order.
 */
export function csvCellValue(text: string): Cell {
  if (!PLAIN_DECIMAL.test(text) || text.replace(/\D/g, '').length > 15) return text;
  return Number(text);
}

/** A row with more filled fields than the header: the line it starts on and its field count. */
export interface LongRow {
  line: number;
  fields: number;
}

/**
 * Collects csv-parse's records as the sheet's rows: the header as text, every other field
 * through `csvCellValue`; remembers the line each record starts on, for the reports.
 */
export class CsvRows {
  readonly rows: Cell[][] = [];
  readonly longRows: LongRow[] = [];
  headerWidth = 0;
  /** The line the next record starts on (1-based). */
  nextLine = 1;

  readonly onRecord = (record: string[], info: InfoRecord): null => {
    const line = this.nextLine;
    this.nextLine = info.lines + 1;
    if (this.rows.length === 0) {
      this.headerWidth = record.length;
      this.rows.push(record);
      return null;
    }
    if (record.length > this.headerWidth && record.slice(this.headerWidth).some((f) => f !== ''))
      this.longRows.push({ line, fields: record.length });
    const row: Cell[] = record;
    for (let i = 0; i < record.length; i++) row[i] = csvCellValue(record[i]!);
    this.rows.push(row);
    return null;
  };

  /** What csv-parse refused, said with the line to fix. */
  problem(error: unknown): Error {
    if (!(error instanceof CsvError))
      return error instanceof Error ? error : new Error(String(error));
    const line = error.code === 'CSV_QUOTE_NOT_CLOSED' ? this.nextLine : error.lines;
    const what: Record<string, string> = {
      CSV_QUOTE_NOT_CLOSED:
        'a field opens a quote that is never closed, so every line after it would be read into that one field',
      INVALID_OPENING_QUOTE:
        'a quote inside a field that does not start with one: quote the whole field and double its quotes ("5"" screen")',
      CSV_INVALID_CLOSING_QUOTE:
        'text follows the closing quote of a field: quote the whole field and double its quotes',
    };
    return new Error(`line ${line}: ${what[error.code] ?? error.message}`, { cause: error });
  }
}

/** The options every CSV is parsed with (strict quotes; rows of any width, reported). */
export function csvParseOptions(delimiter: string, rows: CsvRows) {
  return {
    delimiter,
    // any line break, even mixed in one file (a row pasted from another export)
    record_delimiter: ['\r\n', '\n', '\r'],
    relax_column_count: true,
    relax_quotes: false,
    skip_empty_lines: false,
    on_record: rows.onRecord,
  };
}

/** Parses CSV text into rows of field texts (as written, quotes removed); throws naming the line. */
export function parseCsv(input: string, delimiter = detectDelimiter(input)): string[][] {
  const text = input.charCodeAt(0) === 0xfeff ? input.slice(1) : input;
  const rows: string[][] = [];
  const lines = new CsvRows();
  try {
    parse(text, {
      ...csvParseOptions(delimiter, lines),
      on_record: (record: string[], info: InfoRecord) => {
        lines.nextLine = info.lines + 1;
        rows.push(record);
        return null;
      },
    });
  } catch (error) {
    throw lines.problem(error);
  }
  return rows;
}

/** A column is a date column when this share of its non-blank values read as dates. */
const DATE_COLUMN_SHARE = 0.8;

const isDateCandidate = (t: string): boolean => t.trim() !== '' && !PLAIN_DECIMAL.test(t);

/**
 * True when at least DATE_COLUMN_SHARE of the candidates read as dates in some order; it stops
 * at the first failure too many (most columns of an export are not dates).
 */
function mostlyDates(texts: readonly string[]): boolean {
  let filled = 0;
  for (const t of texts) if (isDateCandidate(t)) filled++;
  const allowed = filled - Math.ceil(filled * DATE_COLUMN_SHARE);
  let failures = 0;
  for (const t of texts) {
    if (!isDateCandidate(t) || typeof parseDateText(t) !== 'string') continue;
    if (++failures > allowed) return false;
  }
  return filled > 0;
}

/**
 * The result file's date cells of a CSV column: each text value that reads as a date in the
 * column's order (the add-in's rule: core/read/dateOrder.ts), as the wall time Excel shows in
 * milliseconds (NaN where a value does not read as a date: it stays text); null for a column
 * that is not mostly dates.
 */
export function csvDateColumn(
  texts: readonly string[],
  locale: string,
  zone: string,
): Float64Array | null {
  if (!mostlyDates(texts)) return null;
  const order = inferDateOrder(texts, localeDateOrder(locale));
  const options =
    order.order === null ? { undecided: 'ambiguous' } : { dayFirst: order.order === 'dmy' };
  const clock = intlZoneClock(zone);
  const out = new Float64Array(texts.length).fill(Number.NaN);
  let filled = 0;
  let dates = 0;
  texts.forEach((t, i) => {
    if (!isDateCandidate(t)) return;
    filled++;
    const parsed = parseDateText(t, options.dayFirst ?? true, options.undecided);
    if (typeof parsed === 'string') return;
    dates++;
    out[i] =
      parsed.offsetMinutes === null
        ? parsed.wallMs
        : toWallMs(clock, parsed.wallMs - parsed.offsetMinutes * MINUTE_MS);
  });
  return dates >= filled * DATE_COLUMN_SHARE ? out : null;
}

function toWallMs(clock: ReturnType<typeof intlZoneClock>, instantMs: number): number {
  return instantMs + clock.offsetMinutes(instantMs) * MINUTE_MS;
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
