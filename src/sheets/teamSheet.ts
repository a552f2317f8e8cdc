import { errorText } from '../core/common/errors.ts';
import { createCalendar } from '../core/sla/calendar.ts';
import type { CheckContext } from '../core/sla/leadCheck.ts';
import {
  decodeDigest,
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
const DIGEST_KEY = 'sla.team';

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

/** The digest the last read of SLA Team stored (owners' zones and absences). */
export function readTeamDigest(
  props: Props = PropertiesService.getDocumentProperties(),
): TeamDigest {
  return decodeDigest(props.getProperty(DIGEST_KEY));
}

/** Stores the team's digest when it changed (one property, a few bytes per owner). */
export function storeTeamDigest(
  team: Team | null,
  props: Props = PropertiesService.getDocumentProperties(),
): TeamDigest {
  const digest = team ? teamDigest(team) : {};
  const json = JSON.stringify(digest);
  const stored = props.getProperty(DIGEST_KEY);
  if (json === '{}' && stored !== null) props.deleteProperty(DIGEST_KEY);
  else if (json !== '{}' && stored !== json) props.setProperty(DIGEST_KEY, json);
  return digest;
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
    const digest = storeTeamDigest(team);
    ctx.owners = ownerLookup(digest, ctx.nowMs, (zone) =>
      createCalendar(ctx.settings.calendar, appsScriptClock(zone)),
    );
    const notes = team ? team.problems.map((p) => p.message) : [];
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
