/**
 * workbook.xml of the kept package: the file's, with its `<sheets>` in the run's order (the
 * file's own `<sheet>` elements kept, renamed or re-stated only when the run did so), defined
 * names changed only where the run changed a named range (sheet-scoped names follow their
 * sheet's new position), and the active tab following its sheet. Everything else (workbook
 * protection, calculation settings, extensions) stays as the file had it.
 */
import {
  attribute,
  elements,
  escapeXml,
  firstElement,
  insertionPoint,
  replaceSpans,
  rootPrefix,
  startTag,
  withAttribute,
} from './pkgXml.ts';

const REL_URI = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

/** One tab of the result, in order. */
export interface SheetEntry {
  name: string;
  state: 'visible' | 'hidden' | 'veryHidden';
  /** Its name in the file, for a sheet that came from it. */
  fileName: string | null;
  /** The workbook relationship of a new sheet. */
  relId: string | null;
}

export interface NameChanges {
  before: ReadonlyMap<string, string>;
  now: ReadonlyMap<string, string>;
}

const AFTER_DEFINED_NAMES = [
  'calcPr',
  'oleSize',
  'customWorkbookViews',
  'pivotCaches',
  'smartTagPr',
  'smartTagTypes',
  'webPublishing',
  'fileRecoveryPr',
  'webPublishObjects',
  'extLst',
];

function relPrefix(xml: string): string {
  const m = new RegExp(`xmlns:(\\w+)="${REL_URI}"`).exec(xml);
  return m ? m[1]! : 'r';
}

function sheetsElement(xml: string, p: string, entries: readonly SheetEntry[]): string {
  const old = elements(firstElement(xml, p, 'sheets')?.text ?? '', p, 'sheet').map((s) => s.text);
  let nextId = 0;
  for (const s of old) nextId = Math.max(nextId, Number(attribute(s, 'sheetId') ?? 0));
  const r = relPrefix(xml);
  const body = entries.map((e) => {
    const state = e.state === 'visible' ? null : e.state;
    const mine =
      e.fileName === null ? undefined : old.find((s) => attribute(s, 'name') === e.fileName);
    if (mine) {
      const renamed = e.name === e.fileName ? mine : withAttribute(mine, 'name', e.name);
      return (attribute(mine, 'state') ?? 'visible') === e.state
        ? renamed
        : withAttribute(renamed, 'state', state);
    }
    const stateAttr = state ? ` state="${state}"` : '';
    return `<${p}sheet name="${escapeXml(e.name)}" sheetId="${++nextId}"${stateAttr} ${r}:id="${e.relId}"/>`;
  });
  return `<${p}sheets>${body.join('')}</${p}sheets>`;
}

/** Each file sheet's index (its position in the file) → its index in the result, or -1. */
function positions(xml: string, p: string, entries: readonly SheetEntry[]): number[] {
  const old = elements(firstElement(xml, p, 'sheets')?.text ?? '', p, 'sheet');
  return old.map((s) => entries.findIndex((e) => e.fileName === attribute(s.text, 'name')));
}

function definedNamesElement(
  xml: string,
  p: string,
  moved: readonly number[],
  names: NameChanges,
): string | null {
  const element = firstElement(xml, p, 'definedNames');
  const changed = (n: string) => names.before.get(n) !== names.now.get(n);
  const kept = elements(element?.text ?? '', p, 'definedName').flatMap((d) => {
    const local = attribute(d.text, 'localSheetId');
    if (local === null) return changed(attribute(d.text, 'name') ?? '') ? [] : [d.text];
    const at = moved[Number(local)] ?? -1;
    if (at < 0) return [];
    return [at === Number(local) ? d.text : withAttribute(d.text, 'localSheetId', String(at))];
  });
  const added = [...names.now]
    .filter(([n]) => changed(n))
    .map(
      ([n, text]) => `<${p}definedName name="${escapeXml(n)}">${escapeXml(text)}</${p}definedName>`,
    );
  const all = [...kept, ...added];
  if (!element && all.length === 0) return null;
  return all.length === 0
    ? ''
    : `${startTag(element?.text ?? `<${p}definedNames>`).replace(/\/>$/, '>')}${all.join('')}</${p}definedNames>`;
}

function bookViews(xml: string, p: string, moved: readonly number[]): string | null {
  const views = firstElement(xml, p, 'bookViews');
  if (!views) return null;
  const edits = elements(views.text, p, 'workbookView').map((v) => {
    let next = v.text;
    for (const a of ['activeTab', 'firstSheet']) {
      const old = attribute(v.text, a);
      if (old !== null) next = withAttribute(next, a, String(Math.max(0, moved[Number(old)] ?? 0)));
    }
    return { span: v, by: next };
  });
  return replaceSpans(views.text, edits);
}

/** The file's workbook.xml with the result's sheets and names. */
export function keptWorkbook(
  xml: string,
  entries: readonly SheetEntry[],
  names: NameChanges,
): string {
  const p = rootPrefix(xml, 'workbook');
  const moved = positions(xml, p, entries);
  const sheets = firstElement(xml, p, 'sheets')!;
  const views = firstElement(xml, p, 'bookViews');
  const edits = [{ span: sheets, by: sheetsElement(xml, p, entries) }];
  const viewsXml = bookViews(xml, p, moved);
  if (views && viewsXml !== null) edits.push({ span: views, by: viewsXml });
  const definedNames = definedNamesElement(xml, p, moved, names);
  const existing = firstElement(xml, p, 'definedNames');
  if (existing && definedNames !== null) edits.push({ span: existing, by: definedNames });
  let out = replaceSpans(xml, edits);
  if (!existing && definedNames) {
    const at = insertionPoint(out, p, 'workbook', AFTER_DEFINED_NAMES);
    out = out.slice(0, at) + definedNames + out.slice(at);
  }
  return out;
}
