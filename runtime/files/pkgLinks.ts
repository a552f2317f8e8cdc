/**
 * Cell links of a changed sheet: a cell's link lives in the sheet's `<hyperlinks>` and, for a
 * URL, in a relationship of the sheet. The links of the cells the run wrote are taken from
 * ExcelJS's output (with new relationships in the file's sheet); every other link is the file's.
 */
import { a1Notation } from '../appsScript/a1.ts';
import type { SheetEdit } from './pkgSheet.ts';
import {
  attribute,
  elements,
  firstElement,
  insertionPoint,
  replaceSpans,
  startTag,
  withAttribute,
  withPrefix,
} from './pkgXml.ts';
import { elementsAfter } from './worksheetOrder.ts';
import type { Package } from './xlsxPackage.ts';

const REL_URI = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const relId = (link: string): string | null =>
  /\s\w+:id="([^"]*)"/.exec(startTag(link))?.[1] ?? null;

/** The A1 addresses of the cells whose content the run changed. */
export function contentAddresses(content: ReadonlySet<string>): Set<string> {
  const out = new Set<string>();
  for (const key of content) {
    const [r, c] = key.split(',').map(Number) as [number, number];
    out.add(a1Notation(r + 1, c + 1, 1, 1));
  }
  return out;
}

/** Declares the relationships namespace as `r` on the sheet's root when it is not. */
export function withRelNamespace(xml: string, prefix: string): string {
  if (new RegExp(`xmlns:r="${REL_URI}"`).test(xml)) return xml;
  return xml.replace(new RegExp(`<${prefix}worksheet\\b`), `$& xmlns:r="${REL_URI}"`);
}

export async function spliceHyperlinks(
  pkg: { input: Package; output: Package },
  parts: { input: string; output: string },
  edit: SheetEdit,
  written: { has(a1: string): boolean },
): Promise<void> {
  const p = edit.prefix;
  const mine = firstElement(edit.xml, p, 'hyperlinks');
  const theirs = elements(firstElement(edit.output, '', 'hyperlinks')?.text ?? '', '', 'hyperlink');
  const touched = (link: string) => written.has(attribute(link, 'ref') ?? '');
  const kept = elements(mine?.text ?? '', p, 'hyperlink').filter((l) => !touched(l.text));
  const dropped = elements(mine?.text ?? '', p, 'hyperlink').filter((l) => touched(l.text));
  const added = theirs.filter((l) => touched(l.text));
  if (dropped.length === 0 && added.length === 0) return;
  for (const link of dropped) {
    const id = relId(link.text);
    if (id) await pkg.input.unrelate(parts.input, id);
  }
  const outRels = await pkg.output.relationships(parts.output);
  const links = kept.map((l) => l.text);
  for (const link of added) {
    let xml = withPrefix(link.text, p);
    const rel = outRels.get(relId(link.text) ?? '');
    if (rel) {
      const id = await pkg.input.relateAs(parts.input, rel.type, rel.target, rel.external);
      xml = withAttribute(xml.replace(/\s\w+:id="[^"]*"/, ''), 'r:id', id);
    }
    links.push(xml);
  }
  const element = links.length === 0 ? '' : `<${p}hyperlinks>${links.join('')}</${p}hyperlinks>`;
  if (mine) edit.xml = replaceSpans(edit.xml, [{ span: mine, by: element }]);
  else {
    const at = insertionPoint(edit.xml, p, 'worksheet', elementsAfter('hyperlinks'));
    edit.xml = edit.xml.slice(0, at) + element + edit.xml.slice(at);
  }
  if (added.length > 0) edit.xml = withRelNamespace(edit.xml, p);
}
