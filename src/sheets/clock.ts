import { effectiveTimeZone, type Settings } from '../core/settings/index.ts';
import { offsetSourceClock, type ZoneClock } from '../core/time/zone.ts';
import { checkTimeZone } from './timeZoneCheck.ts';

/**
 * The Apps Script ZoneClock. Apps Script documents `Utilities.formatDate(date, zone, pattern)`
 * as its zone-aware tool (whether `Intl` time zones work in its V8 is not documented), so the
 * offset of an instant is read with the `Z` pattern (`+0100`, `-0530`) and cached by
 * `offsetSourceClock` (a few look-ups per day of the range used, exact at transitions).
 */

/** `+0100` → 60, `-0530` → -330, `Z`/`+00:00` accepted too; null when not an offset. */
export function parseUtcOffset(text: string): number | null {
  const t = String(text).trim();
  if (t === 'Z' || t === 'UTC' || t === 'GMT') return 0;
  const m = /^(?:GMT|UTC)?([+-])(\d{2}):?(\d{2})$/.exec(t);
  if (!m) return null;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

const clocks = new Map<string, ZoneClock>();

/**
 * A clock for an IANA zone backed by `Utilities.formatDate` (one per zone per execution). The
 * zone is read in the spelling Apps Script knows (a `europe/paris` saved before zones were
 * checked is Paris); a zone it does not know at all is an error, never a silent GMT.
 */
export function appsScriptClock(zone: string): ZoneClock {
  const typed = zone.trim();
  if (typed === '') throw new Error('Time zone is blank: use an IANA name such as Europe/Paris');
  const cached = clocks.get(typed);
  if (cached) return cached;
  const known = checkTimeZone(typed);
  if (!known.ok) {
    throw new Error(
      `The time zone "${typed}" is unknown to Apps Script (it would be read as GMT): set an IANA name such as Europe/Paris in SLA settings > Calendar, or leave it blank for the spreadsheet's`,
    );
  }
  const z = known.zone;
  // Offsets are sampled a week apart (exact at transitions by bisection): no zone in use
  // changes its offset twice within a week, and a year of leads costs ~60 look-ups.
  const clock = offsetSourceClock(
    z,
    (ms) => {
      const text = Utilities.formatDate(new Date(ms), z, 'Z');
      const offset = parseUtcOffset(text);
      if (offset === null) throw new Error(`Time zone ${z}: unexpected UTC offset "${text}"`);
      return offset;
    },
    { bucketMinutes: 7 * 24 * 60 },
  );
  clocks.set(typed, clock);
  return clock;
}

/** The spreadsheet's own time zone (works in custom functions: a read). */
export function spreadsheetTimeZone(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): string {
  return ss.getSpreadsheetTimeZone() || Session.getScriptTimeZone() || 'UTC';
}

/** The clock of the business calendar: the settings' zone, or the spreadsheet's when blank. */
export function settingsClock(
  settings: Settings,
  ss?: GoogleAppsScript.Spreadsheet.Spreadsheet,
): ZoneClock {
  // the spreadsheet is only asked for its zone when the settings leave it blank
  const sheetZone = settings.calendar.timeZone.trim() ? '' : spreadsheetTimeZone(ss);
  return appsScriptClock(effectiveTimeZone(settings, sheetZone));
}

/** The spreadsheet's locale (`en_US`, `fr_FR`): it decides ambiguous numeric text dates. */
export function spreadsheetLocale(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet = SpreadsheetApp.getActiveSpreadsheet(),
): string {
  try {
    return ss.getSpreadsheetLocale() || 'en_US';
  } catch {
    return 'en_US';
  }
}
