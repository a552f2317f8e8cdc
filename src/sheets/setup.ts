import { pluralWord } from '../core/common/plural.ts';
import { planningNote } from '../core/plan/planningSheet.ts';
import {
  AGREEMENT_SHEET,
  LEAD_HEADERS,
  LEADS_SHEET,
  OWNED_COLUMN_WIDTHS,
  OWNED_HEADER_LIST,
  OWNED_HEADERS,
  PLANNING_SHEET,
  SCORING_ATTRIBUTE_HEADERS,
} from '../core/read/leadColumns.ts';
import type { Settings } from '../core/settings/index.ts';
import { OWNED_KEYS } from '../core/sla/leadTable.ts';
import { TEAM_SHEET } from '../core/team/team.ts';
import { writeAgreementSheet } from './agreement.ts';
import { findLeadsSheet } from './leadsSheet.ts';
import { besideNoticeOnce, findOurSheet, markOwnedColumn, ourSheet } from './ownedSheets.ts';
import { loadSettings } from './settingsStore.ts';
import { ensureSettingsVersion } from './settingsVersion.ts';
import { ensureColumns } from './sheetSize.ts';
import { createTeamSheet } from './teamSheet.ts';
import { toast } from './ui.ts';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** A typical B2B seasonality: quiet summer and late December. */
const SEASONALITY = [9, 9, 10, 9, 9, 8, 5, 4, 9, 10, 10, 8];

/** A sheet that holds anything is kept as it is (the user may have edited our Planning). */
function hasData(sheet: Sheet): boolean {
  return sheet.getLastRow() > 0 || sheet.getLastColumn() > 0;
}

/** Writes the worked example of the seeds as live formulas over the plan inputs. */
export function writePlanning(sheet: Sheet, settings: Settings): void {
  const p = settings.plan;
  const rates = p.stageRates;
  const leadToCustomer = rates[1] * rates[2] * rates[3] * rates[4];
  const rows: unknown[][] = [
    ['SLA plan: from the revenue goal back to the MQL marketing must deliver', ''],
    [planningNote(settings.agreed), ''],
    ['Input', 'Value'],
    ['Revenue goal', p.revenueGoal ?? 100000],
    ['Average deal', p.averageDeal],
    ['Marketing share', p.marketingShare],
    ['Stage conversion rate', rates[2]],
    ['Working weeks', p.workingWeeks],
    ['MQL per rep per week', p.mqlPerRepPerWeek],
    ['Lead-to-customer rate', leadToCustomer],
    ['', ''],
    ['Result', 'Value'],
    ['Customers needed', '=SLA_CUSTOMERS_NEEDED(B4, B5, B6)'],
    ['MQL needed', '=SLA_MQL_NEEDED(B4, B5, B7, B6)'],
    ['MQL per week', '=SLA_WEEKLY(B14, B8)'],
    ['Reps needed (FTE)', '=SLA_REPS(B14, B8, B9)'],
    ['Reps to hire', '=SLA_REPS(B14, B8, B9, "up")'],
    ['Leads goal (4 metrics)', '=SLA_LEADS_GOAL(B4, B6, B5, B10)'],
  ];
  sheet
    .getRange(1, 1, rows.length, 2)
    .setValues(rows.map((r) => r.map((v) => (String(v).startsWith('=') ? '' : v))));
  sheet.getRange(13, 2, 6, 1).setFormulas(rows.slice(12).map((r) => [String(r[1])]));
  sheet.getRange('D3').setFormula('=SLA_FUNNEL(B4, B5, B7, B6)');
  sheet.getRange(21, 1, 3, 13).setValues([
    ['Month', ...MONTHS],
    ['Seasonality weight', ...SEASONALITY],
    ['MQL target', ...MONTHS.map(() => '')],
  ]);
  sheet.getRange('B23').setFormula('=SLA_SPREAD(B14, B22:M22)');
  sheet.getRange('A1').setFontWeight('bold').setFontSize(13);
  for (const a1 of ['A3:B3', 'A12:B12', 'A21:A23', 'D3:E3'])
    sheet.getRange(a1).setFontWeight('bold');
  sheet.getRange('B4:B5').setNumberFormat('#,##0');
  sheet.getRange('B6:B7').setNumberFormat('0%');
  sheet.getRange('B10').setNumberFormat('0.00%');
  sheet.getRange('B15:B16').setNumberFormat('0.00');
  sheet.getRange('B13:B14').setNumberFormat('#,##0');
  sheet.getRange('B17:B18').setNumberFormat('#,##0');
  sheet.getRange('E4:E9').setNumberFormat('#,##0');
  sheet.getRange('B21:M23').setHorizontalAlignment('right');
  sheet.setColumnWidth(4, 120);
  sheet.setColumnWidth(1, 200);
  sheet.setFrozenRows(0);
}

function writeLeadsHeaders(sheet: Sheet): void {
  const theirs = [...Object.values(LEAD_HEADERS), ...SCORING_ATTRIBUTE_HEADERS];
  const headers = [...theirs, ...OWNED_HEADER_LIST];
  ensureColumns(sheet, headers.length);
  sheet.getRange(1, 1, 1, headers.length).setValues([headers]).setFontWeight('bold');
  OWNED_KEYS.forEach((key, i) => {
    const column = theirs.length + i + 1;
    markOwnedColumn(sheet, column, key);
    sheet.setColumnWidth(column, OWNED_COLUMN_WIDTHS[OWNED_HEADERS[key]] ?? 100);
  });
  sheet.setFrozenRows(1);
}

export interface SetUpResult {
  created: string[];
  kept: string[];
  /** The sheet the leads are read from when it is not `Leads` (a CRM export kept as it is). */
  leadsFrom?: string;
  /** Said once: a user's sheet had the name of one of ours, so ours was written beside it. */
  notices: string[];
}

/** Writes our generated sheet `name` unless ours is already there with data. */
function setUpGenerated(
  ss: Spreadsheet,
  name: string,
  write: (sheet: Sheet) => void,
  result: SetUpResult,
): void {
  const existing = findOurSheet(ss, name);
  if (existing && hasData(existing)) {
    result.kept.push(existing.getName());
    return;
  }
  const owned = existing ? { sheet: existing, created: false, besideOf: null } : ourSheet(ss, name);
  write(owned.sheet);
  result.created.push(owned.sheet.getName());
  const notice = besideNoticeOnce(owned);
  if (notice) result.notices.push(notice);
}

/**
 * Creates whichever of Planning, Leads, SLA Agreement and SLA Team is missing. Planning and the
 * agreement are ours (marked, written beside a user's sheet of that name); `Leads` is the user's
 * table: headers are written only into a missing or empty one, and none is made when the leads
 * are already in another sheet (a CRM export); SLA Team is made once, never touched after.
 */
export function setUpSheets(
  ss: Spreadsheet,
  settings: Settings,
  writeAgreement: (sheet: Sheet, settings: Settings) => void,
): SetUpResult {
  const result: SetUpResult = { created: [], kept: [], notices: [] };
  setUpGenerated(ss, PLANNING_SHEET, (sheet) => writePlanning(sheet, settings), result);
  // Leads already in another sheet (a CRM export, or the sheet named in the settings): no
  // empty Leads sheet, which would be read instead of them.
  const found = findLeadsSheet(ss, settings.mapping);
  if (found.sheet && found.name !== LEADS_SHEET) result.leadsFrom = found.name;
  else {
    const leads = found.sheet;
    if (leads && hasData(leads)) result.kept.push(leads.getName());
    else {
      writeLeadsHeaders(leads ?? ss.insertSheet(LEADS_SHEET));
      result.created.push(LEADS_SHEET);
    }
  }
  setUpGenerated(ss, AGREEMENT_SHEET, (sheet) => writeAgreement(sheet, settings), result);
  if (createTeamSheet(ss)) result.created.push(TEAM_SHEET);
  else result.kept.push(TEAM_SHEET);
  const version = ensureSettingsVersion(ss);
  if (version) result.notices.push(version);
  return result;
}

/**
 * The live highlighting compares deadlines with NOW(), which Sheets recalculates on change
 * only unless told otherwise: every minute makes a row turn red the minute its deadline passes.
 */
export function recalculateEveryMinute(ss: Spreadsheet): string {
  try {
    ss.setRecalculationInterval(SpreadsheetApp.RecalculationInterval.MINUTE);
    return 'Recalculation is now every minute (File › Settings › Calculation), so overdue rows turn red on time.';
  } catch {
    return 'Set File › Settings › Calculation › Recalculation to "On change and every minute" so overdue rows turn red on time.';
  }
}

const RECALCULATION_TOLD = 'sla.recalculationTold';

/**
 * Each check keeps the live colours on time without a setup step: recalculation every minute
 * is set when it is not, and said once (in the run log). Null when nothing was to be said.
 */
export function keepRecalculating(ss: Spreadsheet): string | null {
  try {
    if (String(ss.getRecalculationInterval()) === 'MINUTE') return null;
  } catch {
    return null;
  }
  const message = recalculateEveryMinute(ss);
  try {
    if (String(ss.getRecalculationInterval()) === 'MINUTE') return message;
  } catch {
    // read below as not set
  }
  // not allowed to set it: the way to do it by hand, said once
  const props = PropertiesService.getDocumentProperties();
  if (props.getProperty(RECALCULATION_TOLD)) return null;
  props.setProperty(RECALCULATION_TOLD, 'yes');
  return message;
}

/** Menu entry point: creates the missing sheets and says what it did. */
export function setUpWorkbook(): SetUpResult {
  const loaded = loadSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const result = setUpSheets(ss, loaded.settings, writeAgreementSheet);
  const created = result.created.length
    ? `Created ${result.created.join(', ')}.`
    : 'Nothing to create.';
  const kept = result.kept.length
    ? ` Kept ${result.kept.join(', ')} as ${pluralWord(result.kept.length, 'it is', 'they are')}.`
    : '';
  const leads = result.leadsFrom ? ` Leads are read from "${result.leadsFrom}".` : '';
  const notes = [
    recalculateEveryMinute(ss),
    ...result.notices,
    ...(loaded.warning ? [loaded.warning] : []),
  ];
  toast(`${created}${kept}${leads}${notes.map((n) => ` ${n}`).join('')}`, 'SLA Sheets', 20);
  return result;
}
