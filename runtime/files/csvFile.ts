/**
 * A CSV file read into the rows of a sheet, in a stream: its encoding detected
 * (csvEncoding.ts), its delimiter taken from the header line, its records parsed by csv-parse
 * as they are decoded, each row typed as it comes (csv.ts). Nothing but the rows is held.
 */
import { createReadStream } from 'node:fs';
import { pipeline } from 'node:stream/promises';
import { parse } from 'csv-parse';
import type { Cell } from '../appsScript/format.ts';
import { CsvRows, csvParseOptions, DELIMITER_NAMES, detectDelimiter, type LongRow } from './csv.ts';
import { type CsvEncoding, decoderFor, detectFileEncoding, readHead } from './csvEncoding.ts';

/** What a CSV file held, and how it was read (the summary says it). */
export interface CsvRead {
  /** The header (text) then the data rows, typed; rows are as long as their fields. */
  rows: Cell[][];
  /** The number of columns: the longest row's. */
  width: number;
  encoding: CsvEncoding;
  /** `comma`, `semicolon` or `tab`. */
  delimiter: string;
  /** Rows after the header. */
  dataRows: number;
  /** Rows with more filled fields than the header (kept, their extra fields past it). */
  longRows: LongRow[];
}

const HEAD_BYTES = 64 * 1024;

async function* decoded(chunks: AsyncIterable<Buffer>, decoder: TextDecoder) {
  for await (const chunk of chunks) {
    const text = decoder.decode(chunk, { stream: true });
    if (text !== '') yield text;
  }
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** Reads a CSV file; throws an Error naming the file (and the line, for a broken quote). */
export async function readCsvFile(path: string): Promise<CsvRead> {
  const encoding = await detectFileEncoding(path);
  const head = decoderFor(encoding).decode(await readHead(path, HEAD_BYTES));
  const firstLine = head.split(/\r?\n|\r/, 1)[0] ?? '';
  if (firstLine.includes('\u0000')) {
    throw new Error(
      `Cannot read "${path}": its first line holds NUL characters (UTF-16 text without a byte-order mark, or not a text file). Save it as "CSV UTF-8" or "Unicode text".`,
    );
  }
  const delimiter = detectDelimiter(head);
  const collected = new CsvRows();
  try {
    await pipeline(
      createReadStream(path),
      (source: AsyncIterable<Buffer>) => decoded(source, decoderFor(encoding)),
      parse(csvParseOptions(delimiter, collected)),
    );
  } catch (error) {
    const problem = collected.problem(error);
    throw new Error(`Cannot read "${path}": ${problem.message}. Nothing was read from it.`, {
      cause: error,
    });
  }
  let width = 0;
  for (const row of collected.rows) width = Math.max(width, row.length);
  return {
    rows: collected.rows,
    width,
    encoding,
    delimiter: DELIMITER_NAMES[delimiter]!,
    dataRows: Math.max(0, collected.rows.length - 1),
    longRows: collected.longRows,
  };
}
