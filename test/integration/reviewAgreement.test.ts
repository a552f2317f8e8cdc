/**
 * The review's figures on the agreement (issue 20) through the built bundle (run `npm run build`
 * first): hand-offs missing required data on marketing's scorecard, by source and in History;
 * the leads returned to marketing; the attempts by channel of the activity log beside the leads.
 */
import { describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../runtime/index.ts';
import { defaultSettings } from '../../src/core/settings/index.ts';
import { paris } from '../fixtures/dates.ts';
import { REVIEW_HEADER, rowOf } from '../fixtures/leads.ts';
import { storeSettings } from '../fixtures/properties.ts';

const HEADER = [...REVIEW_HEADER, 'Phone', 'Last attempt at'];

/** March 2026 in Paris: five hand-offs, two from Webinar without a phone, two returned. */
const LEADS: Array<Record<string, unknown>> = [
  {
    'Lead ID': 'W1',
    Name: 'Ann',
    Source: 'Webinar',
    Owner: 'Alice',
    Stage: 'SQL',
    'Handed off at': paris('2026-03-02T10:00'),
    'First contact at': paris('2026-03-02T11:00'),
    Attempts: 1,
  },
  {
    'Lead ID': 'W2',
    Name: 'Ben',
    Source: 'Webinar',
    Owner: 'Bob',
    Stage: 'SQL',
    'Handed off at': paris('2026-03-03T10:00'),
  },
  {
    'Lead ID': 'S1',
    Name: 'Cid',
    Source: 'Web',
    Owner: 'Alice',
    Stage: 'Opportunity',
    'Handed off at': paris('2026-03-04T10:00'),
    'First contact at': paris('2026-03-04T10:30'),
    Attempts: 2,
    Phone: '+33 1 23 45 67 89',
  },
  // returned for a reason the agreement does not list, written like a formula
  {
    'Lead ID': 'R1',
    Name: 'Dan',
    Source: 'Web',
    Owner: 'Bob',
    Stage: 'Recycled',
    'Rejected reason': '=wrong fit',
    'Handed off at': paris('2026-03-05T10:00'),
    'Last attempt at': paris('2026-03-12T15:00'),
    Attempts: 2,
    Phone: '+33 6 12 34 56 78',
  },
  // five attempts, no answer: back to marketing, dated by its last attempt
  {
    'Lead ID': 'R2',
    Name: 'Eve',
    Source: 'Web',
    Owner: 'Alice',
    Stage: 'SQL',
    'Handed off at': paris('2026-03-06T10:00'),
    'First contact at': paris('2026-03-06T10:20'),
    'Last attempt at': paris('2026-03-13T16:00'),
    Attempts: 5,
    Phone: '+33 6 98 76 54 32',
  },
];

/** HubSpot-style calls and e-mails, exported apart: Activity date, Activity type, Status. */
const LOG_HEADER = ['Lead ID', 'Activity date', 'Activity type', 'Status'];
const LOG: unknown[][] = [
  ['W1', paris('2026-03-02T11:00'), 'Call', 'Completed'],
  ['W1', paris('2026-03-03T09:30'), 'Email', 'Completed'],
  ['W2', paris('2026-03-03T14:00'), 'Zoom meeting', 'Completed'],
  ['W2', paris('2026-03-04T14:00'), 'LinkedIn message', 'Completed'],
  ['S1', paris('2026-03-04T10:30'), 'Call', 'Completed'],
  ['S1', paris('2026-03-20T10:30'), 'Call', 'Not Started'], // planned: not an attempt
  ['S1', paris('2026-04-01T10:30'), 'Email', 'Completed'], // April's
];

const NOW = new Date('2026-04-02T08:00:00Z');

function runtime(withLog: boolean): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.addSheet('Leads', [HEADER, ...LEADS.map((l) => rowOf(HEADER, l))]);
  if (withLog) rt.addSheet('Activities', [LOG_HEADER, ...LOG]);
  storeSettings(rt, {
    ...defaultSettings(),
    agreed: true,
    agreement: {
      ...defaultSettings().agreement,
      requiredFields: { lead: [], mql: [], handoff: ['Phone'] },
    },
  });
  rt.load();
  rt.setNow(NOW);
  rt.call('runMonthlyReview', '2026-03');
  return rt;
}

function shown(rt: Runtime, name: string): string[][] {
  return rt.spreadsheet.getSheetByName(name)!.getDataRange().getDisplayValues() as string[][];
}

/** The rows of a section: from the row after its title and header to the blank row. */
function section(rows: string[][], title: RegExp): string[][] {
  const start = rows.findIndex((r) => title.test(r[0] ?? ''));
  if (start < 0) return [];
  const end = rows.findIndex((r, i) => i > start && r.every((c) => c === ''));
  return rows.slice(start + 2, end < 0 ? undefined : end);
}

describe("the review's figures on the agreement, through the bundle", () => {
  const rt = runtime(true);
  const rows = shown(rt, 'SLA Review 2026-03');

  it("shows the hand-offs missing required data on marketing's scorecard, base named", () => {
    const line = rows.find((r) => r[0] === 'Hand-offs missing required data')!;
    expect(line.slice(1, 5)).toEqual([
      '40%',
      '0 % of hand-offs',
      'Missed',
      '2 of 5 hand-offs: 2 without a Phone (amber ≤ 5 %)',
    ]);
  });

  it('says which source lacks what, and the sources add up to the month', () => {
    const table = section(rows, /^By source$/);
    const header = rows[rows.findIndex((r) => r[0] === 'By source') + 1]!;
    const col = (h: string) => header.indexOf(h);
    const bySource = Object.fromEntries(
      table.map((r) => [
        r[0],
        [r[col('Hand-offs missing data')], r[col('Required values lacking')]],
      ]),
    );
    expect(bySource).toEqual({ Webinar: ['2', '2 without a Phone'], Web: ['0', ''] });
  });

  it('lists the returned leads with reason, track and whether the reason is agreed, as text', () => {
    const returned = section(rows, /^Leads returned to marketing \(2\)/);
    expect(returned.map((r) => [r[1], r[5], r[6], r[7], r[8], r[9]])).toEqual([
      ['R1', 'Bob', '2026-03-12 15:00', '=wrong fit', 'none: re-evaluate together', 'no'],
      [
        'R2',
        'Alice',
        '2026-03-13 16:00',
        'No answer after 5 attempts',
        'Re-engagement nurture',
        'yes',
      ],
    ]);
    expect(rt.formulaWrites).toEqual([]);
    const line = rows.find((r) => r[0] === 'Leads returned to marketing')!;
    expect(line[1]).toBe('2');
  });

  it("counts the log's done attempts of the month by agreed channel", () => {
    // W1 call and e-mail, W2 Zoom and LinkedIn, S1 call; not S1's planned call nor April's e-mail
    const channels = section(rows, /^Attempts by channel:/).map((r) => r.slice(0, 3));
    expect(channels).toEqual([
      ['Phone', '2', '40%'],
      ['E-mail', '1', '20%'],
      ['Video call', '1', '20%'],
      ['Other (not an agreed channel)', '1', '20%'],
      ['All attempts logged', '5', '100%'],
    ]);
    // right under sales' scorecard
    const sales = rows.findIndex((r) => r[0]?.startsWith("Sales' commitment"));
    const table = rows.findIndex((r) => r[0]?.startsWith('Attempts by channel:'));
    expect(rows.slice(sales, table).filter((r) => r.every((c) => c === ''))).toHaveLength(1);
  });

  it('appends the new figures to SLA History, under their own headers', () => {
    const [header, march] = shown(rt, 'SLA History');
    const at = (h: string) => march![header!.indexOf(h)];
    expect(at('Missing data share')).toBe('40%');
    expect(at('Hand-offs missing data')).toBe('2');
    expect(at('Returned')).toBe('2');
  });

  it('has no channel table, not a table of zeros, when no activity log is read', () => {
    const without = shown(runtime(false), 'SLA Review 2026-03');
    expect(without.some((r) => r[0]?.startsWith('Attempts by channel:'))).toBe(false);
    // the other figures read the same without the log
    for (const label of ['Hand-offs missing required data', 'Leads returned to marketing'])
      expect(without.find((r) => r[0] === label)).toEqual(rows.find((r) => r[0] === label));
  });
});
