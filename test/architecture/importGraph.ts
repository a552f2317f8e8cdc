import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

/** The repository's root. */
export const ROOT = resolve(import.meta.dirname, '..', '..');

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;

export interface ImportEdge {
  from: string;
  to: string;
  typeOnly: boolean;
}

/** Every TypeScript file under `folder` (relative to the root), as root-relative paths. */
export function sourceFiles(folder: string): string[] {
  return readdirSync(join(ROOT, folder), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))
    .map((f) => join(folder, f).split('\\').join('/'))
    .sort();
}

/** The relative imports of one file (type-only ones marked), as root-relative paths. */
export function importsOf(file: string): ImportEdge[] {
  const text = readFileSync(join(ROOT, file), 'utf8');
  const edges: ImportEdge[] = [];
  for (const m of text.matchAll(SPECIFIER)) {
    const spec = m[1] ?? m[2] ?? '';
    if (!spec.startsWith('.')) continue;
    const to = relative(ROOT, resolve(ROOT, dirname(file), spec))
      .split('\\')
      .join('/');
    edges.push({ from: file, to, typeOnly: /^\s*(?:;\s*)?(?:import|export)\s+type\s/.test(m[0]) });
  }
  return edges;
}

/**
 * The import circles among `files` (strongly connected components of two or more files, or a
 * file importing itself), each sorted; type-only imports count, since a circle of types is still
 * a circle a reader has to untangle.
 */
export function importCircles(files: string[]): string[][] {
  const known = new Set(files);
  const next = new Map(
    files.map((f) => [
      f,
      importsOf(f)
        .map((e) => e.to)
        .filter((t) => known.has(t)),
    ]),
  );
  let index = 0;
  const order = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const circles: string[][] = [];
  const visit = (v: string): void => {
    order.set(v, index);
    low.set(v, index);
    index++;
    stack.push(v);
    onStack.add(v);
    for (const w of next.get(v) ?? []) {
      if (!order.has(w)) {
        visit(w);
        low.set(v, Math.min(low.get(v) ?? 0, low.get(w) ?? 0));
      } else if (onStack.has(w)) low.set(v, Math.min(low.get(v) ?? 0, order.get(w) ?? 0));
    }
    if (low.get(v) !== order.get(v)) return;
    const component: string[] = [];
    let w: string | undefined;
    do {
      w = stack.pop();
      if (w === undefined) break;
      onStack.delete(w);
      component.push(w);
    } while (w !== v);
    if (component.length > 1 || (next.get(v) ?? []).includes(v)) circles.push(component.sort());
  };
  for (const f of files) if (!order.has(f)) visit(f);
  return circles;
}
