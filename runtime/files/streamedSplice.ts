/**
 * The cells of a large sheet (read in a stream, xlsxStreamOpen.ts) spliced into the file's part
 * as the part streams by. Each row of the file is read again as the load read it, and compared
 * with the model's row: a row the run did not change is the file's text as it was; in a row it
 * changed, each changed cell is rendered from the model (cellRender.ts) and every other cell is
 * the file's, as pkgCells.ts does for a sheet ExcelJS read. Rows the file lacks and the run
 * filled go where their number puts them. The rows are deflated as they are written
 * (zipWrite.ts): neither the file's part nor the result is ever held whole, and no copy of the
 * sheet is kept from the load to find what changed.
 */
import { columnToLetters } from '../appsScript/a1.ts';
import { Env } from '../appsScript/env.ts';
import type { Layer } from '../appsScript/grid.ts';
import type { FakeRichTextValue } from '../appsScript/richText.ts';
import type { FakeSheet } from '../appsScript/sheet.ts';
import { SheetGrid } from '../appsScript/sheetGrid.ts';
import { UiRecorder } from '../appsScript/ui.ts';
import { fromExcelDate } from '../appsScript/zone.ts';
import type { CellRenderer } from './cellRender.ts';
import {
  mergedCell,
  mergedRow,
  newRow,
  parseRow,
  type Remap,
  type Row,
  type RowChange,
} from './pkgCells.ts';
import { attribute, startTag, withAttribute } from './pkgXml.ts';
import { scanSheet } from './sheetXmlScan.ts';
import { same } from './writeBackSheet.ts';
import { XLSX_ATTRIBUTES } from './xlsxCells.ts';
import type { StreamedSheet } from './xlsxStreamOpen.ts';
import { type Extent, StreamedSheetReader, tagAttribute } from './xlsxStreamSheet.ts';
import { pointsFromPx, pxFromPoints } from './xlsxUnits.ts';
import { entryText, zipEntries } from './zipEntries.ts';
import { type DeflatedBody, DeflatedText } from './zipWrite.ts';

export interface StreamedSplice {
  /** The input package. */
  input: Buffer;
  streamed: StreamedSheet;
  sheet: FakeSheet;
  /** Rows (1-based) whose height or hidden state the run changed. */
  lines: ReadonlySet<number>;
  renderer: CellRenderer;
  /** The namespace prefixes the part's root declares. */
  declared: ReadonlySet<string>;
  /** Cells (A1) holding a link in the file or in ExcelJS's output. */
  links: ReadonlySet<string>;
}

export interface SplicedCells {
  body: DeflatedBody;
  /** Whether any row changed, and where the changed cells are. */
  changed: boolean;
  box: Extent | null;
  /** Among `links`, the cells whose content the run changed. */
  written: Set<string>;
}

/** Rendered cells carry the file's indices already. */
const FINAL: Remap = { style: (i) => i, string: (i) => i };
const ROWS_PER_WRITE = 2000;

/** What a cell's XML depends on: its content, then its formatting (its note aside). */
export function cellLayers(grid: SheetGrid): Layer<unknown>[] {
  const content = [grid.values, grid.formulas, grid.richTexts, grid.errors] as Layer<unknown>[];
  return [...content, ...XLSX_ATTRIBUTES.map((a) => a.layer(grid) as Layer<unknown>)];
}
const CONTENT = 4;

/**
 * The cells ExcelJS read of a streamed sheet (`keys`, 0-based `r,c`) as the model has them at
 * load, by row then column: the file's state of what the stream did not read.
 */
export function heldState(sheet: FakeSheet, keys: readonly string[]): StreamedSheet['held'] {
  const layers = cellLayers(sheet);
  const held: StreamedSheet['held'] = new Map();
  for (const key of keys) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    const row = held.get(r) ?? new Map<number, unknown[]>();
    row.set(
      c,
      layers.map((layer, i) => (i === 0 ? sheet.cellInternal(r, c) : layer.get(r, c))),
    );
    held.set(r, row);
  }
  return held;
}

function sameRich(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  const x = a as FakeRichTextValue | null;
  const y = b as FakeRichTextValue | null;
  return (
    x !== null &&
    y !== null &&
    x.text === y.text &&
    JSON.stringify(x.runs) === JSON.stringify(y.runs)
  );
}

interface CellChanges extends RowChange {
  /** The attributes changed, by column: bits in XLSX_ATTRIBUTES' order. */
  masks: Map<number, number>;
}

/** Compares the model's rows with the file's, each read again into a scratch grid. */
class RowComparer {
  /** The cells of the file's last row read: column, start, end (xlsxStreamSheet.ts). */
  readonly cells: number[] = [];
  private readonly file: SheetGrid;
  private readonly reader: StreamedSheetReader;
  private readonly mine: Layer<unknown>[];
  private readonly theirs: Layer<unknown>[];
  private readonly notes: number;

  constructor(
    private readonly sheet: FakeSheet,
    private readonly streamed: StreamedSheet,
  ) {
    const ctx = { env: new Env(), ui: new UiRecorder(), formulaWrites: [] };
    this.file = new SheetGrid(ctx, 'file');
    const { source, special, prefix } = streamed;
    this.reader = new StreamedSheetReader(this.file, source, special, prefix, this.cells);
    this.mine = cellLayers(sheet);
    this.theirs = cellLayers(this.file);
    this.notes = this.mine.indexOf(sheet.notes as Layer<unknown>);
  }

  /** What the run changed in row `r` (1-based) of the file (`text`), or of the model only. */
  changes(r: number, text: string | null, line: boolean): CellChanges | null {
    const r0 = r - 1;
    if (text !== null) this.readFileRow(r0, text);
    for (const [c, values] of this.streamed.held.get(r0) ?? [])
      for (let i = 0; i < values.length; i++) this.theirs[i]!.set(r0, c, values[i]);
    const change: CellChanges = { cells: new Set(), content: new Set(), line, masks: new Map() };
    let width = 0;
    for (let i = 0; i < this.mine.length; i++)
      width = Math.max(
        width,
        this.mine[i]!.rows[r0]?.length ?? 0,
        this.theirs[i]!.rows[r0]?.length ?? 0,
      );
    for (let c = 0; c < width; c++) this.compare(r0, c, change);
    for (const layer of this.theirs) layer.rows[r0] = undefined;
    return change.cells.size > 0 || line ? change : null;
  }

  /** The file's row as the load put it in the model (its dates in the zone of the load). */
  private readFileRow(r0: number, text: string): void {
    this.reader.readRows([text]);
    this.reader.kept.length = 0;
    this.reader.hiddenRows.clear();
    this.file.rowHeights.clear();
    const values = this.file.values.rows[r0];
    if (values === undefined) return;
    for (let c = 0; c < values.length; c++) {
      const v = values[c];
      if (v instanceof Date) values[c] = fromExcelDate(v, this.streamed.zone);
    }
  }

  private compare(r0: number, c: number, change: CellChanges): void {
    let content = false;
    let mask = 0;
    for (let i = 0; i < this.mine.length; i++) {
      if (i === this.notes) continue;
      const mine = this.mine[i]!;
      const theirs = this.theirs[i]!;
      if (mine.rows[r0] === undefined && theirs.rows[r0] === undefined) continue;
      const now = i === 0 ? this.sheet.cellInternal(r0, c) : mine.get(r0, c);
      const was = theirs.get(r0, c);
      const equal = i === 2 ? sameRich(now, was) : same(now, was) || Object.is(now, was);
      if (equal) continue;
      if (i < CONTENT) content = true;
      else mask |= 1 << (i - CONTENT);
    }
    if (!content && mask === 0) return;
    change.cells.add(c + 1);
    if (content) change.content.add(c + 1);
    if (mask !== 0) change.masks.set(c + 1, mask);
  }
}

/** A row's start tag for its height and hidden state in the model (the file's height kept). */
function lineTag(sheet: FakeSheet, r: number, fileTag: string | undefined): string {
  let tag = `<row r="${r}"`;
  if (sheet.hiddenRows.has(r)) tag += ' hidden="1"';
  const px = sheet.rowHeights.get(r);
  const fileHeight = Number.parseFloat((fileTag && attribute(fileTag, 'ht')) ?? '');
  if (px !== undefined && pxFromPoints(fileHeight) === px)
    tag += ` ht="${fileHeight}" customHeight="1"`;
  else if (px !== undefined) tag += ` ht="${pointsFromPx(px)}" customHeight="1"`;
  return `${tag}>`;
}

/** The file's row around a changed cell: its start tag, and its cell of a column. */
interface FileRow {
  open: string;
  cell(c: number): string | undefined;
}

/** The changed cells of row `r` as the model has them, each from the file's style. */
function renderedRow(s: StreamedSplice, r: number, change: CellChanges, file?: FileRow): Row {
  const rowStyle = Number(attribute(file?.open ?? '<row>', 's') ?? 0);
  const cells = new Map<number, string>();
  for (const c of change.cells) {
    const own = file?.cell(c);
    const style =
      own === undefined
        ? s.renderer.newCellStyle(rowStyle, c)
        : s.renderer.fileStyle(Number(attribute(startTag(own), 's') ?? 0));
    const mask = change.masks.get(c) ?? 0;
    const xml = s.renderer.render(r - 1, c - 1, style, change.content.has(c), mask);
    if (xml !== undefined) cells.set(c, xml);
  }
  return { open: lineTag(s.sheet, r, file?.open), cells };
}

const LINE_ATTRIBUTES = ['ht', 'customHeight', 'hidden'];

/** Whether the cells (column, start, end) are in column order, as a valid sheet has them. */
function inOrder(cells: readonly number[]): boolean {
  for (let i = 3; i < cells.length; i += 3) if (cells[i]! <= cells[i - 3]!) return false;
  return true;
}

/**
 * A changed row of the file: its cells (`cells`: column, start, end) as they are, each changed
 * one merged with its rendering (mergedCell), new ones in column order: what mergedRow does,
 * without taking the row apart (it falls back to mergedRow for cells out of order).
 */
function splicedRow(
  s: StreamedSplice,
  r: number,
  text: string,
  cells: readonly number[],
  change: CellChanges,
): string {
  const prefix = s.streamed.prefix;
  const open = text.slice(0, text.indexOf('>') + 1);
  const cell = (c: number) => {
    for (let i = 0; i < cells.length; i += 3)
      if (cells[i] === c) return text.slice(cells[i + 1], cells[i + 2]);
    return undefined;
  };
  const theirs = renderedRow(s, r, change, { open, cell });
  if (!inOrder(cells)) return mergedRow(parseRow(text, prefix), theirs, change, FINAL, prefix);
  let tag = withAttribute(open, 'spans', null);
  if (change.line)
    for (const a of LINE_ATTRIBUTES) tag = withAttribute(tag, a, attribute(theirs.open, a));
  const changed = [...change.cells].sort((a, b) => a - b);
  const parts: string[] = [];
  const merge = (c: number, mine: string | undefined) => {
    const xml = mergedCell(c, change, mine, theirs.cells.get(c), FINAL, prefix);
    if (xml !== undefined) parts.push(xml);
  };
  let j = 0;
  for (let i = 0; i < cells.length; i += 3) {
    const c = cells[i]!;
    while (j < changed.length && changed[j]! < c) merge(changed[j++]!, undefined);
    const own = text.slice(cells[i + 1], cells[i + 2]);
    if (changed[j] === c) merge(changed[j++]!, own);
    else parts.push(own);
  }
  while (j < changed.length) merge(changed[j++]!, undefined);
  const body = parts.join('');
  return body === ''
    ? tag.replace(/\s*\/?>$/, '/>')
    : `${tag.replace(/\s*\/>$/, '>')}${body}</${prefix}row>`;
}

/** The splice of one sheet's rows, fed the file's rows in order. */
class RowSplice {
  readonly result: Omit<SplicedCells, 'body'> = { changed: false, box: null, written: new Set() };
  private readonly compare: RowComparer;
  /** The model's next row (1-based) the file's rows have not reached. */
  private next = 1;

  constructor(private readonly s: StreamedSplice) {
    this.compare = new RowComparer(s.sheet, s.streamed);
  }

  /** The file's row `r` (its text), after the model's rows the file lacks before it. */
  fileRow(r: number, text: string, out: string[]): void {
    this.modelRows(r, out);
    this.next = Math.max(this.next, r + 1);
    const change = this.compare.changes(r, text, this.s.lines.has(r));
    if (change === null) {
      out.push(text);
      return;
    }
    this.note(r, change);
    out.push(splicedRow(this.s, r, text, this.compare.cells, change));
  }

  /** The model's rows the file lacks, up to (not including) row `limit`. */
  modelRows(limit: number, out: string[], most = Number.POSITIVE_INFINITY): void {
    for (; this.next < limit && out.length < most; this.next++) {
      const r = this.next;
      const change = this.compare.changes(r, null, this.s.lines.has(r));
      if (change === null) continue;
      this.note(r, change);
      const row = renderedRow(this.s, r, change, undefined);
      out.push(newRow(row, FINAL, this.s.streamed.prefix, this.s.declared));
    }
  }

  /** The last row the model fills or the run changed the line of. */
  lastModelRow(): number {
    let last = 0;
    for (const layer of cellLayers(this.s.sheet)) last = Math.max(last, layer.rows.length);
    for (const r of this.s.lines) last = Math.max(last, r);
    return last;
  }

  hasNext(): boolean {
    return this.next <= this.lastModelRow();
  }

  private note(r: number, change: CellChanges): void {
    this.result.changed = true;
    for (const c of change.cells) {
      const box = this.result.box;
      if (box === null) this.result.box = { top: r, left: c, bottom: r, right: c };
      else {
        box.top = Math.min(box.top, r);
        box.bottom = Math.max(box.bottom, r);
        box.left = Math.min(box.left, c);
        box.right = Math.max(box.right, c);
      }
      if (this.s.links.size === 0 || !change.content.has(c)) continue;
      const a1 = `${columnToLetters(c)}${r}`;
      if (this.s.links.has(a1)) this.result.written.add(a1);
    }
  }
}

/** The part's rows with the run's changes, deflated, and what changed. */
export async function splicedRows(s: StreamedSplice): Promise<SplicedCells> {
  const entry = zipEntries(s.input)?.find((e) => e.name === s.streamed.part);
  if (!entry) throw new Error(`the input has no part ${s.streamed.part}`);
  const body = new DeflatedText();
  const splice = new RowSplice(s);
  let r = 0;
  const rows = (texts: string[]) => {
    const out: string[] = [];
    for (const text of texts) {
      const ref = tagAttribute(text, 0, text.indexOf('>'), 'r');
      r = ref === null ? r + 1 : Number.parseInt(ref, 10);
      splice.fileRow(r, text, out);
    }
    for (const row of out) body.write(row);
  };
  await scanSheet(entryText(s.input, entry), {
    head: () => undefined,
    rows,
    tail: () => undefined,
  });
  const last = splice.lastModelRow();
  while (splice.hasNext()) {
    const out: string[] = [];
    splice.modelRows(last + 1, out, ROWS_PER_WRITE);
    for (const row of out) body.write(row);
  }
  return { body: body.end(), ...splice.result };
}

/** The used range of the result: the file's cells, ExcelJS's (`output`) and the changed ones. */
export function dimensionOf(
  streamed: StreamedSheet,
  output: string,
  changed: Extent | null,
): string {
  const boxes = [streamed.extent, changed].filter((b): b is Extent => b !== null);
  const ref = /<dimension\b[^>]*\sref="([A-Z]+)(\d+)(?::([A-Z]+)(\d+))?"/.exec(output);
  if (ref && !(ref[1] === 'A' && ref[2] === '1' && ref[3] === undefined)) {
    const top = Number(ref[2]);
    const left = letters(ref[1]!);
    const bottom = ref[4] === undefined ? top : Number(ref[4]);
    const right = ref[3] === undefined ? left : letters(ref[3]);
    boxes.push({ top, left, bottom, right });
  }
  if (boxes.length === 0) return '<dimension ref="A1"/>';
  const top = Math.min(...boxes.map((b) => b.top));
  const left = Math.min(...boxes.map((b) => b.left));
  const bottom = Math.max(...boxes.map((b) => b.bottom));
  const right = Math.max(...boxes.map((b) => b.right));
  const from = `${columnToLetters(left)}${top}`;
  const to = `${columnToLetters(right)}${bottom}`;
  return `<dimension ref="${from === to ? from : `${from}:${to}`}"/>`;
}

function letters(text: string): number {
  let n = 0;
  for (const ch of text) n = n * 26 + ch.charCodeAt(0) - 64;
  return n;
}
