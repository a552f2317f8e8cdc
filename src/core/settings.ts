import * as z from 'zod/mini';

/**
 * The one settings document of the add-in, shared by the server and the sidebar.
 * Bump SETTINGS_VERSION and add a step to `migrations` whenever the shape changes.
 */
export const SETTINGS_VERSION = 2;

export const PRIORITIES = ['Hot', 'Warm', 'Cold'] as const;
export type Priority = (typeof PRIORITIES)[number];

export const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export const OPERATORS = [
  'equals',
  'oneOf',
  'contains',
  'atLeast',
  'atMost',
  'between',
  'isBlank',
  'notBlank',
  'withinDays',
] as const;
export type Operator = (typeof OPERATORS)[number];

export const MONITORING_FREQUENCIES = [5, 10, 15, 30, 60] as const;

const HHMM = /^([01]\d|2[0-3]):[0-5]\d$|^24:00$/;
const ISO_DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

const finite = (what: string) =>
  z
    .number({ error: `${what} must be a number` })
    .check(z.refine((n) => Number.isFinite(n), `${what} must be a finite number`));
const positive = (what: string) => finite(what).check(z.gt(0, `${what} must be above 0`));
const rate = (what: string) =>
  finite(what).check(
    z.gt(0, `${what} must be above 0 %`),
    z.lte(1, `${what} must be at most 100 % (write 50 % as 0.5)`),
  );
const text = (what: string, max: number) =>
  z
    .string({ error: `${what} must be text` })
    .check(z.maxLength(max, `${what} is too long (max ${max} characters)`));

/**
 * The zod schemas, built on first use: building them costs a few milliseconds, and every
 * custom-function call cold-loads the bundle, most of them never needing settings.
 */
function buildSchemas() {
  const timeSpanSchema = z
    .strictObject({
      start: z.string().check(z.regex(HHMM, 'Use HH:MM, e.g. 09:00')),
      end: z.string().check(z.regex(HHMM, 'Use HH:MM, e.g. 18:00')),
    })
    .check(z.refine((s) => s.start < s.end, { error: 'End must be after start', path: ['end'] }));

  const holidaySchema = z.strictObject({
    date: z.string().check(z.regex(ISO_DATE, 'Use YYYY-MM-DD, e.g. 2026-12-25')),
    name: text('Holiday name', 80),
  });

  const weekHoursShape = Object.fromEntries(
    WEEKDAYS.map((d) => [
      d,
      z.array(timeSpanSchema).check(z.maxLength(4, 'At most 4 spans a day')),
    ]),
  ) as Record<Weekday, z.ZodMiniArray<typeof timeSpanSchema>>;

  const calendarSchema = z.strictObject({
    /** IANA zone; blank means the spreadsheet's own time zone. */
    timeZone: text('Time zone', 64),
    hours: z.strictObject(weekHoursShape),
    holidays: z.array(holidaySchema).check(z.maxLength(120, 'At most 120 holidays')),
  });

  const criterionSchema = z
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
        {
          error: 'Enter the value to compare with',
          path: ['value'],
        },
      ),
      z.refine((c) => c.operator !== 'oneOf' || (c.values ?? []).length > 0, {
        error: 'List at least one value',
        path: ['values'],
      }),
      z.refine(
        (c) => !(c.operator === 'atLeast' || c.operator === 'between') || c.min !== undefined,
        {
          error: 'Enter the minimum',
          path: ['min'],
        },
      ),
      z.refine(
        (c) => !(c.operator === 'atMost' || c.operator === 'between') || c.max !== undefined,
        {
          error: 'Enter the maximum',
          path: ['max'],
        },
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

  const scoringSchema = z
    .strictObject({
      criteria: z.array(criterionSchema).check(z.maxLength(60, 'At most 60 criteria')),
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

  const handoffSchema = z.strictObject({
    /** Business hours to first contact, by priority. */
    deadlineHours: z.strictObject({
      Hot: positive('Hot deadline').check(
        z.lte(2000, 'Hot deadline is at most 2000 business hours'),
      ),
      Warm: positive('Warm deadline').check(
        z.lte(2000, 'Warm deadline is at most 2000 business hours'),
      ),
      Cold: positive('Cold deadline').check(
        z.lte(2000, 'Cold deadline is at most 2000 business hours'),
      ),
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
      z.lte(30, 'At most 30 business days between attempts'),
    ),
  });

  const planSchema = z.strictObject({
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

  const definitionText = (what: string) => text(what, 1000);
  const definitionsSchema = z.strictObject({
    contact: definitionText('Contact'),
    lead: definitionText('Lead'),
    mql: definitionText('MQL'),
    sql: definitionText('SQL'),
    opportunity: definitionText('Opportunity'),
    customer: definitionText('Customer'),
  });

  const monitoringSchema = z.strictObject({
    frequencyMinutes: z.union(
      MONITORING_FREQUENCIES.map((m) => z.literal(m)) as unknown as [
        z.ZodMiniLiteral<5>,
        z.ZodMiniLiteral<60>,
      ],
      { error: `Frequency must be one of ${MONITORING_FREQUENCIES.join(', ')} minutes` },
    ),
    /** Create the monthly review by itself on the first run of each month. */
    autoMonthlyReview: z.boolean(),
  });

  const settingsSchema = z.strictObject({
    version: z.literal(SETTINGS_VERSION),
    plan: planSchema,
    handoff: handoffSchema,
    calendar: calendarSchema,
    scoring: scoringSchema,
    definitions: definitionsSchema,
    monitoring: monitoringSchema,
  });
  return {
    timeSpan: timeSpanSchema,
    holiday: holidaySchema,
    calendar: calendarSchema,
    criterion: criterionSchema,
    scoring: scoringSchema,
    handoff: handoffSchema,
    plan: planSchema,
    definitions: definitionsSchema,
    monitoring: monitoringSchema,
    settings: settingsSchema,
  };
}

type Schemas = ReturnType<typeof buildSchemas>;
let built: Schemas | null = null;

export function settingsSchemas(): Schemas {
  built ??= buildSchemas();
  return built;
}

export type TimeSpan = z.infer<Schemas['timeSpan']>;
export type Holiday = z.infer<Schemas['holiday']>;
export type CalendarSettings = z.infer<Schemas['calendar']>;
export type Criterion = z.infer<Schemas['criterion']>;
export type ScoringSettings = z.infer<Schemas['scoring']>;
export type HandoffSettings = z.infer<Schemas['handoff']>;
export type PlanSettings = z.infer<Schemas['plan']>;
export type Definitions = z.infer<Schemas['definitions']>;
export type Settings = z.infer<Schemas['settings']>;

const nineToSix = (): TimeSpan[] => [{ start: '09:00', end: '18:00' }];

export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    plan: {
      revenueGoal: 100000,
      averageDeal: 1000,
      marketingShare: 1,
      stageRates: [0.5, 0.5, 0.5, 0.5, 0.5],
      workingWeeks: 47,
      mqlPerRepPerWeek: 8,
      monthlyMqlTarget: null,
      costPerSource: {},
    },
    handoff: {
      deadlineHours: { Hot: 1, Warm: 8, Cold: 16 },
      defaultPriority: 'Warm',
      atRiskShare: 0.25,
      maxAttempts: 5,
      attemptSpacingBusinessDays: 1,
    },
    calendar: {
      timeZone: '',
      hours: {
        mon: nineToSix(),
        tue: nineToSix(),
        wed: nineToSix(),
        thu: nineToSix(),
        fri: nineToSix(),
        sat: [],
        sun: [],
      },
      holidays: [],
    },
    scoring: defaultScoring(),
    definitions: {
      contact:
        'Anyone whose details we hold: a newsletter subscriber, an event attendee, a form fill.',
      lead: 'A contact who has shown interest by giving their details in exchange for content or a conversation.',
      mql: 'A lead whose fit and interest score reaches the MQL threshold agreed in this document.',
      sql: 'An MQL that sales has contacted and accepted: a real need, a budget and a decision maker.',
      opportunity: 'An SQL with a qualified project and a proposal being worked on.',
      customer: 'A company that has signed.',
    },
    monitoring: { frequencyMinutes: 60, autoMonthlyReview: true },
  };
}

function defaultScoring(): ScoringSettings {
  const c = (
    id: string,
    label: string,
    kind: 'fit' | 'interest',
    column: string,
    operator: Operator,
    extra: Partial<Criterion>,
    points: number,
  ): Criterion => ({ id, label, kind, column, operator, points, ...extra });
  return {
    criteria: [
      c('job-title', 'Decision maker', 'fit', 'Job title', 'contains', { value: 'director' }, 15),
      c(
        'job-head',
        'Head of a team',
        'fit',
        'Job title',
        'oneOf',
        { values: ['CEO', 'CMO', 'VP Sales', 'Head of Marketing', 'Head of Sales'] },
        20,
      ),
      c(
        'company-size',
        'Company of 50 to 1,000',
        'fit',
        'Company size',
        'between',
        { min: 50, max: 1000 },
        15,
      ),
      c(
        'industry',
        'Target industry',
        'fit',
        'Industry',
        'oneOf',
        { values: ['Software', 'Services', 'Manufacturing'] },
        10,
      ),
      c(
        'country',
        'Served country',
        'fit',
        'Country',
        'oneOf',
        { values: ['France', 'Belgium', 'Switzerland', 'Canada'] },
        5,
      ),
      c(
        'student',
        'Student or job seeker',
        'fit',
        'Job title',
        'contains',
        { value: 'student' },
        -30,
      ),
      c(
        'demo',
        'Asked for a demo',
        'interest',
        'Demo request',
        'equals',
        { value: 'yes', handoff: true },
        40,
      ),
      c(
        'pricing',
        'Visited pricing 3+ times',
        'interest',
        'Pricing page visits',
        'atLeast',
        { min: 3 },
        20,
      ),
      c('webinar', 'Attended a webinar', 'interest', 'Webinar', 'equals', { value: 'yes' }, 10),
      c('emails', 'Clicked 2+ emails', 'interest', 'Email clicks', 'atLeast', { min: 2 }, 5),
      c(
        'recent',
        'Active in the last 14 days',
        'interest',
        'Last activity at',
        'withinDays',
        { days: 14 },
        10,
      ),
    ],
    fitCap: 60,
    interestCap: 80,
    decay: { column: 'Last activity at', afterDays: 30, percent: 25 },
    mqlMode: 'total',
    mqlThreshold: 50,
    mqlFitThreshold: 20,
    mqlInterestThreshold: 20,
    handoffThreshold: 80,
    grades: { A: 40, B: 25, C: 10 },
  };
}

export interface SettingsIssue {
  /** Dotted path of the field, e.g. `handoff.deadlineHours.Hot`, or '' for the whole document. */
  path: string;
  message: string;
}

export type SettingsResult =
  | { ok: true; settings: Settings; migratedFrom?: number }
  | { ok: false; issues: SettingsIssue[] };

/** Version 1 had flat deadlines and one working-hours span for all working days. */
function migrateV1(doc: Record<string, unknown>): Record<string, unknown> {
  const d = defaultSettings();
  const hours = doc.businessHours as { start?: string; end?: string; days?: number[] } | undefined;
  const calendar = { ...d.calendar };
  if (hours && typeof hours.start === 'string' && typeof hours.end === 'string') {
    const days = Array.isArray(hours.days) ? hours.days : [1, 2, 3, 4, 5];
    calendar.hours = Object.fromEntries(
      WEEKDAYS.map((w, i) => [
        w,
        days.includes(i + 1) ? [{ start: hours.start, end: hours.end }] : [],
      ]),
    ) as CalendarSettings['hours'];
  }
  if (Array.isArray(doc.holidays)) {
    calendar.holidays = (doc.holidays as unknown[]).map((h) => ({
      date: String(h),
      name: 'Holiday',
    }));
  }
  const hot = doc.hotHours;
  const warm = doc.warmHours;
  const cold = doc.coldHours;
  const { businessHours, holidays, hotHours, warmHours, coldHours, ...rest } = doc;
  void businessHours;
  void holidays;
  void hotHours;
  void warmHours;
  void coldHours;
  return {
    ...d,
    ...rest,
    version: 2,
    calendar,
    handoff: {
      ...d.handoff,
      ...(rest.handoff as object | undefined),
      deadlineHours: {
        Hot: typeof hot === 'number' ? hot : d.handoff.deadlineHours.Hot,
        Warm: typeof warm === 'number' ? warm : d.handoff.deadlineHours.Warm,
        Cold: typeof cold === 'number' ? cold : d.handoff.deadlineHours.Cold,
      },
    },
  };
}

const migrations: Record<number, (doc: Record<string, unknown>) => Record<string, unknown>> = {
  1: migrateV1,
};

interface RawIssue {
  code?: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

function issuesOf(error: { issues: ReadonlyArray<RawIssue> }): SettingsIssue[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys' && i.keys) {
      return {
        path,
        message: `Unknown setting${i.keys.length > 1 ? 's' : ''}: ${i.keys.join(', ')}`,
      };
    }
    return { path, message: i.message };
  });
}

/** Validates an untrusted settings document, migrating older versions first. Never throws. */
export function parseSettings(input: unknown): SettingsResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return { ok: false, issues: [{ path: '', message: 'Settings must be an object' }] };
  }
  let doc = input as Record<string, unknown>;
  const from = typeof doc.version === 'number' ? doc.version : undefined;
  if (from === undefined) {
    return { ok: false, issues: [{ path: 'version', message: 'Settings have no version number' }] };
  }
  if (from > SETTINGS_VERSION) {
    return {
      ok: false,
      issues: [
        {
          path: 'version',
          message: `Settings version ${from} is newer than this add-in (${SETTINGS_VERSION}): update the add-in`,
        },
      ],
    };
  }
  for (let v = from; v < SETTINGS_VERSION; v++) {
    const step = migrations[v];
    if (!step)
      return {
        ok: false,
        issues: [{ path: 'version', message: `No migration from settings version ${v}` }],
      };
    doc = step(doc);
  }
  const result = settingsSchemas().settings.safeParse(doc);
  if (!result.success) return { ok: false, issues: issuesOf(result.error) };
  return from < SETTINGS_VERSION
    ? { ok: true, settings: result.data, migratedFrom: from }
    : { ok: true, settings: result.data };
}

/** Human summary of issues, e.g. `handoff.deadlineHours.Hot: Hot deadline must be above 0`. */
export function describeIssues(issues: SettingsIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}

/** Resolves the calendar's blank time zone to the spreadsheet's. */
export function effectiveTimeZone(settings: Settings, spreadsheetZone: string): string {
  return settings.calendar.timeZone.trim() || spreadsheetZone;
}
