/**
 * ExcelJS's own readers and writers of package parts (its "xforms"), which its type
 * declarations leave out. The streamed read of a large sheet (xlsxStreamSheet.ts) and the cells
 * it renders on save (cellRender.ts) use them, so that a cell read or written that way is what
 * ExcelJS's whole-workbook load and write make of it: the same style models, shared strings,
 * dates and cell XML.
 */
import { createRequire } from 'node:module';
import type ExcelJS from 'exceljs';

const require = createRequire(import.meta.url);

/** An ExcelJS style model (what `cell.style` holds). */
export type StyleModel = Partial<ExcelJS.Style>;

interface Parser {
  parseStream(stream: AsyncIterable<string>): Promise<unknown>;
}

/** styles.xml as ExcelJS parses it: the style model of each cell style index. */
export interface ParsedStyles extends Parser {
  getStyleModel(id: number): StyleModel | null;
}

/** ExcelJS's style manager while it writes: each distinct style once, as XML. */
export interface StyleManager {
  addStyleModel(model: StyleModel, cellType: number): number;
  readonly model: {
    styles: string[];
    numFmts: string[];
    fonts: string[];
    fills: string[];
    borders: string[];
  };
}

interface SharedStringsParser extends Parser {
  readonly values: unknown[];
}

/** The cell model ExcelJS renders (`cell.model`, plus what `prepare` adds). */
export type CellModel = Record<string, unknown> & { address: string; type: number };

export interface CellRenderOptions {
  styles: { addStyleModel(model: StyleModel, cellType: number): number };
  sharedStrings: { add(value: unknown): number };
  hyperlinks: unknown[];
  comments: unknown[];
  merges: { add(model: unknown): void };
  formulae: Record<string, unknown>;
  siFormulae: number;
  date1904: boolean;
}

interface CellXform {
  prepare(model: CellModel, options: CellRenderOptions): void;
  render(xml: XmlStream, model: CellModel): void;
}

interface XmlStream {
  readonly xml: string;
}

interface ExcelUtils {
  isDateFmt(format: string | undefined): boolean;
  excelToDate(serial: number, date1904: boolean): Date;
  xmlDecode(text: string): string;
}

const StylesXform = require('exceljs/lib/xlsx/xform/style/styles-xform.js') as new (
  initialise?: boolean,
) => ParsedStyles & StyleManager;
const SharedStringsXform =
  require('exceljs/lib/xlsx/xform/strings/shared-strings-xform.js') as new () => SharedStringsParser;
const CellXformClass = require('exceljs/lib/xlsx/xform/sheet/cell-xform.js') as new () => CellXform;
const XmlStreamClass = require('exceljs/lib/utils/xml-stream.js') as new () => XmlStream;
const SharedStringXform =
  require('exceljs/lib/xlsx/xform/strings/shared-string-xform.js') as new () => {
    render(xml: XmlStream, value: unknown): void;
  };

export const excelUtils = require('exceljs/lib/utils/utils.js') as ExcelUtils;

async function* once(text: string): AsyncGenerator<string> {
  yield text;
}

/** Parses styles.xml as ExcelJS's load does. */
export async function parseStyles(xml: string | null): Promise<ParsedStyles> {
  const styles = new StylesXform();
  if (xml !== null) await styles.parseStream(once(xml));
  return styles;
}

/** Parses sharedStrings.xml as ExcelJS's load does: each string, or a `{ richText }` value. */
export async function parseSharedStrings(text: AsyncIterable<string>): Promise<unknown[]> {
  const strings = new SharedStringsXform();
  await strings.parseStream(text);
  return strings.values;
}

/** A fresh style manager, as ExcelJS starts one to write a workbook. */
export function newStyleManager(): StyleManager {
  return new StylesXform(true);
}

const cellXform = new CellXformClass();

/** A cell's XML as ExcelJS writes it (`prepare` registers its style and shared string). */
export function renderCell(model: CellModel, options: CellRenderOptions): string {
  cellXform.prepare(model, options);
  const xml = new XmlStreamClass();
  cellXform.render(xml, model);
  return xml.xml;
}

const sharedStringXform = new SharedStringXform();

/** A shared string's `<si>` as ExcelJS writes it (a string, or a `{ richText }` value). */
export function renderSharedString(value: unknown): string {
  const xml = new XmlStreamClass();
  sharedStringXform.render(xml, value);
  return xml.xml;
}
