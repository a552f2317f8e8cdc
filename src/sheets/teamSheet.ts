import { errorText } from '../core/common/errors.ts';
import { plural } from '../core/common/plural.ts';
import { createCalendar } from '../core/sla/calendar.ts';
import type { CheckContext } from '../core/sla/leadCheck.ts';
import {
  decodeDigest,
  encodeDigest,
  ownerLookup,
  type TeamDigest,
  teamDigest,
} from '../core/team/ownerClocks.ts';
import {
  readTeam,
  TEAM_HEADER_LIST,
  TEAM_HEADERS,
  TEAM_SHEET,
  type Team,
} from '../core/team/team.ts';
import type { ZoneClock } from '../core/time/zone.ts';
import { appsScriptClock } from './clock.ts';
import { markAsOurs } from './ownedSheets.ts';
import { checkTimeZone } from './timeZoneCheck.ts';

/**
 * The `SLA Team` sheet: created once by setUpWorkbook (with an example row), read by every
 * check (one `getValues`), and digested into a document property for the edit trigger.
 */

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;
type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/** The example row: Notify is "no", so the example never sends a real e-mail. */
const EXAMPLE_ROW = [
  'Alex Martin',
  'alex.martin@example.com',
  'sam.lee@example.com',
  'no',
  '',
  '',
  '',
];
const WIDTHS = [140, 200, 200, 60, 130, 100, 100];
const DIGEST_PREFIX = 'sla.team.';
const LEGACY_DIGEST_KEY = 'sla.team';

/**
 * Creates the SLA Team sheet with its headers and an example row: the one place it is made
 * (a sheet of that name that exists is never touched). Returns the sheet, or null when it
 * already existed.
 */
export function createTeamSheet(ss: Spreadsheet): Sheet | null {
  if (ss.getSheetByName(TEAM_SHEET)) return null;
  const sheet = ss.insertSheet(TEAM_SHEET);
  markAsOurs(sheet, TEAM_SHEET);
  const header = TEAM_HEADER_LIST.slice();
  sheet.getRange(1, 1, 2, header.length).setValues([header, EXAMPLE_ROW]);
  sheet.getRange(1, 1, 1, header.length).setFontWeight('bold');
  sheet.getRange(2, 6, sheet.getMaxRows() - 1, 2).setNumberFormat('yyyy-mm-dd');
  WIDTHS.forEach((w, i) => {
    sheet.setColumnWidth(i + 1, w);
  });
  sheet.setFrozenRows(1);
  return sheet;
}

/** SLA Team as read now, or null when the spreadsheet has no such sheet. */
export function readTeamSheet(ss: Spreadsheet, sheetClock: ZoneClock): Team | null {
  const sheet = ss.getSheetByName(TEAM_SHEET);
  if (!sheet) return null;
  const values = sheet.getDataRange().getValues();
  return readTeam(values[0] ?? [], values.slice(1), {
    clock: sheetClock,
    zoneId: (typed) => {
      const check = checkTimeZone(typed);
      return check.ok ? check.zone : null;
    },
    clockOf: appsScriptClock,
  });
}

type Props = GoogleAppsScript.Properties.Properties;

/** The digest's property values, in order (`sla.team.0`, `sla.team.1`...). */
function digestKeys(all: Record<string, string>): string[] {
  return Object.keys(all)
    .filter((k) => k.startsWith(DIGEST_PREFIX) && /^\d+$/.test(k.slice(DIGEST_PREFIX.length)))
    .sort((a, b) => Number(a.slice(DIGEST_PREFIX.length)) - Number(b.slice(DIGEST_PREFIX.length)));
}

/** The digest the last read of SLA Team stored (owners' zones and absences): one read. */
export function readTeamDigest(
  props: Props = PropertiesService.getDocumentProperties(),
): TeamDigest {
  const all = props.getProperties();
  return decodeDigest(digestKeys(all).map((k) => all[k]!));
}

/**
 * Stores the team's digest (for the edit trigger) when it changed, in a few property values;
 * returns the whole digest and how many owners the stored one leaves out (past its bound).
 */
export function storeTeamDigest(
  team: Team | null,
  props: Props = PropertiesService.getDocumentProperties(),
): { digest: TeamDigest; dropped: number } {
  const digest = team ? teamDigest(team) : new Map();
  const { chunks, dropped } = encodeDigest(digest);
  const all = props.getProperties();
  const stored = digestKeys(all);
  if (chunks.join('') !== stored.map((k) => all[k]).join('')) {
    const values: Record<string, string> = {};
    chunks.forEach((c, i) => {
      values[`${DIGEST_PREFIX}${i}`] = c;
    });
    if (chunks.length > 0) props.setProperties(values);
    for (const k of stored.slice(chunks.length)) props.deleteProperty(k);
  }
  // the one value of the versions before the digest was split
  if (all[LEGACY_DIGEST_KEY] !== undefined) props.deleteProperty(LEGACY_DIGEST_KEY);
  return { digest, dropped };
}

export interface TeamForCheck {
  /** Null when the spreadsheet has no SLA Team sheet (nobody is notified). */
  team: Team | null;
  /** The problems of its rows, for the run log. */
  notes: string[];
}

/**
 * Reads SLA Team for a check: stores its digest (for the edit trigger) and gives the check each
 * owner's clock and absence (`ctx.owners`). Never throws: a sheet that cannot be read is a note.
 */
export function teamForCheck(ss: Spreadsheet, ctx: CheckContext): TeamForCheck {
  try {
    const team = readTeamSheet(ss, ctx.clock);
    // the check uses every owner; the stored digest (for the edit trigger) has a bound
    const { digest, dropped } = storeTeamDigest(team);
    ctx.owners = ownerLookup(digest, ctx.nowMs, (zone) =>
      createCalendar(ctx.settings.calendar, appsScriptClock(zone)),
    );
    const notes = team ? team.problems.map((p) => p.message) : [];
    if (dropped > 0) {
      notes.push(
        `${plural(dropped, 'owner')} of ${TEAM_SHEET} with a time zone or an absence did not fit the record the edit trigger reads: edits of their leads use the calendar's clock until the next check.`,
      );
    }
    if (team?.missingHeaders.includes(TEAM_HEADERS.owner)) {
      notes.push(
        `Row 1 of ${TEAM_SHEET} has no "${TEAM_HEADERS.owner}" header: nobody is notified.`,
      );
    }
    return { team, notes };
  } catch (error) {
    return { team: null, notes: [`${TEAM_SHEET} could not be read: ${errorText(error)}`] };
  }
}
