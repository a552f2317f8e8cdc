import { WEEKDAYS } from '../common/choices.ts';
import type { CalendarSettings, Settings, SettingsIssue } from './types.ts';
import { SETTINGS_VERSION } from './version.ts';

/** A settings document as stored, before it is validated. */
export type SettingsDocument = Record<string, unknown>;

/**
 * Turns a version N document into a version N+1 one (the version number is set by `upgrade`).
 * `defaults` are the current default settings, for what version N did not have.
 */
export type Migration = (doc: SettingsDocument, defaults: Settings) => SettingsDocument;

/**
 * `MIGRATIONS[N]` upgrades a version N document to version N+1. A new version of the settings
 * is one more entry here (and its schema change), and `SETTINGS_VERSION` (version.ts) one higher.
 */
export const MIGRATIONS: Readonly<Record<number, Migration>> = {
  1: fromV1,
  2: fromV2,
  3: fromV3,
  4: fromV4,
  5: fromV5,
  6: fromV6,
  7: fromV7,
};

/** The upgraded document, or why there is none (in the shape `parseSettings` returns). */
export type Upgrade = { ok: true; doc: SettingsDocument } | { ok: false; issues: SettingsIssue[] };

/**
 * Applies the migrations from `from` up to version `to`, one version at a time. Never throws;
 * a missing step is reported. `defaults` is called once, and only when there is a step to run.
 */
export function upgrade(
  doc: SettingsDocument,
  from: number,
  defaults: () => Settings,
  migrations: Readonly<Record<number, Migration>> = MIGRATIONS,
  to: number = SETTINGS_VERSION,
): Upgrade {
  let current = doc;
  let d: Settings | null = null;
  for (let v = from; v < to; v++) {
    const step = migrations[v];
    if (!step) {
      return {
        ok: false,
        issues: [{ path: 'version', message: `No migration from settings version ${v}` }],
      };
    }
    d ??= defaults();
    current = { ...step(current, d), version: v + 1 };
  }
  return { ok: true, doc: current };
}

/** Version 1 had flat deadlines and one working-hours span for all working days. */
function fromV1(doc: SettingsDocument, d: Settings): SettingsDocument {
  const { businessHours, holidays, hotHours, warmHours, coldHours, ...rest } = doc;
  const deadline = (hours: unknown, fallback: number) =>
    typeof hours === 'number' ? hours : fallback;
  return {
    ...d,
    ...rest,
    calendar: calendarFromV1(businessHours, holidays, d.calendar),
    handoff: {
      ...d.handoff,
      ...(rest.handoff as object | undefined),
      deadlineHours: {
        Hot: deadline(hotHours, d.handoff.deadlineHours.Hot),
        Warm: deadline(warmHours, d.handoff.deadlineHours.Warm),
        Cold: deadline(coldHours, d.handoff.deadlineHours.Cold),
      },
    },
  };
}

/** Version 3 added the field and value maps, the clock start and the tracking window. */
function fromV2(doc: SettingsDocument, d: Settings): SettingsDocument {
  const handoff = doc.handoff as Record<string, unknown> | undefined;
  return {
    ...doc,
    handoff: { clockStart: d.handoff.clockStart, trackingDays: d.handoff.trackingDays, ...handoff },
    mapping: doc.mapping ?? d.mapping,
  };
}

/** Version 4 added the escalation delay of the notices (monitoring.escalateAfterHours). */
function fromV3(doc: SettingsDocument, d: Settings): SettingsDocument {
  const monitoring = doc.monitoring as Record<string, unknown> | undefined;
  return {
    ...doc,
    monitoring: { escalateAfterHours: d.monitoring.escalateAfterHours, ...monitoring },
  };
}

/** Version 5 added what counts as the first contact (handoff.firstContact). */
function fromV4(doc: SettingsDocument, d: Settings): SettingsDocument {
  const handoff = doc.handoff as Record<string, unknown> | undefined;
  return { ...doc, handoff: { ...handoff, firstContact: d.handoff.firstContact } };
}

/** Version 6 added the activity log: its sheet (found by its headers) and its columns. */
function fromV5(doc: SettingsDocument, d: Settings): SettingsDocument {
  const mapping = doc.mapping as Record<string, unknown> | undefined;
  return {
    ...doc,
    mapping: {
      ...mapping,
      activitySheet: d.mapping.activitySheet,
      activityFields: d.mapping.activityFields,
    },
  };
}

/** The default SQL definition before version 7, which read the hand-off as a contact. */
export const SQL_DEFINITION_BEFORE_V7 =
  'An MQL that sales has contacted and accepted: a real need, a budget and a decision maker.';

/**
 * Version 7 added the agreement section (required fields, roles, contact channels, return path),
 * and the default SQL definition follows the articles: an SQL is handed to sales, not yet
 * contacted. A definition the team wrote is kept; the old default text is replaced.
 */
function fromV6(doc: SettingsDocument, d: Settings): SettingsDocument {
  const definitions = doc.definitions as Record<string, unknown> | undefined;
  const oldSql = definitions?.sql === SQL_DEFINITION_BEFORE_V7;
  return {
    ...doc,
    ...(oldSql ? { definitions: { ...definitions, sql: d.definitions.sql } } : {}),
    agreement: d.agreement,
  };
}

/**
 * Version 8 added whether the team agreed its settings (`agreed`): a stored document is one a
 * team saved, so it is agreed; only the defaults of a sheet that never saved are the sample.
 */
function fromV7(doc: SettingsDocument): SettingsDocument {
  return { ...doc, agreed: true };
}

/** Version 1's `businessHours` ({ start, end, days: 1 = Monday … 7 = Sunday }) and holiday dates. */
function calendarFromV1(
  businessHours: unknown,
  holidays: unknown,
  defaults: CalendarSettings,
): CalendarSettings {
  const calendar = { ...defaults };
  const hours = businessHours as { start?: unknown; end?: unknown; days?: unknown } | undefined;
  if (hours && typeof hours.start === 'string' && typeof hours.end === 'string') {
    const span = { start: hours.start, end: hours.end };
    const days: unknown[] = Array.isArray(hours.days) ? hours.days : [1, 2, 3, 4, 5];
    calendar.hours = Object.fromEntries(
      WEEKDAYS.map((w, i) => [w, days.includes(i + 1) ? [{ ...span }] : []]),
    ) as CalendarSettings['hours'];
  }
  if (Array.isArray(holidays)) {
    calendar.holidays = holidays.map((h) => ({ date: String(h), name: 'Holiday' }));
  }
  return calendar;
}
