import {
  type ActivityLog,
  looksLikeActivityLog,
  readActivityLog,
} from '../core/read/activityLog.ts';
import type { LocaleOrder } from '../core/read/dateOrder.ts';
import { isGeneratedSheetName } from '../core/read/leadsSheetChoice.ts';
import type { Settings } from '../core/settings/index.ts';
import type { ZoneClock } from '../core/time/zone.ts';

/**
 * The activity log's sheet: the one named in the settings (Fields tab), else the first sheet
 * whose row 1 reads as a log (a lead key, a date, a type or status column), never the leads
 * sheet nor one of ours. Read with one `getValues`; only read, never written.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** How many sheets are looked at to find a log by its headers. */
const MAX_SHEETS_LOOKED_AT = 20;

export interface ActivitySheetRead {
  /** The log read, with its sheet's name; null when there is none. */
  activities: { sheet: string; log: ActivityLog } | null;
  /** What the user is told (a named log that is not there). */
  note?: string;
}

export interface ActivityReadContext {
  clock: ZoneClock;
  nowMs: number;
  localeOrder: LocaleOrder;
  /** Bitrix24's record type of the leads sheet's rows, when it can be told. */
  recordType?: string | null;
}

function findLogSheet(
  ss: Spreadsheet,
  settings: Settings,
  leadsSheet: string,
): Sheet | string | null {
  const named = settings.mapping.activitySheet;
  if (named === null) return null;
  if (named.trim() !== '') {
    return (
      ss.getSheetByName(named.trim()) ??
      `The activity log "${named.trim()}" chosen in Fields is not in this spreadsheet: first contacts come from the leads sheet alone.`
    );
  }
  const sheets = ss.getSheets().slice(0, MAX_SHEETS_LOOKED_AT);
  for (const sheet of sheets) {
    const name = sheet.getName();
    if (name === leadsSheet || isGeneratedSheetName(name)) continue;
    const lastCol = sheet.getLastColumn();
    if (lastCol < 2) continue;
    const header = sheet.getRange(1, 1, 1, lastCol).getValues()[0] ?? [];
    if (looksLikeActivityLog(header)) return sheet;
  }
  return null;
}

export function readActivitySheet(
  ss: Spreadsheet,
  settings: Settings,
  leadsSheet: string,
  ctx: ActivityReadContext,
): ActivitySheetRead {
  const found = findLogSheet(ss, settings, leadsSheet);
  if (found === null) return { activities: null };
  if (typeof found === 'string') return { activities: null, note: found };
  const lastRow = found.getLastRow();
  const lastCol = found.getLastColumn();
  if (lastRow < 1 || lastCol < 1) return { activities: null };
  const values = found.getRange(1, 1, lastRow, lastCol).getValues();
  const log = readActivityLog(values[0] ?? [], values.slice(1), {
    choices: settings.mapping.activityFields,
    localeOrder: ctx.localeOrder,
    clock: ctx.clock,
    nowMs: ctx.nowMs,
    recordType: ctx.recordType ?? null,
  });
  return { activities: { sheet: found.getName(), log } };
}
