import type { FieldChoices } from '../core/read/fieldMap.ts';
import { LEADS_SHEET, OWNED_COLUMN_WIDTHS, OWNED_HEADERS } from '../core/read/leadColumns.ts';
import type { LeadSheet } from '../core/read/leadRecords.ts';
import {
  isGeneratedSheetName,
  likeliestLeadsSheet,
  namedLeadsSheet,
} from '../core/read/leadsSheetChoice.ts';
import type { HandoffSettings, Settings } from '../core/settings/index.ts';
import { type LeadOutput, outputCell } from '../core/sla/leadCheck.ts';
import {
  hasLeadHeaders,
  indexLeadTable,
  isIdKey,
  type LeadTable,
  noLeadHeadersMessage,
  OWNED_KEYS,
  type OwnedColumns,
  type OwnedKey,
  ownedColumns,
  ownedHeadersToCreate,
  tableKeys,
} from '../core/sla/leadTable.ts';
import {
  isLiveRuleFormula,
  type LiveColumns,
  type LiveRule,
  liveRules,
  type PriorityTexts,
  settingsPriorityTexts,
} from '../core/sla/liveRules.ts';
import { placeOutputs } from '../core/sla/placement.ts';
import { markOwnedColumn, notLeadsMessage, ourMarkOf, readOwnedMarks } from './ownedSheets.ts';

/**
 * The `Leads` sheet adapter: reads the whole sheet once, writes only the add-in's own columns,
 * and places every result on the row its lead is on at write time.
 *
 * Decisions:
 * - The sheet is read as it is (field map, value map: core/read/leadRecords.ts). Row 1 must name
 *   at least one SLA field (by its header, a CRM's label or the user's choice); otherwise
 *   nothing at all is written (not even our headers).
 * - Our headers are appended after the last used column, in one write, when missing.
 * - A row is a lead when one of the fields or scoring columns holds something; a row holding
 *   only the user's own columns (notes, formulas filled down) is blank: our cells there are
 *   cleared.
 * - Before writing, row 1 and the rows' keys are read again (the Lead ID column alone when
 *   every lead has an ID, else the whole data range: core/sla/leadTable.ts). When the keys are
 *   unchanged (the usual case) results are written by position. When someone sorted, inserted,
 *   deleted or edited rows meanwhile, each result goes to the row now holding its key; rows
 *   whose key is unknown keep what our columns hold now; a duplicate ID gets the duplicate
 *   status without a score (which of the two rows is which is unknowable).
 * - Writes: one `setValues` per contiguous block of our columns, one `setBackgrounds` for the
 *   status column, one `setNumberFormat` per date column, one conditional-format update
 *   (our live rules, core/sla/liveRules.ts: replaced in place, the user's rules kept).
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

/** What the live rules need besides the sheet: the at-risk spans and the priority texts seen. */
export interface LiveRuleInput {
  handoff: HandoffSettings;
  priorityCol: number;
  priorityTexts: PriorityTexts;
}

/** The table as read, with its sheet and the headers this read created. */
export interface LeadsTable extends LeadTable {
  sheet: Sheet;
  created: string[];
  /** Our columns made beside a column of the team's of the same name, said once (at creation). */
  beside: string[];
  /** The user's field choices the table was read with (to find the same keys again). */
  choices: FieldChoices;
}

export type ReadLeadsResult = { ok: true; table: LeadsTable } | { ok: false; message: string };

export interface WriteReport {
  /** Rows whose cells were written (results and blanks). */
  written: number;
  /** Results that found no row with their Lead ID (deleted meanwhile). */
  skipped: number;
  /** True when rows moved between the read and the write. */
  moved: boolean;
  notes: string[];
}

export interface FoundLeadsSheet {
  sheet: Sheet | null;
  /** Its name (one Sheets call saved for the callers), '' when none. */
  name: string;
  /** Why none was found. */
  message: string;
  /** How it was found, when not by its name. */
  note?: string;
}

/** The live rules' input for a table as the check read it. */
export function liveRuleInput(
  table: LeadTable,
  read: LeadSheet,
  settings: Settings,
): LiveRuleInput {
  const priorityCol = read.fields.columns.priority;
  return {
    handoff: settings.handoff,
    priorityCol,
    priorityTexts: settingsPriorityTexts(table.rows, priorityCol, settings),
  };
}

/**
 * The sheet holding the leads (core/read/leadsSheetChoice.ts). The usual case costs one call (the
 * named sheet); row 1 of the other sheets is read only when no sheet has that name.
 */
export function findLeadsSheet(
  ss: Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  mapping: { sheetName: string } = { sheetName: '' },
): FoundLeadsSheet {
  const wanted = mapping.sheetName.trim() || LEADS_SHEET;
  const exact = ss.getSheetByName(wanted);
  // none of ours is ever named Leads: only a sheet the settings name may be one of ours
  if (exact && !mapping.sheetName.trim()) return { sheet: exact, name: wanted, message: '' };
  if (exact) return usable({ sheet: exact, name: wanted, message: '' });
  const sheets = ss.getSheets();
  const names = sheets.map((s) => s.getName());
  let choice = namedLeadsSheet(names, mapping.sheetName);
  if (!choice) {
    const headers = sheets.map((s, i) => {
      const name = names[i]!;
      const lastCol = s.getLastColumn();
      if (isGeneratedSheetName(name) || lastCol < 1 || s.getLastRow() < 1 || ourMarkOf(s))
        return { name, header: [] };
      return { name, header: s.getRange(1, 1, 1, lastCol).getValues()[0] ?? [] };
    });
    choice = likeliestLeadsSheet(headers);
  }
  if (!choice.ok) return { sheet: null, name: '', message: choice.message };
  const sheet = sheets[names.indexOf(choice.name)] ?? null;
  const found = { sheet, name: choice.name, message: '' };
  return usable(choice.note ? { ...found, note: choice.note } : found);
}

/** The found sheet, or none with the reason when it is one of ours (never read as leads). */
function usable(found: FoundLeadsSheet): FoundLeadsSheet {
  const refused = found.sheet ? notLeadsMessage(found.sheet) : null;
  return refused ? { sheet: null, name: '', message: refused } : found;
}

/**
 * Reads the whole sheet with one `getValues`, checks row 1 names a lead field, and creates our
 * missing headers (one write). Never writes anything when row 1 is not a leads header.
 */
export function readLeads(sheet: Sheet, choices: FieldChoices = {}): ReadLeadsResult {
  const lastRow = sheet.getLastRow();
  const lastCol = sheet.getLastColumn();
  if (lastRow < 1 || lastCol < 1)
    return { ok: false, message: noLeadHeadersMessage(sheet.getName()) };
  const values = sheet.getRange(1, 1, lastRow, lastCol).getValues();
  const header = (values[0] ?? []).slice();
  if (!hasLeadHeaders(header, choices)) {
    return { ok: false, message: noLeadHeadersMessage(sheet.getName()) };
  }
  const owned = ownedColumnsOf(sheet, header);
  const created = ownedHeadersToCreate(header, owned);
  if (created.length > 0) {
    const missingCols = lastCol + created.length - sheet.getMaxColumns();
    if (missingCols > 0) sheet.insertColumnsAfter(sheet.getMaxColumns(), missingCols);
    sheet
      .getRange(1, lastCol + 1, 1, created.length)
      .setValues([created.map((c) => c.header)])
      .setFontWeight('bold');
    created.forEach((c, i) => {
      header.push(c.header);
      owned[c.key] = lastCol + i;
      markOwnedColumn(sheet, lastCol + i + 1, c.key);
      sheet.setColumnWidth(lastCol + i + 1, OWNED_COLUMN_WIDTHS[OWNED_HEADERS[c.key]] ?? 100);
    });
  }
  const rows = values.slice(1);
  // rows as read are as wide as the sheet was: pad them to the header created above
  if (created.length > 0)
    for (const row of rows) for (let i = 0; i < created.length; i++) row.push('');
  const table = indexLeadTable(header, rows, choices, owned);
  const beside = created
    .filter((c) => c.header !== OWNED_HEADERS[c.key])
    .map(
      (c) =>
        `"${OWNED_HEADERS[c.key]}" is a column of yours: SLA Sheets never writes it, and writes its own in "${c.header}".`,
    );
  return {
    ok: true,
    table: { ...table, sheet, created: created.map((c) => c.header), beside, choices },
  };
}

/**
 * Our columns of the sheet, by their marks. A sheet checked before columns were marked gets its
 * marks now, on the columns that were ours (core/sla/leadTable.ts `ownedColumns`).
 */
function ownedColumnsOf(sheet: Sheet, header: readonly unknown[]): OwnedColumns {
  const marks = readOwnedMarks(sheet);
  const owned = ownedColumns(header, marks);
  if (Object.keys(marks).length === 0)
    for (const k of OWNED_KEYS) if (owned[k] >= 0) markOwnedColumn(sheet, owned[k] + 1, k);
  return owned;
}

/**
 * Row 1 and the rows' keys as they are now: the Lead ID column alone when every lead of the
 * read had an ID, else the whole data range (rows are then matched by their content).
 */
function readKeysAgain(
  table: LeadsTable,
  lastRow: number,
  lastCol: number,
  ownedFor: (header: readonly unknown[]) => OwnedColumns,
): { header: unknown[]; keys: string[] } {
  const sheet = table.sheet;
  const n = Math.max(0, lastRow - 1);
  if (lastCol < 1) return { header: [], keys: [] };
  if (table.idCol >= 0 && table.keys.every(isIdKey)) {
    const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0] ?? [];
    const owned = ownedFor(header);
    const idCol = tableKeys(header, [], table.choices, owned).idCol;
    if (idCol < 0) return { header, keys: new Array<string>(n).fill('') };
    const cells = n > 0 ? sheet.getRange(2, idCol + 1, n, 1).getValues() : [];
    const padded = cells.map((r) => {
      const row = new Array<unknown>(idCol + 1).fill('');
      row[idCol] = r[0];
      return row;
    });
    return { header, keys: tableKeys(header, padded, table.choices, owned).keys };
  }
  const values = sheet.getRange(1, 1, Math.max(1, lastRow), lastCol).getValues();
  const header = values[0] ?? [];
  const owned = ownedFor(header);
  return { header, keys: tableKeys(header, values.slice(1), table.choices, owned).keys };
}

/** Two header rows that read the same (dates by their instant). */
function sameRow(a: readonly unknown[], b: readonly unknown[]): boolean {
  const text = (v: unknown) => (v instanceof Date ? `\u0001${v.getTime()}` : String(v ?? ''));
  const width = Math.max(a.length, b.length);
  for (let i = 0; i < width; i++) if (text(a[i]) !== text(b[i])) return false;
  return true;
}

/** Groups 0-based columns into runs of adjacent columns. */
function contiguousBlocks(columns: number[]): number[][] {
  const sorted = [...columns].sort((a, b) => a - b);
  const blocks: number[][] = [];
  for (const c of sorted) {
    const last = blocks[blocks.length - 1];
    if (last && c === last[last.length - 1]! + 1) last.push(c);
    else blocks.push([c]);
  }
  return blocks;
}

/**
 * Writes one output per data row of `table` (null = blank row: our cells cleared).
 * Re-reads row 1 and the Lead ID column first, so results land on the right lead.
 */
export function writeLeads(
  table: LeadsTable,
  outputs: ReadonlyArray<LeadOutput | null>,
  live: LiveRuleInput,
): WriteReport {
  const sheet = table.sheet;
  const notes: string[] = [];
  const lastCol = sheet.getLastColumn();
  const lastRow = sheet.getLastRow();
  const n = Math.max(0, lastRow - 1);
  let ownedNow = table.owned;
  const ownedFor = (header: readonly unknown[]): OwnedColumns => {
    // row 1 as read: no column moved (the usual case); else ours are found by their marks again
    if (!sameRow(header, table.header)) ownedNow = ownedColumns([], readOwnedMarks(sheet));
    return ownedNow;
  };
  const { header, keys: currentKeys } = readKeysAgain(table, lastRow, lastCol, ownedFor);
  const owned: Partial<Record<OwnedKey, number>> = {};
  for (const k of OWNED_KEYS) {
    const c = ownedNow[k];
    if (c >= 0) owned[k] = c;
    else notes.push(`The "${OWNED_HEADERS[k]}" column disappeared during the check: not written.`);
  }
  const {
    target,
    skipped,
    moved,
    notes: placementNotes,
  } = placeOutputs(table.keys, outputs, currentKeys);
  notes.push(...placementNotes);

  const ownedKeys = OWNED_KEYS.filter((k) => owned[k] !== undefined);
  const keyAt = new Map<number, OwnedKey>(ownedKeys.map((k) => [owned[k]!, k]));
  const keep = target.some((t) => t === undefined);
  if (n > 0) {
    for (const block of contiguousBlocks(ownedKeys.map((k) => owned[k]!))) {
      const range = sheet.getRange(2, block[0]! + 1, n, block.length);
      const current = keep ? range.getValues() : null;
      const data = new Array<unknown[]>(n);
      for (let i = 0; i < n; i++) {
        const out = target[i];
        const row = new Array<unknown>(block.length);
        for (let j = 0; j < block.length; j++) {
          row[j] =
            out === undefined
              ? current![i]![j]
              : out === null
                ? ''
                : outputCell(out, keyAt.get(block[j]!)!);
        }
        data[i] = row;
      }
      range.setValues(data);
    }
    if (owned.status !== undefined) {
      const range = sheet.getRange(2, owned.status + 1, n, 1);
      const current = keep ? range.getBackgrounds() : null;
      const colors = new Array<Array<string | null>>(n);
      for (let i = 0; i < n; i++) {
        const out = target[i];
        colors[i] = [out === undefined ? current![i]![0]! : (out?.color ?? null)];
      }
      range.setBackgrounds(colors as string[][]);
    }
    for (const k of ['deadline', 'nextAttempt'] as const) {
      const c = owned[k];
      if (c !== undefined) sheet.getRange(2, c + 1, n, 1).setNumberFormat(DATE_TIME_FORMAT);
    }
  }
  if (owned.status !== undefined && owned.deadline !== undefined) {
    const cols = { status: owned.status, deadline: owned.deadline, priority: live.priorityCol };
    installLiveRules(sheet, cols, Math.max(lastCol, header.length), live);
  }
  return { written: n, skipped, moved, notes };
}

/** True for a conditional-format rule this add-in installs (core/sla/liveRules.ts). */
export function isOurRule(rule: GoogleAppsScript.Spreadsheet.ConditionalFormatRule): boolean {
  try {
    const condition = rule.getBooleanCondition();
    if (!condition) return false;
    const values = condition.getCriteriaValues();
    return values.length > 0 && isLiveRuleFormula(String(values[0]));
  } catch {
    return false;
  }
}

type Range = GoogleAppsScript.Spreadsheet.Range;

/** The ranges the rules paint: the status column, and the row without it (its own colour shows). */
function liveRanges(
  sheet: Sheet,
  statusCol: number,
  width: number,
): Record<LiveRule['target'], Range[]> {
  const rows = Math.max(1, sheet.getMaxRows() - 1);
  const row: Range[] = [];
  if (statusCol > 0) row.push(sheet.getRange(2, 1, rows, statusCol));
  if (width > statusCol + 1)
    row.push(sheet.getRange(2, statusCol + 2, rows, width - statusCol - 1));
  return { status: [sheet.getRange(2, statusCol + 1, rows, 1)], row };
}

/**
 * Installs (or refreshes) the live rules: the overdue row highlight and the At risk / Overdue
 * colours of the status cell, computed against NOW(). Ours are replaced in place, once, where
 * the first of them was (however Sheets shifted them); the user's rules are kept in order.
 */
export function installLiveRules(
  sheet: Sheet,
  cols: LiveColumns,
  width: number,
  live: LiveRuleInput,
): void {
  const ranges = liveRanges(sheet, cols.status, width);
  const builder = SpreadsheetApp.newConditionalFormatRule();
  const built: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  for (const rule of liveRules(cols, live.handoff, live.priorityTexts)) {
    if (ranges[rule.target].length === 0) continue;
    builder.whenFormulaSatisfied(rule.formula).setBackground(rule.background);
    built.push(builder.setRanges(ranges[rule.target]).build());
  }
  const next: GoogleAppsScript.Spreadsheet.ConditionalFormatRule[] = [];
  let placed = false;
  for (const r of sheet.getConditionalFormatRules()) {
    if (!isOurRule(r)) next.push(r);
    else if (!placed) {
      next.push(...built);
      placed = true;
    }
  }
  if (!placed) next.push(...built);
  sheet.setConditionalFormatRules(next);
}
