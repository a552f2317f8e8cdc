/** Header comparison key: case, accents, punctuation and spacing ignored (`Lead ID` = `lead_id` = `LéadId`). */
export function headerKey(header: unknown): string {
  return String(header ?? '')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

/** Maps each header key to its first 0-based column index. */
export function indexHeaders(headerRow: readonly unknown[]): Map<string, number> {
  const index = new Map<string, number>();
  headerRow.forEach((h, i) => {
    const key = headerKey(h);
    if (key && !index.has(key)) index.set(key, i);
  });
  return index;
}

/** 0-based column of `name` in an indexed header row, or -1. */
export function findColumn(index: Map<string, number>, name: string): number {
  return index.get(headerKey(name)) ?? -1;
}
