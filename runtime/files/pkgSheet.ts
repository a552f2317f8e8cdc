/**
 * A changed sheet of the file: its XML with only what the run changed replaced. Cells come
 * from pkgCells.ts; here the rest: the used range, column widths, frozen panes, tab colour,
 * merges, conditional formats and validations, each taken from ExcelJS's output only when the
 * run changed it. Everything else the file held (extensions such as sparklines, notes' and
 * drawings' links, page setup, protection...) is kept as it was.
 */
import type { FakeConditionalFormatRule } from '../appsScript/conditionalFormat.ts';
import { type Remap, remapElement } from './pkgCells.ts';
import {
  attribute,
  elements,
  firstElement,
  insertionPoint,
  replaceSpans,
  startTag,
  withAttribute,
} from './pkgXml.ts';
import type { FileRule, SheetChanges } from './sheetChanges.ts';
import { elementsAfter, type WorksheetElement } from './worksheetOrder.ts';
import { unescapeXml } from './xlsxPackage.ts';
import { ruleToExcel } from './xlsxSheet.ts';

export interface SheetEdit {
  xml: string;
  readonly output: string;
  readonly prefix: string;
  readonly remap: Remap & { differential(outputIndex: number): number };
  /** The used range, when it is not the output's (a sheet whose cells ExcelJS did not hold). */
  readonly dimension?: string;
}

/** Replaces the file's element by the output's (either may be missing). */
function takeElement(edit: SheetEdit, name: WorksheetElement): void {
  const p = edit.prefix;
  const mine = firstElement(edit.xml, p, name);
  const found =
    name === 'dimension' && edit.dimension !== undefined
      ? { text: edit.dimension }
      : firstElement(edit.output, '', name);
  const theirs = found ? remapElement(found.text, edit.remap, p) : '';
  if (mine) edit.xml = replaceSpans(edit.xml, [{ span: mine, by: theirs }]);
  else if (theirs !== '') {
    const at = insertionPoint(edit.xml, p, 'worksheet', elementsAfter(name));
    edit.xml = edit.xml.slice(0, at) + theirs + edit.xml.slice(at);
  }
}

interface ColRange {
  min: number;
  max: number;
  xml: string;
}

function colRanges(xml: string, prefix: string): ColRange[] {
  const cols = firstElement(xml, prefix, 'cols');
  if (!cols) return [];
  return elements(cols.text, prefix, 'col').map((c) => ({
    min: Number(attribute(c.text, 'min')),
    max: Number(attribute(c.text, 'max')),
    xml: c.text,
  }));
}

/** The file's `<cols>` with the changed columns' entries taken from the output's. */
function spliceColumns(edit: SheetEdit, columns: ReadonlySet<number>): void {
  const p = edit.prefix;
  let ranges = colRanges(edit.xml, p);
  const theirs = colRanges(edit.output, '');
  for (const c of columns) {
    ranges = ranges.flatMap((r) => {
      if (c < r.min || c > r.max) return [r];
      const part = (min: number, max: number) => ({
        min,
        max,
        xml: withAttribute(withAttribute(r.xml, 'min', String(min)), 'max', String(max)),
      });
      return [
        ...(r.min < c ? [part(r.min, c - 1)] : []),
        ...(c < r.max ? [part(c + 1, r.max)] : []),
      ];
    });
    const source = theirs.find((r) => c >= r.min && c <= r.max);
    if (source) {
      let xml = withAttribute(withAttribute(source.xml, 'min', String(c)), 'max', String(c));
      const style = attribute(xml, 'style');
      if (style !== null)
        xml = withAttribute(xml, 'style', String(edit.remap.style(Number(style))));
      ranges.push({ min: c, max: c, xml: remapElement(xml, edit.remap, p) });
    }
  }
  ranges.sort((a, b) => a.min - b.min);
  const body = ranges.map((r) => r.xml).join('');
  const mine = firstElement(edit.xml, p, 'cols');
  const element = body === '' ? '' : `<${p}cols>${body}</${p}cols>`;
  if (mine) edit.xml = replaceSpans(edit.xml, [{ span: mine, by: element }]);
  else if (element !== '') {
    const at = insertionPoint(edit.xml, p, 'worksheet', ['sheetData']);
    edit.xml = edit.xml.slice(0, at) + element + edit.xml.slice(at);
  }
}

/** The tab colour of the output's `<sheetPr>`, put in the file's (created when missing). */
function spliceTabColor(edit: SheetEdit): void {
  const p = edit.prefix;
  const theirs = firstElement(firstElement(edit.output, '', 'sheetPr')?.text ?? '', '', 'tabColor');
  const color = theirs ? remapElement(theirs.text, edit.remap, p) : '';
  const sheetPr = firstElement(edit.xml, p, 'sheetPr');
  if (!sheetPr) {
    if (color === '') return;
    const at =
      startTag(edit.xml.slice(edit.xml.indexOf(`<${p}worksheet`))).length +
      edit.xml.indexOf(`<${p}worksheet`);
    edit.xml = `${edit.xml.slice(0, at)}<${p}sheetPr>${color}</${p}sheetPr>${edit.xml.slice(at)}`;
    return;
  }
  const old = firstElement(sheetPr.text, p, 'tabColor');
  let next = old ? sheetPr.text.replace(old.text, '') : sheetPr.text;
  const open = startTag(next);
  next = open.endsWith('/>')
    ? `${open.slice(0, -2).trimEnd()}>${color}</${p}sheetPr>`
    : open + color + next.slice(open.length);
  edit.xml = replaceSpans(edit.xml, [{ span: sheetPr, by: next }]);
}

const ruleText = (rule: string): string =>
  attribute(startTag(rule), 'text') ??
  unescapeXml(/<(?:\w+:)?formula>([\s\S]*?)<\/(?:\w+:)?formula>/.exec(rule)?.[1] ?? '');

/** The file's conditional formats without the rules the run removed (matched by range and formula). */
function removeRules(edit: SheetEdit, removed: readonly FileRule[]): void {
  const p = edit.prefix;
  const edits = [];
  for (const cf of elements(edit.xml, p, 'conditionalFormatting')) {
    const ref = attribute(startTag(cf.text), 'sqref');
    const gone = elements(cf.text, p, 'cfRule').filter((rule) =>
      removed.some((r) => r.ref === ref && r.formula === ruleText(rule.text)),
    );
    if (gone.length === 0) continue;
    const kept = elements(cf.text, p, 'cfRule').length - gone.length;
    edits.push({
      span: cf,
      by:
        kept === 0
          ? ''
          : replaceSpans(
              cf.text,
              gone.map((span) => ({ span, by: '' })),
            ),
    });
  }
  edit.xml = replaceSpans(edit.xml, edits);
}

/** The output's elements for the rules the run added, after the file's, with free priorities. */
function addRules(edit: SheetEdit, added: readonly FakeConditionalFormatRule[]): void {
  const p = edit.prefix;
  let priority = 0;
  for (const m of edit.xml.matchAll(/\spriority="(\d+)"/g))
    priority = Math.max(priority, Number(m[1]));
  const theirs = elements(edit.output, '', 'conditionalFormatting');
  const xml = added.flatMap((rule) => {
    const cf = ruleToExcel(rule, 0);
    const first = cf?.rules[0] as { formulae?: unknown[]; text?: unknown } | undefined;
    const formula = String(first?.formulae?.[0] ?? first?.text ?? '');
    const found = theirs.find(
      (t) =>
        attribute(startTag(t.text), 'sqref') === cf?.ref &&
        elements(t.text, '', 'cfRule').some((r) => ruleText(r.text) === formula),
    );
    if (!found) return [];
    let element = remapElement(found.text, edit.remap, p);
    element = element.replace(/\spriority="\d+"/g, () => ` priority="${++priority}"`);
    return [
      element.replace(
        /\sdxfId="(\d+)"/g,
        (_, i: string) => ` dxfId="${edit.remap.differential(Number(i))}"`,
      ),
    ];
  });
  if (xml.length === 0) return;
  const last = elements(edit.xml, p, 'conditionalFormatting').at(-1);
  const at = last
    ? last.end
    : insertionPoint(edit.xml, p, 'worksheet', elementsAfter('conditionalFormatting'));
  edit.xml = edit.xml.slice(0, at) + xml.join('') + edit.xml.slice(at);
}

/** Everything but the cells (and the parts beside the sheet) that the run changed. */
export function spliceSheetElements(edit: SheetEdit, changes: SheetChanges): void {
  if (changes.cells.size > 0 || changes.rows.size > 0 || edit.dimension !== undefined)
    takeElement(edit, 'dimension');
  if (changes.columns.size > 0) spliceColumns(edit, changes.columns);
  if (changes.frozen) takeElement(edit, 'sheetViews');
  if (changes.tabColor) spliceTabColor(edit);
  if (changes.merges) takeElement(edit, 'mergeCells');
  if (changes.rulesRemoved.length > 0) removeRules(edit, changes.rulesRemoved);
  if (changes.rulesAdded.length > 0) addRules(edit, changes.rulesAdded);
  if (changes.validations) takeElement(edit, 'dataValidations');
}
