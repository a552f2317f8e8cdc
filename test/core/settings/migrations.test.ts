import { describe, expect, it } from 'vitest';
import {
  defaultSettings,
  parseSettings,
  SETTINGS_VERSION,
  type Settings,
} from '../../../src/core/settings/index.ts';
import {
  MIGRATIONS,
  type Migration,
  type SettingsDocument,
  SQL_DEFINITION_BEFORE_V7,
  upgrade,
} from '../../../src/core/settings/migrations.ts';

/** A version 1 document with every field version 1 had. */
const V1 = {
  version: 1,
  businessHours: { start: '08:30', end: '17:00', days: [1, 2, 3, 4] },
  holidays: ['2026-12-25', '2027-01-01'],
  hotHours: 2,
  warmHours: 6,
  coldHours: 24,
};

/** Parses a document that must be valid, and returns its settings. */
function settingsOf(doc: unknown): Settings {
  const result = parseSettings(doc);
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result.issues)}`);
  return result.settings;
}

describe('the current version', () => {
  it('is one above the last migration, with no gap in the table', () => {
    const steps = Object.keys(MIGRATIONS).map(Number);
    expect(steps).toEqual(steps.map((_, i) => i + 1));
    expect(SETTINGS_VERSION).toBe(steps.length + 1);
  });
});

describe('version 1 → current', () => {
  it('is accepted, and says which version it came from', () => {
    const result = parseSettings(V1);
    expect(result).toMatchObject({ ok: true, migratedFrom: 1 });
  });

  it('comes out at the current version', () => {
    expect(settingsOf(V1).version).toBe(SETTINGS_VERSION);
  });

  it('turns business hours on the listed days (1 = Monday) into those days’ hours', () => {
    const span = [{ start: '08:30', end: '17:00' }];
    expect(settingsOf(V1).calendar.hours).toEqual({
      mon: span,
      tue: span,
      wed: span,
      thu: span,
      fri: [],
      sat: [],
      sun: [],
    });
  });

  it('reads business hours without days as Monday to Friday', () => {
    const doc = { version: 1, businessHours: { start: '07:00', end: '15:00' } };
    const hours = settingsOf(doc).calendar.hours;
    expect(hours.fri).toEqual([{ start: '07:00', end: '15:00' }]);
    expect(hours.sat).toEqual([]);
  });

  it('can open Sunday (day 7)', () => {
    const doc = { version: 1, businessHours: { start: '10:00', end: '12:00', days: [7] } };
    const hours = settingsOf(doc).calendar.hours;
    expect(hours.sun).toEqual([{ start: '10:00', end: '12:00' }]);
    expect(hours.mon).toEqual([]);
  });

  it('keeps the default week when business hours are missing or incomplete', () => {
    const week = defaultSettings().calendar.hours;
    expect(settingsOf({ version: 1 }).calendar.hours).toEqual(week);
    expect(settingsOf({ version: 1, businessHours: { start: '08:00' } }).calendar.hours).toEqual(
      week,
    );
  });

  it('turns holiday dates into holidays named "Holiday"', () => {
    expect(settingsOf(V1).calendar.holidays).toEqual([
      { date: '2026-12-25', name: 'Holiday' },
      { date: '2027-01-01', name: 'Holiday' },
    ]);
  });

  it('turns the hot, warm and cold hours into the deadline of each priority', () => {
    expect(settingsOf(V1).handoff.deadlineHours).toEqual({ Hot: 2, Warm: 6, Cold: 24 });
  });

  it('takes the default deadline for a priority version 1 did not set', () => {
    const { Warm, Cold } = defaultSettings().handoff.deadlineHours;
    expect(settingsOf({ version: 1, hotHours: 3 }).handoff.deadlineHours).toEqual({
      Hot: 3,
      Warm,
      Cold,
    });
  });

  it('keeps the hand-off fields a version 1 document had', () => {
    const doc = { version: 1, hotHours: 3, handoff: { maxAttempts: 3 } };
    expect(settingsOf(doc).handoff).toEqual({
      ...defaultSettings().handoff,
      maxAttempts: 3,
      deadlineHours: { ...defaultSettings().handoff.deadlineHours, Hot: 3 },
    });
  });

  it('fills every section version 1 did not have with the defaults', () => {
    const d = defaultSettings();
    const s = settingsOf(V1);
    expect(s.plan).toEqual(d.plan);
    expect(s.scoring).toEqual(d.scoring);
    expect(s.definitions).toEqual(d.definitions);
    expect(s.monitoring).toEqual(d.monitoring);
    expect(s.calendar.timeZone).toBe(d.calendar.timeZone);
  });

  it('leaves the document it was given unchanged', () => {
    const doc = structuredClone(V1);
    parseSettings(doc);
    expect(doc).toEqual(V1);
  });

  it('still validates the result: a bad version 1 value is reported at its new place', () => {
    const result = parseSettings({ ...V1, hotHours: 0 });
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'handoff.deadlineHours.Hot', message: 'Hot deadline must be above 0' }],
    });
  });
});

describe('documents the add-in cannot read', () => {
  it('refuses a version newer than the add-in', () => {
    const newer = SETTINGS_VERSION + 1;
    expect(parseSettings({ ...defaultSettings(), version: newer })).toEqual({
      ok: false,
      issues: [
        {
          path: 'version',
          message: `Settings version ${newer} is newer than this add-in (${SETTINGS_VERSION}): update the add-in`,
        },
      ],
    });
  });

  it('refuses a document without a version number', () => {
    const { version, ...rest } = defaultSettings();
    expect(version).toBe(SETTINGS_VERSION);
    expect(parseSettings(rest)).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'Settings have no version number' }],
    });
  });

  it('refuses a version written as text', () => {
    expect(parseSettings({ ...defaultSettings(), version: '2' })).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'Settings have no version number' }],
    });
  });

  it('refuses a version older than every migration', () => {
    expect(parseSettings({ version: 0 })).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'No migration from settings version 0' }],
    });
  });

  it('refuses anything but an object', () => {
    for (const input of [null, undefined, 'settings', 2, [defaultSettings()]]) {
      expect(parseSettings(input), String(input)).toEqual({
        ok: false,
        issues: [{ path: '', message: 'Settings must be an object' }],
      });
    }
  });
});

describe('the migration table', () => {
  it('has a step from every version below the current one', () => {
    for (let v = 1; v < SETTINGS_VERSION; v++) {
      expect(typeof MIGRATIONS[v], `version ${v}`).toBe('function');
    }
  });

  it('has no step from the current version or later', () => {
    const from = Object.keys(MIGRATIONS).map(Number);
    expect(from.every((v) => v < SETTINGS_VERSION)).toBe(true);
  });
});

describe('upgrade', () => {
  const addA: Migration = (doc) => ({ ...doc, a: 1 });
  const addBFromA: Migration = (doc) => ({ ...doc, b: Number(doc.a) + 1 });
  const noDefaults = (): Settings => {
    throw new Error('the defaults were built');
  };

  it('runs the steps in order, one version at a time, and numbers each result', () => {
    const seen: unknown[] = [];
    const spy =
      (step: Migration): Migration =>
      (doc, d) => {
        seen.push(doc.version);
        return step(doc, d);
      };
    const table = { 1: spy(addA), 2: spy(addBFromA) };
    const result = upgrade({ version: 1 }, 1, defaultSettings, table, 3);
    expect(result).toEqual({ ok: true, doc: { version: 3, a: 1, b: 2 } });
    expect(seen).toEqual([1, 2]);
  });

  it('starts from the document’s own version', () => {
    const result = upgrade({ version: 2, a: 5 }, 2, defaultSettings, { 1: addA, 2: addBFromA }, 3);
    expect(result).toEqual({ ok: true, doc: { version: 3, a: 5, b: 6 } });
  });

  it('reports a gap in the table', () => {
    const result = upgrade({ version: 1 }, 1, defaultSettings, { 1: addA, 3: addBFromA }, 4);
    expect(result).toEqual({
      ok: false,
      issues: [{ path: 'version', message: 'No migration from settings version 2' }],
    });
  });

  it('hands each step the defaults', () => {
    const d = defaultSettings();
    const step: Migration = (doc, defaults) => ({ ...doc, plan: defaults.plan });
    const result = upgrade({ version: 1 }, 1, () => d, { 1: step }, 2);
    expect(result).toEqual({ ok: true, doc: { version: 2, plan: d.plan } });
  });

  it('does not build the defaults for a current document', () => {
    const doc: SettingsDocument = { version: 2 };
    expect(upgrade(doc, 2, noDefaults, { 1: addA }, 2)).toEqual({ ok: true, doc });
  });
});

/** A version 3 document: the current one without what version 4 added. */
function v3(): SettingsDocument {
  const s = defaultSettings();
  const { escalateAfterHours, ...monitoring } = s.monitoring;
  expect(escalateAfterHours).toBe(4);
  return { ...s, version: 3, monitoring: { ...monitoring, frequencyMinutes: 15 } };
}

describe('version 3 → 4: the escalation delay', () => {
  it('adds the default delay, 4 business hours, keeping the monitoring choices', () => {
    const result = parseSettings(v3());
    expect(result).toMatchObject({ ok: true, migratedFrom: 3 });
    const s = settingsOf(v3());
    expect(s.monitoring).toEqual({
      frequencyMinutes: 15,
      autoMonthlyReview: true,
      escalateAfterHours: 4,
    });
  });

  it('keeps a delay a document already has', () => {
    const doc = v3();
    (doc.monitoring as Record<string, unknown>).escalateAfterHours = 8;
    expect(MIGRATIONS[3]!(doc, defaultSettings()).monitoring).toMatchObject({
      escalateAfterHours: 8,
    });
  });

  it('is idempotent: a migrated document parses to itself', () => {
    const once = settingsOf(v3());
    expect(parseSettings(once)).toEqual({ ok: true, settings: once });
  });

  it('refuses a delay that is not a positive number of hours, at its path', () => {
    const s = defaultSettings();
    s.monitoring.escalateAfterHours = 0;
    const result = parseSettings(s);
    expect(result.ok).toBe(false);
    expect(!result.ok && result.issues).toEqual([
      { path: 'monitoring.escalateAfterHours', message: 'Escalation delay must be above 0' },
    ]);
  });
});

/**
 * A version 5 document: the current one without the activity log (version 6), the agreement
 * section (version 7) nor the agreed flag (version 8), and the old SQL default.
 */
function v5(sql = SQL_DEFINITION_BEFORE_V7): SettingsDocument {
  const { agreement, mapping, agreed: _agreed, ...s } = defaultSettings();
  expect(agreement.roles.length).toBeGreaterThan(0);
  const { activitySheet: _sheet, activityFields: _fields, ...v5Mapping } = mapping;
  return {
    ...s,
    version: 5,
    mapping: v5Mapping,
    definitions: { ...s.definitions, sql },
    handoff: { ...s.handoff, maxAttempts: 3 },
  };
}

describe('version 5 → 6: the activity log, found by its headers', () => {
  it('reads the log found by its headers, with no column chosen', () => {
    const s = settingsOf(v5());
    expect(s.mapping.activitySheet).toBe('');
    expect(s.mapping.activityFields).toEqual({});
  });
});

describe('version 6 → 7: the agreement section, and the SQL definition of the articles', () => {
  it('adds the default roles, channels, return path and no required field', () => {
    const s = settingsOf(v5());
    expect(s.agreement).toEqual(defaultSettings().agreement);
    expect(s.agreement.requiredFields).toEqual({ lead: [], mql: [], handoff: [] });
    expect(s.handoff.maxAttempts).toBe(3);
  });

  it('replaces the old default SQL definition, which read the hand-off as a contact', () => {
    const s = settingsOf(v5());
    expect(s.definitions.sql).toBe(defaultSettings().definitions.sql);
    expect(s.definitions.sql).not.toBe(SQL_DEFINITION_BEFORE_V7);
  });

  it('keeps an SQL definition the team wrote, and the other definitions', () => {
    const ours = 'An MQL our SDRs accepted after a discovery call.';
    const s = settingsOf({
      ...v5(ours),
      definitions: { ...defaultSettings().definitions, sql: ours, lead: 'Ours.' },
    });
    expect(s.definitions.sql).toBe(ours);
    expect(s.definitions.lead).toBe('Ours.');
  });

  it('is idempotent: a migrated document parses to itself', () => {
    const once = settingsOf(v5());
    expect(parseSettings(once)).toEqual({ ok: true, settings: once });
  });
});

describe('parsing a current document', () => {
  it('accepts the defaults as they are, with no migration', () => {
    expect(parseSettings(defaultSettings())).toEqual({ ok: true, settings: defaultSettings() });
  });

  it('gives back the same settings when parsed again', () => {
    const s = defaultSettings();
    s.calendar.timeZone = 'America/New_York';
    s.scoring.criteria = s.scoring.criteria.slice(0, 3);
    s.plan.costPerSource = { Web: 800 };
    const once = settingsOf(s);
    expect(settingsOf(once)).toEqual(once);
    expect(once).toEqual(s);
  });

  it('gives back a migrated document unchanged when parsed again, without migrating', () => {
    const migrated = settingsOf(V1);
    expect(parseSettings(migrated)).toEqual({ ok: true, settings: migrated });
  });
});

/** A version 7 document: the current one without what version 8 added. */
function v7(): SettingsDocument {
  const { agreed, ...rest } = defaultSettings();
  expect(agreed).toBe(false);
  return { ...rest, version: 7, plan: { ...rest.plan, averageDeal: 2500 } };
}

describe('version 7 → 8: the team agreed its settings', () => {
  it('counts a stored document as agreed: a team saved it', () => {
    const result = parseSettings(v7());
    expect(result).toMatchObject({ ok: true, migratedFrom: 7 });
    const s = settingsOf(v7());
    expect(s.agreed).toBe(true);
    expect(s.plan.averageDeal).toBe(2500);
  });

  it('adds only its own field', () => {
    const doc = v7();
    const { agreed, ...rest } = MIGRATIONS[7]!(doc, defaultSettings());
    expect(agreed).toBe(true);
    expect(rest).toEqual(doc);
  });

  it('leaves the defaults of a sheet that never saved as the sample', () => {
    expect(settingsOf(defaultSettings()).agreed).toBe(false);
  });
});
