import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../runtime/index.ts';
import { NOW } from './leadsHelpers.ts';

/**
 * The work of one check is bounded by the span of plausible dates, never by a typo: the
 * zone clock's `Utilities.formatDate` look-ups (what made a year-9999 lead cost 639,263 calls)
 * stay under a fixed budget whatever the data. `npm run bench` prints the same figures.
 */

const DAY = 86_400_000;
/** The most formatDate calls one check may make, whatever the dates in the sheet. */
const FORMAT_DATE_BUDGET = 500;

function formatDateCalls(extra: unknown[][]): number {
  const header = ['Lead ID', 'Priority', 'Stage', 'Handed off at', 'First contact at'];
  const rows: unknown[][] = [header];
  for (let i = 0; i < 1000; i++) {
    const handed = new Date(NOW.getTime() - (i % 50) * DAY);
    rows.push([
      `L${i}`,
      'Warm',
      'MQL',
      handed,
      i % 2 ? new Date(handed.getTime() + 3_600_000) : '',
    ]);
  }
  rows.push(...extra);
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.addSheet('Leads', rows);
  rt.load();
  rt.setNow(NOW);
  rt.calls.reset();
  rt.call('checkLeadsNow');
  return rt.calls.of('Utilities.formatDate');
}

describe('the work of one check is bounded', () => {
  const base = formatDateCalls([]);
  const cases: Array<[string, unknown[]]> = [
    ['a year-9999 hand-off', ['X', 'Warm', 'MQL', new Date(Date.UTC(9999, 0, 1)), '']],
    ['a year-3026 typo in text', ['X', 'Warm', 'MQL', '3026-01-05 10:00', '']],
    ['a 1990 hand-off contacted today', ['X', 'Warm', 'MQL', new Date(Date.UTC(1990, 0, 2)), NOW]],
    ['a 1990 hand-off never contacted', ['X', 'Warm', 'MQL', new Date(Date.UTC(1990, 0, 2)), '']],
    [
      'a 1990 hand-off contacted next year',
      ['X', 'Warm', 'SQL', new Date(Date.UTC(1990, 0, 2)), new Date(NOW.getTime() + 300 * DAY)],
    ],
  ];

  it('1,000 recent leads stay under the budget', () => {
    expect(base).toBeLessThan(FORMAT_DATE_BUDGET);
  });

  it.each(cases)('%s adds a handful of look-ups, not one per day', (_name, row) => {
    const calls = formatDateCalls([row]);
    expect(calls).toBeLessThan(FORMAT_DATE_BUDGET);
    expect(calls - base).toBeLessThan(60);
  });
});

describe('the notices of one check are bounded too', () => {
  it('1,000 overdue leads of 50 owners in four zones, all announced: under the same budget', () => {
    const zones = ['', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo'];
    const owners = Array.from({ length: 50 }, (_, i) => `Rep ${i + 1}`);
    const rows: unknown[][] = [['Lead ID', 'Owner', 'Priority', 'Stage', 'Handed off at']];
    for (let i = 0; i < 1000; i++)
      rows.push([
        `L${i}`,
        owners[i % 50],
        'Hot',
        'MQL',
        new Date(NOW.getTime() - (1 + (i % 60)) * DAY),
      ]);
    const rt = createRuntime({ timeZone: 'Europe/Paris' });
    rt.addSheet('Leads', rows);
    rt.addSheet('SLA Team', [
      ['Owner', 'Email', 'Manager email', 'Notify', 'Time zone', 'Away from', 'Away until'],
      ...owners.map((o, i) => [
        o,
        `rep${i}@example.com`,
        'boss@example.com',
        'yes',
        zones[i % 4],
        '',
        '',
      ]),
    ]);
    rt.load();
    rt.setNow(NOW);
    rt.calls.reset();
    rt.call('checkLeadsNow');
    expect(rt.mails.length).toBe(51);
    expect(rt.calls.of('Utilities.formatDate')).toBeLessThan(FORMAT_DATE_BUDGET);
  });
});
