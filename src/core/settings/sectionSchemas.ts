import * as z from 'zod/mini';
import {
  FIRST_CONTACT_RULES,
  MONITORING_FREQUENCIES,
  OPERATORS,
  PRIORITIES,
  WEEKDAYS,
  type Weekday,
} from '../common/choices.ts';
import { ACTIVITY_FIELD_IDS } from '../read/activityFields.ts';
import { CLOCK_FIELDS, FIELD_IDS } from '../read/fieldIds.ts';
import { STAGE_CHOICES } from '../read/leadColumns.ts';
import { isOurSheetName } from '../read/leadsSheetChoice.ts';
import { finite, HHMM, ISO_DATE, isRealIsoDate, positive, rate, text } from './fieldSchemas.ts';

/** A deadline or a delay under a minute would make every run announce and escalate at once. */
const ONE_MINUTE_HOURS = 1 / 60;

/**
 * One schema builder per section of the settings document. Only `settingsSchemas()` calls them,
 * on first use: the messages here are the ones the sidebar shows beside each field.
 */

export function calendarSchemas() {
  const timeSpan = z
    .strictObject({
      start: z.string().check(z.regex(HHMM, 'Use HH:MM, e.g. 09:00')),
      end: z.string().check(z.regex(HHMM, 'Use HH:MM, e.g. 18:00')),
    })
    .check(z.refine((s) => s.start < s.end, { error: 'End must be after start', path: ['end'] }));

  const holiday = z.strictObject({
    date: z.string().check(
      z.regex(ISO_DATE, 'Use YYYY-MM-DD, e.g. 2026-12-25'),
      z.refine(
        (d) => !ISO_DATE.test(d) || isRealIsoDate(d),
        'No such day: that month is shorter (e.g. 2026-02-28, not 2026-02-31)',
      ),
    ),
    name: text('Holiday name', 80),
  });

  const weekHours = Object.fromEntries(
    WEEKDAYS.map((d) => [d, z.array(timeSpan).check(z.maxLength(4, 'At most 4 spans a day'))]),
  ) as Record<Weekday, z.ZodMiniArray<typeof timeSpan>>;

  const hours = z
    .strictObject(weekHours)
    .check(
      z.refine(
        (h) => WEEKDAYS.some((d) => h[d].length > 0),
        'Add working hours to at least one day: without any, no deadline can be computed',
      ),
    );

  const calendar = z.strictObject({
    /** IANA zone; blank means the spreadsheet's own time zone. Checked by the shell (timeZoneCheck). */
    timeZone: text('Time zone', 64),
    hours,
    holidays: z.array(holiday).check(z.maxLength(120, 'At most 120 holidays')),
  });
  return { timeSpan, holiday, calendar };
}

export function criterionSchema() {
  return z
    .strictObject({
      id: z.string().check(z.minLength(1), z.maxLength(40)),
      label: text('Label', 80).check(z.minLength(1, 'Give the criterion a label')),
      kind: z.enum(['fit', 'interest'], 'Kind must be fit or interest'),
      column: text('Column', 80).check(z.minLength(1, 'Name the Leads column to look at')),
      operator: z.enum(OPERATORS, 'Unknown operator'),
      value: z.optional(text('Value', 200)),
      values: z.optional(z.array(text('Value', 200)).check(z.maxLength(50))),
      min: z.optional(finite('Minimum')),
      max: z.optional(finite('Maximum')),
      days: z.optional(positive('Days')),
      points: finite('Points').check(
        z.gte(-1000, 'Points must be at least -1000'),
        z.lte(1000, 'Points must be at most 1000'),
      ),
      /** A bottom-of-funnel action (e.g. a demo request): a match hands the lead off whatever its score. */
      handoff: z.optional(z.boolean()),
    })
    .check(
      z.refine(
        (c) => !(c.operator === 'equals' || c.operator === 'contains') || (c.value ?? '') !== '',
        { error: 'Enter the value to compare with', path: ['value'] },
      ),
      z.refine((c) => c.operator !== 'oneOf' || (c.values ?? []).length > 0, {
        error: 'List at least one value',
        path: ['values'],
      }),
      z.refine(
        (c) => !(c.operator === 'atLeast' || c.operator === 'between') || c.min !== undefined,
        { error: 'Enter the minimum', path: ['min'] },
      ),
      z.refine(
        (c) => !(c.operator === 'atMost' || c.operator === 'between') || c.max !== undefined,
        { error: 'Enter the maximum', path: ['max'] },
      ),
      z.refine(
        (c) =>
          c.operator !== 'between' || c.min === undefined || c.max === undefined || c.min <= c.max,
        { error: 'The minimum must not be above the maximum', path: ['max'] },
      ),
      z.refine((c) => c.operator !== 'withinDays' || c.days !== undefined, {
        error: 'Enter the number of days',
        path: ['days'],
      }),
    );
}

/** `criterion` is the schema of one scoring criterion (see criterionSchema). */
export function scoringSchema(criterion: ReturnType<typeof criterionSchema>) {
  return z
    .strictObject({
      criteria: z.array(criterion).check(z.maxLength(60, 'At most 60 criteria')),
      fitCap: z.nullable(positive('Fit cap')),
      interestCap: z.nullable(positive('Interest cap')),
      /** Interest loses `percent` % once the last activity is older than `afterDays`. */
      decay: z.nullable(
        z.strictObject({
          column: text('Decay column', 80).check(z.minLength(1)),
          afterDays: positive('Decay days'),
          percent: finite('Decay percent').check(z.gte(0), z.lte(100, 'Decay is at most 100 %')),
        }),
      ),
      /** `total`: MQL when Score reaches mqlThreshold; `separate`: fit and interest must each reach theirs. */
      mqlMode: z.enum(['total', 'separate']),
      mqlThreshold: finite('MQL threshold'),
      mqlFitThreshold: finite('MQL fit threshold'),
      mqlInterestThreshold: finite('MQL interest threshold'),
      handoffThreshold: finite('Hand-off threshold'),
      /** Fit grade A when fit ≥ A, B when ≥ B, C when ≥ C, else D. */
      grades: z
        .strictObject({ A: finite('Grade A'), B: finite('Grade B'), C: finite('Grade C') })
        .check(
          z.refine((g) => g.A >= g.B && g.B >= g.C, {
            error: 'Grade thresholds must go down from A to C',
            path: ['B'],
          }),
        ),
    })
    .check(
      z.refine((s) => s.handoffThreshold >= s.mqlThreshold, {
        error: 'The hand-off threshold must be at least the MQL threshold',
        path: ['handoffThreshold'],
      }),
    );
}

export function handoffSchema() {
  const deadline = (priority: string) =>
    positive(`${priority} deadline`).check(
      z.gte(ONE_MINUTE_HOURS, `${priority} deadline is at least 1 minute (0.017 h)`),
      z.lte(2000, `${priority} deadline is at most 2000 business hours`),
    );
  return z.strictObject({
    /** Business hours to first contact, by priority. */
    deadlineHours: z.strictObject({
      Hot: deadline('Hot'),
      Warm: deadline('Warm'),
      Cold: deadline('Cold'),
    }),
    defaultPriority: z.enum(PRIORITIES, 'Default priority must be Hot, Warm or Cold'),
    /** At risk when this share of the window (or less) is left. */
    atRiskShare: finite('At-risk share').check(
      z.gte(0, 'At-risk share must be at least 0 %'),
      z.lt(1, 'At-risk share must be below 100 %'),
    ),
    maxAttempts: z
      .int('Attempts must be a whole number')
      .check(z.gte(1, 'At least 1 attempt'), z.lte(50, 'At most 50 attempts')),
    attemptSpacingBusinessDays: positive('Attempt spacing').check(
      z.gte(0.01, 'At least 0.01 business day between attempts'),
      z.lte(30, 'At most 30 business days between attempts'),
    ),
    /** The field whose date starts the clock; `auto`: hand-off, else MQL, else creation. */
    clockStart: z.enum(['auto', ...CLOCK_FIELDS], 'Choose the column that starts the clock'),
    /** What counts as the first contact: the first attempt, or the first conversation. */
    firstContact: z.enum(FIRST_CONTACT_RULES, 'Choose what counts as the first contact'),
    /** Never-contacted leads whose clock started longer ago than this are history, not work. */
    trackingDays: z
      .int('Tracking window must be a whole number of days')
      .check(
        z.gte(1, 'Tracking window is at least 1 day'),
        z.lte(3650, 'Tracking window is at most 3650 days'),
      ),
  });
}

/** How the user's sheet is read: which sheet, which column feeds each field, what values mean. */
export function mappingSchema() {
  const entries = (max: number, what: string) =>
    z.refine((r: unknown) => Object.keys(r as object).length <= max, `At most ${max} ${what}`);
  return z.strictObject({
    /** The sheet holding the leads; '' finds it (`Leads`, else the sheet with lead headers). */
    sheetName: text('Sheet name', 100).check(
      z.refine(
        (name) => !isOurSheetName(name),
        'SLA Sheets writes this sheet itself: choose the sheet that holds your leads',
      ),
    ),
    /** Field → the header chosen by the user, or '' for "this sheet has none". */
    fields: z.partialRecord(z.enum(FIELD_IDS), text('Column', 200)),
    /** Stage or status value as typed → what it means. */
    stageValues: z
      .record(text('Value', 200), z.enum(STAGE_CHOICES, 'Unknown stage'))
      .check(entries(500, 'stage values')),
    /** Priority value as typed → Hot, Warm or Cold. */
    priorityValues: z
      .record(text('Value', 200), z.enum(PRIORITIES, 'Priority must be Hot, Warm or Cold'))
      .check(entries(200, 'priority values')),
    /** The activity log's sheet: '' finds it by its headers, null reads none. */
    activitySheet: z.nullable(text('Activity log sheet', 100)),
    /** Activity field → the header chosen by the user, or '' for "this log has none". */
    activityFields: z.partialRecord(z.enum(ACTIVITY_FIELD_IDS), text('Column', 200)),
  });
}

export function planSchema() {
  return z.strictObject({
    revenueGoal: z.nullable(positive('Revenue goal')),
    averageDeal: positive('Average deal'),
    marketingShare: rate('Marketing share'),
    /** contact→lead, lead→MQL, MQL→SQL, SQL→opportunity, opportunity→customer */
    stageRates: z.tuple([
      rate('Contact → lead'),
      rate('Lead → MQL'),
      rate('MQL → SQL'),
      rate('SQL → opportunity'),
      rate('Opportunity → customer'),
    ]),
    workingWeeks: positive('Working weeks').check(z.lte(53, 'A year has at most 53 weeks')),
    mqlPerRepPerWeek: positive('MQL per rep per week'),
    /** Overrides the plan's monthly MQL target when set. */
    monthlyMqlTarget: z.nullable(positive('Monthly MQL target')),
    /** Cost of each source per month, for cost per lead and per customer. */
    costPerSource: z.record(
      z.string().check(z.maxLength(80)),
      finite('Cost').check(z.gte(0, 'Cost must be at least 0')),
    ),
  });
}

export function definitionsSchema() {
  const definition = (what: string) => text(what, 1000);
  return z.strictObject({
    contact: definition('Contact'),
    lead: definition('Lead'),
    mql: definition('MQL'),
    sql: definition('SQL'),
    opportunity: definition('Opportunity'),
    customer: definition('Customer'),
  });
}

/** A text that must say something (spaces alone are blank): `message` says what to write. */
const filled = (what: string, max: number, message: string) =>
  text(what, max).check(z.refine((v) => v.trim() !== '', message));

/** No name listed twice (compared case and spacing ignored). */
const noRepeat = (what: string) =>
  z.refine<string[]>(
    (names) => new Set(names.map((n) => n.trim().toLowerCase())).size === names.length,
    `${what} is listed twice: remove one`,
  );

/**
 * What both teams agree beyond the deadlines and the scoring: the data each stage requires,
 * who does what, how sales makes contact, and where a lead sales returns goes.
 */
export function agreementSchema() {
  const fields = z
    .array(filled('Field', 200, 'Name the column, or remove it'))
    .check(z.maxLength(30, 'At most 30 fields a stage'), noRepeat('A field'));
  const role = z.strictObject({
    role: filled('Role', 80, 'Name the role (e.g. Marketing ops), or remove the row'),
    /** The person or team; blank while nobody is named. */
    who: text('Person or team', 120),
    does: filled('What they do', 500, 'Say what this role does'),
  });
  const reason = z.strictObject({
    reason: filled('Reason', 120, 'Write the reason, or remove the row'),
    track: filled('Nurture track', 120, 'Name the nurture track a lead returned for it enters'),
  });
  return z.strictObject({
    /** The fields a lead must have once it reaches each stage (field labels or Leads headers). */
    requiredFields: z.strictObject({ lead: fields, mql: fields, handoff: fields }),
    roles: z.array(role).check(z.maxLength(20, 'At most 20 roles')),
    /** How sales makes contact (phone, e-mail, video…). */
    contactChannels: z
      .array(filled('Channel', 40, 'Name the channel (e.g. Phone), or remove it'))
      .check(
        z.minLength(1, 'List at least one channel sales contacts leads by'),
        z.maxLength(10, 'At most 10 channels'),
        noRepeat('A channel'),
      ),
    returnPath: z.strictObject({
      /** Where a lead goes when its attempts are used up with no answer. */
      noAnswerTrack: filled(
        'Nurture track',
        120,
        'Name the nurture track a lead with no answer enters',
      ),
      /** The other reasons sales may return a lead for, each with the track it enters. */
      reasons: z.array(reason).check(z.maxLength(20, 'At most 20 reasons')),
    }),
  });
}

export function monitoringSchema() {
  return z.strictObject({
    frequencyMinutes: z.union(
      MONITORING_FREQUENCIES.map((m) => z.literal(m)) as unknown as [
        z.ZodMiniLiteral<5>,
        z.ZodMiniLiteral<60>,
      ],
      { error: `Frequency must be one of ${MONITORING_FREQUENCIES.join(', ')} minutes` },
    ),
    /** Create the monthly review by itself on the first run of each month. */
    autoMonthlyReview: z.boolean(),
    /** A lead overdue by more than this many business hours is escalated to the owner's manager. */
    escalateAfterHours: positive('Escalation delay').check(
      z.gte(ONE_MINUTE_HOURS, 'Escalation delay is at least 1 minute (0.017 h)'),
      z.lte(200, 'Escalate within 200 business hours'),
    ),
  });
}
