/**
 * One ExcelJS cell <-> one cell of the runtime's model: its content (value, formula, rich text,
 * error) and each formatting attribute, read and written one attribute at a time so that a
 * write changes only that attribute and keeps the rest of the cell's style as it was.
 */
import type ExcelJS from 'exceljs';
import { parseA1 } from '../appsScript/a1.ts';
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR } from '../appsScript/cells.ts';
import { type Cell, DEFAULT_NUMBER_FORMAT, isDate } from '../appsScript/format.ts';
import { rememberSpill, spillRange } from '../appsScript/formulas.ts';
import type { Layer } from '../appsScript/grid.ts';
import {
  FakeRichTextValue,
  type TextRun,
  type TextStyleData,
  UNSET_TEXT_STYLE,
} from '../appsScript/richText.ts';
import type { SheetGrid } from '../appsScript/sheetGrid.ts';
import { fromExcelDate, toExcelDate } from '../appsScript/zone.ts';

export const AUTO_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

export function argb(color: string): string {
  return `FF${color.replace('#', '').toUpperCase()}`;
}

export function fromArgb(v: unknown): string | null {
  if (typeof v !== 'string') return null;
  const hex = v.length === 8 ? v.slice(2) : v;
  return /^[0-9a-fA-F]{6}$/.test(hex) ? `#${hex.toLowerCase()}` : null;
}

// ---------------------------------------------------------------------------------------
// Style parts: always replaced, never mutated (ExcelJS shares style objects between cells).
//
// Each distinct style is one object: ExcelJS's writer remembers a style's index by object, so
// cells sharing a style object cost one look-up, while a fresh object per cell costs a rebuild
// of its XML per cell (most of a 300,000-row save). A change from a given style is memoised.

type Style = Partial<ExcelJS.Style>;
type StylePart = 'numFmt' | 'font' | 'fill' | 'alignment';

const EMPTY_STYLE: Style = {};
const internedStyles = new Map<string, Style>();
const styleChanges = new WeakMap<Style, Map<string, Style>>();

function internStyle(style: Style): Style {
  const key = JSON.stringify(style);
  const known = internedStyles.get(key);
  if (known) return known;
  internedStyles.set(key, style);
  return style;
}

function restyle(cell: ExcelJS.Cell, part: StylePart, value: unknown): void {
  const current = (cell.style ?? EMPTY_STYLE) as Style;
  const from = Object.keys(current).length === 0 ? EMPTY_STYLE : current;
  const change = `${part}:${JSON.stringify(value) ?? ''}`;
  let changes = styleChanges.get(from);
  if (!changes) {
    changes = new Map();
    styleChanges.set(from, changes);
  }
  let next = changes.get(change);
  if (!next) {
    const style = { ...from } as Record<string, unknown>;
    if (value === undefined) delete style[part];
    else style[part] = value;
    next = internStyle(style as Style);
    changes.set(change, next);
  }
  cell.style = next;
}

/** Sets (or, with undefined, removes) properties of a style part, keeping the others. */
function patch(cell: ExcelJS.Cell, part: 'font' | 'alignment', changes: object): void {
  const current = (cell.style as Record<string, unknown>)[part];
  const next: Record<string, unknown> = { ...(current as object | undefined) };
  for (const [k, v] of Object.entries(changes)) {
    if (v === undefined) delete next[k];
    else next[k] = v;
  }
  restyle(cell, part, Object.keys(next).length > 0 ? next : undefined);
}

// ---------------------------------------------------------------------------------------
// Content

export interface CellContent {
  value: Cell;
  formula: string;
  rich: FakeRichTextValue | null;
  error: string;
  /** The block an array formula's result covers (`D3:E9`), '' for one cell. */
  spill: string;
}

const BLANK: CellContent = { value: '', formula: '', rich: null, error: '', spill: '' };

function fontStyle(font: Partial<ExcelJS.Font> | undefined): TextStyleData {
  const f = font ?? {};
  const flag = (v: unknown): boolean | null => (typeof v === 'boolean' ? v : null);
  return {
    bold: flag(f.bold),
    italic: flag(f.italic),
    underline: f.underline === undefined ? null : f.underline !== false && f.underline !== 'none',
    strikethrough: flag(f.strike),
    fontSize: typeof f.size === 'number' ? f.size : null,
    fontFamily: typeof f.name === 'string' ? f.name : null,
    foregroundColor: fromArgb(f.color?.argb),
  };
}

function excelFont(s: TextStyleData): Partial<ExcelJS.Font> {
  const font: Partial<ExcelJS.Font> = {};
  if (s.bold !== null) font.bold = s.bold;
  if (s.italic !== null) font.italic = s.italic;
  if (s.underline !== null) font.underline = s.underline;
  if (s.strikethrough !== null) font.strike = s.strikethrough;
  if (s.fontSize !== null) font.size = s.fontSize;
  if (s.fontFamily !== null) font.name = s.fontFamily;
  if (s.foregroundColor !== null) font.color = { argb: argb(s.foregroundColor) };
  return font;
}

function richFrom(parts: unknown, link: string | null): FakeRichTextValue {
  const runs: TextRun[] = [];
  let text = '';
  const list = Array.isArray(parts) ? (parts as { text?: unknown; font?: ExcelJS.Font }[]) : [];
  for (const p of list) {
    const t = String(p.text ?? '');
    runs.push({ start: text.length, end: text.length + t.length, style: fontStyle(p.font), link });
    text += t;
  }
  return new FakeRichTextValue(text, runs);
}

function plainLink(text: string, link: string): FakeRichTextValue {
  return new FakeRichTextValue(text, [
    { start: 0, end: text.length, style: UNSET_TEXT_STYLE, link },
  ]);
}

function scalar(v: unknown, zone: string): Cell {
  if (typeof v === 'number' || typeof v === 'string' || typeof v === 'boolean') return v;
  if (isDate(v)) return fromExcelDate(v, zone);
  return '';
}

function formulaContent(cell: ExcelJS.Cell, o: Record<string, unknown>, zone: string): CellContent {
  const text =
    typeof cell.formula === 'string' && cell.formula !== ''
      ? cell.formula
      : String(o.formula ?? '');
  const formula = text.startsWith('=') ? text : `=${text}`;
  const result = o.result;
  const spill = o.shareType === 'array' && typeof o.ref === 'string' ? o.ref : '';
  if (result !== null && typeof result === 'object' && 'error' in result) {
    const error = String((result as { error: unknown }).error);
    return { value: error, formula, rich: null, error, spill };
  }
  return { value: scalar(result, zone), formula, rich: null, error: '', spill };
}

/** What an ExcelJS cell holds, as the model stores it. */
export function readContent(cell: ExcelJS.Cell, zone: string): CellContent {
  const v = cell.value as unknown;
  if (v === null || v === undefined) return BLANK;
  if (typeof v !== 'object' || isDate(v)) return { ...BLANK, value: scalar(v, zone) };
  const o = v as Record<string, unknown>;
  if ('formula' in o || 'sharedFormula' in o) return formulaContent(cell, o, zone);
  if ('error' in o) return { ...BLANK, value: String(o.error), error: String(o.error) };
  if (Array.isArray(o.richText)) {
    const rich = richFrom(o.richText, null);
    return { ...BLANK, value: rich.getText(), rich };
  }
  if ('hyperlink' in o) {
    const link = String(o.hyperlink);
    const t = o.text as unknown;
    const rich =
      t !== null && typeof t === 'object' && 'richText' in t
        ? richFrom((t as { richText: unknown }).richText, link)
        : plainLink(String(t ?? ''), link);
    return { ...BLANK, value: rich.getText(), rich };
  }
  if ('text' in o) return { ...BLANK, value: String(o.text) };
  return { ...BLANK, value: String(v) };
}

/** The content of one model cell (0-based). */
export function contentAt(sheet: SheetGrid, r: number, c: number): CellContent {
  return {
    value: sheet.cellInternal(r, c),
    formula: sheet.formulas.get(r, c),
    rich: sheet.richTexts.get(r, c),
    error: sheet.errors.get(r, c),
    spill: spillRange(sheet, r, c),
  };
}

/** Stores loaded content into the model (0-based). */
export function storeContent(sheet: SheetGrid, r: number, c: number, content: CellContent): void {
  if (content.value !== '') sheet.values.set(r, c, content.value);
  if (isDate(content.value)) sheet.dateMs.set(r, c, content.value.getTime());
  if (content.formula !== '') sheet.formulas.set(r, c, content.formula);
  if (content.rich !== null) sheet.richTexts.set(r, c, content.rich);
  if (content.error !== '') sheet.errors.set(r, c, content.error);
  if (content.spill !== '') {
    const ref = parseA1(content.spill);
    const top = ref.row ?? r + 1;
    const left = ref.col ?? c + 1;
    rememberSpill(sheet, r, c, (ref.endRow ?? top) - top + 1, (ref.endCol ?? left) - left + 1);
  }
}

function richValue(rich: FakeRichTextValue): ExcelJS.CellValue {
  const link = rich.runs.find((r) => r.link !== null)?.link ?? null;
  const styled = rich.runs.some((r) => Object.values(excelFont(r.style)).length > 0);
  const richText = rich.runs.map((r) => ({
    text: rich.text.slice(r.start, r.end),
    font: excelFont(r.style),
  }));
  // An xlsx cell has one link: the first run's link stands for the cell.
  if (link !== null) return { text: styled ? { richText } : rich.text, hyperlink: link } as never;
  return { richText };
}

/** Writes a model cell's content onto an ExcelJS cell (formulas keep their cached result). */
export function writeContent(cell: ExcelJS.Cell, content: CellContent, zone: string): void {
  setContent(cell, content, zone);
  if (
    isDate(content.value) &&
    (cell.numFmt === undefined || cell.numFmt === '' || cell.numFmt === 'General')
  )
    restyle(cell, 'numFmt', AUTO_DATE_FORMAT);
}

/** Sets an ExcelJS cell's value to a model cell's content, its style as it was. */
export function setContent(cell: ExcelJS.Cell, content: CellContent, zone: string): void {
  const { value, formula, rich, error, spill } = content;
  const excelValue = isDate(value) ? toExcelDate(value, zone) : value;
  if (formula !== '') {
    const result = error !== '' ? { error } : excelValue === '' ? undefined : excelValue;
    cell.value = {
      formula: formula.replace(/^=/, ''),
      ...(result !== undefined ? { result } : {}),
      // an array result is written as Sheets and Excel write it: the formula owns its range
      ...(spill !== '' ? { shareType: 'array', ref: spill } : {}),
    } as never;
  } else if (rich !== null) cell.value = richValue(rich);
  else if (error !== '') cell.value = { error } as never;
  else cell.value = excelValue === '' ? null : excelValue;
}

// ---------------------------------------------------------------------------------------
// Formatting attributes

export interface XlsxAttribute<T> {
  layer(sheet: SheetGrid): Layer<T>;
  /** The model's value for this cell, undefined when the cell does not set it. */
  read(cell: ExcelJS.Cell): T | undefined;
  /** Sets the attribute (the layer's blank value removes it), keeping the rest of the style. */
  write(cell: ExcelJS.Cell, value: T): void;
}

function readNote(cell: ExcelJS.Cell): string | undefined {
  const n = cell.note as unknown;
  if (typeof n === 'string') return n === '' ? undefined : n;
  if (n !== null && typeof n === 'object' && 'texts' in n) {
    const texts = (n as { texts: unknown }).texts;
    if (Array.isArray(texts))
      return texts.map((t: { text?: unknown }) => String(t.text ?? '')).join('');
  }
  return undefined;
}

/** Gives a cell the one shared empty style (a new ExcelJS cell has an object of its own). */
export function clearStyle(cell: ExcelJS.Cell): void {
  cell.style = EMPTY_STYLE;
}

/** Sets a cell's number format, keeping the rest of its style. */
export function writeNumberFormat(cell: ExcelJS.Cell, format: string): void {
  restyle(cell, 'numFmt', format);
}

function writeNote(cell: ExcelJS.Cell, note: string): void {
  if (note !== '') cell.note = note;
  // ExcelJS has no way to remove a note but its private field.
  else (cell as unknown as { _comment?: unknown })._comment = undefined;
}

function alignmentAttribute<T>(
  layer: (s: SheetGrid) => Layer<T>,
  key: keyof ExcelJS.Alignment,
  fromExcel: (v: unknown) => T | undefined,
  toExcel: (v: T) => unknown,
): XlsxAttribute<T> {
  return {
    layer,
    read: (cell) => fromExcel(cell.alignment?.[key]),
    write: (cell, v) => patch(cell, 'alignment', { [key]: toExcel(v) }),
  };
}

const text = (v: unknown): string | undefined =>
  typeof v === 'string' && v !== '' ? v : undefined;

const ATTRIBUTES = [
  {
    layer: (s) => s.backgrounds,
    read: (cell) => {
      const f = cell.fill as { type?: unknown; pattern?: unknown; fgColor?: { argb?: unknown } };
      return f?.type === 'pattern' && f.pattern === 'solid'
        ? (fromArgb(f.fgColor?.argb) ?? undefined)
        : undefined;
    },
    write: (cell, v: string) =>
      restyle(
        cell,
        'fill',
        v === DEFAULT_BACKGROUND
          ? undefined
          : { type: 'pattern', pattern: 'solid', fgColor: { argb: argb(v) } },
      ),
  } satisfies XlsxAttribute<string>,
  {
    layer: (s) => s.numberFormats,
    read: (cell) => (cell.numFmt === 'General' ? undefined : text(cell.numFmt)),
    write: (cell, v: string) =>
      restyle(cell, 'numFmt', v === DEFAULT_NUMBER_FORMAT ? undefined : v),
  } satisfies XlsxAttribute<string>,
  { layer: (s) => s.notes, read: readNote, write: writeNote } satisfies XlsxAttribute<string>,
  {
    layer: (s) => s.fontWeights,
    read: (cell) => (cell.font?.bold === true ? 'bold' : undefined),
    write: (cell, v: string) => patch(cell, 'font', { bold: v === 'bold' ? true : undefined }),
  } satisfies XlsxAttribute<string>,
  {
    layer: (s) => s.fontStyles,
    read: (cell) => (cell.font?.italic === true ? 'italic' : undefined),
    write: (cell, v: string) => patch(cell, 'font', { italic: v === 'italic' ? true : undefined }),
  } satisfies XlsxAttribute<string>,
  {
    layer: (s) => s.fontColors,
    read: (cell) => fromArgb(cell.font?.color?.argb) ?? undefined,
    write: (cell, v: string) =>
      patch(cell, 'font', { color: v === DEFAULT_FONT_COLOR ? undefined : { argb: argb(v) } }),
  } satisfies XlsxAttribute<string>,
  {
    layer: (s) => s.fontSizes,
    read: (cell) => (typeof cell.font?.size === 'number' ? cell.font.size : undefined),
    write: (cell, v: number) => patch(cell, 'font', { size: v === 10 ? undefined : v }),
  } satisfies XlsxAttribute<number>,
  {
    layer: (s) => s.fontFamilies,
    read: (cell) => text(cell.font?.name),
    write: (cell, v: string) => patch(cell, 'font', { name: v === 'Arial' ? undefined : v }),
  } satisfies XlsxAttribute<string>,
  alignmentAttribute(
    (s) => s.horizontalAlignments,
    'horizontal',
    text,
    (v: string) => (v === 'general' || v === 'normal' ? undefined : v),
  ),
  alignmentAttribute(
    (s) => s.verticalAlignments,
    'vertical',
    text,
    (v: string) => (v === 'bottom' ? undefined : v),
  ),
  alignmentAttribute(
    (s) => s.wraps,
    'wrapText',
    (v) => (v === true ? true : undefined),
    (v: boolean) => (v ? true : undefined),
  ),
];

/** Every formatting attribute the model keeps per cell (data validation is in xlsxValidation). */
export const XLSX_ATTRIBUTES = ATTRIBUTES as readonly XlsxAttribute<unknown>[];
