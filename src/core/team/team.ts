import { cellAt, isBlank, showValue } from '../common/cell.ts';
import { normalizeText, readYesNo } from '../common/cellValues.ts';
import { findColumn, indexHeaders } from '../common/headers.ts';
import { readInstant } from '../read/dates.ts';
import { DAY_MS, fromWall, toWall, type ZoneClock } from '../time/zone.ts';

/**
 * The `SLA Team` sheet, read: who owns leads, where their notices go, their time zone and when
 * they are away. Pure; never throws on cell content. A row that cannot be used (an e-mail that
 * is not one, an unknown time zone, an away range ending before it starts) is named in
 * `problems` and left out: its owner is then "not in SLA Team" and gets no e-mail.
 */

export const TEAM_SHEET = 'SLA Team';

/** The sheet's headers (public contract), found by name like the Leads headers. */
export const TEAM_HEADERS = {
  owner: 'Owner',
  email: 'Email',
  managerEmail: 'Manager email',
  notify: 'Notify',
  timeZone: 'Time zone',
  awayFrom: 'Away from',
  awayUntil: 'Away until',
} as const;
export type TeamColumn = keyof typeof TEAM_HEADERS;
export const TEAM_HEADER_LIST: readonly string[] = Object.values(TEAM_HEADERS);

export interface TeamMember {
  /** Sheet row (1-based). */
  row: number;
  /** As written in SLA Team. */
  owner: string;
  /** The owner's comparison key (ownerKey). */
  key: string;
  /** Lower-cased addresses, '' when blank. */
  email: string;
  managerEmail: string;
  notify: boolean;
  /** IANA zone, '' for the calendar's own. */
  timeZone: string;
  /** [from, until) instants; either end may be open (±Infinity). Null when never away. */
  away: { from: number; until: number } | null;
}

export interface TeamProblem {
  row: number;
  owner: string;
  /** One line naming the row, the value and the fix. */
  message: string;
  /** The row was left out (its owner gets no e-mail). */
  skipped: boolean;
}

export interface Team {
  members: TeamMember[];
  problems: TeamProblem[];
  /** Headers the sheet lacks (Owner missing: no member at all). */
  missingHeaders: string[];
}

export interface TeamReadOptions {
  /** The spreadsheet's zone: the away dates are typed in it. */
  clock: ZoneClock;
  /** True for a time zone Apps Script knows (the shell decides how to tell). */
  /** The zone as the platform spells it (`europe/paris` → `Europe/Paris`), null when unknown. */
  zoneId: (typed: string) => string | null;
  /** The clock of a known zone, for away days counted on the owner's clock. */
  clockOf: (zone: string) => ZoneClock;
}

/** The comparison key of an owner name: case, accents and spacing ignored. */
export function ownerKey(owner: string): string {
  return normalizeText(owner);
}

const EMAIL = /^[^\s@<>(),;:"[\]\\]+@[^\s@<>(),;:"[\]\\]+\.[^\s@<>(),;:"[\]\\]{2,}$/;

/** One plain address (no name, no list), lower-cased; null when it is not one. */
export function readEmail(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  const t = value.trim();
  return t.length <= 254 && EMAIL.test(t) ? t.toLowerCase() : null;
}

type Columns = Record<TeamColumn, number>;

function columnsOf(header: readonly unknown[]): Columns {
  const index = indexHeaders(header);
  const cols = {} as Columns;
  for (const k of Object.keys(TEAM_HEADERS) as TeamColumn[])
    cols[k] = findColumn(index, TEAM_HEADERS[k]);
  return cols;
}

function text(value: unknown): string {
  if (isBlank(value)) return '';
  return typeof value === 'string' ? value.trim() : String(value);
}

/** Reads the sheet's rows (row 1 is `header`). */
export function readTeam(
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  options: TeamReadOptions,
): Team {
  const cols = columnsOf(header);
  const missingHeaders = (Object.keys(TEAM_HEADERS) as TeamColumn[])
    .filter((k) => cols[k] < 0)
    .map((k) => TEAM_HEADERS[k]);
  const team: Team = { members: [], problems: [], missingHeaders };
  if (cols.owner < 0) return team;
  const seen = new Map<string, number>();
  rows.forEach((row, i) => {
    const owner = text(row[cols.owner]);
    const sheetRow = i + 2;
    if (!owner) return;
    const key = ownerKey(owner);
    const first = seen.get(key);
    if (first !== undefined) {
      team.problems.push(problem(sheetRow, owner, `is listed again (row ${first} is used)`, true));
      return;
    }
    seen.set(key, sheetRow);
    const member = readMember(row, sheetRow, owner, cols, options, team.problems);
    if (member) team.members.push(member);
  });
  return team;
}

function problem(row: number, owner: string, what: string, skipped: boolean): TeamProblem {
  const tail = skipped ? ': fix it in SLA Team; this row is skipped.' : '.';
  return { row, owner, message: `SLA Team row ${row} (${owner}): ${what}${tail}`, skipped };
}

function readMember(
  row: readonly unknown[],
  sheetRow: number,
  owner: string,
  cols: Columns,
  options: TeamReadOptions,
  problems: TeamProblem[],
): TeamMember | null {
  const skip = (what: string) => {
    problems.push(problem(sheetRow, owner, what, true));
    return null;
  };
  const email = readAddress(cellAt(row, cols.email));
  if (email === null) return skip(`${showValue(cellAt(row, cols.email))} is not an e-mail address`);
  const managerEmail = readAddress(cellAt(row, cols.managerEmail));
  if (managerEmail === null) {
    return skip(
      `Manager email ${showValue(cellAt(row, cols.managerEmail))} is not an e-mail address`,
    );
  }
  const typedZone = text(cellAt(row, cols.timeZone));
  const timeZone = typedZone ? (options.zoneId(typedZone) ?? '') : '';
  if (typedZone && !timeZone) {
    return skip(`time zone "${typedZone}" is unknown (use an IANA name such as Europe/Paris)`);
  }
  const zoneClock = timeZone ? options.clockOf(timeZone) : options.clock;
  const away = readAway(row, cols, options.clock, zoneClock);
  if (typeof away === 'string') return skip(away);
  let notify = readYesNo(cellAt(row, cols.notify)) ?? false;
  const notifyCell = cellAt(row, cols.notify);
  if (!isBlank(notifyCell) && readYesNo(notifyCell) === null) {
    problems.push(
      problem(sheetRow, owner, `Notify ${showValue(notifyCell)} is not yes or no`, false),
    );
  }
  if (notify && !email) {
    problems.push(problem(sheetRow, owner, 'Notify is yes but Email is blank: no e-mail', false));
    notify = false;
  }
  return {
    row: sheetRow,
    owner,
    key: ownerKey(owner),
    email,
    managerEmail,
    notify,
    timeZone,
    away,
  };
}

/** '' for a blank cell, the address, or null when the cell holds something else. */
function readAddress(value: unknown): string | null {
  if (isBlank(value)) return '';
  return readEmail(value);
}

/**
 * The away range as instants: a date without a time of day (midnight) is a whole day on the
 * owner's clock, so `Away until` 30 Nov means through the end of 30 Nov.
 */
function readAway(
  row: readonly unknown[],
  cols: Columns,
  sheetClock: ZoneClock,
  ownerClock: ZoneClock,
): { from: number; until: number } | null | string {
  const fromCell = cellAt(row, cols.awayFrom);
  const untilCell = cellAt(row, cols.awayUntil);
  if (isBlank(fromCell) && isBlank(untilCell)) return null;
  const from = readDay(fromCell, sheetClock, ownerClock, 0);
  if (typeof from === 'string') return `Away from ${from}`;
  const until = readDay(untilCell, sheetClock, ownerClock, 1);
  if (typeof until === 'string') return `Away until ${until}`;
  const range = { from: from ?? -Infinity, until: until ?? Infinity };
  if (range.until <= range.from) return 'the away range ends before it starts';
  return range;
}

function readDay(
  value: unknown,
  sheetClock: ZoneClock,
  ownerClock: ZoneClock,
  dayAfter: 0 | 1,
): number | null | string {
  const read = readInstant(value, sheetClock);
  if (read.kind === 'blank') return null;
  if (read.kind === 'unreadable') return `${showValue(value)} is not a date`;
  const w = toWall(sheetClock, read.ms);
  if (w.hour !== 0 || w.minute !== 0 || w.second !== 0) return read.ms;
  const day = fromWall(ownerClock, { year: w.year, month: w.month, day: w.day });
  return dayAfter ? nextDayStart(ownerClock, day) : day;
}

/** The start of the next wall day on that clock (23 to 25 hours later around DST changes). */
function nextDayStart(clock: ZoneClock, dayStart: number): number {
  const w = toWall(clock, dayStart + DAY_MS + 3 * 3600000);
  return fromWall(clock, { year: w.year, month: w.month, day: w.day });
}

/** True when the member is away at that instant. */
export function isAway(member: Pick<TeamMember, 'away'>, nowMs: number): boolean {
  return member.away !== null && nowMs >= member.away.from && nowMs < member.away.until;
}

/** The team by owner key. */
export function teamByOwner(team: Team): Map<string, TeamMember> {
  return new Map(team.members.map((m) => [m.key, m]));
}

/** Owners of Leads (as first written) that SLA Team does not list, in order of appearance. */
export function ownersMissingFromTeam(owners: Iterable<string>, team: Team): string[] {
  const known = teamByOwner(team);
  const listed = new Set(team.problems.map((p) => ownerKey(p.owner)));
  const missing = new Map<string, string>();
  for (const owner of owners) {
    const key = ownerKey(owner);
    if (!key || known.has(key) || listed.has(key) || missing.has(key)) continue;
    missing.set(key, owner);
  }
  return [...missing.values()];
}
