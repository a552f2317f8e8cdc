/**
 * Parts moved between packages: a part of ExcelJS's output copied into the file's package
 * under a free name, with the parts it links to (notes, their drawing...); a part of the file
 * removed with the parts that nothing else links to.
 */
import { type Package, relsPathOf, resolvePart } from './xlsxPackage.ts';

const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

/** `../comments3.xml`: the target of a relationship from `from` to `to`. */
export function relativeTarget(from: string, to: string): string {
  const a = from.split('/').slice(0, -1);
  const b = to.split('/');
  let i = 0;
  while (i < a.length && i < b.length - 1 && a[i] === b[i]) i++;
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/');
}

/** A free path in the target for a part named like `path` (same folder, same stem). */
function freshLike(target: Package, path: string): string {
  const slash = path.lastIndexOf('/');
  const file = path.slice(slash + 1);
  const dot = file.lastIndexOf('.');
  const stem = file.slice(0, dot).replace(/\d+$/, '');
  return target.freshPart(path.slice(0, slash), stem, file.slice(dot + 1));
}

const escapeAttr = (s: string): string => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * Copies `from` of `source` to `to` in `target` (its text through `transform` when given), with
 * every part it links to copied under a free name (the same relationship ids); declares each.
 */
export async function copyPart(
  source: Package,
  target: Package,
  from: string,
  to: string,
  transform?: (xml: string) => string,
): Promise<void> {
  if (transform) target.write(to, transform((await source.text(from)) ?? ''));
  else target.writeBytes(to, (await source.bytes(from)) ?? new Uint8Array());
  const type = await source.contentTypeOf(from);
  if (type?.byDefault) await target.declareDefault(to.slice(to.lastIndexOf('.') + 1), type.type);
  else if (type) await target.declare(to, type.type);
  const rels = await source.relationships(from);
  if (rels.size === 0) return;
  const entries: string[] = [];
  for (const [id, rel] of rels) {
    let targetPath = rel.target;
    if (!rel.external) {
      const part = resolvePart(from, rel.target);
      const copy = freshLike(target, part);
      await copyPart(source, target, part, copy);
      targetPath = relativeTarget(to, copy);
    }
    const mode = rel.external ? ' TargetMode="External"' : '';
    entries.push(
      `<Relationship Id="${id}" Type="${rel.type}" Target="${escapeAttr(targetPath)}"${mode}/>`,
    );
  }
  target.write(
    relsPathOf(to),
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}">${entries.join('')}</Relationships>`,
  );
}

/** The parts some relationship of the package links to. */
async function linkedParts(pkg: Package): Promise<Set<string>> {
  const linked = new Set<string>();
  for (const rels of pkg.paths().filter((p) => p.endsWith('.rels'))) {
    const owner = rels.replace(/_rels\/([^/]+)\.rels$/, '$1');
    for (const rel of (await pkg.relationships(owner)).values())
      if (!rel.external) linked.add(resolvePart(owner, rel.target));
  }
  return linked;
}

/** Removes `part`, its relationships and the parts only it linked to (and theirs). */
export async function removePart(pkg: Package, part: string): Promise<void> {
  const rels = await pkg.relationships(part);
  pkg.remove(part);
  pkg.remove(relsPathOf(part));
  await pkg.undeclare(part);
  const linked = await linkedParts(pkg);
  for (const rel of rels.values()) {
    if (rel.external) continue;
    const child = resolvePart(part, rel.target);
    if (pkg.has(child) && !linked.has(child)) await removePart(pkg, child);
  }
}
