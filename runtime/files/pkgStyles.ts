/**
 * The input's styles.xml, with the styles that our written cells use appended: a cell taken
 * from ExcelJS's output refers to ExcelJS's style table, so each of its styles is added to the
 * file's own table (its font, fill, border and number format too, each once) and the cell gets
 * the new index. The file's own entries keep their indices, so the cells we did not write keep
 * theirs; nothing is appended when nothing is needed, and the part stays as it was.
 */
import type { StyleManager } from './excelXforms.ts';
import {
  attribute,
  elements,
  escapeXml,
  firstElement,
  rootPrefix,
  withAttribute,
  withPrefix,
} from './pkgXml.ts';

/** Children of a list element of the style sheet (`<fonts>` → each `<font>`). */
interface StyleList {
  name: string;
  items: string[];
  /** How many the file had: only the ones after are written anew. */
  original: number;
}

const LISTS = [
  ['numFmts', 'numFmt'],
  ['fonts', 'font'],
  ['fills', 'fill'],
  ['borders', 'border'],
  ['cellXfs', 'xf'],
  ['dxfs', 'dxf'],
] as const;
type ListName = (typeof LISTS)[number][0];

/** CT_Stylesheet's order: where a missing list goes. */
const ORDER = [
  'numFmts',
  'fonts',
  'fills',
  'borders',
  'cellStyleXfs',
  'cellXfs',
  'cellStyles',
  'dxfs',
  'tableStyles',
  'colors',
  'extLst',
];

function readLists(xml: string, prefix: string): Map<ListName, StyleList> {
  const lists = new Map<ListName, StyleList>();
  for (const [list, item] of LISTS) {
    const element = firstElement(xml, prefix, list);
    const items = element ? elements(element.text, prefix, item).map((s) => s.text) : [];
    lists.set(list, { name: list, items, original: items.length });
  }
  return lists;
}

/** A table the written cells' styles come from: ExcelJS's output, or a style manager's. */
interface StyleSource {
  lists: Map<ListName, StyleList>;
  /** Custom number formats by id (refreshed when an id is missing: a manager's list grows). */
  formats: Map<string, string>;
  /** Its cell style index → the file's. */
  xfs: Map<number, number>;
}

function sourceOf(lists: Map<ListName, StyleList>): StyleSource {
  const source: StyleSource = { lists, formats: new Map(), xfs: new Map() };
  readFormats(source);
  return source;
}

function readFormats(source: StyleSource): void {
  for (const f of source.lists.get('numFmts')!.items)
    source.formats.set(attribute(f, 'numFmtId') ?? '', attribute(f, 'formatCode') ?? '');
}

/** The lists of a style manager, as it keeps them (XML, growing as cells are rendered). */
function managerLists(manager: StyleManager): Map<ListName, StyleList> {
  const m = manager.model;
  const list = (name: ListName, items: string[]) => [name, { name, items, original: 0 }] as const;
  return new Map([
    list('numFmts', m.numFmts),
    list('fonts', m.fonts),
    list('fills', m.fills),
    list('borders', m.borders),
    list('cellXfs', m.styles),
    list('dxfs', []),
  ]);
}

export class StyleMerge {
  private readonly prefix: string;
  private readonly into: Map<ListName, StyleList>;
  private readonly from: StyleSource;
  private readonly managers = new WeakMap<StyleManager, StyleSource>();
  private readonly dxfs = new Map<number, number>();

  constructor(
    private readonly inputXml: string,
    outputXml: string,
  ) {
    this.prefix = rootPrefix(inputXml, 'styleSheet');
    this.into = readLists(inputXml, this.prefix);
    this.from = sourceOf(readLists(outputXml, rootPrefix(outputXml, 'styleSheet')));
  }

  /**
   * The index in `list` of an item equal to `item` (unprefixed, as ExcelJS writes it), appended
   * in the file's prefix when the file has none.
   */
  private place(list: ListName, item: string): number {
    const items = this.into.get(list)!.items;
    const mine = withPrefix(item, this.prefix);
    const at = items.indexOf(mine);
    if (at >= 0) return at;
    items.push(mine);
    return items.length - 1;
  }

  private numFmtId(source: StyleSource, outputId: string): string {
    if (!source.formats.has(outputId) && Number(outputId) >= 164) readFormats(source);
    const code = source.formats.get(outputId);
    if (code === undefined) return outputId; // a built-in format: the same id everywhere
    const formats = this.into.get('numFmts')!.items;
    const known = formats.find((f) => attribute(f, 'formatCode') === code);
    if (known) return attribute(known, 'numFmtId') ?? outputId;
    let next = 163;
    for (const f of formats) next = Math.max(next, Number(attribute(f, 'numFmtId') ?? 0));
    formats.push(
      withPrefix(`<numFmt numFmtId="${next + 1}" formatCode="${escapeXml(code)}"/>`, this.prefix),
    );
    return String(next + 1);
  }

  /** The file's index for the output's cell style `index` (the `s` of a cell). */
  cellStyle(index: number): number {
    return this.placeStyle(this.from, index);
  }

  /** The file's index for a style of an ExcelJS style manager (cells rendered from the model). */
  managedStyle(manager: StyleManager, index: number): number {
    let source = this.managers.get(manager);
    if (!source) {
      source = sourceOf(managerLists(manager));
      this.managers.set(manager, source);
    }
    return this.placeStyle(source, index);
  }

  private placeStyle(source: StyleSource, index: number): number {
    const known = source.xfs.get(index);
    if (known !== undefined) return known;
    let xf = source.lists.get('cellXfs')!.items[index] ?? '<xf/>';
    for (const [attr, list] of [
      ['fontId', 'fonts'],
      ['fillId', 'fills'],
      ['borderId', 'borders'],
    ] as const) {
      const id = attribute(xf, attr);
      const item = id === null ? undefined : source.lists.get(list)!.items[Number(id)];
      if (item !== undefined) xf = withAttribute(xf, attr, String(this.place(list, item)));
    }
    const fmt = attribute(xf, 'numFmtId');
    if (fmt !== null) xf = withAttribute(xf, 'numFmtId', this.numFmtId(source, fmt));
    const placed = this.place('cellXfs', xf);
    source.xfs.set(index, placed);
    return placed;
  }

  /** The file's index for the output's differential style `index` (a rule's `dxfId`). */
  differentialStyle(index: number): number {
    const known = this.dxfs.get(index);
    if (known !== undefined) return known;
    const placed = this.place('dxfs', this.from.lists.get('dxfs')!.items[index] ?? '<dxf/>');
    this.dxfs.set(index, placed);
    return placed;
  }

  /** styles.xml with what was appended (the input's bytes when nothing was). */
  xml(): string {
    let xml = this.inputXml;
    for (const [name] of LISTS) {
      const list = this.into.get(name)!;
      if (list.items.length === list.original) continue;
      const p = this.prefix;
      const body = list.items.join('');
      const element = firstElement(xml, p, name);
      if (element) {
        const tag = withAttribute(
          element.text.replace(/\/>$/, '>'),
          'count',
          String(list.items.length),
        );
        const open = /^<[^>]*>/.exec(tag)![0];
        xml = `${xml.slice(0, element.start)}${open}${body}</${p}${name}>${xml.slice(element.end)}`;
      } else {
        const at = this.missingListPoint(xml, name);
        xml = `${xml.slice(0, at)}<${p}${name} count="${list.items.length}">${body}</${p}${name}>${xml.slice(at)}`;
      }
    }
    return xml;
  }

  private missingListPoint(xml: string, name: string): number {
    for (const next of ORDER.slice(ORDER.indexOf(name) + 1)) {
      const found = firstElement(xml, this.prefix, next);
      if (found) return found.start;
    }
    return xml.lastIndexOf(`</${this.prefix}styleSheet>`);
  }
}
