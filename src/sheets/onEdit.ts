import { errorText } from '../core/common/errors.ts';
import { bitrixRecordType } from '../core/read/activityLog.ts';
import type { DateOrder } from '../core/read/dateOrder.ts';
import type { Settings } from '../core/settings/index.ts';
import { createCalendar } from '../core/sla/calendar.ts';
import { computeLeads, type LeadOutput, outputCell } from '../core/sla/leadCheck.ts';
import {
  duplicateIdKeys,
  indexLeadTable,
  OWNED_KEYS,
  type OwnedKey,
  ownedColumns,
} from '../core/sla/leadTable.ts';
import {
  isCheckedSheet,
  type SheetReading,
  slaInputColumns,
  touchesColumns,
} from '../core/sla/liveEdit.ts';
import { ownerLookup } from '../core/team/ownerClocks.ts';
import { TEAM_SHEET } from '../core/team/team.ts';
import { type ActivitySheetRead, readActivitySheet } from './activitySheet.ts';
import { checkContext } from './check.ts';
import { appsScriptClock, spreadsheetTimeZone } from './clock.ts';
import { findLeadsSheet } from './leadsSheet.ts';
import { withDocumentLock } from './lock.ts';
import { readOwnedMarks } from './ownedSheets.ts';
import { loadSettings } from './settingsStore.ts';
import { loadSheetReading } from './sheetReading.ts';
import { readTeamDigest, readTeamSheet, storeTeamDigest } from './teamSheet.ts';

/**
 * The edit trigger: a hand-off typed or pasted into Leads gets its deadline and status within
 * seconds, without waiting for the timer.
 *
 * What an editor add-on may use (Apps Script documentation, read while writing this):
 * - The simple trigger `onEdit(e)` runs for every user edit of a value, and for an add-on in
 *   `AuthMode.LIMITED`: it may read and change the spreadsheet it is bound to and use the
 *   document properties and the document lock, but no service that needs authorization
 *   (no MailApp, no triggers), for at most 30 seconds; edits made by scripts do not fire it.
 *   https://developers.google.com/apps-script/guides/triggers#restrictions and
 *   https://developers.google.com/workspace/add-ons/concepts/editor-auth-lifecycle
 * - An installable edit or change trigger runs with full authorization but must be created by
 *   each user (one trigger of each type per user per document for an add-on), counts against
 *   the daily trigger run time (90 min a day on consumer accounts) and a change trigger's event
 *   has no range. https://developers.google.com/workspace/add-ons/concepts/editor-triggers and
 *   https://developers.google.com/apps-script/guides/services/quotas
 * So the simple trigger it is: nothing to install, it works for every editor, and what it
 * needs (recompute a few rows, write our cells) is allowed in LIMITED mode. E-mails stay with
 * the timer's check.
 *
 * Where: only the sheet the check reads (the last check's reading, sheetReading.ts: by sheet
 * id, so a copy such as "Snapshot Oct" is never written), and only our columns of it (found by
 * their marks: a team's own `Score` is never written).
 *
 * Cost: an edit of another sheet returns after reading two document properties; an edit of the
 * leads sheet elsewhere than an SLA column after reading row 1; an SLA edit reads row 1, the
 * edited rows and the Lead ID column once (a duplicate ID is one in the whole sheet, as the
 * check says), and writes our columns of those rows once (plus their status colours). Dates of
 * a column the edited rows do not prove are read in the order the last check proved. The
 * owners' clocks come from the digest the last check stored, not from SLA Team; an edit of SLA
 * Team refreshes that digest.
 */

type Range = GoogleAppsScript.Spreadsheet.Range;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

/** Rows a single edit recomputes at most (a larger paste waits for the next check). */
export const MAX_EDIT_ROWS = 5000;
const LOCK_WAIT_MS = 10_000;

export interface EditEvent {
  range?: Range;
}

/** The simple trigger. Never throws (a failure is logged to the execution log). */
export function onEdit(e?: EditEvent): void {
  try {
    const range = e?.range;
    if (range) answerEdit(range);
  } catch (error) {
    console.error(`SLA Sheets: live update failed: ${errorText(error)}`);
  }
}

function answerEdit(range: Range): void {
  const sheet = range.getSheet();
  const name = sheet.getName();
  if (name.trim().toLowerCase() === TEAM_SHEET.toLowerCase()) {
    refreshTeamDigest();
    return;
  }
  const firstRow = Math.max(2, range.getRow());
  const lastRow = range.getLastRow();
  if (lastRow < firstRow) return;
  const { settings } = loadSettings();
  const reading = loadSheetReading();
  if (!isLeadsSheet(sheet, reading, settings)) return;
  const lastCol = sheet.getLastColumn();
  if (lastCol < 1) return;
  const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0] ?? [];
  const inputs = slaInputColumns(header, settings.mapping.fields, settings.handoff.clockStart);
  if (!touchesColumns(inputs, range.getColumn() - 1, range.getLastColumn() - 1)) return;
  const rows = Math.min(lastRow, firstRow + MAX_EDIT_ROWS - 1) - firstRow + 1;
  const known = reading?.sheetId === sheet.getSheetId() ? reading.dateOrders : [];
  withDocumentLock(
    LOCK_WAIT_MS,
    () =>
      updateRows({
        sheet,
        header,
        firstRow,
        count: rows,
        settings,
        known,
        activitySheet: reading?.activitySheet ?? '',
      }),
    () => undefined,
  );
}

/**
 * Only the sheet the check reads: the one its last reading names (by id: a copy such as
 * "Snapshot Oct" is not it, whatever its headers), else the one the check would find now.
 */
function isLeadsSheet(sheet: Sheet, reading: SheetReading | null, settings: Settings): boolean {
  const id = sheet.getSheetId();
  const known = isCheckedSheet(id, reading, settings.mapping.sheetName);
  if (known !== null) return known;
  const found = findLeadsSheet(SpreadsheetApp.getActiveSpreadsheet(), settings.mapping);
  return found.sheet !== null && found.sheet.getSheetId() === id;
}

interface EditedRows {
  sheet: Sheet;
  header: unknown[];
  firstRow: number;
  count: number;
  settings: Settings;
  /** The date orders the last check proved on this sheet. */
  known: ReadonlyArray<[string, DateOrder]>;
  /** The activity log the last check read ('' when none). */
  activitySheet: string;
}

function updateRows(edited: EditedRows): void {
  const { sheet, header, firstRow, count, settings, known } = edited;
  const values = sheet.getRange(firstRow, 1, count, header.length).getValues();
  const ownedCols = ownedColumns(header, readOwnedMarks(sheet));
  const table = indexLeadTable(header, values, settings.mapping.fields, ownedCols);
  const owned = OWNED_KEYS.filter((k) => table.owned[k] >= 0);
  if (owned.length === 0) return;
  const ctx = checkContext(settings, Date.now());
  ctx.owners = ownerLookup(readTeamDigest(), ctx.nowMs, (zone) =>
    createCalendar(settings.calendar, appsScriptClock(zone)),
  );
  if (known.length > 0) ctx.knownOrders = new Map(known);
  // the log the check read gives these leads the same first contacts as at the check
  if (edited.activitySheet)
    ctx.activities = readNamedLog(edited.activitySheet, settings, ctx, header);
  const outputs = computeLeads(table, ctx, sheetDuplicates(sheet, table.idCol)).outputs;
  writeRows(sheet, table.owned, owned, firstRow, outputs);
}

function readNamedLog(
  name: string,
  settings: Settings,
  ctx: ReturnType<typeof checkContext>,
  header: readonly unknown[],
): ActivitySheetRead['activities'] {
  const named = { ...settings, mapping: { ...settings.mapping, activitySheet: name } };
  return readActivitySheet(SpreadsheetApp.getActiveSpreadsheet(), named, '', {
    clock: ctx.clock,
    nowMs: ctx.nowMs,
    localeOrder: ctx.localeOrder,
    recordType: bitrixRecordType(header),
  }).activities;
}

/** The Lead IDs found twice in the whole sheet (one read of the ID column): as the check says. */
function sheetDuplicates(sheet: Sheet, idCol: number): Set<string> | undefined {
  if (idCol < 0) return undefined;
  const n = sheet.getLastRow() - 1;
  if (n < 1) return new Set();
  return duplicateIdKeys(
    sheet
      .getRange(2, idCol + 1, n, 1)
      .getValues()
      .map((r) => r[0]),
  );
}

/** Our cells of the edited rows: one `setValues` per block of adjacent columns, the colours once. */
function writeRows(
  sheet: Sheet,
  cols: Record<OwnedKey, number>,
  owned: OwnedKey[],
  firstRow: number,
  outputs: ReadonlyArray<LeadOutput | null>,
): void {
  const sorted = [...owned].sort((a, b) => cols[a] - cols[b]);
  let block: OwnedKey[] = [];
  const flush = () => {
    if (block.length === 0) return;
    const data = outputs.map((out) => block.map((k) => (out ? outputCell(out, k) : '')));
    sheet.getRange(firstRow, cols[block[0]!] + 1, outputs.length, block.length).setValues(data);
    block = [];
  };
  for (const k of sorted) {
    const last = block[block.length - 1];
    if (last !== undefined && cols[k] !== cols[last] + 1) flush();
    block.push(k);
  }
  flush();
  if (cols.status >= 0) {
    const colors = outputs.map((out) => [out?.color ?? null]);
    sheet
      .getRange(firstRow, cols.status + 1, outputs.length, 1)
      .setBackgrounds(colors as string[][]);
  }
}

/** SLA Team changed: the owners' clocks and absences the edit trigger uses are read again. */
function refreshTeamDigest(): void {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const zone = spreadsheetTimeZone(ss);
  storeTeamDigest(readTeamSheet(ss, appsScriptClock(zone)));
}
