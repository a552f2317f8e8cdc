import { isBlank, isBlankRow } from '../core/common/cell.ts';
import { type ArgRef, errorText, InputError, inputError } from '../core/common/errors.ts';
import { requireNonNegative } from '../core/common/numbers.ts';
import { readInstant } from '../core/read/dates.ts';
import { compileScoring, scoreRow, scoresNothing } from '../core/scoring/scoring.ts';
import { scoringDates } from '../core/scoring/scoringDates.ts';
import { AS_OF_PARAM, SETTINGS_VERSION_PARAM } from '../core/settings/versionCell.ts';
import {
  addBusinessHours,
  type BusinessCalendar,
  businessHoursBetween,
  createCalendar,
} from '../core/sla/calendar.ts';
import type { CustomFunctionDef, FunctionEnv } from './types.ts';

/**
 * Lead tracker custom functions. They only read: settings from the document properties, the
 * spreadsheet's time zone. Business hours follow the settings' calendar, in the settings' zone
 * (the spreadsheet's when blank); dates given as text or serial numbers are read in that zone.
 * Each ends with the optional `settings_version` (SLA_SETTINGS_VERSION): it is not read, it only
 * makes Sheets recalculate the cell when a settings save changes it.
 */

const ref = (fn: string, arg: string): ArgRef => ({ fn, arg });

const calendars = new WeakMap<FunctionEnv, BusinessCalendar>();

/** One calendar per call (a column of 1,000 rows builds it once). */
function calendarOf(env: FunctionEnv, fn: string): BusinessCalendar {
  let cal = calendars.get(env);
  if (!cal) {
    try {
      cal = createCalendar(env.settings().calendar, env.clock());
    } catch (error) {
      throw new InputError({
        fn,
        arg: 'the business calendar in the settings',
        problem: `cannot be used (${errorText(error)})`,
      });
    }
    calendars.set(env, cal);
  }
  return cal;
}

function requireDate(value: unknown, r: ArgRef, env: FunctionEnv): number {
  const read = readInstant(value, env.sheetClock());
  if (read.kind === 'instant') return read.ms;
  if (read.kind === 'blank') {
    throw inputError(r, 'is required', value, 'give a date-time such as 2026-11-23 14:05');
  }
  throw inputError(r, 'must be a date', value, 'give a date-time such as 2026-11-23 14:05');
}

export const SLA_DEADLINE: CustomFunctionDef = {
  name: 'SLA_DEADLINE',
  description:
    'The contact deadline: a hand-off date-time plus a number of business hours on the SLA calendar.',
  returns: 'the deadline, as a date-time',
  example: 'SLA_DEADLINE(K2, 8, SLA_SETTINGS_VERSION)',
  params: [
    {
      name: 'handed_off_at',
      description: 'When the lead was handed to sales (a date-time), or a column of them.',
      type: 'Date',
    },
    {
      name: 'response_hours',
      description: 'Business hours allowed for the first contact, e.g. 8 (or a column of them).',
    },
    SETTINGS_VERSION_PARAM,
  ],
  compute([handedOff, hours], env) {
    const fn = 'SLA_DEADLINE';
    const start = requireDate(handedOff, ref(fn, 'handed_off_at'), env);
    const h = requireNonNegative(hours, ref(fn, 'response_hours'));
    if (h > 100_000) throw inputError(ref(fn, 'response_hours'), 'must be at most 100000', hours);
    return new Date(addBusinessHours(calendarOf(env, fn), start, h));
  },
};

export const SLA_BUSINESS_HOURS: CustomFunctionDef = {
  name: 'SLA_BUSINESS_HOURS',
  description: 'Business hours elapsed between two date-times on the SLA calendar.',
  returns: 'business hours, a number (negative when end is before start)',
  example: 'SLA_BUSINESS_HOURS(K2, L2, SLA_SETTINGS_VERSION)',
  params: [
    { name: 'start', description: 'The first date-time, or a column of them.', type: 'Date' },
    { name: 'end', description: 'The second date-time, or a column of them.', type: 'Date' },
    SETTINGS_VERSION_PARAM,
  ],
  compute([start, end], env) {
    const fn = 'SLA_BUSINESS_HOURS';
    const a = requireDate(start, ref(fn, 'start'), env);
    const b = requireDate(end, ref(fn, 'end'), env);
    const hours = businessHoursBetween(calendarOf(env, fn), a, b);
    return Math.round(hours * 1e9) / 1e9;
  },
};

function asGrid(value: unknown): unknown[][] {
  if (Array.isArray(value)) {
    if (value.every(Array.isArray)) return value as unknown[][];
    return [value];
  }
  return [[value]];
}

export const SLA_SCORE: CustomFunctionDef = {
  name: 'SLA_SCORE',
  description:
    'Scores leads with the criteria in the settings: Score, Fit, Interest and Qualification for each row.',
  returns:
    'one row per lead row: Score, Fit, Interest, Qualification (Lead, MQL or Hand off); blank rows stay blank',
  example: 'SLA_SCORE(A1:Z1, A2:Z300, SLA_SETTINGS_VERSION, SLA_CHECKED_AT)',
  params: [
    {
      name: 'header_row',
      description: 'The header row of the leads table (criteria find their columns by name).',
      type: 'range',
    },
    {
      name: 'lead_rows',
      description: 'The lead rows to score, as wide as header_row.',
      type: 'range',
    },
    SETTINGS_VERSION_PARAM,
    AS_OF_PARAM,
  ],
  rangeAware: true,
  compute([headerValue, rowsValue, _version, asOf], env) {
    const fn = 'SLA_SCORE';
    const header = asGrid(headerValue);
    if (header.length !== 1) {
      throw new InputError({
        ...ref(fn, 'header_row'),
        problem: 'must be one row',
        received: `a ${header.length} × ${header[0]?.length ?? 0} range`,
      });
    }
    const headerRow = header[0]!;
    if (isBlankRow(headerRow)) {
      throw new InputError({
        ...ref(fn, 'header_row'),
        problem: 'is blank',
        fix: 'give the row of column names, e.g. A1:Z1',
      });
    }
    const rows = asGrid(rowsValue);
    const width = rows[0]?.length ?? 0;
    if (width !== headerRow.length) {
      throw new InputError({
        ...ref(fn, 'lead_rows'),
        problem: 'must be as wide as header_row',
        received: `${width} and ${headerRow.length} columns`,
      });
    }
    const compiled = compileScoring(env.settings().scoring, headerRow);
    if (scoresNothing(compiled)) {
      throw new InputError({
        ...ref(fn, 'header_row'),
        problem: "holds none of the scoring criteria's columns, so there is nothing to score on",
        fix: 'choose the criteria and their columns in the sidebar, Scoring tab',
      });
    }
    const nowMs = isBlank(asOf) ? env.nowMs() : requireDate(asOf, ref(fn, 'as_of'), env);
    // each date column in its own order, in the spreadsheet's zone: as the lead check reads it
    const readDate = scoringDates(compiled, headerRow, rows, {
      clock: env.sheetClock(),
      localeOrder: () => env.localeOrder(),
      knownOrder: (header) => env.knownOrder(header),
    }).read;
    return rows.map((row) => {
      if (isBlankRow(row)) return ['', '', '', ''];
      const s = scoreRow(compiled, row, nowMs, readDate);
      return [s.score, s.fit, s.interest, s.qualification];
    });
  },
};

export const LEAD_FUNCTIONS: readonly CustomFunctionDef[] = [
  SLA_DEADLINE,
  SLA_BUSINESS_HOURS,
  SLA_SCORE,
];
