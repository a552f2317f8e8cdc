import { userText } from '../core/common/cell.ts';
import {
  applySent,
  countEscalation,
  decodeLegacyMemory,
  decodeLegacyTally,
  type EscalationTally,
  type NoticeMemory,
  readStateRows,
  type SentRecord,
  STATE_HEADER,
  STATE_WIDTH,
  sentRows,
  stateRows,
  TALLY_MONTHS,
} from '../core/notices/memory.ts';
import { NOTICES_SHEET } from '../core/read/leadColumns.ts';
import { findOurSheet, ourSheet } from './ownedSheets.ts';

/**
 * The notices' state in a hidden sheet of ours, `SLA Notices` (marked like every generated
 * sheet): what was sent (one row per lead and deadline, the lead's full identity) and the
 * escalations per month and owner, side by side. Read with one `getValues`; compacted (one
 * write) at the start of a run when leads closed since; one row block appended right after each
 * e-mail sent, so a run cut off mid-way never sends an e-mail twice.
 *
 * Versions before kept a hashed memory in document properties (`sla.notices.N`, at most 8
 * values) and the tally in `sla.escalations`: read once, carried over, then deleted.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Props = GoogleAppsScript.Properties.Properties;

const LEGACY_MEMORY_PREFIX = 'sla.notices.';
const LEGACY_TALLY_KEY = 'sla.escalations';
/** Rows added at once when the sheet is full (one insert now and then, not one per e-mail). */
const GROW_ROWS = 1000;
/** The tally's owner column (0-based): the one column of user text not formatted as text. */
const OWNER_COL = 5;

export interface NoticeStore {
  ss: Spreadsheet;
  /** Ours; null until something is written. */
  sheet: Sheet | null;
  memory: NoticeMemory;
  tally: EscalationTally;
  /** The hashed memory of the versions before, until the store replaces it. */
  legacy: Map<string, [number, number]> | null;
  legacyKeys: string[];
  /** Data rows as read, and the distinct entries they held (a compaction merges repeats). */
  rowsRead: number;
  entriesRead: number;
  tallyLinesRead: number;
  /** The next free row (1-based) and the sheet's rows. */
  nextRow: number;
  maxRows: number;
}

export function openNoticeStore(
  ss: Spreadsheet,
  props: Props = PropertiesService.getDocumentProperties(),
): NoticeStore {
  const sheet = findOurSheet(ss, NOTICES_SHEET);
  const values = sheet ? sheet.getDataRange().getValues() : [];
  const rows = values.slice(1);
  const { memory, tally } = readStateRows(rows);
  const all = props.getProperties();
  const legacyKeys = Object.keys(all).filter(
    (k) => k.startsWith(LEGACY_MEMORY_PREFIX) || k === LEGACY_TALLY_KEY,
  );
  const chunks = legacyKeys.filter((k) => k !== LEGACY_TALLY_KEY).map((k) => all[k]!);
  for (const [month, owners] of decodeLegacyTally(all[LEGACY_TALLY_KEY] ?? null))
    for (const [owner, [e, r]] of owners) countEscalation(tally, month, owner, e, r);
  return {
    ss,
    sheet,
    memory,
    tally,
    legacy: chunks.length ? decodeLegacyMemory(chunks) : null,
    legacyKeys,
    rowsRead: rows.length,
    entriesRead: memory.size,
    tallyLinesRead: tallyLines(tally),
    nextRow: Math.max(2, values.length + 1),
    maxRows: sheet ? sheet.getMaxRows() : 0,
  };
}

function tallyLines(tally: EscalationTally): number {
  let n = 0;
  for (const owners of tally.values()) n += owners.size;
  return n;
}

/** Our sheet, made (hidden, marked, its text columns formatted as text) on first use. */
function stateSheet(store: NoticeStore): Sheet {
  if (store.sheet) return store.sheet;
  const sheet = ourSheet(store.ss, NOTICES_SHEET).sheet;
  const extra = sheet.getMaxColumns() - STATE_WIDTH;
  if (extra > 0) sheet.deleteColumns(STATE_WIDTH + 1, extra);
  sheet.getRange('A:E').setNumberFormat('@');
  sheet.getRange(1, 1, 1, STATE_WIDTH).setValues([STATE_HEADER]).setFontWeight('bold');
  sheet.hideSheet();
  store.sheet = sheet;
  store.maxRows = sheet.getMaxRows();
  store.nextRow = 2;
  return sheet;
}

/** Makes room for rows up to `last` (1-based): one insert, with some to spare. */
function growTo(store: NoticeStore, sheet: Sheet, last: number): void {
  if (last <= store.maxRows) return;
  sheet.insertRowsAfter(store.maxRows, last - store.maxRows + GROW_ROWS);
  store.maxRows = last + GROW_ROWS;
}

/**
 * Room for the records of the e-mails about to be sent (`rows` at most), made once before the
 * first: each record is then one write, whatever the number of leads.
 */
export function reserveNoticeRows(store: NoticeStore, rows: number): void {
  if (rows > 0) growTo(store, stateSheet(store), store.nextRow + rows - 1);
}

/** Writes `rows` from row `at` (the sheet grows when needed). */
function writeRows(store: NoticeStore, at: number, rows: Array<Array<string | number>>): void {
  const sheet = stateSheet(store);
  growTo(store, sheet, at + rows.length - 1);
  // A:E are formatted as text; the owner (F) is user text in a general column
  const safe = rows.map((r) =>
    r.map((v, c) => (c === OWNER_COL && typeof v === 'string' ? userText(v) : v)),
  );
  sheet.getRange(at, 1, rows.length, STATE_WIDTH).setValues(safe);
}

/**
 * Replaces the stored rows with `memory` (the open leads' entries) and the tally, when they
 * differ from what was read (leads closed, repeated rows, the properties of earlier versions);
 * then deletes those properties. One write, one clear.
 */
export function compactNoticeStore(
  store: NoticeStore,
  memory: NoticeMemory,
  props: Props = PropertiesService.getDocumentProperties(),
): void {
  store.memory = memory;
  const months = [...store.tally.keys()].sort();
  for (const old of months.slice(0, Math.max(0, months.length - TALLY_MONTHS)))
    store.tally.delete(old);
  const same =
    !store.legacy &&
    store.legacyKeys.length === 0 &&
    memory.size === store.entriesRead &&
    store.rowsRead === Math.max(store.entriesRead, store.tallyLinesRead) &&
    tallyLines(store.tally) === store.tallyLinesRead;
  if (!same) {
    const rows = stateRows(memory, store.tally);
    if (rows.length > 0) writeRows(store, 2, rows);
    const stale = store.nextRow - 2 - rows.length;
    if (stale > 0 && store.sheet)
      store.sheet.getRange(2 + rows.length, 1, stale, STATE_WIDTH).clearContent();
    store.nextRow = 2 + rows.length;
  }
  for (const k of store.legacyKeys) props.deleteProperty(k);
  store.legacy = null;
  store.legacyKeys = [];
}

/** Records one e-mail just sent: one row block appended (throws when the sheet refuses it). */
export function recordSent(store: NoticeStore, record: SentRecord): void {
  const rows = sentRows(record);
  if (rows.length === 0) return;
  writeRows(store, store.nextRow, rows);
  store.nextRow += rows.length;
  applySent(store.memory, store.tally, record);
}

/** The escalations per owner of one month (`2026-11`), for the monthly review. */
export function readEscalations(
  month: string,
  ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): Map<string, [number, number]> {
  return openNoticeStore(ss).tally.get(month) ?? new Map();
}
