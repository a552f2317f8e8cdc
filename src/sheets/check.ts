import { errorText } from '../core/common/errors.ts';
import { pluralWord } from '../core/common/plural.ts';
import { bitrixRecordType } from '../core/read/activityLog.ts';
import { localeDateOrder, once } from '../core/read/dateOrder.ts';
import { effectiveTimeZone, type Settings } from '../core/settings/index.ts';
import { createCalendar } from '../core/sla/calendar.ts';
import { readNotes, readReport, summaryText } from '../core/sla/checkSummary.ts';
import {
  type CheckContext,
  type CheckExtras,
  computeLeads,
  emptyCounts,
} from '../core/sla/leadCheck.ts';
import { sheetReading } from '../core/sla/liveEdit.ts';
import type { CheckOutcome, ReadReport, RunLogEntry } from '../sidebarContract.ts';
import { readActivitySheet } from './activitySheet.ts';
import { appsScriptClock, spreadsheetLocale, spreadsheetTimeZone } from './clock.ts';
import {
  findLeadsSheet,
  type LeadsTable,
  liveRuleInput,
  readLeads,
  writeLeads,
} from './leadsSheet.ts';
import { withDocumentLock } from './lock.ts';
import { sendNotices } from './notify.ts';
import { appendRunLog, readRunLog } from './runLog.ts';
import { loadSettings } from './settingsStore.ts';
import { stampCheckTime } from './settingsVersion.ts';
import { keepRecalculating } from './setup.ts';
import { storeSheetReading } from './sheetReading.ts';
import { teamForCheck } from './teamSheet.ts';
import { toast } from './ui.ts';

/**
 * The check run: settings → clocks and calendar → one read of `Leads` → score and SLA status
 * of every lead (pure core) → batched writes of our columns → run log. Never throws: a failure
 * becomes a message (toast when there is a UI, and the run log).
 */

export type CheckTrigger = RunLogEntry['trigger'];

export interface CheckOptions {
  trigger?: CheckTrigger;
  nowMs?: number;
  /** E-mail the owners and managers (SLA Team) after the write; default true. */
  notify?: boolean;
  /** Test seam: runs between the computation and the write (a user sorting meanwhile). */
  beforeWrite?: (table: LeadsTable) => void;
}

/** Test seams, reachable through the bundle's `SLA.checkHooks`. */
export const checkHooks: { beforeWrite: ((table: LeadsTable) => void) | null } = {
  beforeWrite: null,
};

/** Clocks and calendar for a run. Throws a readable Error on a bad zone or calendar. */
export function checkContext(
  settings: Settings,
  nowMs: number,
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
  locale: () => string = once(() => spreadsheetLocale(ss)),
): CheckContext {
  const sheetZone = spreadsheetTimeZone(ss);
  const clock = appsScriptClock(sheetZone);
  const calendarZone = effectiveTimeZone(settings, sheetZone);
  const calendarClock = calendarZone === sheetZone ? clock : appsScriptClock(calendarZone);
  return {
    settings,
    clock,
    calendar: createCalendar(settings.calendar, calendarClock),
    nowMs,
    localeOrder: () => localeDateOrder(locale()),
  };
}

const NO_EXTRAS: CheckExtras = { untracked: 0, unmapped: 0 };

/** A check's outcome before it is logged. */
type Outcome = Omit<CheckOutcome, 'runLog'>;

/** Runs the whole check once. Never throws; always appends one run-log entry. */
export function runCheck(options: CheckOptions = {}): CheckOutcome {
  const started = Date.now();
  const outcome = checkOnce(options, started);
  return { ...outcome, runLog: logCheck(outcome, options.trigger ?? 'manual', started) };
}

function checkOnce(options: CheckOptions, started: number): Outcome {
  const notes: string[] = [];
  let counts = emptyCounts();
  let extras = NO_EXTRAS;
  let read: ReadReport | null = null;
  let rows = 0;
  let leads = 0;
  let warning: string | undefined;
  let outcome: Outcome;
  try {
    const loaded = loadSettings();
    if (loaded.warning) {
      warning = loaded.warning;
      notes.push(loaded.warning);
    }
    const ss = SpreadsheetApp.getActiveSpreadsheet();
    const found = findLeadsSheet(ss, loaded.settings.mapping);
    if (!found.sheet) throw new Error(found.message);
    if (found.note) notes.push(found.note);
    const recalculation = keepRecalculating(ss);
    if (recalculation) notes.push(recalculation);
    const locale = once(() => spreadsheetLocale(ss));
    const ctx = checkContext(loaded.settings, options.nowMs ?? started, ss, locale);
    const team = teamForCheck(ss, ctx);
    notes.push(...team.notes);
    const sheetRead = readLeads(found.sheet, loaded.settings.mapping.fields);
    if (!sheetRead.ok) throw new Error(sheetRead.message);
    const table = sheetRead.table;
    rows = table.rows.length;
    if (table.created.length)
      notes.push(
        `Added the ${pluralWord(table.created.length, 'column')} ${table.created.join(', ')}.`,
        ...table.beside,
      );
    const activity = readActivitySheet(ss, loaded.settings, found.name, {
      clock: ctx.clock,
      nowMs: ctx.nowMs,
      localeOrder: ctx.localeOrder,
      recordType: bitrixRecordType(table.header),
    });
    if (activity.note) notes.push(activity.note);
    ctx.activities = activity.activities;
    const computed = computeLeads(table, ctx);
    const sheet = { sheetId: found.sheet.getSheetId(), name: found.name };
    const configured = loaded.settings.mapping.sheetName;
    storeSheetReading(
      sheetReading(
        { ...sheet, configured, activitySheet: activity.activities?.sheet ?? '' },
        computed.read,
        computed.scoringOrders,
      ),
    );
    // what was read goes after what the write says (rows moved): the log keeps the first notes
    const readPart = [...readNotes(computed.read, locale), ...computed.notes];
    read = { ...readReport(found.name, computed.read, locale), activities: computed.activities };
    counts = computed.counts;
    extras = computed.extras;
    leads = computed.leads;
    const hook = options.beforeWrite ?? checkHooks.beforeWrite;
    if (hook) hook(table);
    const live = liveRuleInput(table, computed.read, loaded.settings);
    const report = writeLeads(table, computed.outputs, live);
    try {
      stampCheckTime(ss, new Date(ctx.nowMs));
    } catch (error) {
      notes.push(`The time of this check could not be written for SLA_SCORE: ${errorText(error)}`);
    }
    notes.push(...report.notes, ...readPart);
    if (team.team && options.notify !== false) {
      const settings = loaded.settings;
      const run = {
        team: team.team,
        computed,
        rows: table.rows,
        ctx,
        settings,
        ss,
        leadsSheet: found.sheet,
      };
      notes.push(...sendNotices(run).notes);
    }
    outcome = {
      ok: true,
      rows,
      leads,
      counts,
      message: summaryText({
        counts,
        extras,
        leads,
        clock: computed.read.clock,
        trackingDays: loaded.settings.handoff.trackingDays,
      }),
      extras,
      read,
      notes,
      durationMs: Date.now() - started,
    };
  } catch (error) {
    outcome = {
      ok: false,
      rows,
      leads,
      counts,
      message: `Lead check failed: ${errorText(error)}`,
      extras,
      read,
      notes,
      durationMs: Date.now() - started,
    };
  }
  if (warning) outcome.warning = warning;
  return outcome;
}

/** Appends the run to the log and returns the log as stored, newest first. */
function logCheck(outcome: Outcome, trigger: CheckTrigger, started: number): RunLogEntry[] {
  const entry: RunLogEntry = {
    at: new Date(started).toISOString(),
    kind: 'check',
    trigger,
    rows: outcome.rows,
    counts: outcome.counts,
    durationMs: outcome.durationMs,
  };
  if (!outcome.ok) entry.error = outcome.message;
  if (outcome.notes.length)
    entry.notes = outcome.notes
      .slice(0, 20)
      .map((n) => (n.length > 300 ? `${n.slice(0, 297)}...` : n));
  try {
    return appendRunLog(entry);
  } catch {
    // the log is best effort: never hide the run's own outcome behind a logging failure
    try {
      return readRunLog();
    } catch {
      return [];
    }
  }
}

const LOCK_WAIT_MS = 20_000;

/**
 * Menu and sidebar entry point: runs the check by hand and says how it went (toast). Returns
 * the outcome with the run log that now includes it, so the sidebar needs no second call.
 */
export function checkLeadsNow(): CheckOutcome {
  return withDocumentLock(
    LOCK_WAIT_MS,
    () => {
      const outcome = runCheck({ trigger: 'manual' });
      if (outcome.warning) toast(outcome.warning, 'SLA Sheets: settings', 10);
      toast(outcome.message, 'SLA Sheets', outcome.ok ? 5 : 10);
      return outcome;
    },
    () => {
      const message = 'Another lead check is running: try again in a minute.';
      const runLog = appendRunLog({
        at: new Date().toISOString(),
        kind: 'check',
        trigger: 'manual',
        error: `Skipped: ${message}`,
      });
      toast(message);
      return {
        ok: false,
        rows: 0,
        leads: 0,
        counts: emptyCounts(),
        message,
        extras: NO_EXTRAS,
        read: null,
        notes: [],
        durationMs: 0,
        runLog,
      };
    },
  );
}
