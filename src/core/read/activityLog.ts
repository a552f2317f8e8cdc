import { isBlank } from '../common/cell.ts';
import { normalizeText, readPlainNumber } from '../common/cellValues.ts';
import type { ZoneClock } from '../time/zone.ts';
import {
  ACTIVITY_FIELD_SET,
  ACTIVITY_KIND_WORDS,
  type ActivityFieldId,
  type ActivityKind,
  DONE_WORDS,
  INBOUND_WORDS,
  OUTCOME_WORDS,
} from './activityFields.ts';
import { inferDateOrder, type LocaleOrder } from './dateOrder.ts';
import { holdsDaysOnly, readInstant } from './dates.ts';
import { type FieldChoices, type FieldResolution, resolveFieldSet } from './fieldMap.ts';
import { plausibleDate, readDuration } from './leadRecords.ts';

/**
 * The activity log read: each row a call, an e-mail, a meeting… with the lead it belongs to,
 * when it happened, whether it was done, and whether it reached the lead (a conversation) or
 * only tried. Pure; never throws on cell content. Joined to the leads by sla/activityJoin.ts.
 */

export interface Activity {
  /** 0-based data row. */
  index: number;
  /** The lead keys it names (normalised; several when a CRM lists associated records). */
  keys: string[];
  /** The lead's e-mail, normalised, when the log has one. */
  email: string;
  at: number;
  kind: ActivityKind | null;
  /** The type as the log wrote it (`Outbound call`, `Zoom meeting`), trimmed; '' when none. */
  type: string;
  /** Done: held, sent, called (a call with no answer was still made). */
  done: boolean;
  /** It reached the lead: a meeting held, a call connected or with a duration, a lead's reply. */
  conversation: boolean;
  by: string;
}

export interface ActivityLog {
  fields: FieldResolution<ActivityFieldId>;
  activities: Activity[];
  /** Rows read as activities (a date and a lead key or e-mail). */
  rows: number;
  /** The dates are days without a time (every one at midnight): they prove a day, not a time. */
  dayOnly: boolean;
  /** Rows left out, and why. */
  skipped: { noDate: number; noLead: number; notContact: number; otherRecordType: number };
  /** Planned, open or cancelled activities: read, never counted as contacts. */
  notDone: number;
  /** Type, status and outcome words the log uses that no list knows, with their rows. */
  unknownWords: Array<{ header: string; value: string; rows: number }>;
}

export interface ActivityReadOptions {
  choices?: FieldChoices<ActivityFieldId>;
  localeOrder: LocaleOrder;
  clock: ZoneClock;
  nowMs: number;
  /** Bitrix24 logs mix leads, deals and contacts: the record type the leads sheet holds. */
  recordType?: string | null;
}

/** Does this header row look like an activity log? A lead key (or e-mail) and a date. */
export function looksLikeActivityLog(header: readonly unknown[]): boolean {
  const f = resolveFieldSet(ACTIVITY_FIELD_SET, header);
  const viaSynonym = f.found.filter((x) => x.via !== 'user').map((x) => x.field);
  return (
    f.columns.at >= 0 &&
    (f.columns.lead >= 0 || f.columns.email >= 0) &&
    viaSynonym.some((x) => x === 'type' || x === 'done' || x === 'outcome' || x === 'duration')
  );
}

/** A lead key as both sides are compared: trimmed, case ignored, Zoho's `zcrm_` prefix off. */
export function leadKey(value: unknown): string {
  if (isBlank(value)) return '';
  const text = typeof value === 'number' ? String(value) : String(value).trim();
  return normalizeText(text).replace(/^zcrm_/, '');
}

function keysOf(value: unknown): string[] {
  if (isBlank(value)) return [];
  return String(value)
    .split(/[;,|\n]/)
    .map(leadKey)
    .filter((k) => k !== '');
}

function word(value: unknown): string {
  return isBlank(value) ? '' : normalizeText(String(value));
}

/** Reads the whole log. */
export function readActivityLog(
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  options: ActivityReadOptions,
): ActivityLog {
  const fields = resolveFieldSet(ACTIVITY_FIELD_SET, header, options.choices);
  const col = fields.columns;
  const order = inferDateOrder(
    rows.map((r) => r[col.at]),
    options.localeOrder,
  );
  const dateOptions = order.order === null ? {} : { dayFirst: order.order === 'dmy' };
  const log: ActivityLog = {
    fields,
    activities: [],
    rows: 0,
    dayOnly: false,
    skipped: { noDate: 0, noLead: 0, notContact: 0, otherRecordType: 0 },
    notDone: 0,
    unknownWords: [],
  };
  const unknown = new Map<string, { header: string; value: string; rows: number }>();
  // a log with no type column whose columns name calls (Zoho's Calls export) holds calls
  const impliedType = col.type < 0 && namesCalls(fields) ? 'call' : '';
  const note = (field: ActivityFieldId, value: unknown) => {
    const found = fields.found.find((f) => f.field === field);
    const key = `${field}\u0000${word(value)}`;
    const seen = unknown.get(key);
    if (seen) seen.rows++;
    else unknown.set(key, { header: found?.header ?? field, value: String(value).trim(), rows: 1 });
  };
  rows.forEach((row, index) => {
    const cell = (f: ActivityFieldId) => (col[f] >= 0 ? row[col[f]] : '');
    if (row.every(isBlank)) return;
    if (options.recordType && col.recordType >= 0) {
      const type = word(cell('recordType'));
      if (type !== '' && type !== options.recordType) {
        log.skipped.otherRecordType++;
        return;
      }
    }
    const read = plausibleDate(
      readInstant(cell('at'), options.clock, dateOptions),
      cell('at'),
      options.nowMs,
    );
    if (read.kind !== 'instant') {
      log.skipped.noDate++;
      return;
    }
    const keys = keysOf(cell('lead'));
    const email = word(cell('email'));
    if (keys.length === 0 && email === '') {
      log.skipped.noLead++;
      return;
    }
    const kindWord = word(cell('type')) || impliedType;
    const kind = kindWord === '' ? null : (ACTIVITY_KIND_WORDS[kindWord] ?? null);
    if (kindWord !== '' && kind === null) note('type', cell('type'));
    if (kind === 'task') {
      log.skipped.notContact++;
      return;
    }
    const doneWord = word(cell('done'));
    let done = read.ms <= options.nowMs;
    if (doneWord !== '') {
      const known = DONE_WORDS[doneWord];
      if (known === undefined) note('done', cell('done'));
      else done = known && done;
    }
    const outcome = OUTCOME_WORDS[word(cell('outcome'))];
    if (word(cell('outcome')) !== '' && outcome === undefined) note('outcome', cell('outcome'));
    if (outcome === 'none') done = false;
    log.rows++;
    if (!done) {
      log.notDone++;
      return;
    }
    const inbound = INBOUND_WORDS.has(word(cell('direction')));
    const seconds = durationSeconds(cell('duration'));
    const conversation =
      outcome === 'conversation' ||
      (outcome === undefined &&
        (kind === 'meeting' || (kind !== 'email' && seconds > 0) || inbound));
    log.activities.push({
      index,
      keys,
      email,
      at: read.ms,
      kind,
      type: col.type < 0 ? (impliedType ? 'Call' : '') : String(cell('type') ?? '').trim(),
      done,
      conversation,
      by: String(cell('by') ?? '').trim(),
    });
  });
  log.unknownWords = [...unknown.values()].sort((a, b) => b.rows - a.rows);
  log.dayOnly = holdsDaysOnly(
    log.activities.map((a) => ({ value: rows[a.index]![col.at], ms: a.at })),
    options.clock,
  );
  return log;
}

/** Do the log's columns say it is a log of calls (`Call Start Time`, `Call Duration`…)? */
function namesCalls(fields: FieldResolution<ActivityFieldId>): boolean {
  return fields.found.some((f) => f.field !== 'lead' && /\bcalls?\b/i.test(f.header));
}

/** A call's duration in seconds: a number of seconds, or `HH:mm:ss`; 0 when unknown. */
function durationSeconds(value: unknown): number {
  if (isBlank(value)) return 0;
  if (typeof value === 'string' && value.includes(':')) {
    const ms = readDuration(value);
    return typeof ms === 'number' ? ms / 1000 : 0;
  }
  return readPlainNumber(value) ?? 0;
}

/**
 * Bitrix24 logs hold the activities of leads (record type 1), deals (2) and contacts (3): the
 * type the leads sheet's rows are, told by its REST headers (deals have `STAGE_ID`, leads
 * `STATUS_ID`); null for other sheets (every activity is read).
 */
export function bitrixRecordType(header: readonly unknown[]): string | null {
  const names = new Set(header.map((h) => String(h ?? '').trim()));
  if (names.has('STAGE_ID')) return '2';
  if (names.has('STATUS_ID')) return '1';
  return null;
}
