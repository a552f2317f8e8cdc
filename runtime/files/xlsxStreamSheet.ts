/**
 * A large worksheet part read as a stream (sheetXmlScan.ts), its cells put straight into a
 * sheet's layers, a row at a time: values, shared strings, booleans, errors, dates (a number
 * whose style's format is a date format, as ExcelJS decides), each cell's formatting
 * attributes from its style, row heights and hidden rows. It reads each cell as ExcelJS's load
 * would (the same style models, shared strings and conversions), so the model is the one the
 * whole-workbook read gives.
 *
 * The cells that need more than that are left to ExcelJS, which reads them from a small copy
 * of the part (xlsxStreamOpen.ts): formulas, inline rich text, cells holding a link or a note,
 * and the cells of merged areas. Their rows' text is kept (`kept`) for that copy.
 */
import { columnToLetters } from '../appsScript/a1.ts';
import { type Layer, newRow } from '../appsScript/grid.ts';
import type { SheetGrid } from '../appsScript/sheetGrid.ts';
import { excelUtils, type ParsedStyles } from './excelXforms.ts';
import { type CellContent, readContent, storeContent, XLSX_ATTRIBUTES } from './xlsxCells.ts';
import { pxFromPoints } from './xlsxUnits.ts';

/** What a cell style index means for the model: a date format, and the attributes it sets. */
interface StyleInfo {
  date: boolean;
  /** Index in XLSX_ATTRIBUTES and the value the model keeps. */
  attributes: [number, unknown][];
}

/** The model's reading of each cell style of the file, computed once per style index. */
export class StyleReading {
  private readonly known = new Map<number, StyleInfo | null>();

  constructor(readonly styles: ParsedStyles) {}

  /** Null for a cell without a style (no `s`, or `s="0"`, which ExcelJS reads as none). */
  info(s: number): StyleInfo | null {
    let info = this.known.get(s);
    if (info !== undefined) return info;
    const model = s ? this.styles.getStyleModel(s) : null;
    info = model ? readStyle(model) : null;
    this.known.set(s, info);
    return info;
  }
}

function readStyle(model: object): StyleInfo {
  const style = model as { numFmt?: string };
  // what an ExcelJS cell of this style answers for its attributes
  const cell = { ...model, note: undefined } as never;
  const attributes: [number, unknown][] = [];
  XLSX_ATTRIBUTES.forEach((a, i) => {
    const v = a.read(cell);
    if (v !== undefined) attributes.push([i, v]);
  });
  return { date: excelUtils.isDateFmt(style.numFmt), attributes };
}

/** Where ExcelJS needs the cell itself: links, notes (by address) and merged areas (by row). */
export interface SpecialCells {
  addresses: ReadonlySet<string>;
  /** 1-based row → the [left, right] column spans of merged areas crossing it. */
  merged: ReadonlyMap<number, readonly [number, number][]>;
}

export interface CellSource {
  strings: readonly unknown[];
  styles: StyleReading;
  date1904: boolean;
}

/** The cells' extent (1-based), for the part's used range. */
export interface Extent {
  top: number;
  left: number;
  bottom: number;
  right: number;
}

const LF = /\r\n?/g;
const ENTITY = /&(#x[0-9a-fA-F]+|#[0-9]+|lt|gt|amp|quot|apos);/g;
const NAMED: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };

/** Element text as an XML parser gives it: line ends normalised, references replaced. */
export function xmlText(raw: string): string {
  let text = raw.includes('\r') ? raw.replace(LF, '\n') : raw;
  if (text.includes('&'))
    text = text.replace(ENTITY, (_, ref: string) => {
      if (ref.startsWith('#x')) return String.fromCodePoint(Number.parseInt(ref.slice(2), 16));
      if (ref.startsWith('#')) return String.fromCodePoint(Number.parseInt(ref.slice(1), 10));
      return NAMED[ref]!;
    });
  return text;
}

function isSpace(code: number): boolean {
  return code === 32 || code === 9 || code === 10 || code === 13;
}

/** The value of attribute `name` in the start tag text[from, to), or null. */
export function tagAttribute(text: string, from: number, to: number, name: string): string | null {
  let i = from;
  for (;;) {
    i = text.indexOf(name, i);
    if (i < 0 || i >= to) return null;
    let j = i + name.length;
    if (isSpace(text.charCodeAt(i - 1))) {
      while (isSpace(text.charCodeAt(j))) j++;
      if (text.charCodeAt(j) === 61) {
        j++;
        while (isSpace(text.charCodeAt(j))) j++;
        const quote = text[j];
        if (quote === '"' || quote === "'") {
          const end = text.indexOf(quote, j + 1);
          return text.slice(j + 1, end);
        }
      }
    }
    i = j;
  }
}

/** The column of a cell reference (`AB12` → 28), 0 when it has none. */
export function columnOf(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const code = ref.charCodeAt(i);
    if (code >= 65 && code <= 90) n = n * 26 + code - 64;
    else if (code >= 97 && code <= 122) n = n * 26 + code - 96;
    else break;
  }
  return n;
}

/** After a name in a tag: white space, `>` or `/`. */
function endsName(code: number): boolean {
  return isSpace(code) || code === 62 || code === 47;
}

interface RawCell {
  /** The text of its `<v>` and `<t>` elements, undefined when it has none. */
  value: string | undefined;
  /** It has a formula or rich runs: ExcelJS reads it. */
  complex: boolean;
}

type Scalar = string | number | boolean | Date;

const NO_CONTENT: RawCell = { value: undefined, complex: false };

/** Reads the rows of one worksheet part into a sheet's layers. */
export class StreamedSheetReader {
  /** Rows (1-based) holding a cell ExcelJS must read, as their start tag and those cells. */
  readonly kept: string[] = [];
  readonly hiddenRows = new Set<number>();
  rows = 0;
  columns = 0;
  extent: Extent | null = null;
  private row = 0;
  /** The width of the row being read (its last cell's column). */
  private width = 0;
  private readonly attributeLayers: Layer<unknown>[];
  private readonly tags: Record<'c' | 'cEnd' | 'v' | 't' | 'f' | 'r' | 'rowEnd', string>;

  /**
   * With `cells`, the cells of the last row read: column, start and end in the row's text,
   * three numbers a cell (the splice of a changed row keeps the others as they are).
   */
  constructor(
    readonly grid: SheetGrid,
    private readonly source: CellSource,
    private readonly special: SpecialCells,
    prefix: string,
    readonly cells: number[] | null = null,
  ) {
    this.attributeLayers = XLSX_ATTRIBUTES.map((a) => a.layer(grid) as Layer<unknown>);
    const p = prefix;
    this.tags = {
      c: `<${p}c`,
      cEnd: `</${p}c>`,
      v: `<${p}v`,
      t: `<${p}t`,
      f: `<${p}f`,
      r: `<${p}r`,
      rowEnd: `</${p}row>`,
    };
  }

  readRows(rows: readonly string[]): void {
    for (const row of rows) this.readRow(row);
  }

  private readRow(text: string): void {
    if (this.cells) this.cells.length = 0;
    const tagEnd = text.indexOf('>');
    const ref = tagAttribute(text, 0, tagEnd, 'r');
    const r = ref === null ? this.row + 1 : Number.parseInt(ref, 10);
    this.row = r;
    this.rows = Math.max(this.rows, r);
    const height = Number.parseFloat(tagAttribute(text, 0, tagEnd, 'ht') ?? '');
    if (height > 0) this.grid.rowHeights.set(r, pxFromPoints(height));
    const hidden = tagAttribute(text, 0, tagEnd, 'hidden');
    if (hidden === '1' || hidden === 'true') this.hiddenRows.add(r);
    if (text.charCodeAt(tagEnd - 1) === 47) return;
    const kept = this.readCells(text, tagEnd + 1, r);
    if (kept.length > 0)
      this.kept.push(`${text.slice(0, tagEnd + 1)}${kept.join('')}${this.tags.rowEnd}`);
  }

  /** Reads the cells of row `r`; returns the ones left to ExcelJS. */
  private readCells(text: string, from: number, r: number): string[] {
    const kept: string[] = [];
    const { c: open, cEnd } = this.tags;
    const last = text.lastIndexOf(open);
    const lastRef = last < from ? null : tagAttribute(text, last, text.indexOf('>', last), 'r');
    this.width = lastRef === null ? 0 : columnOf(lastRef);
    const merged = this.special.merged.get(r);
    let col = 0;
    let at = from;
    for (;;) {
      const lt = text.indexOf(open, at);
      if (lt < 0) break;
      if (!endsName(text.charCodeAt(lt + open.length))) {
        at = lt + open.length;
        continue;
      }
      const gt = text.indexOf('>', lt);
      const self = text.charCodeAt(gt - 1) === 47;
      const close = self ? gt + 1 : text.indexOf(cEnd, gt);
      at = self ? close : close + cEnd.length;
      const ref = tagAttribute(text, lt, gt, 'r');
      col = ref === null ? col + 1 : columnOf(ref);
      if (this.cells) this.cells.push(col, lt, at);
      const raw = self ? NO_CONTENT : this.rawCell(text, gt + 1, close);
      if (raw.complex || this.isSpecial(ref, r, col, merged)) {
        kept.push(text.slice(lt, at));
        continue;
      }
      const type = tagAttribute(text, lt, gt, 't');
      const s = Number.parseInt(tagAttribute(text, lt, gt, 's') ?? '', 10);
      this.store(r - 1, col - 1, type, raw.value, Number.isNaN(s) ? 0 : s);
    }
    return kept;
  }

  private isSpecial(
    ref: string | null,
    r: number,
    col: number,
    merged: readonly (readonly [number, number])[] | undefined,
  ): boolean {
    if (merged?.some(([left, right]) => col >= left && col <= right)) return true;
    const { addresses } = this.special;
    return addresses.size > 0 && addresses.has(ref ?? `${columnToLetters(col)}${r}`);
  }

  private grow(r: number, c: number): void {
    this.columns = Math.max(this.columns, c);
    const e = this.extent;
    if (e === null) this.extent = { top: r, left: c, bottom: r, right: c };
    else {
      if (r < e.top) e.top = r;
      if (r > e.bottom) e.bottom = r;
      if (c < e.left) e.left = c;
      if (c > e.right) e.right = c;
    }
  }

  /** What a cell's element holds between its tags text[from, to). */
  private rawCell(text: string, from: number, to: number): RawCell {
    const { v, t, f, r } = this.tags;
    if (text.startsWith(v, from) && text.charCodeAt(from + v.length) === 62) {
      // the usual `<c ...><v>...</v></c>`
      const start = from + v.length + 1;
      const end = text.indexOf('<', start);
      // an empty `<v></v>` holds no value, as ExcelJS reads it
      if (end + v.length + 2 === to)
        return { value: end > start ? xmlText(text.slice(start, end)) : undefined, complex: false };
    }
    let value: string | undefined;
    let at = from;
    for (;;) {
      const lt = text.indexOf('<', at);
      if (lt < 0 || lt >= to) break;
      const gt = text.indexOf('>', lt);
      at = gt + 1;
      const isTag = (tag: string) =>
        text.startsWith(tag, lt) && endsName(text.charCodeAt(lt + tag.length));
      if (isTag(f) || isTag(r)) return { value: undefined, complex: true };
      if (!(isTag(v) || isTag(t)) || text.charCodeAt(gt - 1) === 47) continue;
      const end = text.indexOf('<', gt);
      if (end > gt + 1) value = (value ?? '') + xmlText(text.slice(gt + 1, end));
      at = end;
    }
    return { value, complex: false };
  }

  /** Stores one cell as ExcelJS's load reads it (0-based). */
  private store(r: number, c: number, type: string | null, text: string | undefined, s: number) {
    // ExcelJS drops a cell with no value and no style
    if (text === undefined && !s) return;
    this.grow(r + 1, c + 1);
    const info = this.source.styles.info(s);
    if (info !== null)
      for (const [i, v] of info.attributes) this.put(this.attributeLayers[i]!, r, c, v);
    if (text === undefined) return;
    const value = this.valueOf(type, text, info);
    if (typeof value === 'object' && !(value instanceof Date)) storeContent(this.grid, r, c, value);
    else if (value !== '') this.put(this.grid.values as Layer<unknown>, r, c, value);
  }

  /** Sets a cell of a layer, a new row taking the row's width at once. */
  private put(layer: Layer<unknown>, r: number, c: number, v: unknown): void {
    let row = layer.rows[r];
    if (row === undefined) {
      if (Object.is(v, layer.blank)) return;
      row = newRow(Math.max(this.width, c + 1));
      layer.rows[r] = row;
    }
    row[c] = v;
  }

  private valueOf(type: string | null, text: string, info: StyleInfo | null): Scalar | CellContent {
    switch (type) {
      case 's': {
        const v = this.source.strings[Number.parseInt(text, 10)];
        if (v === undefined)
          throw new Error(`a cell refers to shared string ${text}, which is missing`);
        return typeof v === 'string' ? v : this.content(v);
      }
      case 'str':
        return excelUtils.xmlDecode(text);
      case 'inlineStr':
        return text;
      case 'b':
        return Number.parseInt(text, 10) !== 0;
      case 'e':
        return this.content({ error: text });
      default: {
        const n = Number.parseFloat(text);
        // the date as the file's wall clock (UTC fields): the zone is applied once it is known
        return info?.date === true ? excelUtils.excelToDate(n, this.source.date1904) : n;
      }
    }
  }

  private content(value: unknown): CellContent {
    // neither a rich text nor an error depends on the time zone
    return readContent({ value } as never, 'UTC');
  }
}
