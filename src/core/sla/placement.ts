import { plural, pluralWord } from '../common/plural.ts';
import { BLANK_OUTPUT, DUPLICATE_STATUS, type LeadOutput } from './leadCheck.ts';
import { isIdKey } from './leadTable.ts';
import { statusColor } from './status.ts';

/**
 * Where each result goes when rows moved between the read and the write (leadTable.ts keys).
 */

export interface Placement {
  /** Per current data row: its output, null to clear our cells, undefined to keep them. */
  target: Array<LeadOutput | null | undefined>;
  /** Results whose lead is no longer in the sheet. */
  skipped: number;
  /** True when rows moved between the read and the write. */
  moved: boolean;
  notes: string[];
}

/**
 * Nothing moved (the usual case): by position. Otherwise each result goes to the row now
 * holding its key; rows whose key is unknown (new rows, changed IDs, edited rows without ID)
 * keep what our columns hold; a duplicated Lead ID gets the duplicate status without a score
 * (which of the two rows is which is unknowable). Rows matched by content that are identical
 * get the same result (their inputs are the same).
 */
export function placeOutputs(
  readKeys: readonly string[],
  outputs: ReadonlyArray<LeadOutput | null>,
  currentKeys: readonly string[],
): Placement {
  const n = currentKeys.length;
  const moved = n !== readKeys.length || currentKeys.some((k, i) => k !== readKeys[i]);
  if (!moved) {
    return { target: currentKeys.map((_, i) => outputs[i] ?? null), skipped: 0, moved, notes: [] };
  }
  const byKey = new Map<string, LeadOutput>();
  const duplicates = new Set<string>();
  readKeys.forEach((key, i) => {
    const out = outputs[i];
    if (!key || !out) return;
    if (!byKey.has(key)) byKey.set(key, out);
    else if (isIdKey(key)) duplicates.add(key);
  });
  const placed = new Set<string>();
  const duplicate: LeadOutput = {
    ...BLANK_OUTPUT,
    status: DUPLICATE_STATUS,
    color: statusColor('Check data'),
  };
  const target = currentKeys.map((key): LeadOutput | undefined => {
    if (duplicates.has(key)) return duplicate;
    const out = key ? byKey.get(key) : undefined;
    if (out) placed.add(key);
    return out; // undefined: an unknown row keeps what it holds
  });
  let skipped = 0;
  for (const key of byKey.keys()) if (!placed.has(key) && !duplicates.has(key)) skipped++;
  const byId = readKeys.every((k) => !k || isIdKey(k));
  const by = byId ? 'Lead ID' : 'Lead ID or row content';
  // a row matched by its content is "gone" when deleted or when its cells were edited
  const gone = !skipped
    ? ''
    : byId
      ? ` (${plural(skipped, 'lead')} no longer in the sheet)`
      : ` (${plural(skipped, 'result')} not written: ${pluralWord(skipped, 'its row was', 'their rows were')} deleted or edited meanwhile; the next check fills them)`;
  return {
    target,
    skipped,
    moved,
    notes: [`Rows moved during the check: results were placed by ${by}${gone}.`],
  };
}
