import {
  AGREEMENT_WIDTH,
  type AgreementStyle,
  buildAgreement,
  type ClockSource,
} from '../core/agreement/agreement.ts';
import { userText } from '../core/common/cell.ts';
import { clockField, resolveFields } from '../core/read/fieldMap.ts';
import { AGREEMENT_SHEET } from '../core/read/leadColumns.ts';
import type { Settings } from '../core/settings/index.ts';
import { findLeadsSheet } from './leadsSheet.ts';
import { besideNoticeOnce, ourSheet } from './ownedSheets.ts';
import { readPlannedMonthlyMql } from './planning.ts';
import { loadSettings } from './settingsStore.ts';
import { ensureColumns, ensureRows } from './sheetSize.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const BACKGROUNDS: Record<AgreementStyle, string | null> = {
  title: null,
  subtitle: null,
  section: '#cfe2f3',
  header: '#efefef',
  item: null,
  note: null,
  blank: null,
};

/** The column that starts the clock in the team's leads sheet (row 1 read once). */
function clockSource(ss: Spreadsheet, settings: Settings): ClockSource {
  const found = findLeadsSheet(ss, settings.mapping).sheet;
  const lastCol = found?.getLastColumn() ?? 0;
  if (!found || lastCol < 1) return undefined;
  const header = found.getRange(1, 1, 1, lastCol).getValues()[0] ?? [];
  const fields = resolveFields(header, settings.mapping.fields);
  const field = clockField(fields.columns, settings.handoff.clockStart);
  return { header: field === null ? null : String(header[fields.columns[field]] ?? '').trim() };
}

/**
 * Writes the agreement document into `sheet` (from row 1): one setValues, one setBackgrounds,
 * one setFontWeights. Every text is written as text (a definition starting with `=` stays text).
 */
export function writeAgreementSheet(sheet: Sheet, settings: Settings): void {
  const ss = sheet.getParent();
  const rows = buildAgreement(settings, readPlannedMonthlyMql(ss), clockSource(ss, settings));
  ensureRows(sheet, rows.length);
  ensureColumns(sheet, AGREEMENT_WIDTH);
  const range = sheet.getRange(1, 1, rows.length, AGREEMENT_WIDTH);
  range.setValues(rows.map((r) => r.cells.map(userText)));
  range.setBackgrounds(rows.map((r) => r.cells.map(() => BACKGROUNDS[r.style])));
  range.setFontWeights(
    rows.map((r) =>
      r.cells.map((_, i) =>
        r.style === 'title' ||
        r.style === 'section' ||
        r.style === 'header' ||
        (r.style === 'item' && i === 0)
          ? 'bold'
          : 'normal',
      ),
    ),
  );
  range.setVerticalAlignment('top');
  // what each role does, and who holds it
  sheet.getRange(1, 2, rows.length, 2).setWrap(true);
  sheet.getRange(1, 1).setFontSize(14);
  sheet.setColumnWidth(1, 220);
  sheet.setColumnWidth(2, 620);
  sheet.setColumnWidth(3, 160);
  sheet.setColumnWidth(4, 120);
}

/**
 * Clears and rewrites only our `SLA Agreement` sheet (created when missing; beside a user's
 * sheet of that name, whose sign-off rows are carried over but never written). For the
 * sidebar's save; touches no other sheet. Returns the notice to give once, or null.
 */
export function regenerateAgreement(settings: Settings = loadSettings().settings): string | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const owned = ourSheet(ss, AGREEMENT_SHEET);
  // Signatures come from our sheet, or on its first write from the sheet it was written beside.
  const source = owned.created && owned.besideOf ? ss.getSheetByName(owned.besideOf) : owned.sheet;
  const signatures = source ? readSignatures(source) : new Map<string, unknown[]>();
  if (!owned.created) owned.sheet.clear();
  writeAgreementSheet(owned.sheet, settings);
  if (signatures.size) restoreSignatures(owned.sheet, signatures);
  return besideNoticeOnce(owned);
}

const SIGN_SECTION = /sign-off$/i;

/** What the teams typed in the sign-off rows (`Marketing`, `Sales`): kept across rewrites. */
function readSignatures(sheet: Sheet): Map<string, unknown[]> {
  const found = new Map<string, unknown[]>();
  if (sheet.getLastRow() === 0) return found;
  const values = sheet.getDataRange().getValues();
  let inSection = false;
  for (const row of values) {
    const a = String(row[0] ?? '').trim();
    if (SIGN_SECTION.test(a)) inSection = true;
    else if (inSection && (a === 'Marketing' || a === 'Sales')) {
      const rest = row.slice(1, AGREEMENT_WIDTH);
      if (rest.some((v) => v !== '' && v !== null)) found.set(a, rest);
    }
  }
  return found;
}

function restoreSignatures(sheet: Sheet, signatures: Map<string, unknown[]>): void {
  const values = sheet.getRange(1, 1, sheet.getLastRow(), 1).getValues();
  let inSection = false;
  values.forEach((row, i) => {
    const a = String(row[0] ?? '').trim();
    if (SIGN_SECTION.test(a)) inSection = true;
    const kept = inSection ? signatures.get(a) : undefined;
    if (kept) {
      sheet
        .getRange(i + 1, 2, 1, AGREEMENT_WIDTH - 1)
        .setValues([kept.map((v) => (typeof v === 'string' ? userText(v) : v))]);
    }
  });
}
