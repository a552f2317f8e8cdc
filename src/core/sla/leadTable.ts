import { isBlank, isDate } from '../common/cell.ts';
import { findColumn, indexHeaders } from '../common/headers.ts';
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
  /** 0-based column of each of our headers, -1 when absent. */
  owned: Record<OwnedKey, number>;
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

/** Our headers row 1 lacks, in the order they are created. */
export function ownedHeadersToCreate(header: readonly unknown[]): string[] {
  const index = indexHeaders(header);
  return Object.values(OWNED_HEADERS).filter((h) => findColumn(index, h) < 0);
}

export function ownedColumns(header: readonly unknown[]): Record<OwnedKey, number> {
  const index = indexHeaders(header);
  const owned = {} as Record<OwnedKey, number>;
  for (const k of OWNED_KEYS) owned[k] = findColumn(index, OWNED_HEADERS[k]);
  return owned;
}

/** The keys of rows read with this header (the same rule at read and at write time). */
export function tableKeys(
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  choices: FieldChoices = {},
): { idCol: number; keys: string[] } {
  const idCol = resolveFields(header, choices).columns.leadId;
  const owned = new Set(Object.values(ownedColumns(header)).filter((c) => c >= 0));
  return { idCol, keys: rows.map((row) => rowKey(row, idCol, owned)) };
}

/** Indexes a table whose header row already holds every column it will be written to. */
export function indexLeadTable(
  header: unknown[],
  rows: unknown[][],
  choices: FieldChoices = {},
): LeadTable {
  const { idCol, keys } = tableKeys(header, rows, choices);
  return { header, rows, owned: ownedColumns(header), idCol, keys };
}

/** True when row 1 names at least one SLA field: otherwise it is not a leads table. */
export function hasLeadHeaders(header: readonly unknown[], choices: FieldChoices = {}): boolean {
  return resolveFields(header, choices).found.length > 0;
}

export function noLeadHeadersMessage(sheetName: string): string {
  return `Row 1 of "${sheetName}" names no column we know (such as Lead ID, Email, Owner, Stage or Created at): put the headers in row 1, or choose the columns in Extensions › SLA Sheets › Open SLA settings › Fields. Nothing was written.`;
}
