/**
 * Notes of a file sheet whose notes the run changed. The file's notes part and its drawing are
 * then ExcelJS's (the notes as the model holds them: ExcelJS does not read a note on an empty
 * cell, so a sheet whose notes the run changes loses those). A sheet whose notes the run did
 * not change keeps its notes' parts as they were, notes on empty cells included.
 */
import { withRelNamespace } from './pkgLinks.ts';
import { copyPart, relativeTarget, removePart } from './pkgParts.ts';
import type { SheetEdit } from './pkgSheet.ts';
import { firstElement, insertionPoint, replaceSpans } from './pkgXml.ts';
import { elementsAfter } from './worksheetOrder.ts';
import { type Package, REL, resolvePart } from './xlsxPackage.ts';

const TYPES = [`${REL}/comments`, `${REL}/vmlDrawing`];

async function notesParts(
  pkg: Package,
  sheet: string,
): Promise<Map<string, { id: string; part: string }>> {
  const out = new Map<string, { id: string; part: string }>();
  for (const [id, rel] of await pkg.relationships(sheet))
    if (TYPES.includes(rel.type)) out.set(rel.type, { id, part: resolvePart(sheet, rel.target) });
  return out;
}

export async function spliceNotes(
  pkg: { input: Package; output: Package },
  parts: { input: string; output: string },
  edit: SheetEdit,
): Promise<void> {
  const mine = await notesParts(pkg.input, parts.input);
  const theirs = await notesParts(pkg.output, parts.output);
  const p = edit.prefix;
  const legacy = firstElement(edit.xml, p, 'legacyDrawing');
  if (theirs.size === 0) {
    for (const { id, part } of mine.values()) {
      await pkg.input.unrelate(parts.input, id);
      await removePart(pkg.input, part);
    }
    if (legacy && mine.has(`${REL}/vmlDrawing`))
      edit.xml = replaceSpans(edit.xml, [{ span: legacy, by: '' }]);
    return;
  }
  for (const [type, from] of theirs) {
    const existing = mine.get(type);
    if (existing) {
      pkg.input.writeBytes(existing.part, (await pkg.output.bytes(from.part)) ?? new Uint8Array());
      continue;
    }
    const to = pkg.input.freshPart(
      type.endsWith('comments') ? 'xl' : 'xl/drawings',
      type.endsWith('comments') ? 'comments' : 'vmlDrawing',
      type.endsWith('comments') ? 'xml' : 'vml',
    );
    await copyPart(pkg.output, pkg.input, from.part, to);
    const id = await pkg.input.relateAs(parts.input, type, relativeTarget(parts.input, to));
    if (type.endsWith('vmlDrawing') && !legacy) {
      const at = insertionPoint(edit.xml, p, 'worksheet', elementsAfter('legacyDrawing'));
      const element = `<${p}legacyDrawing r:id="${id}"/>`;
      edit.xml = withRelNamespace(edit.xml.slice(0, at) + element + edit.xml.slice(at), p);
    }
  }
}
