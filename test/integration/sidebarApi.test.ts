/** The sidebar's server functions, through dist/Code.js in our runtime (as google.script.run calls them). */
import { beforeEach, describe, expect, it } from 'vitest';
import { type Cell, createRuntime, type Runtime } from '../../runtime/index.ts';
import { defaultSettings, SETTINGS_VERSION, type Settings } from '../../src/core/settings/index.ts';
import type {
  CheckOutcome,
  MonitoringState,
  SidebarPreviewResult,
  SidebarSaveResult,
  SidebarState,
} from '../../src/sidebarContract.ts';

const KEY = 'sla.settings';
let rt: Runtime;

beforeEach(() => {
  rt = createRuntime({ now: () => new Date('2026-11-23T10:00:00Z') });
  rt.load();
  rt.call('setUpWorkbook');
});

const load = (): SidebarState => rt.call('sidebarLoad') as SidebarState;
const preview = (arg: unknown): SidebarPreviewResult =>
  rt.call('sidebarPreview', arg) as SidebarPreviewResult;
const save = (arg: unknown): SidebarSaveResult => rt.call('sidebarSave', arg) as SidebarSaveResult;

function errorOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    return error !== null && typeof error === 'object' && 'message' in error
      ? String((error as { message: unknown }).message)
      : String(error);
  }
  throw new Error('expected an error');
}

/** Appends rows to Leads by header name (plain workbook data, no service calls). */
function addLeads(rows: Array<Record<string, Cell>>): void {
  const book = rt.toWorkbook();
  const leads = book.sheets.find((s) => s.name === 'Leads');
  if (!leads) throw new Error('no Leads sheet');
  const headers = (leads.values[0] ?? []).map(String);
  leads.values = [
    leads.values[0] ?? [],
    ...rows.map((r) => headers.map((h) => (r[h] ?? '') as Cell)),
  ];
  rt.loadWorkbook(book);
}

const isJsonValue = (v: unknown): boolean => {
  expect(JSON.parse(JSON.stringify(v))).toEqual(v);
  return true;
};

describe('sidebarLoad', () => {
  it('returns settings, Leads headers, zone, run log and monitoring, as JSON values', () => {
    const state = load();
    expect(state.settings).toEqual(defaultSettings());
    expect(state.warning).toBeUndefined();
    expect(state.leadsSheetFound).toBe(true);
    expect(state.leadsHeaders).toContain('Job title');
    expect(state.leadsHeaders).toContain('Owner');
    expect(state.timeZone).toBe('Europe/Paris');
    expect(Array.isArray(state.runLog)).toBe(true);
    expect(state.monitoring).toEqual({ on: false, minutes: 60, mine: false });
    expect(isJsonValue(state)).toBe(true);
  });

  it('suggests the distinct Leads sources, most frequent first, with two range reads', () => {
    expect(load().leadsSources).toEqual([]);
    const long = 'x'.repeat(81);
    addLeads(
      ['Webinar', ' website ', '', 'Website', 'WEBSITE', 'Referral', 'Webinar', long, '  ', 42].map(
        (Source, i) => ({ 'Lead ID': `L-${i}`, Source }),
      ),
    );
    rt.calls.reset();
    const state = load();
    expect(state.leadsSources).toEqual(['website', 'Webinar', 'Referral', '42']);
    expect(rt.calls.of('Range.getValues')).toBe(2);
    addLeads(Array.from({ length: 70 }, (_, i) => ({ 'Lead ID': `L-${i}`, Source: `S${i}` })));
    expect(load().leadsSources).toHaveLength(50);
  });

  it('says so when stored settings are corrupt, and when they were an older version', () => {
    rt.documentProperties.setProperty(KEY, '{not json');
    expect(load().warning).toMatch(/not valid JSON; using the defaults/);
    rt.documentProperties.setProperty(KEY, JSON.stringify({ version: 1, hotHours: 3 }));
    const state = load();
    expect(state.settings.handoff.deadlineHours.Hot).toBe(3);
    expect(state.warning).toMatch(/upgraded from version 1/);
  });
});

describe('sidebarPreview', () => {
  it('scores every lead with the unsaved rules and estimates capacity from the Owners', () => {
    addLeads([
      { 'Lead ID': 'L1', Owner: 'Ann', 'Job title': 'CEO', 'Demo request': 'yes' },
      { 'Lead ID': 'L2', Owner: 'Bob', 'Job title': 'Student' },
      {
        'Lead ID': 'L3',
        Owner: 'ann ',
        'Job title': 'Marketing director',
        'Pricing page visits': 5,
        Webinar: 'yes',
      },
    ]);
    const s = defaultSettings();
    const p = preview(JSON.stringify(s));
    expect(p).toMatchObject({ leadsSheetFound: true, leads: 3, handoff: 1 });
    expect(p.qualified).toBe(p.mql + p.handoff);
    expect(p.unknownColumns).toEqual([]);
    expect(p.capacity).toMatchObject({ reps: 2, source: 'owners', perWeek: 16, planMql: 800 });
    expect(isJsonValue(p)).toBe(true);
    // A criterion on a column Leads lacks is reported; a hand-off rule changes the counts.
    s.scoring.criteria.push(
      { id: 'x', label: 'Colour', kind: 'fit', column: 'Colour', operator: 'notBlank', points: 5 },
      {
        id: 'all',
        label: 'All',
        kind: 'interest',
        column: 'Job title',
        operator: 'notBlank',
        points: 1,
        handoff: true,
      },
    );
    const q = preview(JSON.stringify(s));
    expect(q.unknownColumns).toEqual([{ criterionId: 'x', label: 'Colour', column: 'Colour' }]);
    expect(q.handoff).toBe(3);
  });

  it('uses the plan for capacity when Leads has no owner', () => {
    addLeads([{ 'Lead ID': 'L1', 'Job title': 'CEO' }]);
    const p = preview(JSON.stringify(defaultSettings()));
    // 800 MQL ÷ 47 weeks ÷ 8 per rep = 2.13 → 3 reps → 24 a week
    expect(p.capacity).toMatchObject({ source: 'plan', reps: 3, perWeek: 24 });
    expect(p.capacity.explanation).toMatch(/from the plan/);
  });
});

describe('untrusted input', () => {
  const valid = (): Settings => defaultSettings();

  it.each([
    ['an object', () => valid(), /settings must be sent as a JSON string \(got an object\)/],
    ['a number', () => 42, /JSON string \(got a number\)/],
    ['null', () => null, /JSON string \(got null\)/],
    ['a Date', () => new Date(), /JSON string \(got a date\)/],
    ['broken JSON', () => '{"version":', /not valid JSON/],
    ['an array', () => '[]', /Settings must be an object/],
  ])('rejects %s', (_name, arg, message) => {
    expect(errorOf(() => preview(arg()))).toMatch(message);
    expect(errorOf(() => save(arg()))).toMatch(message);
  });

  it('rejects wrong types and extra fields, naming the field', () => {
    const wrongType = valid() as unknown as { handoff: { deadlineHours: { Hot: unknown } } };
    wrongType.handoff.deadlineHours.Hot = '1';
    expect(errorOf(() => save(JSON.stringify(wrongType)))).toBe(
      'sidebarSave: invalid settings: handoff.deadlineHours.Hot: Hot deadline must be a number',
    );
    const extra = { ...valid(), admin: true };
    expect(errorOf(() => save(JSON.stringify(extra)))).toMatch(/Unknown setting: admin/);
    const nested = valid() as unknown as { scoring: { criteria: Array<Record<string, unknown>> } };
    nested.scoring.criteria[0]!.script = 'alert(1)';
    expect(errorOf(() => preview(JSON.stringify(nested)))).toMatch(
      /scoring\.criteria\.0: Unknown setting: script/,
    );
  });

  it('refuses what would break a run: our sheets as the leads, deadlines and delays under a minute', () => {
    const ours = valid();
    ours.mapping.sheetName = 'SLA Team';
    expect(errorOf(() => save(JSON.stringify(ours)))).toBe(
      'sidebarSave: invalid settings: mapping.sheetName: SLA Sheets writes this sheet itself: choose the sheet that holds your leads',
    );
    // our SLA Team renamed is still ours: found by its mark, refused by name of what it is
    rt.spreadsheet.findSheet('SLA Team')!.setName('Team');
    const renamed = valid();
    renamed.mapping.sheetName = 'Team';
    expect(errorOf(() => save(JSON.stringify(renamed)))).toMatch(
      /^sidebarSave: invalid settings: "Team" is a sheet SLA Sheets writes \(SLA Team\), not your leads/,
    );
    const tiny = valid();
    tiny.handoff.deadlineHours.Hot = 1e-9;
    expect(errorOf(() => save(JSON.stringify(tiny)))).toBe(
      'sidebarSave: invalid settings: handoff.deadlineHours.Hot: Hot deadline is at least 1 minute (0.017 h)',
    );
    const soon = valid();
    soon.monitoring.escalateAfterHours = 0.001;
    expect(errorOf(() => save(JSON.stringify(soon)))).toMatch(
      /monitoring\.escalateAfterHours: Escalation delay is at least 1 minute/,
    );
    // a minute is fine
    const minute = valid();
    minute.handoff.deadlineHours.Hot = 1 / 60;
    expect(save(JSON.stringify(minute)).settings.handoff.deadlineHours.Hot).toBeCloseTo(1 / 60, 9);
  });

  it('rejects payloads over 100 KB and newer versions', () => {
    const huge = valid();
    huge.definitions.contact = 'x'.repeat(120_000);
    expect(errorOf(() => save(JSON.stringify(huge)))).toMatch(
      /sidebarSave: settings are too large \(\d+ KB, at most 100 KB\)/,
    );
    // Multi-byte text counts in bytes.
    const wide = valid();
    wide.definitions.contact = 'é'.repeat(60_000);
    expect(errorOf(() => save(JSON.stringify(wide)))).toMatch(/too large/);
    const newer = SETTINGS_VERSION + 1;
    expect(errorOf(() => save(JSON.stringify({ ...valid(), version: newer })))).toMatch(
      new RegExp(
        `version ${newer} is newer than this add-in \\(${SETTINGS_VERSION}\\): update the add-in`,
      ),
    );
    expect(rt.documentProperties.getProperty(KEY)).toBeNull();
  });

  it('checks sidebarSetMonitoring arguments', () => {
    expect(errorOf(() => rt.call('sidebarSetMonitoring', 'yes', 15))).toMatch(
      /on must be true or false \(got a string\)/,
    );
    expect(errorOf(() => rt.call('sidebarSetMonitoring', true, 7))).toMatch(
      /minutes must be one of 5, 10, 15, 30, 60 \(got 7\)/,
    );
    expect(rt.triggers()).toEqual([]);
  });

  it('words each argument error exactly, naming the function', () => {
    expect(errorOf(() => preview('{'))).toBe('sidebarPreview: settings are not valid JSON');
    expect(errorOf(() => save(7))).toBe(
      'sidebarSave: settings must be sent as a JSON string (got a number)',
    );
    expect(errorOf(() => rt.call('sidebarSetMonitoring', 'yes', 15))).toBe(
      'sidebarSetMonitoring: on must be true or false (got a string)',
    );
    expect(errorOf(() => rt.call('sidebarSetMonitoring', false, '15'))).toBe(
      'sidebarSetMonitoring: minutes must be one of 5, 10, 15, 30, 60 (got a string)',
    );
  });

  it('gives the size of a payload that is too large', () => {
    const huge = valid();
    huge.definitions.contact = 'x'.repeat(120_000);
    expect(errorOf(() => save(JSON.stringify(huge)))).toMatch(
      /^sidebarSave: settings are too large \(\d+ KB, at most 100 KB\)$/,
    );
  });
});

describe('sidebarSave', () => {
  it('stores the settings, logs the change and regenerates the SLA Agreement', () => {
    const s = defaultSettings();
    s.definitions.mql = 'A lead with 50 points or more.';
    s.scoring.mqlThreshold = 45;
    const result = save(JSON.stringify(s));
    // a Save is the team agreeing its settings (issue 18): its targets are judged from now on
    s.agreed = true;
    expect(result.settings).toEqual(s);
    expect(result.agreement).toBe('updated');
    expect(typeof result.savedAt).toBe('string');
    expect(isJsonValue(result)).toBe(true);
    expect(JSON.parse(rt.documentProperties.getProperty(KEY) ?? '')).toEqual(s);
    expect(load().settings).toEqual(s);
    const entry = result.runLog[0]!;
    expect(entry).toMatchObject({ kind: 'settings', trigger: 'sidebar' });
    expect(entry.notes?.[0]).toBe('Changed: scoring, definitions');
    expect(entry.notes).toContain(
      "The team's own settings: the review and Planning judge against them now",
    );
    const agreement = rt.toWorkbook().sheets.find((x) => x.name === 'SLA Agreement');
    expect(JSON.stringify(agreement?.values)).toContain('A lead with 50 points or more.');
  });

  it('migrates a version 1 document and saves it as the current version', () => {
    const v1 = {
      version: 1,
      hotHours: 2,
      warmHours: 6,
      coldHours: 24,
      businessHours: { start: '08:30', end: '17:00', days: [1, 2, 3, 4] },
      holidays: ['2026-12-25'],
    };
    const result = save(JSON.stringify(v1));
    expect(result.migratedFrom).toBe(1);
    expect(result.settings.version).toBe(SETTINGS_VERSION);
    expect(result.settings.handoff.deadlineHours).toEqual({ Hot: 2, Warm: 6, Cold: 24 });
    expect(result.settings.calendar.hours.mon).toEqual([{ start: '08:30', end: '17:00' }]);
    expect(result.settings.calendar.hours.fri).toEqual([]);
    const stored = JSON.parse(rt.documentProperties.getProperty(KEY) ?? '') as Settings;
    expect(stored.version).toBe(SETTINGS_VERSION);
  });

  it('leaves the stored settings whole when a save fails half-way', () => {
    // Big enough to be stored in chunks.
    const first = defaultSettings();
    first.definitions.contact = 'a'.repeat(900);
    for (let i = 0; i < 40; i++) {
      first.scoring.criteria.push({
        id: `k${i}`,
        label: `Keyword ${i}`,
        kind: 'interest',
        column: 'Source',
        operator: 'oneOf',
        values: ['alpha', 'beta', 'gamma', 'delta', 'epsilon', `v${i}`],
        points: 1,
      });
    }
    first.scoring.criteria = first.scoring.criteria.slice(0, 60);
    save(JSON.stringify(first));
    first.agreed = true; // as the Save stored it
    expect(rt.documentProperties.getProperty(KEY)).toMatch(/^\{"gen"/);
    const before = rt.documentProperties.getProperties();

    // The pointer write fails after the new chunks were written.
    const props = rt.documentProperties;
    const original = props.setProperty.bind(props);
    props.setProperty = (key: string, value: string) => {
      if (key === KEY) throw new Error('Service invoked too many times');
      return original(key, value);
    };
    const second = structuredClone(first);
    second.definitions.contact = 'b'.repeat(900);
    try {
      expect(errorOf(() => save(JSON.stringify(second)))).toMatch(/too many times/);
    } finally {
      props.setProperty = original;
    }
    const state = load();
    expect(state.warning).toBeUndefined();
    expect(state.settings).toEqual(first);
    expect(rt.documentProperties.getProperty(KEY)).toBe(before[KEY]);

    // A rejected document never touches the store.
    const bad = structuredClone(first) as unknown as { plan: { averageDeal: number } };
    bad.plan.averageDeal = -1;
    expect(errorOf(() => save(JSON.stringify(bad)))).toMatch(/Average deal must be above 0/);
    expect(load().settings).toEqual(first);
  });
});

describe('sidebarSetMonitoring', () => {
  it('turns the trigger on at the frequency, stores it, and off again', () => {
    const on = rt.call('sidebarSetMonitoring', true, 15) as MonitoringState;
    // the user's own timer, named as every collaborator sees it
    const mine = { on: true, minutes: 15, mine: true, runBy: 'user@example.com' };
    expect(on).toEqual(mine);
    expect(rt.triggers().map((t) => t.handler)).toEqual(['onSlaTimer']);
    expect(load().settings.monitoring.frequencyMinutes).toBe(15);
    expect(load().monitoring).toEqual(mine);
    const off = rt.call('sidebarSetMonitoring', false, 15) as MonitoringState;
    expect(off.on).toBe(false);
    expect(rt.triggers()).toEqual([]);
  });
});

describe('checkLeadsNow from the sidebar', () => {
  const checkNow = (): CheckOutcome => rt.call('checkLeadsNow') as CheckOutcome;

  it('returns the outcome and the run log that now includes it, as sidebarLoad would', () => {
    const leads = rt.spreadsheet.getSheetByName('Leads')!;
    leads.getRange(2, 1).setValue('L-1');
    const result = checkNow();
    expect(result).toMatchObject({ ok: true, rows: 1, leads: 1 });
    expect(result.message).toBe(rt.ui.toasts.at(-1)!.message);
    expect(result.message).toMatch(/^Checked 1 lead/);
    expect(result.runLog[0]).toMatchObject({ kind: 'check', trigger: 'manual', rows: 1 });
    expect(result.runLog).toEqual(load().runLog);
  });

  it('says when another run holds the lock, and returns the log with the skipped run', () => {
    const release = rt.holdDocumentLock();
    const result = checkNow();
    release();
    expect(result.ok).toBe(false);
    expect(result.message).toMatch(/Another lead check is running/);
    expect(result.runLog[0]!.error).toMatch(/^Skipped: /);
    expect(result.runLog).toEqual(load().runLog);
  });
});
