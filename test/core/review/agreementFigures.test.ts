/**
 * The review's figures on the agreement (issue 20): hand-offs missing required data, the leads
 * returned to marketing, the logged attempts by channel. Each is one key of the one
 * classification: the month, its sources and owners, History and the sections read it alike.
 */
import { describe, expect, it } from 'vitest';
import { readActivityLog } from '../../../src/core/read/activityLog.ts';
import {
  attemptChannel,
  OTHER_CHANNEL,
  UNTYPED_CHANNEL,
} from '../../../src/core/review/agreementFacts.ts';
import { channelTable, returnedTable } from '../../../src/core/review/agreementSections.ts';
import { HISTORY_HEADER, historyRow } from '../../../src/core/review/history.ts';
import { KPIS, missingWords } from '../../../src/core/review/kpis.ts';
import { reviewLayout } from '../../../src/core/review/layout.ts';
import { kpiValue } from '../../../src/core/review/scorecards.ts';
import { groupTable, REVIEW_DEFINITIONS } from '../../../src/core/review/sections.ts';
import type { Settings } from '../../../src/core/settings/index.ts';
import { REVIEW_HEADER, rowOf } from '../../fixtures/leads.ts';
import { NOW, review, settingsWith, UTC } from '../../fixtures/review.ts';

const HEADER = [...REVIEW_HEADER, 'Phone', 'Email', 'Last attempt at'];
const row = (cells: Record<string, unknown>) => rowOf(HEADER, cells);

/** A team that agreed an e-mail for every lead and a phone at hand-off. */
const REQUIRING = settingsWith((s) => {
  s.agreed = true;
  s.agreement.requiredFields = { lead: ['Email'], mql: [], handoff: ['Phone'] };
});

function reviewOf(rows: unknown[][], month = '2026-03', settings: Settings = REQUIRING) {
  return review(rows, month, { header: HEADER, settings });
}

// ------------------------------------------------------------------------------------------
// Hand-offs missing required data

const HANDOFFS = [
  // A1 Webinar, no phone
  row({
    'Lead ID': 'A1',
    Source: 'Webinar',
    Owner: 'Alice',
    Stage: 'SQL',
    'Handed off at': '2026-03-02 10:00',
    Email: 'a1@x.test',
  }),
  // A2 webinar (same source), neither phone nor e-mail
  row({ 'Lead ID': 'A2', Source: 'webinar', Owner: 'Bob', 'Handed off at': '2026-03-03 10:00' }),
  // A3 complete
  row({
    'Lead ID': 'A3',
    Source: 'Web',
    Owner: 'Alice',
    Stage: 'Opportunity',
    'Handed off at': '2026-03-04 10:00',
    Phone: '+33 1 23 45 67 89',
    Email: 'a3@x.test',
  }),
  // A4 lost since: still a hand-off of March without a phone
  row({
    'Lead ID': 'A4',
    Source: 'Web',
    Owner: 'Bob',
    Stage: 'Lost',
    'Handed off at': '2026-03-05 10:00',
    Email: 'a4@x.test',
  }),
  // A5 never handed off: not a hand-off, whatever it lacks
  row({ 'Lead ID': 'A5', Source: 'Webinar', Stage: 'Lead', 'Created at': '2026-03-06 10:00' }),
  // A6 a February hand-off
  row({ 'Lead ID': 'A6', Source: 'Web', 'Handed off at': '2026-02-10 10:00' }),
];

describe('hand-offs missing required data', () => {
  const r = reviewOf(HANDOFFS);
  const m = r.current.marketing;

  it("counts the month's hand-offs lacking a value required at their stage, by value", () => {
    expect(m.handedOff).toBe(4);
    expect(m.missingData).toBe(3); // A1 A2 A4
    expect(m.missingDataShare).toBe(3 / 4);
    expect(m.missingByField).toEqual([
      ['Phone', 3],
      ['Email', 1],
    ]);
  });

  it("is on marketing's scorecard with its base named, judged against complete data", () => {
    const line = r.scorecards.marketing.find((l) => l.id === 'missingDataShare')!;
    expect(line).toMatchObject({
      label: 'Hand-offs missing required data',
      actual: 0.75,
      target: '0 % of hand-offs',
      status: 'red',
      note: '3 of 4 hand-offs: 3 without a Phone, 1 without an Email (amber ≤ 5 %)',
    });
  });

  it('shows the same figure by source, in words, and the sources add up to the month', () => {
    const t = groupTable('By source', 'Source', r.bySource, true, false, r.noData);
    const at = (h: string) => t.header.indexOf(h);
    const cells = Object.fromEntries(
      t.rows.map((c) => [
        c[0],
        [c[at('Hand-offs missing data')], c[at('Required values lacking')]],
      ]),
    );
    expect(cells).toEqual({
      Webinar: [2, '2 without a Phone, 1 without an Email'],
      Web: [1, '1 without a Phone'],
    });
    const sum = r.bySource.reduce((n, g) => n + g.figures.count.missingData, 0);
    expect(sum).toBe(r.current.count.missingData);
    const owners = r.byOwner.reduce((n, g) => n + g.figures.count.missingData, 0);
    expect(owners).toBe(r.current.count.missingData);
  });

  it('names each value lacking as a person would say it', () => {
    expect(
      missingWords([
        ['Phone', 12],
        ['Email', 3],
        ['Notes', 2],
        ['Address', 1],
      ]),
    ).toBe('12 without a Phone, 3 without an Email, 2 without Notes, 1 without an Address');
    expect(missingWords([])).toBe('');
  });

  it('writes the count and the share in SLA History', () => {
    const h = historyRow(r, new Date(NOW));
    expect(h[HISTORY_HEADER.indexOf('Missing data share')]).toBe(0.75);
    expect(h[HISTORY_HEADER.indexOf('Hand-offs missing data')]).toBe(3);
  });

  it('is green when every hand-off has the data', () => {
    const complete = reviewOf([HANDOFFS[2]!]);
    const line = complete.scorecards.marketing.find((l) => l.id === 'missingDataShare')!;
    expect(line.actual).toBe(0);
    expect(line.status).toBe('green');
  });

  describe('no data when the agreement requires nothing the sheet has', () => {
    const nothingRequired = settingsWith((s) => {
      s.agreed = true;
    });
    const cases: Array<{ name: string; settings: Settings; header: string[] }> = [
      { name: 'nothing is required', settings: nothingRequired, header: HEADER },
      {
        name: 'the required columns are not in the sheet',
        settings: REQUIRING,
        header: HEADER.filter((h) => h !== 'Phone' && h !== 'Email'),
      },
    ];
    it.each(cases)('$name: "no data" in every view, never 0 %', ({ settings, header }) => {
      const rows = HANDOFFS.map((cells) => header.map((h) => cells[HEADER.indexOf(h)] ?? ''));
      const none = review(rows, '2026-03', { header, settings });
      for (const id of ['missingDataShare', 'missingData'] as const) {
        expect(none.noData[id]).toBe(
          'no data (the agreement requires no value the leads sheet has a column for: name them in the sidebar, Terms)',
        );
        expect(kpiValue(id, none.current, none.noData)).toBeNull();
      }
      const line = none.scorecards.marketing.find((l) => l.id === 'missingDataShare')!;
      expect(line.actual).toBeNull();
      expect(line.status).toBe('none');
      expect(line.note).toBe(none.noData.missingDataShare);
      expect(none.trend.find((t) => t.id === 'missingDataShare')!.current).toBeNull();
      const h = historyRow(none, new Date(NOW));
      expect(h[HISTORY_HEADER.indexOf('Hand-offs missing data')]).toBe('');
      const t = groupTable('By source', 'Source', none.bySource, true, false, none.noData);
      for (const cells of t.rows) {
        expect(cells[t.header.indexOf('Hand-offs missing data')]).toBe('no data');
        expect(cells[t.header.indexOf('Required values lacking')]).toBe('');
      }
    });
  });
});

// ------------------------------------------------------------------------------------------
// Returned leads

const RETURNS = [
  // R1 returned for an agreed reason (the row says more than the reason), last attempt in March
  row({
    'Lead ID': 'R1',
    Name: 'Ruth',
    Source: 'Web',
    Owner: 'Alice',
    Stage: 'Recycled',
    'Rejected reason': 'Bad timing - call in Q3',
    'Handed off at': '2026-03-02 10:00',
    'Last attempt at': '2026-03-10 11:00',
    Attempts: 2,
  }),
  // R2 returned for a reason the agreement does not list, written like a formula
  row({
    'Lead ID': 'R2',
    Source: 'Webinar',
    Owner: 'Bob',
    Stage: 'Recycled',
    'Rejected reason': '=too small',
    'Handed off at': '2026-03-03 10:00',
  }),
  // R3 handed off in February, five attempts with no answer, the last one in March
  row({
    'Lead ID': 'R3',
    Source: 'Web',
    Owner: 'Alice',
    Stage: 'SQL',
    'Handed off at': '2026-02-20 10:00',
    'Last attempt at': '2026-03-12 16:00',
    Attempts: 5,
  }),
  // R4 recycled with no reason, last attempt in April: April's return
  row({
    'Lead ID': 'R4',
    Source: 'Web',
    Owner: 'Bob',
    Stage: 'Recycled',
    'Handed off at': '2026-03-16 10:00',
    'Last attempt at': '2026-04-02 10:00',
    Attempts: 2,
  }),
  // R5 recycled, no reason, no attempt date: dated by its clock start
  row({
    'Lead ID': 'R5',
    Source: 'Web',
    Owner: 'Alice',
    Stage: 'Recycled',
    'Handed off at': '2026-03-20 10:00',
  }),
  // R6 an opportunity after six attempts: not returned
  row({
    'Lead ID': 'R6',
    Source: 'Web',
    Stage: 'Opportunity',
    'Handed off at': '2026-03-04 10:00',
    Attempts: 6,
  }),
];

describe('leads returned to marketing', () => {
  const r = reviewOf(RETURNS);

  it('lists the returns of the month, dated by their last attempt, else their clock start', () => {
    expect(r.returned.map((x) => [x.leadId, new Date(x.at).toISOString()])).toEqual([
      ['R2', '2026-03-03T10:00:00.000Z'],
      ['R1', '2026-03-10T11:00:00.000Z'],
      ['R3', '2026-03-12T16:00:00.000Z'],
      ['R5', '2026-03-20T10:00:00.000Z'],
    ]);
    expect(r.returned.find((x) => x.leadId === 'R1')).toMatchObject({
      row: 2,
      name: 'Ruth',
      owner: 'Alice',
      reason: 'Bad timing',
      track: 'Long-term nurture',
      agreed: true,
    });
    expect(r.returned.find((x) => x.leadId === 'R3')).toMatchObject({
      reason: 'No answer after 5 attempts',
      track: 'Re-engagement nurture',
      agreed: true,
    });
    expect(r.returned.find((x) => x.leadId === 'R2')).toMatchObject({
      reason: '=too small',
      track: null,
      agreed: false,
    });
  });

  it('counts them in the classification: the list, the scorecard and the groups agree', () => {
    expect(r.current.sales.returned).toBe(r.returned.length);
    expect(r.current.sales.returnedAgreed).toBe(2);
    const line = r.scorecards.sales.find((l) => l.id === 'returned')!;
    expect(line.actual).toBe(4);
    expect(line.note).toBe(
      '2 after the attempts with no answer or for an agreed reason; 2 for a reason the agreement does not list, to re-evaluate (listed below)',
    );
    for (const groups of [r.bySource, r.byOwner])
      expect(groups.reduce((n, g) => n + g.figures.sales.returned, 0)).toBe(4);
    expect(historyRow(r, new Date(NOW))[HISTORY_HEADER.indexOf('Returned')]).toBe(4);
  });

  it('puts a return in the month of its last attempt, once', () => {
    const april = reviewOf(RETURNS, '2026-04');
    expect(april.returned.map((x) => x.leadId)).toEqual(['R4']);
    const feb = reviewOf(RETURNS, '2026-02');
    expect(feb.returned).toEqual([]);
  });

  it('writes the returned leads as text, with their track or what to do', () => {
    const t = returnedTable(r.returned);
    expect(t.title).toBe('Leads returned to marketing (4): reason and nurture track');
    expect(t.header.slice(-4)).toEqual(['Returned on', 'Reason', 'Nurture track', 'Agreed reason']);
    const r2 = t.rows[0]!;
    expect(r2.slice(-3)).toEqual(["'=too small", 'none: re-evaluate together', 'no']);
    expect(r2[6]).toEqual(new Date('2026-03-03T10:00:00Z'));
    expect(t.rows[3]!.slice(-3)).toEqual(['(no reason given)', 'none: re-evaluate together', 'no']);
    expect(returnedTable([]).rows).toEqual([['None this month']]);
  });

  it('says how a return is dated in the definitions', () => {
    const def = REVIEW_DEFINITIONS.find(([f]) => f === KPIS.returned.label)![1];
    expect(def).toContain('the month of its last attempt');
    expect(def).toContain('else of its clock start');
  });
});

// ------------------------------------------------------------------------------------------
// Attempts by channel

const LOG_HEADER = ['Lead ID', 'Activity date', 'Type', 'Status'];
const CHANNEL_LEADS = [
  row({ 'Lead ID': 'C1', Source: 'Web', 'Handed off at': '2026-03-02 10:00', Attempts: 2 }),
  row({ 'Lead ID': 'C2', Source: 'Web', 'Handed off at': '2026-03-10 10:00' }),
  // no attempts in the sheet: the log's five calls are its attempts, and its return's date
  row({ 'Lead ID': 'C3', Source: 'Web', Stage: 'SQL', 'Handed off at': '2026-03-02 10:00' }),
];
const at = (d: string) => new Date(`${d}:00Z`);
const LOG_ROWS = [
  ['C1', at('2026-03-02T11:00'), 'Call', 'Completed'],
  ['C1', at('2026-03-03T11:00'), 'Outbound call', 'Completed'],
  ['C1', at('2026-03-04T11:00'), 'Email', 'Completed'],
  ['C1', at('2026-03-05T11:00'), 'Zoom meeting', 'Completed'],
  ['C1', at('2026-03-06T11:00'), 'Fax', 'Completed'],
  ['C1', at('2026-03-07T11:00'), '', 'Completed'],
  ['C1', at('2026-03-09T11:00'), 'Call', 'Not Started'], // planned: never an attempt
  ['C1', at('2026-02-20T11:00'), 'Call', 'Completed'], // before its clock start
  ['C2', at('2026-03-09T15:00'), 'Email', 'Completed'], // within a day before: counts
  ['C2', at('2026-04-02T10:00'), 'Call', 'Completed'], // April
  ['X9', at('2026-03-03T10:00'), 'Call', 'Completed'], // no lead of the sheet
  ...[2, 3, 4, 5, 6].map((d) => ['C3', at(`2026-03-0${d}T15:00`), 'Call', 'Completed']),
];

function logOf(rows: unknown[][]) {
  return readActivityLog(LOG_HEADER, rows, { localeOrder: 'dmy', clock: UTC, nowMs: NOW });
}

describe('attempts by channel', () => {
  const r = review(CHANNEL_LEADS, '2026-03', {
    header: HEADER,
    settings: REQUIRING,
    activities: logOf(LOG_ROWS),
  });

  it("counts the month's logged attempts by agreed channel, then the others", () => {
    expect(r.byChannel).toEqual([
      { channel: 'Phone', agreed: true, attempts: 7 },
      { channel: 'E-mail', agreed: true, attempts: 2 },
      { channel: 'Video call', agreed: true, attempts: 1 },
      { channel: 'Other (not an agreed channel)', agreed: false, attempts: 1 },
      { channel: 'No type in the log', agreed: false, attempts: 1 },
    ]);
  });

  it('adds up to the attempts the join counts in the month, by source too', () => {
    const total = r.byChannel!.reduce((n, c) => n + c.attempts, 0);
    expect(total).toBe(12);
    const bySource = r.bySource.flatMap((g) => [...g.figures.keyed.channel.values()]);
    expect(bySource.reduce((a, b) => a + b, 0)).toBe(total);
  });

  it("dates a return found from the log's attempts by the last of them", () => {
    expect(r.returned.map((x) => [x.leadId, x.reason, new Date(x.at).toISOString()])).toEqual([
      ['C3', 'No answer after 5 attempts', '2026-03-06T15:00:00.000Z'],
    ]);
  });

  it('is a small table under sales, with shares of all attempts logged', () => {
    const t = channelTable(r)!;
    expect(t.header).toEqual(['Channel', 'Attempts', 'Share of attempts']);
    expect(t.rows.at(-1)).toEqual(['All attempts logged', 12, 1]);
    expect(t.rows[0]).toEqual(['Phone', 7, 7 / 12]);
    const ids = reviewLayout(r, { generatedAt: new Date(NOW) }).blocks.map((b) => b.id);
    expect(ids.indexOf('channels')).toBe(ids.indexOf('sales') + 1);
  });

  it('lists every agreed channel of a month without logged attempts', () => {
    const quiet = review(CHANNEL_LEADS, '2026-01', {
      header: HEADER,
      settings: REQUIRING,
      activities: logOf(LOG_ROWS),
    });
    expect(quiet.byChannel!.map((c) => c.attempts)).toEqual([0, 0, 0, 0]);
    expect(channelTable(quiet)!.rows.at(-1)).toEqual(['All attempts logged', 0, '']);
  });

  it('is absent, not a table of zeros, when no activity log is read', () => {
    const without = reviewOf(CHANNEL_LEADS);
    expect(without.byChannel).toBeNull();
    expect(channelTable(without)).toBeNull();
    const ids = reviewLayout(without, { generatedAt: new Date(NOW) }).blocks.map((b) => b.id);
    expect(ids).not.toContain('channels');
  });

  it('finds the channel from the type as written, else from the kind the log words give', () => {
    const channels = ['Phone', 'E-mail', 'Video call'];
    expect(attemptChannel({ type: 'Outbound call', kind: 'call' }, channels)).toBe('Phone');
    // Bitrix24's TYPE_ID 2 is a call; Zoho's calls log has no type column at all
    expect(attemptChannel({ type: '2', kind: 'call' }, channels)).toBe('Phone');
    expect(attemptChannel({ type: 'Teams meeting', kind: 'meeting' }, channels)).toBe('Video call');
    expect(attemptChannel({ type: 'LinkedIn message', kind: null }, channels)).toBe(OTHER_CHANNEL);
    expect(attemptChannel({ type: '', kind: null }, channels)).toBe(UNTYPED_CHANNEL);
    expect(
      attemptChannel({ type: 'LinkedIn message', kind: null }, [...channels, 'LinkedIn']),
    ).toBe('LinkedIn');
  });
});
