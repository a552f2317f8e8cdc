import { errorText, InputError } from '../core/common/errors.ts';
import { plural } from '../core/common/plural.ts';
import { bitrixRecordType } from '../core/read/activityLog.ts';
import { localeDateOrder, once } from '../core/read/dateOrder.ts';
import { reviewLayout } from '../core/review/layout.ts';
import {
  addMonths,
  monthKey,
  monthOf,
  parseMonth,
  type ReviewMonth,
} from '../core/review/leadFacts.ts';
import {
  type MonthCount,
  monthOffer,
  monthsSummary,
  monthsWithLeads,
} from '../core/review/months.ts';
import { computeReview, type Review } from '../core/review/review.ts';
import type { Settings } from '../core/settings/index.ts';
import { createCalendar } from '../core/sla/calendar.ts';
import { readLeadTable } from '../core/sla/leadCheck.ts';
import type { ReviewOutcome, RunLogEntry } from '../sidebarContract.ts';
import { readActivitySheet } from './activitySheet.ts';
import { appsScriptClock, settingsClock, spreadsheetLocale, spreadsheetTimeZone } from './clock.ts';
import { findLeadsSheet } from './leadsSheet.ts';
import { withDocumentLock } from './lock.ts';
import { readEscalations } from './noticeStore.ts';
import { besideNoticeOnce } from './ownedSheets.ts';
import { readPlannedMonthlyMql } from './planning.ts';
import { reviewSheetName, upsertHistory, writeReviewSheet } from './reviewSheet.ts';
import { appendRunLog, readRunLog } from './runLog.ts';
import { loadSettings } from './settingsStore.ts';
import { alert, toast } from './ui.ts';

/**
 * The monthly review entry points.
 *
 * - `runMonthlyReview(month?)`: from the menu (no month) it asks for the month with a prompt
 *   (`YYYY-MM`; blank: last month, or the last month with leads when it has none; reading Leads
 *   once more, to name the months); called with a month it runs for that month. Writes our
 *   `SLA Review YYYY-MM` (replacing only that sheet; beside a user's sheet of that name) and
 *   upserts the month in our `SLA History`.
 *   Reads Leads with one getValues and never writes it.
 * - `runMonthlyReviewIfDue(now)`: the monitoring trigger's hook; on the first run of each month
 *   it creates last month's review once (the last month done is kept in the document
 *   properties), when `settings.monitoring.autoMonthlyReview` is on.
 */

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

export const LAST_AUTO_REVIEW_KEY = 'sla.review.lastAutoMonth';
/** Above this many rows the run says what it is doing with a toast. */
const LONG_RUN_ROWS = 2000;
const LOCK_WAIT_MS = 20_000;

export interface ReviewRunResult {
  month: string;
  sheetName: string;
  leads: number;
  historyRow: number;
  review: Review;
  /** Said once: a user's sheet had our name, so ours was written beside it. */
  notices: string[];
}

function lastMonth(ss: Spreadsheet, now: Date): ReviewMonth {
  const clock = appsScriptClock(spreadsheetTimeZone(ss));
  return addMonths(monthOf(clock, now.getTime()), -1);
}

/** Builds and writes the review of one month. Throws on a broken setting or sheet. */
export function generateMonthlyReview(
  month: ReviewMonth,
  trigger: RunLogEntry['trigger'],
  options: { ss?: Spreadsheet; settings?: Settings; now?: Date } = {},
): ReviewRunResult {
  const started = Date.now();
  const ss = options.ss ?? SpreadsheetApp.getActiveSpreadsheet();
  const loaded = options.settings ? { settings: options.settings } : loadSettings();
  const settings = loaded.settings;
  const now = options.now ?? new Date();
  const clock = appsScriptClock(spreadsheetTimeZone(ss));
  const calendar = createCalendar(settings.calendar, settingsClock(settings, ss));

  const leadsSheet = findLeadsSheet(ss, settings.mapping).sheet;
  const values: unknown[][] = leadsSheet ? leadsSheet.getDataRange().getValues() : [];
  const header = values[0] ?? [];
  const rows = values.slice(1);
  const key = monthKey(month);
  if (rows.length > LONG_RUN_ROWS) {
    toast(`Reviewing ${plural(rows.length, 'lead')} for ${key}…`, 'SLA monthly review', 10);
  }

  const localeOrder = once(() => localeDateOrder(spreadsheetLocale(ss)));
  const activity = leadsSheet
    ? readActivitySheet(ss, settings, leadsSheet.getName(), {
        clock,
        nowMs: now.getTime(),
        localeOrder,
        recordType: bitrixRecordType(header),
      })
    : { activities: null };
  const review = computeReview({
    header,
    rows,
    settings,
    month,
    clock,
    calendar,
    nowMs: now.getTime(),
    localeOrder,
    activities: activity.activities?.log ?? null,
    plannedMonthlyMql: readPlannedMonthlyMql(ss),
    escalations: readEscalations(key, ss),
  });
  const layout = reviewLayout(review, { generatedAt: now });
  if (rows.length > LONG_RUN_ROWS) toast(`Writing ${reviewSheetName(key)}…`, 'SLA monthly review');
  const written = writeReviewSheet(ss, review, layout);
  const history = upsertHistory(ss, review, now, clock);

  const notices = [written, history.owned]
    .map(besideNoticeOnce)
    .filter((n): n is string => n !== null);
  const notes: string[] = [...notices];
  if (!leadsSheet) notes.push('No Leads sheet: the review is empty.');
  if ('warning' in loaded && loaded.warning) notes.push(loaded.warning);
  if (review.quality.unreadableRows) {
    notes.push(
      `${plural(review.quality.unreadableRows, 'lead')} with values that could not be read.`,
    );
  }
  appendRunLog({
    at: now.toISOString(),
    kind: 'review',
    trigger,
    rows: review.quality.rows,
    counts: {
      mql: review.current.marketing.mqlDelivered,
      handedOff: review.current.marketing.handedOff,
      won: review.current.revenue.won,
    },
    durationMs: Date.now() - started,
    ...(notes.length ? { notes } : {}),
  });
  return {
    month: key,
    sheetName: written.sheet.getName(),
    leads: review.quality.rows,
    historyRow: history.row,
    review,
    notices,
  };
}

/** The months of the leads sheet that have leads (empty when there is no sheet or no date). */
function leadMonths(ss: Spreadsheet): MonthCount[] {
  const { settings } = loadSettings();
  const sheet = findLeadsSheet(ss, settings.mapping).sheet;
  if (!sheet) return [];
  const values = sheet.getDataRange().getValues();
  const clock = appsScriptClock(spreadsheetTimeZone(ss));
  const read = readLeadTable(values[0] ?? [], values.slice(1), {
    settings,
    clock,
    nowMs: Date.now(),
    localeOrder: localeDateOrder(spreadsheetLocale(ss)),
  });
  return monthsWithLeads(read, clock);
}

/**
 * Asks for the month, saying which months have leads (a blank answer: last month, or the last
 * month with leads when last month has none); null when the user cancels.
 */
function askMonth(ss: Spreadsheet): ReviewMonth | null {
  const ui = SpreadsheetApp.getUi();
  const offer = monthOffer(leadMonths(ss), monthKey(lastMonth(ss, new Date())));
  const blank = parseMonth(offer.blank)!;
  const hint = offer.hint ? ` ${offer.hint}` : '';
  let message = `Month to review, as YYYY-MM (leave blank for ${offer.blank}).${hint}`;
  for (let tries = 0; tries < 3; tries++) {
    const response = ui.prompt('SLA monthly review', message, ui.ButtonSet.OK_CANCEL);
    if (response.getSelectedButton() !== ui.Button.OK) return null;
    const text = response.getResponseText().trim();
    if (text === '') return blank;
    const month = parseMonth(text);
    if (month) return month;
    message = `"${text.slice(0, 20)}" is not a month: type it as YYYY-MM, e.g. ${offer.blank} (leave blank for ${offer.blank}).${hint}`;
  }
  alert('No review was made: the month must be typed as YYYY-MM, e.g. 2026-03.');
  return null;
}

/**
 * Menu entry point. With a `YYYY-MM` text it reviews that month; without one it asks.
 * Returns the run's result, or null when cancelled or failed (the user is told why).
 */
export function runMonthlyReview(month?: unknown): ReviewRunResult | null {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  let target: ReviewMonth | null;
  if (typeof month === 'string' && month.trim() !== '') {
    target = parseMonth(month);
    if (!target) {
      throw new InputError({
        fn: 'runMonthlyReview',
        arg: 'month',
        problem: 'must be YYYY-MM, e.g. 2026-03',
        received: `"${month.slice(0, 20)}"`,
      });
    }
  } else {
    target = askMonth(ss);
    if (!target) return null;
  }
  return withDocumentLock(
    LOCK_WAIT_MS,
    () => {
      try {
        const result = generateMonthlyReview(target, 'manual', { ss });
        ss.getSheetByName(result.sheetName)?.activate();
        const said = [readyMessage(result), ...result.notices];
        toast(said.join(' '), 'SLA monthly review', said.length > 1 ? 20 : 5);
        return result;
      } catch (error) {
        appendRunLog({
          at: new Date().toISOString(),
          kind: 'review',
          trigger: 'manual',
          error: `Monthly review failed: ${errorText(error)}`,
        });
        alert(`The monthly review could not be made: ${errorText(error)}`);
        return null;
      }
    },
    () => {
      alert('Another SLA run is still working on this spreadsheet: try again in a minute.');
      return null;
    },
  );
}

/** `SLA Review 2021-03 is ready (1,952 leads read).`, and for a month with no lead, where to look. */
function readyMessage(result: ReviewRunResult): string {
  const ready = `${result.sheetName} is ready (${plural(result.leads, 'lead')} read).`;
  const r = result.review;
  if (!r.empty) return ready;
  return `${ready} No lead in ${r.label}: leads are dated ${monthsSummary(r.monthsWithLeads)}. Ask for one of those months (YYYY-MM).`;
}

/**
 * The sidebar's "Make the review": the month typed (`YYYY-MM`; blank for last month), under the
 * document lock. Never throws: the outcome says what was made or what went wrong.
 */
export function sidebarReview(month: unknown): ReviewOutcome {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const text = typeof month === 'string' ? month.trim() : '';
  const target = text === '' ? lastMonth(ss, new Date()) : parseMonth(text);
  const failed = (message: string): ReviewOutcome => ({
    ok: false,
    month: text,
    sheetName: null,
    message,
    monthsWithLeads: [],
    runLog: readRunLog(),
  });
  if (!target)
    return failed(`"${text.slice(0, 20)}" is not a month: type it as YYYY-MM, e.g. 2026-03.`);
  return withDocumentLock(
    LOCK_WAIT_MS,
    (): ReviewOutcome => {
      try {
        const result = generateMonthlyReview(target, 'sidebar', { ss });
        ss.getSheetByName(result.sheetName)?.activate();
        const months = result.review.monthsWithLeads;
        return {
          ok: true,
          month: result.month,
          sheetName: result.sheetName,
          message: [readyMessage(result), ...result.notices].join(' '),
          monthsWithLeads: [...months].reverse().map((m) => `${m.month} (${m.leads})`),
          runLog: readRunLog(),
        };
      } catch (error) {
        return failed(`The monthly review could not be made: ${errorText(error)}`);
      }
    },
    () => failed('Another SLA run is still working on this spreadsheet: try again in a minute.'),
  );
}

/**
 * Called by the monitoring trigger after each check: on the first run of a month, creates last
 * month's review once. Returns the month reviewed, or null when nothing was due.
 */
export function runMonthlyReviewIfDue(now: Date = new Date()): string | null {
  const { settings } = loadSettings();
  if (!settings.monitoring.autoMonthlyReview) return null;
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const due = monthKey(lastMonth(ss, now));
  const props = PropertiesService.getDocumentProperties();
  const done = props.getProperty(LAST_AUTO_REVIEW_KEY) ?? '';
  if (done >= due) return null;
  generateMonthlyReview(parseMonth(due)!, 'timer', { ss, settings, now });
  props.setProperty(LAST_AUTO_REVIEW_KEY, due);
  return due;
}
