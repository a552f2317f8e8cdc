/**
 * The result of an offline run on an .xlsx is the input package with only the parts the run
 * changed replaced. ExcelJS writes the workbook as the run left it; from that output this
 * takes only:
 * - in each sheet of the file that the run changed, the cells, lines and sheet elements it
 *   changed, spliced into the file's own sheet XML (pkgCells.ts, pkgSheet.ts);
 * - the sheets the run created (with their notes), copied in whole;
 * - the styles and shared strings those need, appended to the file's own tables;
 * - workbook.xml's sheet list and changed names (pkgWorkbook.ts), relationships and content
 *   types for the parts added or removed; the calculation chain is dropped when a sheet
 *   changed (Excel rebuilds it).
 * Every other part (document properties, custom properties, theme, printer settings, the
 * unchanged sheets and everything hanging on them) is the file's, byte for byte.
 */
import type { FakeSheet } from '../appsScript/sheet.ts';
import type { FakeSpreadsheet } from '../appsScript/spreadsheet.ts';
import { CellRenderer } from './cellRender.ts';
import { chartsBySheet } from './chartCells.ts';
import type { ParsedStyles } from './excelXforms.ts';
import { type RowChange, remapElement, spliceSheetData } from './pkgCells.ts';
import { contentAddresses, spliceHyperlinks } from './pkgLinks.ts';
import { spliceNotes } from './pkgNotes.ts';
import { copyPart, relativeTarget, removePart } from './pkgParts.ts';
import { type SheetEdit, spliceSheetElements } from './pkgSheet.ts';
import { StringMerge } from './pkgStrings.ts';
import { StyleMerge } from './pkgStyles.ts';
import { keptWorkbook, type NameChanges, type SheetEntry } from './pkgWorkbook.ts';
import { attribute, elementPattern, elements, firstElement, rootPrefix } from './pkgXml.ts';
import { type SheetChanges, unchanged, type WorkbookChanges } from './sheetChanges.ts';
import { dimensionOf, splicedRows } from './streamedSplice.ts';
import { addSheetCharts } from './xlsxCharts.ts';
import { removeModelCharts } from './xlsxChartsRead.ts';
import { Package, REL, resolvePart, SPLICED_ROWS } from './xlsxPackage.ts';
import type { StreamedSheet } from './xlsxStreamOpen.ts';

const WORKBOOK = 'xl/workbook.xml';

interface Assembly {
  input: Package;
  output: Package;
  styles: StyleMerge;
  strings: StringMerge;
  remap: SheetEdit['remap'];
  streamed: StreamedSave | null;
}

/** What the sheets read in a stream need to be written back. */
export interface StreamedSave {
  /** The input package (its large parts are read again as a stream). */
  input: Buffer;
  /** The file's styles as ExcelJS reads them, and its date system. */
  styles: ParsedStyles;
  date1904: boolean;
  zone: string;
}

async function partOfType(pkg: Package, type: string): Promise<string | null> {
  for (const rel of (await pkg.relationships(WORKBOOK)).values())
    if (rel.type === `${REL}/${type}`) return resolvePart(WORKBOOK, rel.target);
  return null;
}

/** The run's changes of one file sheet, by row (1-based). */
function rowChanges(changes: SheetChanges): Map<number, RowChange> {
  const rows = new Map<number, RowChange>();
  const row = (r: number) => {
    const change = rows.get(r) ?? { cells: new Set(), content: new Set(), line: false };
    rows.set(r, change);
    return change;
  };
  for (const key of changes.cells) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    row(r + 1).cells.add(c + 1);
    if (changes.content.has(key)) row(r + 1).content.add(c + 1);
  }
  for (const r of changes.rows) row(r).line = true;
  return rows;
}

/**
 * A sheet read in a stream: its cells spliced in from the model as the file's part streams by
 * (streamedSplice.ts), and the same edits as spliceSheet on its text around the cells. False
 * when the run changed nothing in it: its part stays the file's.
 */
async function spliceStreamedSheet(
  a: Assembly,
  parts: { input: string; output: string },
  changes: SheetChanges,
  file: { sheet: FakeSheet; streamed: StreamedSheet },
): Promise<boolean> {
  const { streamed, sheet } = file;
  const { prefix, head, tail } = streamed;
  const s = a.streamed!;
  const output = (await a.output.text(parts.output)) ?? '';
  const selfClosing = head.endsWith('/>');
  const open = selfClosing ? head.replace(/\s*\/>$/, '>') : head;
  const close = selfClosing ? `</${prefix}sheetData>` : '';
  const cells = await splicedRows({
    input: s.input,
    streamed,
    sheet,
    lines: changes.rows,
    renderer: new CellRenderer({
      sheet,
      zone: s.zone,
      date1904: s.date1904,
      fileStyles: s.styles,
      columnStyles: columnStyles(head, prefix),
      styles: a.styles,
      strings: a.strings,
    }),
    declared: declaredPrefixes(head),
    links: linkCells(`${head}${tail}`, output),
  });
  if (!cells.changed && unchanged(changes)) return false;
  const edit: SheetEdit = {
    xml: `${open}${SPLICED_ROWS}${close}${tail}`,
    output,
    prefix,
    remap: a.remap,
    ...(cells.changed ? { dimension: dimensionOf(streamed, output, cells.box) } : {}),
  };
  spliceSheetElements(edit, changes);
  if (cells.written.size > 0) await spliceHyperlinks(a, parts, edit, cells.written);
  if (changes.notes) await spliceNotes(a, parts, edit);
  a.input.writeSpliced(parts.input, edit.xml, cells.body);
  return true;
}

function declaredPrefixes(head: string): Set<string> {
  const root = /<(?:\w+:)?worksheet\b[^>]*>/.exec(head)?.[0] ?? '';
  return new Set([...root.matchAll(/\sxmlns:(\w+)=/g)].map((m) => m[1]!));
}

/** The cells (A1) with a link in the file's part or in the output's. */
function linkCells(file: string, output: string): Set<string> {
  const refs = new Set<string>();
  for (const xml of [file, output])
    for (const tag of xml.match(/<(?:\w+:)?hyperlink\b[^>]*>/g) ?? [])
      refs.add(attribute(tag, 'ref') ?? '');
  return refs;
}

/** The file's style of each column that has one (`<col style>`), for the cells it lacks. */
function columnStyles(head: string, prefix: string): Map<number, number> {
  const styles = new Map<number, number>();
  const cols = firstElement(head, prefix, 'cols');
  for (const col of elements(cols?.text ?? '', prefix, 'col')) {
    const style = Number(attribute(col.text, 'style') ?? 0);
    const min = Number(attribute(col.text, 'min'));
    const max = Number(attribute(col.text, 'max'));
    if (style && min > 0) for (let c = min; c <= Math.min(max, 16384); c++) styles.set(c, style);
  }
  return styles;
}

async function spliceSheet(a: Assembly, part: string, outputPart: string, changes: SheetChanges) {
  const input = (await a.input.text(part)) ?? '';
  const output = (await a.output.text(outputPart)) ?? '';
  const prefix = rootPrefix(input, 'worksheet');
  const edit: SheetEdit = {
    xml: spliceSheetData(input, output, prefix, rowChanges(changes), a.remap),
    output,
    prefix,
    remap: a.remap,
  };
  spliceSheetElements(edit, changes);
  if (changes.content.size > 0) {
    const written = contentAddresses(changes.content);
    await spliceHyperlinks(a, { input: part, output: outputPart }, edit, written);
  }
  if (changes.notes) await spliceNotes(a, { input: part, output: outputPart }, edit);
  a.input.write(part, edit.xml);
}

/** A sheet the run created: ExcelJS's part and what hangs on it, under free names. */
async function addSheet(a: Assembly, outputPart: string): Promise<string> {
  const part = a.input.freshPart('xl/worksheets', 'sheet');
  const remapSheet = (xml: string) =>
    xml
      .replace(elementPattern('', 'c'), (cell) => remapElement(cell, a.remap, ''))
      .replace(/<row\b[^>]*>/g, (row) => remapElement(row, a.remap, ''))
      .replace(
        /(<col\b[^>]*\sstyle=")(\d+)"/g,
        (_, head: string, i: string) => `${head}${a.remap.style(Number(i))}"`,
      )
      .replace(/\sdxfId="(\d+)"/g, (_, i: string) => ` dxfId="${a.remap.differential(Number(i))}"`);
  await copyPart(a.output, a.input, outputPart, part, remapSheet);
  return a.input.relate(WORKBOOK, 'worksheet', relativeTarget(WORKBOOK, part));
}

export interface KeptPackageInput {
  input: Buffer;
  output: Buffer;
  changes: WorkbookChanges;
  names: NameChanges;
  ss: FakeSpreadsheet;
  /** Set when some of the file's sheets were read in a stream. */
  streamed?: Omit<StreamedSave, 'input' | 'zone'>;
}

/** The input package with the run's changes (see the file's comment). */
export async function keptPackage(k: KeptPackageInput): Promise<Buffer> {
  const input = await Package.open(k.input);
  const output = await Package.open(k.output);
  const stylesPart = (await partOfType(input, 'styles')) ?? 'xl/styles.xml';
  const stringsPart = await partOfType(input, 'sharedStrings');
  const styles = new StyleMerge(
    (await input.text(stylesPart)) ?? '',
    (await output.text((await partOfType(output, 'styles')) ?? 'xl/styles.xml')) ?? '',
  );
  const outStrings = await partOfType(output, 'sharedStrings');
  const strings = new StringMerge(
    stringsPart ? await input.text(stringsPart) : null,
    outStrings ? await output.text(outStrings) : null,
  );
  const remap = {
    style: (i: number) => styles.cellStyle(i),
    string: (i: number) => strings.index(i),
    differential: (i: number) => styles.differentialStyle(i),
  };
  const streamed = k.streamed
    ? { ...k.streamed, input: k.input, zone: k.ss.timeZoneInternal }
    : null;
  const a: Assembly = { input, output, styles, strings, remap, streamed };
  const { entries, changed } = await sheetsOf(a, k.changes);
  await removeSheets(a, entries, changed);
  input.write(WORKBOOK, keptWorkbook((await input.text(WORKBOOK)) ?? '', entries, k.names));
  await writeTables(a, stylesPart, stringsPart);
  await chartsOf(a, k.ss, k.changes);
  return input.generate();
}

/**
 * The result's tabs: the file's sheets (spliced where changed) and the new ones, in order; and
 * whether a sheet of the file changed (the calculation chain then goes).
 */
async function sheetsOf(
  a: Assembly,
  changes: WorkbookChanges,
): Promise<{ entries: SheetEntry[]; changed: boolean }> {
  let changed = false;
  const fileParts = await a.input.worksheets();
  const byName = new Map<string, [FakeSheet, SheetChanges]>();
  for (const [sheet, c] of changes.sheets) byName.set(sheet.sheetName, [sheet, c]);
  const entries: SheetEntry[] = [];
  for (const [name, outputPart] of await a.output.worksheets()) {
    const [sheet, c] = byName.get(name) ?? [];
    const state = await stateOf(a.output, name);
    const part = c ? fileParts.get(c.fileName) : undefined;
    if (sheet && c && part) {
      const streamed = changes.streamed?.get(sheet);
      const parts = { input: part, output: outputPart };
      if (streamed)
        changed = (await spliceStreamedSheet(a, parts, c, { sheet, streamed })) || changed;
      else if (!unchanged(c)) {
        await spliceSheet(a, part, outputPart, c);
        changed = true;
      }
      entries.push({ name, state, fileName: c.fileName, relId: null });
    } else entries.push({ name, state, fileName: null, relId: await addSheet(a, outputPart) });
  }
  return { entries, changed };
}

async function stateOf(pkg: Package, name: string): Promise<SheetEntry['state']> {
  const xml = (await pkg.text(WORKBOOK)) ?? '';
  for (const tag of xml.match(/<(?:\w+:)?sheet\b[^>]*>/g) ?? []) {
    // compared unescaped: ExcelJS writes `'` as `&apos;`, `<` as `&lt;`
    if (attribute(tag, 'name') !== name) continue;
    const state = attribute(tag, 'state');
    return state === 'hidden' || state === 'veryHidden' ? state : 'visible';
  }
  return 'visible';
}

/** The file's sheets the result has not kept (deleted by the run, or the old state sheet). */
async function removeSheets(a: Assembly, entries: SheetEntry[], sheetChanged: boolean) {
  const kept = new Set(entries.map((e) => e.fileName));
  const rels = await a.input.relationships(WORKBOOK);
  let changed = sheetChanged;
  for (const [name, part] of await a.input.worksheets()) {
    if (kept.has(name)) continue;
    changed = true;
    for (const [id, rel] of rels)
      if (resolvePart(WORKBOOK, rel.target) === part) await a.input.unrelate(WORKBOOK, id);
    await removePart(a.input, part);
  }
  const chain = await partOfType(a.input, 'calcChain');
  if (changed && chain) {
    for (const [id, rel] of rels)
      if (rel.type === `${REL}/calcChain`) await a.input.unrelate(WORKBOOK, id);
    await removePart(a.input, chain);
  }
}

async function writeTables(a: Assembly, stylesPart: string, stringsPart: string | null) {
  const styles = a.styles.xml();
  if (styles !== (await a.input.text(stylesPart))) a.input.write(stylesPart, styles);
  const strings = a.strings.xml();
  if (strings === null) return;
  const part = stringsPart ?? 'xl/sharedStrings.xml';
  a.input.write(part, strings);
  if (stringsPart) return;
  await a.input.relate(WORKBOOK, 'sharedStrings', relativeTarget(WORKBOOK, part));
  await a.input.declare(
    part,
    'application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml',
  );
}

/** Native charts: every chart of a new sheet; a file sheet's charts when the run changed them. */
async function chartsOf(a: Assembly, ss: FakeSpreadsheet, changes: WorkbookChanges) {
  const parts = await a.input.worksheets();
  const charts = chartsBySheet(ss.sheetList());
  const fromFile = new Map<string, SheetChanges>();
  for (const [sheet, c] of changes.sheets) fromFile.set(sheet.sheetName, c);
  for (const { sheetName: name } of ss.sheetList()) {
    const part = parts.get(name);
    const c = fromFile.get(name);
    if (!part || (c && !c.charts)) continue;
    if (c) await removeModelCharts(a.input, ss, name, part);
    const list = charts.get(name);
    if (list) await addSheetCharts(a.input, part, list);
  }
}
