/**
 * The cells of a changed sheet, spliced into the file's sheet XML: every row the run did not
 * touch is the file's text as it was; in a touched row, each cell the run changed is ExcelJS's
 * (its style and shared string made the file's), and every other cell is the file's.
 */
import { lettersToColumn } from '../appsScript/a1.ts';
import {
  attribute,
  elements,
  firstElement,
  startTag,
  withAttribute,
  withPrefix,
} from './pkgXml.ts';

export interface Remap {
  style(outputIndex: number): number;
  string(outputIndex: number): number;
}

/** What the run changed in one row (1-based columns). */
export interface RowChange {
  cells: Set<number>;
  content: Set<number>;
  /** Its height or hidden state changed. */
  line: boolean;
}

export interface Row {
  open: string;
  cells: Map<number, string>;
}

/** The output's element with the file's style and string indices (and the file's prefix). */
export function remapElement(element: string, remap: Remap, prefix: string): string {
  let out = element;
  const s = attribute(startTag(out), 's');
  if (s !== null) out = withAttribute(out, 's', String(remap.style(Number(s))));
  if (attribute(startTag(out), 't') === 's')
    out = out.replace(/<v>(\d+)<\/v>/, (_, i: string) => `<v>${remap.string(Number(i))}</v>`);
  return withPrefix(out, prefix);
}

/** A row's start tag and cells by column (only the columns in `only`, when given). */
export function parseRow(row: string, prefix: string, only?: ReadonlySet<number>): Row {
  const open = startTag(row);
  const cells = new Map<number, string>();
  let col = 0;
  for (const cell of elements(row, prefix, 'c')) {
    const ref = attribute(startTag(cell.text), 'r');
    col = ref ? lettersToColumn(ref.replace(/\d+/g, '')) : col + 1;
    if (!only || only.has(col)) cells.set(col, cell.text);
  }
  return { open, cells };
}

const LINE_ATTRIBUTES = ['ht', 'customHeight', 'hidden'];

/** A cell of a changed row: the output's when its content changed, else the file's with the output's style. */
export function mergedCell(
  c: number,
  change: RowChange,
  mine: string | undefined,
  theirs: string | undefined,
  remap: Remap,
  prefix: string,
) {
  if (change.content.has(c) || mine === undefined)
    return theirs === undefined ? undefined : remapElement(theirs, remap, prefix);
  const style = theirs === undefined ? null : attribute(startTag(theirs), 's');
  return withAttribute(mine, 's', style === null ? null : String(remap.style(Number(style))));
}

export function mergedRow(
  mine: Row,
  theirs: Row | undefined,
  change: RowChange,
  remap: Remap,
  prefix: string,
): string {
  let open = withAttribute(mine.open, 'spans', null);
  if (change.line)
    for (const a of LINE_ATTRIBUTES)
      open = withAttribute(open, a, theirs ? attribute(theirs.open, a) : null);
  const cells = new Map(mine.cells);
  for (const c of change.cells) {
    const cell = mergedCell(c, change, mine.cells.get(c), theirs?.cells.get(c), remap, prefix);
    if (cell === undefined) cells.delete(c);
    else cells.set(c, cell);
  }
  const body = [...cells.entries()]
    .sort((a, b) => a[0] - b[0])
    .map(([, xml]) => xml)
    .join('');
  const tag = `${prefix}row`;
  return body === ''
    ? open.replace(/\s*\/?>$/, '/>')
    : `${open.replace(/\s*\/>$/, '>')}${body}</${tag}>`;
}

/** The start tag without the attributes whose namespace prefix the file does not declare. */
function declaredOnly(tag: string, declared: ReadonlySet<string>): string {
  return tag.replace(/\s(\w+):[\w-]+="[^"]*"/g, (all, ns: string) => (declared.has(ns) ? all : ''));
}

export function newRow(
  theirs: Row,
  remap: Remap,
  prefix: string,
  declared: ReadonlySet<string>,
): string {
  const tag = declaredOnly(withAttribute(theirs.open, 'spans', null), declared);
  const open = remapElement(tag, remap, prefix).replace(/\s*\/>$/, '>');
  const body = [...theirs.cells.values()].map((c) => remapElement(c, remap, prefix)).join('');
  return body === '' ? open.replace(/>$/, '/>') : `${open}${body}</${prefix}row>`;
}

/** The output's rows that the run changed, by row number. */
function outputRows(output: string, changes: ReadonlyMap<number, RowChange>): Map<number, Row> {
  const rows = new Map<number, Row>();
  const data = firstElement(output, '', 'sheetData');
  if (!data) return rows;
  for (const row of elements(data.text, '', 'row')) {
    const r = Number(attribute(startTag(row.text), 'r'));
    const change = changes.get(r);
    if (change) rows.set(r, parseRow(row.text, '', change.cells));
  }
  return rows;
}

/** The file's `<sheetData>` with the run's changes spliced in. */
export function spliceSheetData(
  input: string,
  output: string,
  prefix: string,
  changes: ReadonlyMap<number, RowChange>,
  remap: Remap,
): string {
  const data = firstElement(input, prefix, 'sheetData');
  if (!data || changes.size === 0) return input;
  const theirs = outputRows(output, changes);
  const root = /<(?:\w+:)?worksheet\b[^>]*>/.exec(input)?.[0] ?? '';
  const declared = new Set([...root.matchAll(/\sxmlns:(\w+)=/g)].map((m) => m[1]!));
  const pending = [...theirs.keys()].sort((a, b) => a - b);
  const parts: string[] = [];
  let r = 0;
  const flushBefore = (limit: number) => {
    while (pending.length > 0 && pending[0]! < limit)
      parts.push(newRow(theirs.get(pending.shift()!)!, remap, prefix, declared));
  };
  for (const row of elements(data.text, prefix, 'row')) {
    const ref = attribute(startTag(row.text), 'r');
    r = ref === null ? r + 1 : Number(ref);
    flushBefore(r);
    if (pending[0] === r) pending.shift();
    const change = changes.get(r);
    parts.push(
      change
        ? mergedRow(parseRow(row.text, prefix), theirs.get(r), change, remap, prefix)
        : row.text,
    );
  }
  flushBefore(Number.POSITIVE_INFINITY);
  const open = startTag(data.text).replace(/\s*\/>$/, '>');
  const spliced = `${open}${parts.join('')}</${prefix}sheetData>`;
  return input.slice(0, data.start) + spliced + input.slice(data.end);
}
