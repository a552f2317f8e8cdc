import { cellAt, isBlank, isDate, showValue } from '../common/cell.ts';
import { normalizeText, readPlainNumber } from '../common/cellValues.ts';
import type { Priority } from '../common/choices.ts';
import { headerKey } from '../common/headers.ts';
import { DAY_MS, type ZoneClock } from '../time/zone.ts';
import {
  type ColumnDateOrder,
  type DateOrder,
  inferDateOrder,
  type LocaleOrder,
} from './dateOrder.ts';
import { type DateRead, holdsDaysOnly, readInstant } from './dates.ts';
import {
  type ClockField,
  DATE_FIELDS,
  type DateField,
  FIELD_LABELS,
  type FieldId,
} from './fieldIds.ts';
import {
  clockField,
  dropField,
  type FieldChoices,
  type FieldResolution,
  resolveFields,
} from './fieldMap.ts';
import { OWNED_HEADER_LIST, type Stage } from './leadColumns.ts';
import { createValueMap, type StageMeaning, type ValueChoices, type ValueMap } from './valueMap.ts';

/**
 * The one reader of the Leads sheet: every row through the field map, the value map and the
 * per-column date order, into plain facts. The lead check, the sidebar's preview and the
 * monthly review all read rows here, so they agree on what was read and what was not.
 * Pure; never throws on cell content.
 */

export interface ReadOptions {
  fields?: FieldChoices;
  values?: ValueChoices;
  /** The field whose date starts the SLA clock; `auto`: the first the sheet has. */
  clockStart: ClockField | 'auto';
  defaultPriority: Priority;
  /** Decides the order of ambiguous numeric text dates when a column does not. */
  localeOrder: LocaleOrder;
  /** The spreadsheet's zone: text and serial-number dates are wall time in it. */
  clock: ZoneClock;
  nowMs: number;
  /** Columns besides the fields that make a row a lead (the scoring criteria's). */
  extraColumns?: readonly number[];
  /**
   * Orders a check proved on whole date columns, by header key: they decide a column whose
   * values (a few edited rows) prove none, before the locale.
   */
  knownOrders?: KnownDateOrders;
}

/** Date orders by header key (`headerKey`), as a check proved them. */
export type KnownDateOrders = ReadonlyMap<string, DateOrder>;

export interface Problem {
  field: FieldId;
  /** `Handed off at: "next tuesday" is not a date` reads `<header>: <reason>`. */
  header: string;
  reason: string;
}

/** A stage, status or priority value no map knows: the row is still read (see `LeadRecord`). */
export interface UnmappedValue {
  field: 'stage' | 'leadStatus' | 'priority';
  /** The column's header, as written in row 1. */
  header: string;
  /** The value as typed (trimmed). */
  value: string;
}

export interface LeadRecord {
  /** 0-based data row (sheet row = index + 2). */
  index: number;
  leadId: string;
  name: string;
  company: string;
  email: string;
  source: string;
  owner: string;
  rejectedReason: string;
  priority: Priority;
  stage: Stage | null;
  /** A status value says sales was in touch (see valueMap.ts). */
  contacted: boolean;
  /** The status value that says so, as typed, for messages. */
  contactedBy: string;
  /** That value says an attempt without an answer (`Attempted to Contact`). */
  attemptOnly: boolean;
  dates: Record<DateField, number | null>;
  /** The clock field's date. */
  clockStartAt: number | null;
  /** Attempts as counted by the sheet; null when blank (unknown) or unreadable. */
  attempts: number | null;
  /** Time from the clock start to the first contact (a response-time column); null when none. */
  responseMs: number | null;
  dealValue: number | null;
  /** Values that could not be read, in field order (their facts read as blank). */
  problems: Problem[];
  /**
   * Values nobody mapped: never blocking. An unknown stage or status reads as an open lead (timed
   * from its dates), an unknown priority as the default one; the status says so.
   */
  unmapped: UnmappedValue[];
}

export interface ReadQuality {
  /** Lead rows (non-blank). */
  rows: number;
  /** Lead rows with at least one value that could not be read. */
  unreadableRows: number;
  /** Values that could not be read, per header. */
  byHeader: Record<string, number>;
  /** Sheet rows (1-based) with a value that could not be read, first 20. */
  rowNumbers: number[];
  /** Rows a CRM report adds under the data (`Grand Totals (7 records)`, copyright): not leads. */
  footerRows: number;
  /** Each distinct value nobody mapped, once, with its column and the rows holding it. */
  unmapped: Array<UnmappedValue & { rows: number }>;
}

export interface LeadSheet {
  fields: FieldResolution;
  /** The clock field and its header; null when the sheet has none of them. */
  clock: { field: ClockField; header: string } | null;
  dateOrders: Partial<Record<DateField, ColumnDateOrder>>;
  /**
   * Date fields whose column holds days without a time of day (every value at midnight): such a
   * date proves a deadline met or missed only when the whole day is on one side of it.
   */
  dayOnly: DateField[];
  /** One per data row; null for a blank row. */
  records: Array<LeadRecord | null>;
  quality: ReadQuality;
  /** Headers of row 1 no field or scoring criterion reads (the user's own columns, or a label to map). */
  unplaced: string[];
}

/** Dates before this are typos or placeholders (a CRM that existed then is not our user). */
export const EARLIEST_PLAUSIBLE_MS = Date.UTC(1990, 0, 1);
/** How far ahead of now a date may be: a planned follow-up, not a year typed 3026. */
export const LATEST_PLAUSIBLE_AHEAD_MS = 366 * DAY_MS;

/** A read instant, refused when implausible: the span of plausible dates bounds every run's work. */
export function plausibleDate(read: DateRead, value: unknown, nowMs: number): DateRead {
  if (read.kind !== 'instant') return read;
  if (read.ms < EARLIEST_PLAUSIBLE_MS) {
    return {
      kind: 'unreadable',
      reason: `${showValue(value)} is before 1990 (a typo in the year?)`,
    };
  }
  if (read.ms > nowMs + LATEST_PLAUSIBLE_AHEAD_MS) {
    return {
      kind: 'unreadable',
      reason: `${showValue(value)} is more than a year from now (a typo in the year?)`,
    };
  }
  return read;
}

type DateReader = (value: unknown) => DateRead;

function dateReader(order: ColumnDateOrder, options: ReadOptions): DateReader {
  const dateOptions =
    order.order === null
      ? {
          undecided: `could be day/month or month/day: this column has both (e.g. ${order.dayFirstExample} and ${order.monthFirstExample})`,
        }
      : { dayFirst: order.order === 'dmy' };
  return (value) =>
    plausibleDate(readInstant(value, options.clock, dateOptions), value, options.nowMs);
}

/** A cell as text; what Sheets never gives (an object) reads as it is shown in messages. */
function text(value: unknown): string {
  if (isBlank(value)) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean' || isDate(value))
    return String(value);
  return showValue(value);
}

const STAGE_PRECEDENCE: readonly Stage[] = [
  'Customer',
  'Lost',
  'Rejected',
  'Recycled',
  'Opportunity',
  'SQL',
  'MQL',
  'Lead',
];

/** Stage and lead status together: the further-gone stage wins; either may say "contacted". */
export function combineMeanings(
  a: StageMeaning | null,
  b: StageMeaning | null,
): StageMeaning | null {
  if (!a) return b;
  if (!b) return a;
  const stage = STAGE_PRECEDENCE.find((s) => s === a.stage || s === b.stage) ?? null;
  const touched = [a, b].filter((m) => m.contacted);
  return {
    stage,
    contacted: touched.length > 0,
    attemptOnly: touched.length > 0 && touched.every((m) => m.attemptOnly),
  };
}

interface Compiled {
  col: Record<FieldId, number>;
  headers: Record<FieldId, string>;
  dateCols: Array<{ field: DateField; col: number; read: DateReader }>;
  values: ValueMap;
  leadCols: number[];
  /**
   * The won date comes from a close-date column (`Close Date`, Bitrix24's `CLOSEDATE`): for an
   * open deal that is the date it is expected to close, so it proves a win only at a won stage.
   */
  wonNeedsStage: boolean;
}

function compile(
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  options: ReadOptions,
  fields: FieldResolution,
) {
  const col = fields.columns;
  const headers = {} as Record<FieldId, string>;
  for (const f of Object.keys(FIELD_LABELS) as FieldId[]) {
    headers[f] = col[f] >= 0 ? String(header[col[f]] ?? '').trim() : FIELD_LABELS[f];
  }
  const dateOrders: Partial<Record<DateField, ColumnDateOrder>> = {};
  const dateCols: Compiled['dateCols'] = [];
  const dayOnly: DateField[] = [];
  for (const field of DATE_FIELDS) {
    const c = col[field];
    if (c < 0) continue;
    const known = options.knownOrders?.get(headerKey(header[c]));
    const order = inferDateOrder(columnValues(rows, c), options.localeOrder, known);
    dateOrders[field] = order;
    const read = dateReader(order, options);
    dateCols.push({ field, col: c, read });
    if (holdsDaysOnly(datedCells(rows, c, read), options.clock)) dayOnly.push(field);
  }
  const leadCols = [
    ...new Set([...fields.found.map((f) => f.column), ...(options.extraColumns ?? [])]),
  ];
  const compiled: Compiled = {
    col,
    headers,
    dateCols,
    values: createValueMap(options.values),
    leadCols,
    wonNeedsStage: CLOSE_DATE_KEYS.has(headerKey(headers.wonAt)),
  };
  return { compiled, dateOrders, dayOnly };
}

/** The dates of a column as read, with their cells, for `holdsDaysOnly`. */
function* datedCells(
  rows: ReadonlyArray<readonly unknown[]>,
  c: number,
  read: DateReader,
): Iterable<{ value: unknown; ms: number }> {
  for (const row of rows) {
    const r = read(row[c]);
    if (r.kind === 'instant') yield { value: row[c], ms: r.ms };
  }
}

const CLOSE_DATE_KEYS: ReadonlySet<string> = new Set(['closedate', 'closeddate']);

/** How many non-blank values a column is judged on. */
const VET_SAMPLE = 200;

type ValueTest = (value: unknown, options: ReadOptions, values: ValueMap) => boolean;

const isDateLike: ValueTest = (v, o) => readInstant(v, o.clock).kind === 'instant';
const isNumberLike: ValueTest = (v) => readPlainNumber(v) !== null;
const VALUE_TESTS: Partial<Record<FieldId, ValueTest>> = {
  ...Object.fromEntries(DATE_FIELDS.map((f) => [f, isDateLike])),
  attempts: isNumberLike,
  dealValue: isNumberLike,
  priority: (v, o, values) => values.priority(v, o.defaultPriority).ok,
};

/**
 * A column found by a CRM synonym whose values are not of the field's kind is left out (X
 * Education's `Last Activity` holds activity names, Zoho's `Rating` company states): reading it
 * would put every row in Check data for a column the user never meant.
 */
function vetSynonymColumns(
  fields: FieldResolution,
  rows: ReadonlyArray<readonly unknown[]>,
  options: ReadOptions,
): void {
  const values = createValueMap(options.values);
  for (const found of [...fields.found]) {
    const test = VALUE_TESTS[found.field];
    if (found.via !== 'synonym' || !test) continue;
    let seen = 0;
    let example: unknown = null;
    for (let i = 0; i < rows.length && seen < VET_SAMPLE; i++) {
      const v = rows[i]![found.column];
      if (isBlank(v)) continue;
      seen++;
      if (test(v, options, values)) {
        example = null;
        break;
      }
      example ??= v;
    }
    if (example !== null) dropField(fields, found.field, showValue(example));
  }
}

function* columnValues(rows: ReadonlyArray<readonly unknown[]>, c: number): Iterable<unknown> {
  for (const row of rows) yield row[c];
}

/** Reads the whole table. */
export function readLeadSheet(
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  options: ReadOptions,
): LeadSheet {
  const fields = resolveFields(header, options.fields);
  vetSynonymColumns(fields, rows, options);
  const { compiled, dateOrders, dayOnly } = compile(header, rows, options, fields);
  const clock = clockField(fields.columns, options.clockStart);
  const quality: ReadQuality = {
    rows: 0,
    unreadableRows: 0,
    byHeader: {},
    rowNumbers: [],
    footerRows: 0,
    unmapped: [],
  };
  const unmapped = new Map<string, UnmappedValue & { rows: number }>();
  const memo = new RowMemo(compiled, options.defaultPriority);
  const records = new Array<LeadRecord | null>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    if (!compiled.leadCols.some((c) => !isBlank(row[c]))) {
      records[i] = null;
      continue;
    }
    if (isReportFooter(row)) {
      records[i] = null;
      quality.footerRows++;
      continue;
    }
    const record = readRow(row, i, compiled, memo, clock);
    records[i] = record;
    quality.rows++;
    for (const u of record.unmapped) {
      const key = `${u.field}\u0000${normalizeText(u.value)}`;
      const seen = unmapped.get(key);
      if (seen) seen.rows++;
      else unmapped.set(key, { ...u, rows: 1 });
    }
    if (record.problems.length > 0) {
      quality.unreadableRows++;
      if (quality.rowNumbers.length < 20) quality.rowNumbers.push(i + 2);
      for (const p of record.problems)
        quality.byHeader[p.header] = (quality.byHeader[p.header] ?? 0) + 1;
    }
  }
  quality.unmapped = [...unmapped.values()].sort((a, b) => b.rows - a.rows);
  return {
    fields,
    clock: clock ? { field: clock, header: compiled.headers[clock] } : null,
    dateOrders,
    dayOnly,
    records,
    quality,
    unplaced: unplacedHeaders(header, compiled.leadCols),
  };
}

/** Row 1's headers that feed no field, no scoring criterion and are not ours: named, not guessed. */
function unplacedHeaders(header: readonly unknown[], used: readonly number[]): string[] {
  const ours = new Set(OWNED_HEADER_LIST.map(headerKey));
  const out: string[] = [];
  header.forEach((h, c) => {
    const text = String(h ?? '').trim();
    // ours beside a team's column of that name: `Score (SLA Sheets)`
    const name = text.replace(/\s*\(SLA Sheets(?: \d+)?\)$/, '');
    if (text !== '' && !used.includes(c) && !ours.has(headerKey(name))) out.push(text);
  });
  return out;
}

/**
 * The lines a CRM report export puts under its data (Salesforce: `Grand Totals (7 records)`,
 * `Copyright (c) … salesforce.com`, `Confidential Information - Do Not Distribute`,
 * `Generated By: …`): one text cell in the row, saying so.
 */
const FOOTER =
  /^(?:(?:grand )?totals?\b|subtotal\b|copyright\b|\(c\)|confidential information|generated by\b)/i;

export function isReportFooter(row: readonly unknown[]): boolean {
  let text: string | null = null;
  for (const cell of row) {
    if (isBlank(cell)) continue;
    if (text !== null || typeof cell !== 'string') return false;
    text = cell.trim();
  }
  return text !== null && FOOTER.test(text);
}

/** Values repeat down a column (stages, priorities): each distinct value is read once. */
class RowMemo {
  readonly stages = new Map<
    unknown,
    { ok: true; value: StageMeaning | null } | { ok: false; reason: string }
  >();
  readonly priorities = new Map<
    unknown,
    { ok: true; value: Priority } | { ok: false; reason: string }
  >();
  constructor(
    readonly compiled: Compiled,
    readonly defaultPriority: Priority,
  ) {}
  stage(value: unknown) {
    let r = this.stages.get(value);
    if (!r) {
      r = this.compiled.values.stage(value);
      this.stages.set(value, r);
    }
    return r;
  }
  priority(value: unknown) {
    let r = this.priorities.get(value);
    if (!r) {
      r = this.compiled.values.priority(value, this.defaultPriority);
      this.priorities.set(value, r);
    }
    return r;
  }
}

function readRow(
  row: readonly unknown[],
  index: number,
  compiled: Compiled,
  memo: RowMemo,
  clock: ClockField | null,
): LeadRecord {
  const { col, headers } = compiled;
  const problems: Problem[] = [];
  const problem = (field: FieldId, reason: string) =>
    problems.push({ field, header: headers[field], reason });
  const unmapped: UnmappedValue[] = [];
  const unknown = (field: UnmappedValue['field'], value: unknown) =>
    unmapped.push({ field, header: headers[field], value: text(value) });

  const stageCell = cellAt(row, col.stage);
  const statusCell = cellAt(row, col.leadStatus);
  const stageRead = memo.stage(stageCell);
  const statusRead = memo.stage(statusCell);
  if (!stageRead.ok) unknown('stage', stageCell);
  if (!statusRead.ok) unknown('leadStatus', statusCell);
  const meaning = combineMeanings(
    stageRead.ok ? stageRead.value : null,
    statusRead.ok ? statusRead.value : null,
  );
  const priorityCell = cellAt(row, col.priority);
  const priorityRead = memo.priority(priorityCell);
  if (!priorityRead.ok) unknown('priority', priorityCell);

  const dates = {
    createdAt: null,
    mqlAt: null,
    handedOffAt: null,
    firstContactAt: null,
    lastAttemptAt: null,
    wonAt: null,
  } as Record<DateField, number | null>;
  for (const d of compiled.dateCols) {
    const value = row[d.col];
    const r = d.read(value);
    if (r.kind === 'instant') dates[d.field] = r.ms;
    else if (r.kind === 'unreadable') problem(d.field, r.reason);
  }
  if (compiled.wonNeedsStage && meaning?.stage !== 'Customer') dates.wonAt = null;
  const attemptsCell = cellAt(row, col.attempts);
  const attempts = readAttempts(attemptsCell);
  if (typeof attempts === 'string') problem('attempts', attempts);
  const responseCell = cellAt(row, col.responseTime);
  const response = readDuration(responseCell);
  if (typeof response === 'string') problem('responseTime', response);
  const dealCell = cellAt(row, col.dealValue);
  const dealValue = readPlainNumber(dealCell);
  if (dealValue === null && !isBlank(dealCell))
    problem('dealValue', `${showValue(dealCell)} is not a number`);

  const contactedBy = meaning?.contacted
    ? text(statusRead.ok && statusRead.value?.contacted ? statusCell : stageCell)
    : '';
  return {
    index,
    leadId: text(cellAt(row, col.leadId)),
    name:
      text(cellAt(row, col.name)) ||
      [text(cellAt(row, col.firstName)), text(cellAt(row, col.lastName))].filter(Boolean).join(' '),
    company: text(cellAt(row, col.company)),
    email: text(cellAt(row, col.email)),
    source: text(cellAt(row, col.source)),
    owner: text(cellAt(row, col.owner)),
    rejectedReason: text(cellAt(row, col.rejectedReason)),
    priority: priorityRead.ok ? priorityRead.value : memo.defaultPriority,
    stage: meaning?.stage ?? null,
    contacted: meaning?.contacted ?? false,
    contactedBy,
    attemptOnly: meaning?.attemptOnly ?? false,
    dates,
    clockStartAt: clock ? dates[clock] : null,
    attempts: typeof attempts === 'number' && !isBlank(attemptsCell) ? attempts : null,
    responseMs: typeof response === 'number' ? response : null,
    dealValue: dealValue ?? null,
    problems,
    unmapped,
  };
}

const SHEETS_EPOCH_MS = Date.UTC(1899, 11, 30);

/**
 * A duration cell (a response time): `HH:mm:ss` or `H:mm` text (hours may pass 24), a Sheets
 * duration (a number of days, or a time Sheets made a date of, counted from 30 Dec 1899);
 * null when blank, else the reason it is not a duration.
 */
export function readDuration(value: unknown): number | null | string {
  if (isBlank(value)) return null;
  let ms: number | null = null;
  if (typeof value === 'number') ms = value * DAY_MS;
  else if (isDate(value)) ms = value.getTime() - SHEETS_EPOCH_MS;
  else if (typeof value === 'string') {
    const m = /^\s*(\d+):([0-5]\d)(?::([0-5]\d)(?:[.,]\d+)?)?\s*$/.exec(value);
    if (m) ms = ((Number(m[1]) * 60 + Number(m[2])) * 60 + Number(m[3] ?? 0)) * 1000;
  }
  if (ms === null || !Number.isFinite(ms))
    return `${showValue(value)} is not a duration (HH:mm:ss)`;
  if (ms < 0) return `${showValue(value)} is negative`;
  return Math.round(ms);
}

/** Attempts: blank → 0; a whole number ≥ 0 (number or digits as text); else the reason. */
export function readAttempts(value: unknown): number | string {
  if (isBlank(value)) return 0;
  let n: number | null = null;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string' && /^[+-]?\d+(?:[.,]\d+)?$/.test(value.trim())) {
    n = Number(value.trim().replace(',', '.'));
  }
  if (n === null || !Number.isFinite(n)) return `${showValue(value)} is not a whole number`;
  if (n < 0) return `${showValue(value)} is negative`;
  const rounded = Math.round(n);
  if (Math.abs(n - rounded) > 1e-9) return `${showValue(value)} is not a whole number`;
  return rounded;
}
