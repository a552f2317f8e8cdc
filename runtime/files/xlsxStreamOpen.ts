/**
 * The read of an .xlsx whose sheets include large ones. ExcelJS reads a whole workbook into
 * objects of its own (about 260 bytes a cell), which a sheet of 100,000 leads makes gigabytes
 * and minutes; a worksheet part of at least STREAM_SHEET_BYTES (uncompressed) is therefore
 * read in a stream instead (xlsxStreamSheet.ts), its cells put straight into the model.
 *
 * ExcelJS still reads the rest of the workbook, from a copy of the package (the skeleton) in
 * which each large sheet keeps everything but its plain cells: the sheet's columns, views,
 * merges, validations, conditional formats, links and notes, the other sheets, the defined
 * names, the state sheet. The cells it needs for those (formulas, rich text, cells with a link
 * or a note, merged areas) stay in the skeleton, so that ExcelJS reads them as it always has;
 * every other cell is in the model only. The skeleton's workbook is the one the write-back
 * writes the run's changes onto (writeBack.ts), and the large sheets' cells are written back
 * from the model (cellRender.ts, streamedSplice.ts).
 */
import { parseA1 } from '../appsScript/a1.ts';
import { Env } from '../appsScript/env.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import { SheetGrid } from '../appsScript/sheetGrid.ts';
import { UiRecorder } from '../appsScript/ui.ts';
import { fromExcelDate } from '../appsScript/zone.ts';
import { type ParsedStyles, parseSharedStrings, parseStyles } from './excelXforms.ts';
import { scanSheet } from './sheetXmlScan.ts';
import { XLSX_ATTRIBUTES } from './xlsxCells.ts';
import { attr, REL, relsPathOf, resolvePart } from './xlsxPackage.ts';
import { skeletonOf } from './xlsxSkeleton.ts';
import {
  type CellSource,
  type Extent,
  type SpecialCells,
  StreamedSheetReader,
  StyleReading,
} from './xlsxStreamSheet.ts';
import { entryString, entryText, type ZipEntry, zipEntries } from './zipEntries.ts';

/**
 * A worksheet part this large (uncompressed) or larger is read in a stream: about 1,300 rows of
 * 25 filled columns. Below it, ExcelJS's whole read costs a few MB and well under a second.
 * `SLA_STREAM_SHEET_BYTES` sets another threshold (0 streams every sheet: the tests run the
 * round trips both ways).
 */
export const STREAM_SHEET_BYTES = 1024 * 1024;

export function streamThreshold(): number {
  const set = Number(process.env.SLA_STREAM_SHEET_BYTES);
  return process.env.SLA_STREAM_SHEET_BYTES !== undefined && Number.isFinite(set)
    ? set
    : STREAM_SHEET_BYTES;
}

/** A sheet read in a stream: what saving it needs of the file's part. */
export interface StreamedSheet {
  /** The sheet's name in the file, and its worksheet part. */
  name: string;
  part: string;
  prefix: string;
  /** The part's text up to and including `<sheetData>`, and from `</sheetData>` on. */
  head: string;
  tail: string;
  /** Where the file's cells are (ExcelJS's part of them aside). */
  extent: Extent | null;
  /** How its rows are read again on save: the file's strings, styles, special cells, zone. */
  source: CellSource;
  special: SpecialCells;
  zone: string;
  /**
   * The cells ExcelJS read (formulas, links, notes, merged areas) as the model had them at
   * load: by row, then column (0-based), each cell's value in every layer the splice compares.
   */
  held: Map<number, Map<number, unknown[]>>;
}

export interface StreamedRead {
  /** By the sheet's name in the file. */
  sheets: Map<string, StreamedSheet>;
  /** The file's styles as ExcelJS reads them (the cells written back start from them). */
  styles: ParsedStyles;
  date1904: boolean;
  /** Puts a streamed sheet's cells into the model's sheet (once, as it is created). */
  fill(sheet: FakeSheet, name: string, zone: string): void;
}

// ExcelJS reads worksheets, shared strings and styles at these names only
const WORKSHEET = /^xl\/worksheets\/sheet\d+\.xml$/;
const SHARED_STRINGS = 'xl/sharedStrings.xml';
const STYLES = 'xl/styles.xml';
const WORKBOOK = 'xl/workbook.xml';

type Entries = Map<string, ZipEntry>;

/** Each sheet's worksheet part, by name (workbook.xml and its relationships), very hidden ones aside. */
async function sheetParts(input: Buffer, entries: Entries): Promise<Map<string, string>> {
  const workbook = (await entryString(input, entries.get(WORKBOOK))) ?? '';
  const rels = (await entryString(input, entries.get(relsPathOf(WORKBOOK)))) ?? '';
  const targets = new Map<string, string>();
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? [])
    targets.set(attr(tag, 'Id') ?? '', resolvePart(WORKBOOK, attr(tag, 'Target') ?? ''));
  const parts = new Map<string, string>();
  for (const tag of workbook.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    const name = attr(tag, 'name');
    const target = targets.get(attr(tag, 'r:id') ?? '');
    // a very hidden sheet may be the state sheet, which ExcelJS must read (xlsxState.ts)
    if (attr(tag, 'state') === 'veryHidden') continue;
    if (name !== null && target !== undefined) parts.set(name, target);
  }
  return parts;
}

/** The cells ExcelJS must read itself: merged areas, links and notes. */
async function specialCells(
  input: Buffer,
  entries: Entries,
  part: string,
  tail: string,
): Promise<SpecialCells> {
  const merged = new Map<number, [number, number][]>();
  for (const tag of tail.match(/<(?:\w+:)?mergeCell\b[^>]*>/g) ?? []) {
    try {
      const ref = parseA1(attr(tag, 'ref') ?? '');
      const top = ref.row ?? 1;
      const left = ref.col ?? 1;
      for (let r = top; r <= (ref.endRow ?? top); r++) {
        const spans = merged.get(r) ?? [];
        spans.push([left, ref.endCol ?? left]);
        merged.set(r, spans);
      }
    } catch {
      // a merge the model cannot read: ExcelJS decides
    }
  }
  const addresses = new Set<string>();
  for (const tag of tail.match(/<(?:\w+:)?hyperlink\b[^>]*>/g) ?? [])
    addresses.add(attr(tag, 'ref') ?? '');
  const rels = (await entryString(input, entries.get(relsPathOf(part)))) ?? '';
  for (const tag of rels.match(/<Relationship\b[^>]*>/g) ?? []) {
    if (attr(tag, 'Type') !== `${REL}/comments`) continue;
    const comments = await entryString(
      input,
      entries.get(resolvePart(part, attr(tag, 'Target') ?? '')),
    );
    for (const c of comments?.match(/<(?:\w+:)?comment\b[^>]*>/g) ?? [])
      addresses.add(attr(c, 'ref') ?? '');
  }
  return { addresses, merged };
}

interface Read {
  sheet: StreamedSheet;
  reader: StreamedSheetReader;
}

async function readSheet(
  input: Buffer,
  entries: Entries,
  name: string,
  part: string,
  source: CellSource,
): Promise<Read> {
  const entry = entries.get(part)!;
  const none: SpecialCells = { addresses: new Set(), merged: new Map() };
  const sheet: StreamedSheet = {
    name,
    part,
    prefix: '',
    head: '',
    tail: '',
    extent: null,
    source,
    special: none,
    zone: 'UTC',
    held: new Map(),
  };
  const edges = {
    head: (text: string, prefix: string) => {
      sheet.head = text;
      sheet.prefix = prefix;
    },
    rows: () => undefined,
    tail: (text: string) => {
      sheet.tail = text;
    },
  };
  await scanSheet(entryText(input, entry), edges, { skipRows: true });
  const special = await specialCells(input, entries, part, sheet.tail);
  sheet.special = special;
  const ctx = { env: new Env(), ui: new UiRecorder(), formulaWrites: [] };
  const reader = new StreamedSheetReader(new SheetGrid(ctx, name), source, special, sheet.prefix);
  await scanSheet(entryText(input, entry), {
    head: () => undefined,
    rows: (rows) => reader.readRows(rows),
    tail: () => undefined,
  });
  sheet.extent = reader.extent;
  return { sheet, reader };
}

/** Moves a read sheet's layers into the model's sheet, its dates put in the spreadsheet's zone. */
function fillSheet(sheet: FakeSheet, reader: StreamedSheetReader, zone: string): void {
  const grid = reader.grid;
  sheet.values.rows = grid.values.rows;
  sheet.richTexts.rows = grid.richTexts.rows;
  sheet.errors.rows = grid.errors.rows;
  for (const a of XLSX_ATTRIBUTES) a.layer(sheet).rows = a.layer(grid).rows;
  for (const [r, px] of grid.rowHeights) sheet.rowHeights.set(r, px);
  for (const r of reader.hiddenRows) sheet.hiddenRows.add(r);
  sheet.ensureSize(reader.rows, reader.columns);
  for (const row of sheet.values.rows) {
    if (row === undefined) continue;
    for (let c = 0; c < row.length; c++) {
      const v = row[c];
      if (v instanceof Date) row[c] = fromExcelDate(v, zone);
    }
  }
}

/**
 * Reads the input's large sheets (parts of `threshold` bytes or more) in a stream, and the
 * package ExcelJS then reads (the skeleton); null when it has none (or is no zip we read:
 * ExcelJS then reads it, or says why it cannot).
 */
export async function readLargeSheets(
  input: Buffer,
  threshold = streamThreshold(),
): Promise<{ skeleton: Buffer; read: StreamedRead } | null> {
  const list = zipEntries(input);
  if (list === null) return null;
  const entries: Entries = new Map(list.map((e) => [e.name, e]));
  const large = [...(await sheetParts(input, entries))].filter(
    ([, part]) => WORKSHEET.test(part) && (entries.get(part)?.size ?? -1) >= threshold,
  );
  if (large.length === 0) return null;
  const workbook = (await entryString(input, entries.get(WORKBOOK))) ?? '';
  const date1904 = /<(?:\w+:)?workbookPr\b[^>]*\sdate1904="1"/.test(workbook);
  const styles = await parseStyles(await entryString(input, entries.get(STYLES)));
  const sst = entries.get(SHARED_STRINGS);
  const strings = sst ? await parseSharedStrings(entryText(input, sst)) : [];
  const source: CellSource = { strings, styles: new StyleReading(styles), date1904 };
  const reads: Read[] = [];
  for (const [name, part] of large) reads.push(await readSheet(input, entries, name, part, source));
  const streamedParts = new Map(
    reads.map(({ sheet, reader }) => [
      sheet.part,
      `${sheet.head}${reader.kept.join('')}${sheet.tail}`,
    ]),
  );
  const others = list.map((e) => e.name).filter((n) => WORKSHEET.test(n) && !streamedParts.has(n));
  const skeleton = await skeletonOf(input, entries, streamedParts, others, strings);
  const pending = new Map(reads.map((r) => [r.sheet.name, r]));
  const read: StreamedRead = {
    sheets: new Map(reads.map((r) => [r.sheet.name, r.sheet])),
    styles,
    date1904,
    fill(sheet, name, zone) {
      const read = pending.get(name);
      pending.delete(name);
      if (!read) return;
      read.sheet.zone = zone;
      fillSheet(sheet, read.reader, zone);
    },
  };
  return { skeleton, read };
}
