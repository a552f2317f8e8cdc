import { isBlank, isDate } from '../common/cell.ts';
import { findColumn, headerKey, indexHeaders } from '../common/headers.ts';
import { ownedSheetNames } from '../common/ownedSheetNames.ts';
import { type FieldChoices, resolveFields } from '../read/fieldMap.ts';
import { OWNED_HEADERS } from '../read/leadColumns.ts';

/**
 * The `Leads` table as read, for matching results to rows: where our columns are, and each
 * row's matching key. Pure: the shell reads the sheet once and hands the values over.
 *
 * A row's key is its `Lead ID` (`id:L-001`) when the sheet has one and the cell is filled;
 * otherwise the content of the user's cells of the row (`row:…`, our own columns left out).
 * Sorting, inserting or deleting rows never changes a key, so results follow their lead; a row
 * whose cells changed during a run gets a new key and keeps what it holds until the next run.
 */

export type OwnedKey = keyof typeof OWNED_HEADERS;
export const OWNED_KEYS = Object.keys(OWNED_HEADERS) as OwnedKey[];

export interface LeadTable {
  /** Row 1, including the headers created by this run. */
  header: unknown[];
  /** Data rows (sheet row 2 onwards), as read. */
  rows: unknown[][];
  /** 0-based column of each of our columns (by our mark), -1 when absent. */
  owned: OwnedColumns;
  /** 0-based column of the Lead ID field (canonical, CRM synonym or user's choice), -1 when none. */
  idCol: number;
  /** Matching key of each row. */
  keys: string[];
}

/** Matching key of a Lead ID cell: trimmed text; numbers as they print (123 = "123"). */
export function leadIdKey(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (isBlank(value)) return '';
  if (isDate(value)) return `date:${value.getTime()}`;
  return String(value).trim();
}

export function isIdKey(key: string): boolean {
  return key.startsWith('id:');
}

/** The row keys (`id:L-1`) of the Lead IDs found more than once in a column's cells. */
export function duplicateIdKeys(cells: Iterable<unknown>): Set<string> {
  const seen = new Set<string>();
  const twice = new Set<string>();
  for (const cell of cells) {
    const id = leadIdKey(cell);
    if (!id) continue;
    if (seen.has(id)) twice.add(`id:${id}`);
    seen.add(id);
  }
  return twice;
}

function cellKey(value: unknown): string {
  if (isDate(value)) return `\u0001${value.getTime()}`;
  return value === null || value === undefined ? '' : String(value);
}

/** The key of one row: its Lead ID, else its user cells. */
export function rowKey(
  row: readonly unknown[],
  idCol: number,
  ownedCols: ReadonlySet<number>,
): string {
  if (idCol >= 0) {
    const id = leadIdKey(row[idCol]);
    if (id) return `id:${id}`;
  }
  let key = 'row:';
  for (let c = 0; c < row.length; c++) if (!ownedCols.has(c)) key += `${cellKey(row[c])}\u241f`;
  return key;
}

/** Where our columns are (0-based), -1 for each we do not have. */
export type OwnedColumns = Record<OwnedKey, number>;

/** Our columns found by their mark (the shell reads the marks): key → 0-based column. */
export type OwnedMarks = Partial<Record<OwnedKey, number>>;

const NONE: OwnedColumns = {
  score: -1,
  qualification: -1,
  deadline: -1,
  status: -1,
  nextAttempt: -1,
};

export function isOwnedKey(value: unknown): value is OwnedKey {
  return typeof value === 'string' && (OWNED_KEYS as readonly string[]).includes(value);
}

/** Row 1's columns named like ours, whoever made them. */
function namedLikeOurs(header: readonly unknown[]): OwnedColumns {
  const index = indexHeaders(header);
  const owned = { ...NONE };
  for (const k of OWNED_KEYS) owned[k] = findColumn(index, OWNED_HEADERS[k]);
  return owned;
}

/**
 * Our columns (SPEC "Columns we own"): those carrying our mark. A sheet without any mark was
 * checked before columns were marked, or never: our columns then are the ones named like ours
 * side by side with `SLA status` (a name only we write), as we appended them; a `Score` or
 * `Qualification` elsewhere is the team's own (a CRM's score) and stays theirs.
 */
export function ownedColumns(header: readonly unknown[], marks: OwnedMarks = {}): OwnedColumns {
  const marked = OWNED_KEYS.filter((k) => (marks[k] ?? -1) >= 0);
  if (marked.length > 0) {
    const owned = { ...NONE };
    for (const k of marked) owned[k] = marks[k]!;
    return owned;
  }
  const named = namedLikeOurs(header);
  if (named.status < 0) return { ...NONE };
  const cols = new Set(Object.values(named).filter((c) => c >= 0));
  let first = named.status;
  let last = named.status;
  while (cols.has(first - 1)) first--;
  while (cols.has(last + 1)) last++;
  const owned = { ...NONE };
  for (const k of OWNED_KEYS) if (named[k] >= first && named[k] <= last) owned[k] = named[k];
  return owned;
}

/**
 * Our columns row 1 lacks, in the order they are created, each under our name, or beside a
 * column of the team's of that name (`Score (SLA Sheets)`).
 */
export function ownedHeadersToCreate(
  header: readonly unknown[],
  owned: OwnedColumns = ownedColumns(header),
): Array<{ key: OwnedKey; header: string }> {
  const taken = new Set(header.map(headerKey));
  const created: Array<{ key: OwnedKey; header: string }> = [];
  for (const key of OWNED_KEYS) {
    if (owned[key] >= 0) continue;
    const name = ownedSheetNames(OWNED_HEADERS[key]).find((n) => !taken.has(headerKey(n)));
    if (name === undefined) continue;
    taken.add(headerKey(name));
    created.push({ key, header: name });
  }
  return created;
}

/** The keys of rows read with this header (the same rule at read and at write time). */
export function tableKeys(
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  choices: FieldChoices = {},
  ownedCols: OwnedColumns = ownedColumns(header),
): { idCol: number; keys: string[] } {
  const idCol = resolveFields(header, choices).columns.leadId;
  const owned = new Set(Object.values(ownedCols).filter((c) => c >= 0));
  return { idCol, keys: rows.map((row) => rowKey(row, idCol, owned)) };
}

/** Indexes a table whose header row already holds every column it will be written to. */
export function indexLeadTable(
  header: unknown[],
  rows: unknown[][],
  choices: FieldChoices = {},
  owned: OwnedColumns = ownedColumns(header),
): LeadTable {
  const { idCol, keys } = tableKeys(header, rows, choices, owned);
  return { header, rows, owned, idCol, keys };
}

/** True when row 1 names at least one SLA field: otherwise it is not a leads table. */
export function hasLeadHeaders(header: readonly unknown[], choices: FieldChoices = {}): boolean {
  return resolveFields(header, choices).found.length > 0;
}

export function noLeadHeadersMessage(sheetName: string): string {
  return `Row 1 of "${sheetName}" names no column we know (such as Lead ID, Email, Owner, Stage or Created at): put the headers in row 1, or choose the columns in Extensions › SLA Sheets › Open SLA settings › Fields. Nothing was written.`;
}
