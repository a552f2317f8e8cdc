/**
 * The review recounted by a second, deliberately simple counter that reads the rows as written
 * (no field map, no business calendar, no classification), over generated months and a month
 * shaped like a Zoho CRM export; and the invariants every review must hold whatever the rows:
 * breakdowns add up to the month, the funnel never grows, every view shows the same figure.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type ActivityLog, readActivityLog } from '../../../src/core/read/activityLog.ts';
import { HISTORY_HEADER, historyRow } from '../../../src/core/review/history.ts';
import { KPI_IDS, kpiColumn } from '../../../src/core/review/kpis.ts';
import type { Review } from '../../../src/core/review/review.ts';
import { kpiValue } from '../../../src/core/review/scorecards.ts';
import { groupTable } from '../../../src/core/review/sections.ts';
import { REVIEW_HEADER, rowOf } from '../../fixtures/leads.ts';
import { review, settingsWith, UTC } from '../../fixtures/review.ts';

// ------------------------------------------------------------------------------------------
// Generated months: canonical headers, every lead Hot (1 business hour), handed off at 10:00 on
// a weekday, first contacted 20 minutes later (on time) or two days later (late), or not at all.

const WEEKDAYS = [
  '2026-02-24',
  '2026-03-03',
  '2026-03-11',
  '2026-03-19',
  '2026-03-26',
  '2026-04-07',
];
const STAGES = [
  '',
  'Lead',
  'MQL',
  'SQL',
  'Opportunity',
  'Customer',
  'Lost',
  'Rejected',
  'Recycled',
];
const SOURCES = ['Web', 'webinar', 'Webinar', 'Outbound', 'Partner', ''];
const OWNERS = ['Alice', 'alice', 'Bob', 'Chloé', ''];

interface Gen {
  id: string;
  created: string | null;
  mql: string | null;
  handedOff: string | null;
  contact: 'none' | 'soon' | 'late';
  stage: string;
  reason: string;
  attempts: number | null;
  won: string | null;
  value: number | null;
  source: string;
  owner: string;
  /** The phone the agreement requires at hand-off is filled in. */
  phone: boolean;
  lastAttempt: string | null;
}

const day = fc.constantFrom(...WEEKDAYS);
const lead: fc.Arbitrary<Gen> = fc.record({
  id: fc.constant(''),
  created: fc.option(day, { nil: null }),
  mql: fc.option(day, { nil: null }),
  handedOff: fc.option(day, { nil: null }),
  contact: fc.constantFrom('none', 'soon', 'late'),
  stage: fc.constantFrom(...STAGES),
  // `Bad timing` is a return reason the agreement lists, `No budget` is not
  reason: fc.constantFrom('', '', '', 'No budget', 'Bad timing'),
  attempts: fc.option(fc.integer({ min: 0, max: 6 }), { nil: null }),
  won: fc.option(day, { nil: null, freq: 4 }),
  value: fc.option(fc.integer({ min: 100, max: 9000 }), { nil: null }),
  source: fc.constantFrom(...SOURCES),
  owner: fc.constantFrom(...OWNERS),
  phone: fc.boolean(),
  lastAttempt: fc.option(day, { nil: null }),
});

const plusDays = (d: string, n: number) =>
  new Date(Date.parse(`${d}T00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

function rowOfGen(g: Gen): unknown[] {
  const contact =
    g.handedOff && g.contact === 'soon'
      ? `${g.handedOff} 10:20`
      : g.handedOff && g.contact === 'late'
        ? `${plusDays(g.handedOff, 2)} 10:00`
        : '';
  return rowOf(GEN_HEADER, {
    'Lead ID': g.id,
    Phone: g.phone ? '+33 1 23 45 67 89' : '',
    'Last attempt at': lastAttemptOf(g) ? `${lastAttemptOf(g)} 16:00` : '',
    Source: g.source,
    Owner: g.owner,
    Priority: 'Hot',
    Stage: g.stage,
    'Created at': g.created ? `${g.created} 09:00` : '',
    'MQL at': g.mql ? `${g.mql} 09:30` : '',
    'Handed off at': g.handedOff ? `${g.handedOff} 10:00` : '',
    'First contact at': contact,
    Attempts: g.attempts ?? '',
    'Rejected reason': g.reason,
    'Won at': g.won ? `${g.won} 15:00` : '',
    'Deal value': g.value ?? '',
  });
}

const GEN_HEADER = [...REVIEW_HEADER, 'Phone', 'Last attempt at'];

const inMarch = (d: string | null) => d?.startsWith('2026-03') === true;

/** Agreed returns: the listed reason, or none after the 5 attempts (no answer). */
function returnOf(g: Gen, attempts: number): 'agreed' | 'other' | null {
  if (!g.handedOff) return null;
  const usedUp = attempts >= 5;
  if (g.stage === 'Recycled') {
    if (g.reason === 'Bad timing') return 'agreed';
    return g.reason === '' && usedUp ? 'agreed' : 'other';
  }
  const open = ['', 'Lead', 'MQL', 'SQL'].includes(g.stage);
  return open && g.reason === '' && usedUp ? 'agreed' : null;
}

/**
 * The last attempt written in the row: only beside a first-contact time, where it cannot change
 * the first contact's outcome (a last-contact date is evidence of contact).
 */
function lastAttemptOf(g: Gen): string | null {
  return g.handedOff && g.contact !== 'none' ? g.lastAttempt : null;
}

/** The day a return is dated: its last attempt, not before the hand-off; else the hand-off. */
function returnDay(g: Gen, lastLogged: string | null): string {
  const last = lastAttemptOf(g) ?? lastLogged;
  return last !== null && last >= g.handedOff! ? last : g.handedOff!;
}
const CLOSED = new Set(['Customer', 'Lost', 'Rejected', 'Recycled']);
const RANK: Record<string, number> = { Lead: 0, MQL: 1, SQL: 2, Opportunity: 3, Customer: 4 };

/** The simple counter: March 2026, read straight from what the generator wrote. */
function recount(leads: readonly Gen[]) {
  const c = {
    created: 0,
    mql: 0,
    handedOff: 0,
    rejected: 0,
    recycled: 0,
    onTime: 0,
    late: 0,
    never: 0,
    untimed: 0,
    closed: 0,
    won: 0,
    wonValue: 0,
    funnel: [0, 0, 0, 0, 0],
    missingData: 0,
    returned: 0,
    returnedAgreed: 0,
  };
  for (const g of leads) {
    const returned = returnOf(g, g.attempts ?? 0);
    if (returned && inMarch(returnDay(g, null))) {
      c.returned++;
      if (returned === 'agreed') c.returnedAgreed++;
    }
    if (inMarch(g.created)) {
      let rank = RANK[g.stage] ?? 0;
      if (g.handedOff) rank = Math.max(rank, 2);
      if (g.mql) rank = Math.max(rank, 1);
      if (g.won) rank = 4;
      for (let s = 0; s <= rank; s++) c.funnel[s]!++;
      c.created++;
    }
    if (inMarch(g.mql)) c.mql++;
    if (inMarch(g.won)) {
      c.won++;
      c.wonValue += g.value ?? 0;
    }
    if (!inMarch(g.handedOff)) continue;
    c.handedOff++;
    if (!g.phone) c.missingData++;
    const rejected = g.stage === 'Rejected' || g.reason !== '';
    if (rejected) c.rejected++;
    if (g.stage === 'Recycled') c.recycled++;
    if (g.contact === 'soon') c.onTime++;
    else if (g.contact === 'late') c.late++;
    else if (g.attempts !== 0 && ((g.attempts ?? 0) > 0 || g.stage === 'Opportunity')) c.untimed++;
    else if (rejected || CLOSED.has(g.stage)) c.closed++;
    else c.never++;
  }
  return c;
}

/** A team that agreed its settings: a phone is required at hand-off. */
const AGREED = settingsWith((s) => {
  s.agreed = true;
  s.agreement.requiredFields.handoff = ['Phone'];
});
/** 1 May 2026: every March deadline has passed. */
const MAY = Date.UTC(2026, 4, 1, 8, 0);

/** The generated leads, each with its own Lead ID (the activity log's key). */
function withIds(leads: readonly Gen[]): Gen[] {
  return leads.map((g, i) => ({ ...g, id: `G${i + 1}` }));
}

function reviewOf(leads: readonly Gen[], activities: ActivityLog | null = null): Review {
  return review(withIds(leads).map(rowOfGen), '2026-03', {
    header: GEN_HEADER,
    settings: AGREED,
    now: MAY,
    activities,
  });
}

function counted(r: Review) {
  const m = r.current;
  return {
    created: m.marketing.newLeads,
    mql: m.marketing.mqlDelivered,
    handedOff: m.marketing.handedOff,
    rejected: m.marketing.rejected,
    recycled: m.sales.recycled,
    onTime: m.sales.onTime,
    late: m.sales.contactedLate,
    never: m.sales.neverContacted,
    untimed: m.sales.untimed,
    closed: m.sales.closed,
    won: m.revenue.won,
    wonValue: m.revenue.wonValue,
    missingData: m.marketing.missingData,
    returned: m.sales.returned,
    returnedAgreed: m.sales.returnedAgreed,
    funnel: [
      m.funnel.leads,
      m.funnel.mql,
      m.funnel.sql,
      m.funnel.opportunities,
      m.funnel.customers,
    ],
  };
}

const months = fc.array(lead, { minLength: 0, maxLength: 40 });

describe('a second, simple counter over generated months', () => {
  it('counts every figure of the month as the review does', () => {
    fc.assert(
      fc.property(months, (leads) => {
        expect(counted(reviewOf(leads))).toEqual(recount(leads));
      }),
      { numRuns: 150 },
    );
  });

  it('counts each source and each owner as the review does', () => {
    fc.assert(
      fc.property(months, (leads) => {
        const r = reviewOf(leads);
        const key = (s: string) => s.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
        for (const [rows, of] of [
          [r.bySource, (g: Gen) => g.source],
          [r.byOwner, (g: Gen) => g.owner],
        ] as const) {
          for (const row of rows) {
            const mine = leads.filter(
              (g) => key(of(g)) === key(row.key === '(none)' ? '' : row.key),
            );
            const simple = recount(mine);
            expect(row.handedOff).toBe(simple.handedOff);
            expect(row.newLeads).toBe(simple.created);
            expect(row.neverContacted).toBe(simple.never);
            expect(row.figures.sales.untimed).toBe(simple.untimed);
            expect(row.wonValue).toBe(simple.wonValue);
            expect(row.figures.marketing.missingData).toBe(simple.missingData);
            expect(row.figures.sales.returned).toBe(simple.returned);
          }
        }
      }),
      { numRuns: 100 },
    );
  });
});

// ------------------------------------------------------------------------------------------
// The same months with an activity log: each lead's calls, e-mails and meetings, done or planned,
// at 11:00 or 15:00 on the generator's days (none of them the day before another).

interface GenActivity {
  lead: number;
  day: string;
  hour: '11' | '15';
  type: string;
  done: boolean;
}

const TYPES: Record<string, string> = {
  Call: 'Phone',
  'Outbound call': 'Phone',
  Email: 'E-mail',
  'Zoom meeting': 'Video call',
  Fax: 'other',
  '': 'untyped',
};

const activity = (leads: number): fc.Arbitrary<GenActivity> =>
  fc.record({
    lead: fc.integer({ min: 0, max: Math.max(0, leads - 1) }),
    day,
    hour: fc.constantFrom('11' as const, '15' as const),
    type: fc.constantFrom(...Object.keys(TYPES)),
    done: fc.boolean(),
  });

const monthsWithLog = months.chain((leads) =>
  fc.tuple(fc.constant(leads), fc.array(activity(leads.length), { maxLength: 60 })),
);

function logOf(acts: readonly GenActivity[]): ActivityLog {
  const header = ['Lead ID', 'Activity date', 'Type', 'Status'];
  const rows = acts.map((a) => [
    `G${a.lead + 1}`,
    new Date(`${a.day}T${a.hour}:00:00Z`),
    a.type,
    a.done ? 'Completed' : 'Not Started',
  ]);
  return readActivityLog(header, rows, { localeOrder: 'dmy', clock: UTC, nowMs: MAY });
}

/** The simple counter of the log: done, on or after the lead's hand-off day, by type as written. */
function recountLog(leads: readonly Gen[], acts: readonly GenActivity[]) {
  const channels: Record<string, number> = {};
  let returned = 0;
  leads.forEach((g, i) => {
    const mine = acts.filter(
      (a) => a.lead === i && a.done && (!g.handedOff || a.day >= g.handedOff),
    );
    for (const a of mine.filter((x) => inMarch(x.day))) {
      const channel = TYPES[a.type]!;
      channels[channel] = (channels[channel] ?? 0) + 1;
    }
    const lastLogged = mine.reduce<string | null>(
      (d, a) => (d === null || a.day > d ? a.day : d),
      null,
    );
    if (returnOf(g, g.attempts ?? mine.length) && inMarch(returnDay(g, lastLogged))) returned++;
  });
  return { channels, returned };
}

describe('a second, simple counter over generated months with an activity log', () => {
  it('counts the attempts by channel and the returns as the review does', () => {
    fc.assert(
      fc.property(monthsWithLog, ([leads, acts]) => {
        const r = reviewOf(leads, logOf(acts));
        const simple = recountLog(leads, acts);
        const shown = Object.fromEntries(
          r.byChannel!.filter((c) => c.attempts > 0).map((c) => [c.channel, c.attempts]),
        );
        const expected = Object.fromEntries(
          Object.entries(simple.channels).map(([k, n]) => [
            k === 'other'
              ? 'Other (not an agreed channel)'
              : k === 'untyped'
                ? 'No type in the log'
                : k,
            n,
          ]),
        );
        expect(shown).toEqual(expected);
        expect(r.current.sales.returned).toBe(simple.returned);
        expect(r.returned).toHaveLength(simple.returned);
        // the sources' and owners' attempts by channel add up to the month's
        for (const rows of [r.bySource, r.byOwner]) {
          const sum = rows.reduce(
            (n, g) => n + [...g.figures.keyed.channel.values()].reduce((a, b) => a + b, 0),
            0,
          );
          expect(sum).toBe(r.byChannel!.reduce((n, c) => n + c.attempts, 0));
        }
      }),
      { numRuns: 100 },
    );
  });
});

// ------------------------------------------------------------------------------------------
// Invariants of any review

/** The counts of a month that a breakdown must add up to. */
const ADDITIVE = [
  'created',
  'mql',
  'handedOff',
  'rejected',
  'never',
  'untimed',
  'closed',
  'won',
  'missingData',
  'returned',
  'returnedAgreed',
] as const;

describe('every review', () => {
  it('has breakdowns that add up to the month, and a funnel that never grows', () => {
    fc.assert(
      fc.property(months, (leads) => {
        const r = reviewOf(leads);
        const c = r.current.count;
        for (const rows of [r.bySource, r.byOwner]) {
          for (const id of ADDITIVE) {
            const sum = rows.reduce(
              (n, g) => n + g.figures.count[id === 'never' ? 'never' : id],
              0,
            );
            expect(sum, id).toBe(c[id]);
          }
          const value = rows.reduce((n, g) => n + g.figures.revenue.wonValue, 0);
          expect(value).toBe(r.current.revenue.wonValue);
        }
        const f = r.current.funnel;
        const stages = [f.leads, f.mql, f.sql, f.opportunities, f.customers];
        for (let i = 1; i < stages.length; i++)
          expect(stages[i]).toBeLessThanOrEqual(stages[i - 1]!);
        // each hand-off has exactly one first-contact outcome
        const s = r.current.sales;
        expect(
          s.onTime + s.contactedLate + s.neverContacted + s.pending + s.untimed + s.closed,
        ).toBe(s.handedOff);
        expect(s.measured).toBe(s.onTime + s.contactedLate + s.neverContacted);
      }),
      { numRuns: 150 },
    );
  });

  it('shows one figure in every view: scorecard, headline, trend, History, breakdown cells', () => {
    fc.assert(
      fc.property(months, (leads) => {
        const r = reviewOf(leads);
        const row = historyRow(r, new Date(MAY));
        for (const id of KPI_IDS) {
          const value = kpiValue(id, r.current, r.noData);
          const cell = row[HISTORY_HEADER.indexOf(kpiColumn(id))];
          expect(cell, id).toBe(value ?? '');
          const trend = r.trend.find((t) => t.id === id);
          if (trend) expect(trend.current, id).toBe(value);
          const headline = r.headline.find((h) => h.id === id);
          if (headline) expect(headline.current, id).toBe(value);
          const line = Object.values(r.scorecards)
            .flat()
            .find((l) => l.id === id);
          if (line) expect(line.actual, id).toBe(value);
        }
        // a source's cells read "no data" exactly where the month's figure has none
        const table = groupTable('By source', 'Source', r.bySource, true, false, r.noData);
        table.rows.forEach((cells) => {
          table.header.forEach((h, i) => {
            const id = KPI_IDS.find((k) => kpiColumn(k) === h);
            if (id && r.noData[id] !== undefined) expect(cells[i]).toBe('no data');
          });
        });
      }),
      { numRuns: 80 },
    );
  });
});

// ------------------------------------------------------------------------------------------
// A month shaped like a Zoho CRM Leads export: Lead Status words, Created Time the only date, no
// first-contact time, no MQL date; 2018 to 2021 in the sheet, March 2021 reviewed.

const ZOHO_HEADER = [
  'Record Id',
  'Lead Owner',
  'Company',
  'Lead Source',
  'Lead Status',
  'Created Time',
];
const ZOHO_STATUSES = [
  'Not Contacted',
  'Attempted to Contact',
  'Contacted',
  'Contact in Future',
  'Junk Lead',
  'Lost Lead',
  'Not Qualified',
  'Pre-Qualified',
  '-None-',
];
const ZOHO_DAYS = ['2021-03-02', '2021-03-09', '2021-03-17', '2021-03-24'];

interface ZohoLead {
  status: string;
  created: string;
  source: string;
  owner: string;
}

const zohoLead: fc.Arbitrary<ZohoLead> = fc.record({
  status: fc.constantFrom(...ZOHO_STATUSES),
  created: fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...ZOHO_DAYS) },
    {
      weight: 2,
      arbitrary: fc.constantFrom('2018-06-12', '2020-11-03', '2021-02-16', '2021-04-06'),
    },
  ),
  source: fc.constantFrom('Web Download', 'Advertisement', 'Cold Call', 'Trade Show'),
  owner: fc.constantFrom('Priya Shah', 'Tom Berg'),
});

function zohoRows(leads: readonly ZohoLead[]): unknown[][] {
  return leads.map((l, i) =>
    rowOf(ZOHO_HEADER, {
      'Record Id': `zcrm_5725767000000${String(411001 + i)}`,
      'Lead Owner': l.owner,
      Company: 'Globex',
      'Lead Source': l.source,
      'Lead Status': l.status,
      'Created Time': `${l.created} 10:00:00`,
    }),
  );
}

/** The simple counter of the Zoho month, from the status words as Zoho documents them. */
function recountZoho(leads: readonly ZohoLead[]) {
  const march = leads.filter((l) => l.created.startsWith('2021-03'));
  const count = (words: string[]) => march.filter((l) => words.includes(l.status)).length;
  return {
    created: march.length,
    never: count(['Not Contacted', '-None-', 'Pre-Qualified']),
    untimed: count(['Attempted to Contact', 'Contacted', 'Contact in Future']),
    closed: count(['Junk Lead', 'Lost Lead', 'Not Qualified']),
    rejected: count(['Junk Lead', 'Not Qualified']),
    funnelMql: count(['Pre-Qualified']),
    sheetUntimed: leads.filter((l) =>
      ['Attempted to Contact', 'Contacted', 'Contact in Future'].includes(l.status),
    ).length,
  };
}

describe('a month shaped like a Zoho CRM export, recounted', () => {
  it('counts its figures as the status words say, and says "no data" where Zoho has no column', () => {
    fc.assert(
      fc.property(fc.array(zohoLead, { minLength: 1, maxLength: 60 }), (leads) => {
        const r = review(zohoRows(leads), '2021-03', {
          header: ZOHO_HEADER,
          settings: AGREED,
          now: Date.UTC(2021, 3, 20, 8, 0),
        });
        const simple = recountZoho(leads);
        const m = r.current;
        expect(m.marketing.newLeads).toBe(simple.created);
        // the clock starts at creation: every lead created in March is a hand-off of March
        expect(m.marketing.handedOff).toBe(simple.created);
        expect(m.sales.neverContacted).toBe(simple.never);
        expect(m.sales.untimed).toBe(simple.untimed);
        expect(m.sales.closed).toBe(simple.closed);
        expect(m.marketing.rejected).toBe(simple.rejected);
        // the funnel: creation proves no stage; Lost and Junk prove none either
        expect(m.funnel).toEqual({
          leads: simple.created,
          mql: simple.funnelMql,
          sql: 0,
          opportunities: 0,
          customers: 0,
        });
        // no contact time, no MQL date, no deal: no data in every view, never a 0
        for (const id of [
          'onTimeShare',
          'medianHoursToContact',
          'mqlDelivered',
          'wonValue',
          // the agreement requires a phone the export has no column for
          'missingDataShare',
        ] as const) {
          expect(r.noData[id], id).toBeDefined();
          expect(kpiValue(id, m, r.noData)).toBeNull();
          for (const g of [...r.bySource, ...r.byOwner])
            expect(kpiValue(id, g.figures, r.noData)).toBeNull();
        }
        expect(r.quality.untimedContacts).toBe(simple.sheetUntimed);
      }),
      { numRuns: 100 },
    );
  });
});
