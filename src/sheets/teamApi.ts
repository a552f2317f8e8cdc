import { distinctTexts } from '../core/common/cellValues.ts';
import { resolveFields } from '../core/read/fieldMap.ts';
import { isAway, ownersMissingFromTeam, TEAM_SHEET, type TeamMember } from '../core/team/team.ts';
import type { TeamMemberView, TeamView } from '../sidebarContract.ts';
import { appsScriptClock, spreadsheetTimeZone } from './clock.ts';
import { findLeadsSheet } from './leadsSheet.ts';
import { loadSettings } from './settingsStore.ts';
import { readTeamSheet, storeTeamDigest } from './teamSheet.ts';

/**
 * The sidebar's Team tab: SLA Team as read (its unusable rows named), and the owners of Leads
 * it does not list. Reads SLA Team, then Leads' row 1 and its Owner column.
 */

function awayText(m: TeamMember, zone: string, nowMs: number): string {
  if (!m.away) return '';
  const day = (ms: number) => Utilities.formatDate(new Date(ms), zone, 'yyyy-MM-dd');
  const { from, until } = m.away;
  const untilText = Number.isFinite(until) ? `until ${day(until - 1)}` : 'until further notice';
  if (isAway(m, nowMs)) return `away ${untilText}`;
  return Number.isFinite(from) && from > nowMs ? `away from ${day(from)} ${untilText}` : '';
}

function memberView(m: TeamMember, zone: string, nowMs: number): TeamMemberView {
  return {
    row: m.row,
    owner: m.owner,
    email: m.email,
    managerEmail: m.managerEmail,
    notify: m.notify,
    timeZone: m.timeZone,
    away: awayText(m, m.timeZone || zone, nowMs),
    awayNow: isAway(m, nowMs),
  };
}

/** The owners written in Leads (distinct, most frequent first). */
function leadOwners(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): string[] {
  const { settings } = loadSettings();
  const found = findLeadsSheet(ss, settings.mapping);
  const sheet = found.sheet;
  if (!sheet || sheet.getLastRow() < 2 || sheet.getLastColumn() < 1) return [];
  const header = sheet.getRange(1, 1, 1, sheet.getLastColumn()).getValues()[0] ?? [];
  const col = resolveFields(header, settings.mapping.fields).columns.owner;
  if (col < 0) return [];
  const cells = sheet.getRange(2, col + 1, sheet.getLastRow() - 1, 1).getValues();
  return distinctTexts(cells, 500);
}

/** Sidebar entry point: the team and the owners missing from it. */
export function sidebarTeam(): TeamView {
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const zone = spreadsheetTimeZone(ss);
  const team = readTeamSheet(ss, appsScriptClock(zone));
  if (!team) {
    return {
      found: false,
      members: [],
      problems: [
        `No ${TEAM_SHEET} sheet: run Extensions › SLA Sheets › Set up workbook to create it.`,
      ],
      missingOwners: [],
    };
  }
  storeTeamDigest(team);
  const nowMs = Date.now();
  const problems = team.problems.map((p) => p.message);
  if (team.missingHeaders.length > 0)
    problems.push(
      `${TEAM_SHEET} has no ${team.missingHeaders.map((h) => `"${h}"`).join(', ')} column.`,
    );
  return {
    found: true,
    members: team.members.map((m) => memberView(m, zone, nowMs)),
    problems,
    missingOwners: ownersMissingFromTeam(leadOwners(ss), team),
  };
}
