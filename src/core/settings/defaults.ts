import type { Operator } from '../common/choices.ts';
import type { AgreementSettings, Criterion, ScoringSettings, Settings, TimeSpan } from './types.ts';
import { SETTINGS_VERSION } from './version.ts';

/** A fresh copy of the settings a new spreadsheet starts with (callers may change it). */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    agreed: false,
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
      clockStart: 'auto',
      firstContact: 'attempt',
      trackingDays: 60,
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
      sql: 'An MQL that marketing has handed to sales, to be contacted within the deadline of its priority.',
      opportunity: 'An SQL with a qualified project and a proposal being worked on.',
      customer: 'A company that has signed.',
    },
    monitoring: { frequencyMinutes: 60, autoMonthlyReview: true, escalateAfterHours: 4 },
    mapping: {
      sheetName: '',
      fields: {},
      stageValues: {},
      priorityValues: {},
      activitySheet: '',
      activityFields: {},
    },
    agreement: defaultAgreement(),
  };
}

/**
 * The roles, channels and return path a new agreement starts with (from the source articles:
 * marketing ops routes and scores, the two managers run the monthly meeting, SDRs make first
 * contact, a marketer and a sales rep re-evaluate rejected leads). No field is required until
 * the team says which: a requirement on a column the sheet lacks would be refused.
 */
export function defaultAgreement(): AgreementSettings {
  const role = (r: string, who: string, does: string) => ({ role: r, who, does });
  return {
    requiredFields: { lead: [], mql: [], handoff: [] },
    roles: [
      role(
        'Marketing ops',
        'Marketing operations',
        'Routes each hand-off to a sales rep (owner and hand-off date in the leads sheet) and maintains the lead scoring: criteria, thresholds and the data each stage requires.',
      ),
      role(
        'Marketing manager',
        'Head of marketing',
        "Answers for marketing's commitments and runs the monthly SLA meeting with the sales manager.",
      ),
      role(
        'Sales manager',
        'Head of sales',
        'Runs the monthly SLA meeting with the marketing manager, receives the escalations of overdue leads and reassigns the leads of reps who are away.',
      ),
      role(
        'SDRs',
        'Sales development reps',
        'Make the first contact within the deadline by the agreed channels, log every attempt, and return or reject a lead with its reason.',
      ),
      role(
        'Re-evaluation pair',
        'One marketer and one sales rep',
        'Review the rejected and returned leads before the monthly meeting and decide: back to sales, into nurturing, or disqualified.',
      ),
    ],
    contactChannels: ['Phone', 'E-mail', 'Video call'],
    returnPath: {
      noAnswerTrack: 'Re-engagement nurture',
      reasons: [
        { reason: 'Bad timing', track: 'Long-term nurture' },
        { reason: 'No budget yet', track: 'Long-term nurture' },
        { reason: 'Not the decision maker', track: 'Account nurture (reach the buyer)' },
      ],
    },
  };
}

const nineToSix = (): TimeSpan[] => [{ start: '09:00', end: '18:00' }];

export function defaultScoring(): ScoringSettings {
  return {
    criteria: defaultCriteria(),
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

/** The example criteria a new spreadsheet starts with: typical B2B fit and interest signals. */
export function defaultCriteria(): Criterion[] {
  const c = (
    id: string,
    label: string,
    kind: Criterion['kind'],
    column: string,
    operator: Operator,
    points: number,
    operands: Partial<Criterion>,
  ): Criterion => ({ id, label, kind, column, operator, points, ...operands });
  const heads = ['CEO', 'CMO', 'VP Sales', 'Head of Marketing', 'Head of Sales'];
  const industries = ['Software', 'Services', 'Manufacturing'];
  const countries = ['France', 'Belgium', 'Switzerland', 'Canada'];
  return [
    c('job-title', 'Decision maker', 'fit', 'Job title', 'contains', 15, { value: 'director' }),
    c('job-head', 'Head of a team', 'fit', 'Job title', 'oneOf', 20, { values: heads }),
    c('company-size', 'Company of 50 to 1,000', 'fit', 'Company size', 'between', 15, {
      min: 50,
      max: 1000,
    }),
    c('industry', 'Target industry', 'fit', 'Industry', 'oneOf', 10, { values: industries }),
    c('country', 'Served country', 'fit', 'Country', 'oneOf', 5, { values: countries }),
    c('student', 'Student or job seeker', 'fit', 'Job title', 'contains', -30, {
      value: 'student',
    }),
    c('demo', 'Asked for a demo', 'interest', 'Demo request', 'equals', 40, {
      value: 'yes',
      handoff: true,
    }),
    c('pricing', 'Visited pricing 3+ times', 'interest', 'Pricing page visits', 'atLeast', 20, {
      min: 3,
    }),
    c('webinar', 'Attended a webinar', 'interest', 'Webinar', 'equals', 10, { value: 'yes' }),
    c('emails', 'Clicked 2+ emails', 'interest', 'Email clicks', 'atLeast', 5, { min: 2 }),
    c('recent', 'Active in the last 14 days', 'interest', 'Last activity at', 'withinDays', 10, {
      days: 14,
    }),
  ];
}

/** Resolves the calendar's blank time zone to the spreadsheet's. */
export function effectiveTimeZone(settings: Settings, spreadsheetZone: string): string {
  return settings.calendar.timeZone.trim() || spreadsheetZone;
}
