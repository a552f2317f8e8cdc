import { isBlank, isDate } from './cell.ts';
import { findColumn, indexHeaders } from './headers.ts';
import { LEAD_HEADERS, OWNED_HEADERS, SCORING_ATTRIBUTE_HEADERS } from './leadColumns.ts';
import { pluralWord } from './plural.ts';

/**
 * The `Leads` table as read: where each known column is, each row's `Lead ID`, which rows are
 * leads at all. Pure: the shell reads the sheet once and hands the values over.
 *
 * - Required headers: `Lead ID`, `Handed off at`, `First contact at` (without them no lead can
 *   be matched or timed). Every other column is optional and read as blank when absent
 *   (Priority → the default, Stage → not closed, Attempts → 0).
 * - A row is a lead when one of the known columns (the canonical headers and the usual scoring
 *   attributes) holds something; a row holding only the user's own columns (notes, formulas
 *   filled down) is blank.
 */

export type LeadKey = keyof typeof LEAD_HEADERS;
export type OwnedKey = keyof typeof OWNED_HEADERS;

export const LEAD_KEYS = Object.keys(LEAD_HEADERS) as LeadKey[];
export const OWNED_KEYS = Object.keys(OWNED_HEADERS) as OwnedKey[];

export const REQUIRED_HEADERS: readonly string[] = [
  LEAD_HEADERS.leadId,
  LEAD_HEADERS.handedOffAt,
  LEAD_HEADERS.firstContactAt,
];

export interface LeadTable {
  /** Row 1, including the headers created by this run. */
  header: unknown[];
  /** Data rows (sheet row 2 onwards), as read. */
  rows: unknown[][];
  /** 0-based column of each canonical header, -1 when absent. */
  cols: Record<LeadKey, number>;
  /** 0-based column of each of our headers, -1 when absent. */
  owned: Record<OwnedKey, number>;
  /** Lead ID of each row as a matching key ('' when blank). */
  ids: string[];
  /** True for rows with nothing in the known lead columns (skipped, our cells cleared). */
  blank: boolean[];
}

/** Matching key of a Lead ID cell: trimmed text; numbers as they print (123 = "123"). */
export function leadIdKey(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (isBlank(value)) return '';
  if (isDate(value)) return `date:${value.getTime()}`;
  return String(value).trim();
}

/** The required headers row 1 lacks. */
export function missingRequiredHeaders(header: readonly unknown[]): string[] {
  const index = indexHeaders(header);
  return REQUIRED_HEADERS.filter((h) => findColumn(index, h) < 0);
}

export function missingHeaderMessage(missing: readonly string[]): string {
  const names = missing.map((m) => `"${m}"`).join(', ');
  const n = missing.length;
  return `The Leads sheet has no ${names} ${pluralWord(n, 'column')}: add ${pluralWord(n, 'it', 'them')} to row 1 (case, accents and spacing do not matter), then check again. Nothing was written.`;
}

/** Our headers row 1 lacks, in the order they are created. */
export function ownedHeadersToCreate(header: readonly unknown[]): string[] {
  const index = indexHeaders(header);
  return Object.values(OWNED_HEADERS).filter((h) => findColumn(index, h) < 0);
}

function columnsOf<K extends string>(
  index: Map<string, number>,
  names: Record<K, string>,
): Record<K, number> {
  const cols = {} as Record<K, number>;
  for (const k of Object.keys(names) as K[]) cols[k] = findColumn(index, names[k]);
  return cols;
}

/** Indexes a table whose header row already holds every column it will be written to. */
export function indexLeadTable(header: unknown[], rows: unknown[][]): LeadTable {
  const index = indexHeaders(header);
  const cols = columnsOf(index, LEAD_HEADERS);
  const owned = columnsOf(index, OWNED_HEADERS);
  // a row is a lead when one of the known lead columns holds something
  const leadCols: number[] = [];
  for (const k of LEAD_KEYS) if (cols[k] >= 0) leadCols.push(cols[k]);
  for (const h of SCORING_ATTRIBUTE_HEADERS) {
    const c = findColumn(index, h);
    if (c >= 0 && !leadCols.includes(c)) leadCols.push(c);
  }
  const ids = new Array<string>(rows.length);
  const blank = new Array<boolean>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    ids[i] = leadIdKey(row[cols.leadId]);
    blank[i] = !leadCols.some((c) => !isBlank(row[c]));
  }
  return { header, rows, cols, owned, ids, blank };
}
