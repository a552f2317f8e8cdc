/**
 * Settings the runs depend on are checked by the server before they are stored (issue 12), and
 * stored in UTF-8-sized chunks. Figures: hostile payloads accepted that break a later run (must
 * be 0); the largest non-Latin settings document saved and read back.
 */
import { describe, expect, it } from 'vitest';
import type { Runtime } from '../../runtime/index.ts';
import { utf8Bytes } from '../../src/core/common/propertyBytes.ts';
import { type Criterion, defaultSettings, type Settings } from '../../src/core/settings/index.ts';
import { UNKNOWN_ZONE_MESSAGE } from '../../src/core/time/timeZoneName.ts';
import type { CheckOutcome, SidebarSaveResult, SidebarState } from '../../src/sidebarContract.ts';
import { rowOf } from '../fixtures/leads.ts';
import { runLog, storeSettings } from '../fixtures/properties.ts';
import { EVERY_STATUS, HEADER, leadsRuntime } from './leadsHelpers.ts';

function runtime(): Runtime {
  return leadsRuntime([HEADER, ...EVERY_STATUS.map((s) => rowOf(HEADER, s.row))]).rt;
}

function errorOf(fn: () => unknown): string | null {
  try {
    fn();
    return null;
  } catch (error) {
    return error instanceof Error || (error !== null && typeof error === 'object')
      ? String((error as { message: unknown }).message)
      : String(error);
  }
}

const save = (rt: Runtime, s: unknown) =>
  rt.call('sidebarSave', JSON.stringify(s)) as SidebarSaveResult;
const check = (rt: Runtime) => rt.call('checkLeadsNow') as CheckOutcome;

/** Does the check (and a custom function on the calendar) still work as with the defaults? */
function laterRunWorks(rt: Runtime, baseline: CheckOutcome): boolean {
  const outcome = check(rt);
  const deadline = rt.callCustomFunction('SLA_DEADLINE', new Date('2026-11-23T09:00:00Z'), 8);
  return (
    outcome.ok &&
    outcome.counts['Check data'] === baseline.counts['Check data'] &&
    deadline instanceof Date
  );
}

type Payload = [label: string, change: (s: Settings) => void];

const allClosed = (s: Settings) => {
  for (const day of Object.keys(s.calendar.hours) as Array<keyof Settings['calendar']['hours']>)
    s.calendar.hours[day] = [];
};
const zone = (z: string) => (s: Settings) => {
  s.calendar.timeZone = z;
};
const holiday = (date: string) => (s: Settings) => {
  s.calendar.holidays = [{ date, name: 'Bad' }];
};

/** What a hostile or unlucky user sends; each is refused, or accepted and harmless. */
const PAYLOADS: Payload[] = [
  ['no working span on any day', allClosed],
  ['holiday 2026-02-31', holiday('2026-02-31')],
  ['holiday 2026-02-29', holiday('2026-02-29')],
  ['holiday 2026-13-01', holiday('2026-13-01')],
  ['span 25:00-26:00', (s) => (s.calendar.hours.mon = [{ start: '25:00', end: '26:00' }])],
  ['span 18:00-09:00', (s) => (s.calendar.hours.mon = [{ start: '18:00', end: '09:00' }])],
  ['zone Mars/Olympus', zone('Mars/Olympus')],
  ['zone europe/paris', zone('europe/paris')],
  ['zone EUROPE/PARIS', zone('EUROPE/PARIS')],
  ['zone " Europe/Paris "', zone(' Europe/Paris ')],
  ['zone Europe/paris', zone('Europe/paris')],
  ['zone UTC+1', zone('UTC+1')],
  ['zone GMT+01:00', zone('GMT+01:00')],
  ['zone utc', zone('utc')],
  ['zone Africa/Abidjan (GMT all year)', zone('Africa/Abidjan')],
  ['zone US/Eastern (alias)', zone('US/Eastern')],
  ['zone 東京', zone('東京')],
  ['zone Europe/Paris + NUL', zone('Europe/Paris\u0000')],
  ['zone of 65 characters', zone('A'.repeat(65))],
  ['zone as a number', (s) => ((s.calendar as unknown as Record<string, unknown>).timeZone = 1)],
  ['hours as text', (s) => ((s.calendar as unknown as Record<string, unknown>).hours = 'always')],
];

describe('the server checks every setting a run depends on', () => {
  it('refuses what would break a run, with the sidebar message; stores zones as the platform spells them', () => {
    const rt = runtime();
    const baseline = check(rt);
    const rows: string[] = [];
    let acceptedBreaking = 0;
    for (const [label, change] of PAYLOADS) {
      const s = defaultSettings();
      change(s);
      const error = errorOf(() => save(rt, s));
      const stored = rt.call('sidebarLoad') as SidebarState;
      const works = error === null ? laterRunWorks(rt, baseline) : true;
      if (!works) acceptedBreaking++;
      rows.push(
        `${label}: ${error === null ? `accepted (zone "${stored.settings.calendar.timeZone}"), later run ${works ? 'works' : 'BROKEN'}` : `refused: ${error}`}`,
      );
      save(rt, defaultSettings());
    }
    console.log(`[figure] hostile settings payloads:\n  ${rows.join('\n  ')}`);
    console.log(
      `[figure] payloads accepted that break a later run: ${acceptedBreaking} of ${PAYLOADS.length}`,
    );
    expect(acceptedBreaking).toBe(0);
    const outcome = (label: string) => rows.find((r) => r.startsWith(`${label}:`))!;
    expect(outcome('no working span on any day')).toContain(
      'calendar.hours: Add working hours to at least one day',
    );
    expect(outcome('holiday 2026-02-31')).toContain(
      'calendar.holidays.0.date: No such day: that month is shorter',
    );
    expect(outcome('zone Mars/Olympus')).toContain(`calendar.timeZone: ${UNKNOWN_ZONE_MESSAGE}`);
    expect(outcome('zone UTC+1')).toContain('refused');
    expect(outcome('zone europe/paris')).toContain('accepted (zone "Europe/Paris")');
    expect(outcome('zone EUROPE/PARIS')).toContain('accepted (zone "Europe/Paris")');
    expect(outcome('zone " Europe/Paris "')).toContain('accepted (zone "Europe/Paris")');
    expect(outcome('zone utc')).toContain('accepted (zone "UTC")');
    expect(outcome('zone Africa/Abidjan (GMT all year)')).toContain(
      'accepted (zone "Africa/Abidjan")',
    );
  });

  it('a zone stored before zones were checked: read as meant, or a clear error, never silent GMT', () => {
    const rt = runtime();
    const s = defaultSettings();
    s.calendar.timeZone = 'europe/paris';
    storeSettings(rt, s);
    const handedOff = new Date('2026-11-23T08:00:00Z'); // 09:00 in Paris
    // 8 business hours from 09:00 Paris: 17:00 Paris the same day (16:00 UTC), not 16:00 GMT
    expect(rt.callCustomFunction('SLA_DEADLINE', handedOff, 8)).toEqual(
      new Date('2026-11-23T16:00:00Z'),
    );
    s.calendar.timeZone = 'Mars/Olympus';
    storeSettings(rt, s);
    const outcome = check(rt);
    expect(outcome.ok).toBe(false);
    expect(outcome.message).toContain('The time zone "Mars/Olympus" is unknown to Apps Script');
    expect(outcome.message).toContain('SLA settings > Calendar');
  });
});

const jp = (n: number, seed: number) =>
  Array.from({ length: n }, (_, i) => String.fromCharCode(0x3042 + ((i + seed) % 80))).join('');

/**
 * The defaults in Japanese: six definitions of 1,000 characters, 60 criteria with an 80-character
 * label, and `values` texts of 200 characters spread over the criteria.
 */
function japaneseSettings(values: number): Settings {
  const s = defaultSettings();
  for (const key of Object.keys(s.definitions) as Array<keyof Settings['definitions']>)
    s.definitions[key] = jp(1000, key.length);
  s.scoring.criteria = Array.from(
    { length: 60 },
    (_, i): Criterion => ({
      id: `c${i}`,
      label: jp(80, i),
      kind: 'fit',
      column: '役職',
      operator: 'oneOf',
      values: Array.from({ length: 1 + Math.floor((values + 59 - i) / 60) }, (_, k) =>
        jp(200, i + k),
      ),
      points: 1,
    }),
  );
  return s;
}

describe('settings in UTF-8 bytes', () => {
  it('saves and reads back the largest Japanese document the sidebar may send', () => {
    const rt = runtime();
    const fits = (values: number) =>
      utf8Bytes(JSON.stringify(japaneseSettings(values))) <= 100 * 1024;
    let n = 0; // the most values that fit, by bisection
    for (let hi = 3000; n < hi; ) {
      const mid = Math.ceil((n + hi) / 2);
      if (fits(mid)) n = mid;
      else hi = mid - 1;
    }
    const largest = { ...japaneseSettings(n), agreed: true }; // as a Save stores it
    const bytes = utf8Bytes(JSON.stringify(largest));
    const saved = save(rt, largest);
    expect(saved.settings).toEqual(largest);
    expect((rt.call('sidebarLoad') as SidebarState).settings).toEqual(largest);
    const values = Object.entries(rt.documentProperties.getProperties()).filter(([k]) =>
      k.startsWith('sla.settings.'),
    );
    for (const [, v] of values) expect(utf8Bytes(v)).toBeLessThanOrEqual(8 * 1024);
    const chars = JSON.stringify(largest).length;
    console.log(
      `[figure] largest Japanese settings saved and read back: ${chars.toLocaleString('en')} characters, ${(bytes / 1024).toFixed(1)} KB UTF-8, in ${values.length} chunks`,
    );
    expect(bytes).toBeGreaterThan(95 * 1024);
    // one value more is over the sidebar's 100 KB: refused, in bytes, saying so
    expect(errorOf(() => save(rt, japaneseSettings(n + 1)))).toMatch(
      /settings are too large \(10\d KB, at most 100 KB\)/,
    );
    expect((rt.call('sidebarLoad') as SidebarState).settings).toEqual(largest);
  });

  it('keeps the run log within one value, the latest run always first, with long Japanese notes', () => {
    const rt = runtime();
    // criteria on columns Leads does not have: every check notes them all, in Japanese
    const s = japaneseSettings(1);
    s.scoring.criteria = s.scoring.criteria.map((c, i) => ({ ...c, column: `${jp(70, i)}${i}` }));
    save(rt, s);
    for (let i = 0; i < 25; i++) {
      rt.advance(60_000);
      const outcome = check(rt);
      expect(outcome.runLog[0]!.at).toBe(
        rt
          .now()
          .toISOString()
          .replace(/\.\d+Z$/, '.000Z'),
      );
    }
    const raw = rt.documentProperties.getProperty('sla.runLog')!;
    expect(utf8Bytes(raw)).toBeLessThanOrEqual(8 * 1024);
    const log = runLog(rt);
    expect(log[0]!.kind).toBe('check');
    expect(log.length).toBeGreaterThan(1);
    expect(log[0]!.notes!.join(' ')).toMatch(/Scoring ignored the criteria/);
  });
});
