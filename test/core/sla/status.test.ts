import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { WEEKDAYS } from '../../../src/core/common/choices.ts';
import { defaultSettings, type HandoffSettings } from '../../../src/core/settings/index.ts';
import { createCalendar } from '../../../src/core/sla/calendar.ts';
import {
  type SlaContext,
  STATUS_WORDS,
  statusColor,
  statusWordOf,
} from '../../../src/core/sla/status.ts';
import { formatMinutes } from '../../../src/core/time/duration.ts';
import { fromWall, intlZoneClock } from '../../../src/core/time/zone.ts';
import {
  evaluateLead,
  type LeadSlaInput,
  readCount,
  readPriority,
  readStage,
  summarize,
} from '../../fixtures/slaStatus.ts';

const paris = intlZoneClock('Europe/Paris');
const settings = defaultSettings();
const calendar = createCalendar(settings.calendar, paris);
/** Paris wall time → instant */
const at = (y: number, mo: number, d: number, h = 0, mi = 0) =>
  fromWall(paris, { year: y, month: mo, day: d, hour: h, minute: mi });
// Monday 23 November 2026
const MON = (h: number, mi = 0) => at(2026, 11, 23, h, mi);

function ctx(nowMs: number, handoff: Partial<HandoffSettings> = {}): SlaContext {
  return { handoff: { ...settings.handoff, ...handoff }, calendar, clock: paris, nowMs };
}

function lead(over: Partial<LeadSlaInput>): LeadSlaInput {
  return {
    leadId: 'L-1',
    priority: '',
    stage: 'MQL',
    handedOffAt: '',
    firstContactAt: '',
    attempts: '',
    lastAttemptAt: '',
    ...over,
  };
}

describe('evaluateLead statuses', () => {
  it('Waiting when not handed off', () => {
    expect(evaluateLead(lead({}), ctx(MON(10)))).toEqual({
      status: 'Waiting',
      detail: 'Waiting',
      deadlineMs: null,
      nextAttemptMs: null,
    });
  });

  it('Closed for closed stages, whatever else the row holds', () => {
    for (const stage of ['Customer', 'lost', ' REJECTED ', 'Recycled']) {
      const r = evaluateLead(lead({ stage, handedOffAt: 'garbage', attempts: -1 }), ctx(MON(10)));
      expect(r.status).toBe('Closed');
      expect(r.detail).toBe('Closed');
      expect(r.nextAttemptMs).toBeNull();
    }
    const r = evaluateLead(
      lead({ stage: 'Customer', handedOffAt: new Date(MON(9)) }),
      ctx(MON(10)),
    );
    expect(r.deadlineMs).toBe(MON(17)); // Warm: 8 business hours
  });

  it('Due, At risk, Overdue by business time left', () => {
    const handed = { handedOffAt: new Date(MON(9)) }; // Warm → deadline 17:00
    expect(evaluateLead(lead(handed), ctx(MON(11, 50)))).toEqual({
      status: 'Due',
      detail: 'Due · 5 h 10 min left',
      deadlineMs: MON(17),
      nextAttemptMs: MON(17),
    });
    // 25 % of 8 h = 2 h: at 15:00 exactly 2 h are left → At risk
    expect(evaluateLead(lead(handed), ctx(MON(15))).detail).toBe('At risk · 2 h left');
    expect(evaluateLead(lead(handed), ctx(MON(14, 59))).detail).toBe('Due · 2 h 1 min left');
    expect(evaluateLead(lead(handed), ctx(MON(16, 35))).detail).toBe('At risk · 25 min left');
    // exactly at the deadline: not overdue yet
    expect(evaluateLead(lead(handed), ctx(MON(17))).detail).toBe('At risk · due now');
    expect(evaluateLead(lead(handed), ctx(MON(17) + 1)).detail).toBe('Overdue · 1 min late');
    // business time late: Tuesday 11:10 is 1 h (Mon) + 2 h 10 min (Tue) late
    expect(evaluateLead(lead(handed), ctx(at(2026, 11, 24, 11, 10))).detail).toBe(
      'Overdue · 3 h 10 min late',
    );
  });

  it('Overdue with no business time since the deadline says so', () => {
    // Hot (1 h) handed off Friday 17:00 → deadline Friday 18:00; Saturday noon
    const r = evaluateLead(
      lead({ priority: 'hot', handedOffAt: new Date(at(2026, 11, 20, 17)) }),
      ctx(at(2026, 11, 21, 12)),
    );
    expect(r.status).toBe('Overdue');
    expect(r.detail).toBe('Overdue · deadline passed');
    expect(r.deadlineMs).toBe(at(2026, 11, 20, 18));
  });

  it('Met on or before the deadline, Missed after', () => {
    const base = { handedOffAt: new Date(MON(9)), priority: 'Hot' }; // deadline 10:00
    const met = evaluateLead(lead({ ...base, firstContactAt: new Date(MON(9, 40)) }), ctx(MON(12)));
    expect(met.status).toBe('Met');
    expect(met.detail).toBe('Met · contacted in 40 min');
    expect(
      evaluateLead(lead({ ...base, firstContactAt: new Date(MON(10)) }), ctx(MON(12))).status,
    ).toBe('Met');
    expect(
      evaluateLead(lead({ ...base, firstContactAt: new Date(MON(9)) }), ctx(MON(12))).detail,
    ).toBe('Met · contacted in under 1 min');
    const missed = evaluateLead(
      lead({ ...base, firstContactAt: new Date(MON(12, 5)) }),
      ctx(MON(13)),
    );
    expect(missed.detail).toBe('Missed · 2 h 5 min late');
    // text dates in the spreadsheet zone work too
    expect(
      evaluateLead(
        lead({
          handedOffAt: '23/11/2026 09:00',
          firstContactAt: '2026-11-23 09:30',
          priority: 'HOT',
        }),
        ctx(MON(12)),
      ).detail,
    ).toBe('Met · contacted in 30 min');
  });

  describe('what counts as contact (no time, no verdict)', () => {
    // Hot: deadline Monday 10:00; now Monday 12:00
    const base = { handedOffAt: new Date(MON(9)), priority: 'Hot' };
    const now = ctx(MON(12));
    const run = (over: Partial<LeadSlaInput>, c = now) =>
      evaluateLead(lead({ ...base, ...over }), c);

    it('SQL is the hand-off, not a contact: the clock runs', () => {
      expect(run({ stage: 'SQL' }).detail).toBe('Overdue · 2 h late');
      expect(run({ stage: 'salesqualifiedlead', attempts: 0 }).status).toBe('Overdue');
    });

    it('a status word that says contacted, with no time, is Contacted: never Met', () => {
      const r = run({ leadStatus: 'Working - Contacted' });
      expect(r.status).toBe('Contacted');
      expect(r.detail).toBe(
        'Contacted · contacted ("Working - Contacted"), no contact time recorded: on time cannot be judged',
      );
      expect(r.untimed).toBe(true);
      expect(run({ stage: 'Opportunity' }).status).toBe('Contacted');
      expect(run({ leadStatus: 'Attempted to Contact' }).detail).toContain('attempted (');
    });

    it('an attempts count of 0 means no contact, whatever the status word says', () => {
      expect(run({ leadStatus: 'Contacted', attempts: 0 }).status).toBe('Overdue');
      expect(run({ leadStatus: 'Contacted', attempts: '' }).status).toBe('Contacted');
    });

    it('a count of attempts with no date is a contact without a time', () => {
      expect(run({ attempts: 3 }).detail).toBe(
        'Contacted · 3 attempts recorded, no contact time recorded: on time cannot be judged',
      );
    });

    it('one attempt counted: its date is the first contact', () => {
      const met = run({ attempts: 1, lastAttemptAt: new Date(MON(9, 20)) });
      expect(met.detail).toBe('Met · contacted in 20 min (Last attempt at)');
      expect(met.contact).toEqual({ at: MON(9, 20), dayOnly: false, source: 'lastAttemptAt' });
      expect(run({ attempts: 1, lastAttemptAt: new Date(MON(11)) }).detail).toBe(
        'Missed · 1 h late (Last attempt at)',
      );
    });

    it('a last contact on or before the deadline proves Met whatever the count; after it, not', () => {
      const met = run({ attempts: 3, lastAttemptAt: new Date(MON(9, 50)) });
      expect(met.status).toBe('Met');
      expect(met.detail).toBe('Met · contacted by 23 Nov 2026 09:50 (Last attempt at)');
      expect(met.contact).toEqual({ at: null, dayOnly: false, source: 'lastAttemptAt' });
      expect(run({ attempts: 3, lastAttemptAt: new Date(MON(11)) }).status).toBe('Contacted');
    });

    it('a response time from the clock start gives the first contact', () => {
      expect(run({ responseTime: '00:45:00' }).detail).toBe(
        'Met · contacted in 45 min (Response time)',
      );
      expect(run({ responseTime: 1.5 / 24 }).detail).toBe('Missed · 30 min late (Response time)');
    });

    it('the first contact time wins over every other source', () => {
      const r = run({
        firstContactAt: new Date(MON(9, 10)),
        responseTime: '02:00:00',
        attempts: 1,
        lastAttemptAt: new Date(MON(11)),
      });
      expect(r.detail).toBe('Met · contacted in 10 min');
    });

    it('a contact up to a day before the clock start counts at the start (a lead opened from a call)', () => {
      expect(run({ firstContactAt: new Date(MON(8)) }).detail).toBe(
        'Met · contacted in under 1 min',
      );
    });

    it('first conversation: attempts and attempt-only words prove nothing', () => {
      const conversation = ctx(MON(12), { firstContact: 'conversation' });
      expect(run({ leadStatus: 'Attempted to Contact' }, conversation).status).toBe('Overdue');
      expect(run({ attempts: 1, lastAttemptAt: new Date(MON(9, 20)) }, conversation).status).toBe(
        'Overdue',
      );
      expect(run({ responseTime: '00:10:00' }, conversation).status).toBe('Overdue');
      expect(run({ leadStatus: 'Connected' }, conversation).status).toBe('Contacted');
      expect(run({ firstContactAt: new Date(MON(9, 30)) }, conversation).status).toBe('Met');
    });

    it('rejecting with a reason answers the SLA', () => {
      const r = run({ stage: 'MQL', rejectedReason: 'Student, no budget' });
      expect(r.status).toBe('Closed');
      expect(r.detail).toBe('Closed · rejected: "Student, no budget"');
    });

    it('a column of days proves a verdict only when the whole day is on one side of the deadline', () => {
      const days = ctx(at(2026, 11, 26, 12));
      const cold = { priority: 'Cold', handedOffAt: new Date(MON(9)) }; // 16 h: Tuesday 16:00
      expect(run({ ...cold, firstContactAt: '2026-11-23' }, days).detail).toBe(
        'Met · contacted on 23 Nov 2026',
      );
      expect(run({ ...cold, firstContactAt: '2026-11-24' }, days).status).toBe('Contacted');
      expect(run({ ...cold, firstContactAt: '2026-11-25' }, days).status).toBe('Missed');
    });
  });

  describe('a value nobody knows never blocks a row', () => {
    it('an unknown stage is timed as an open lead, and says so', () => {
      const r = evaluateLead(
        lead({ handedOffAt: new Date(MON(9)), stage: 'Information Sent' }),
        ctx(MON(11)),
      );
      expect(r.status).toBe('Due');
      expect(r.detail).toBe(
        'Due · 6 h left · "Information Sent" not mapped (read as an open lead): map it in Fields',
      );
      expect(r.unmapped).toBe(true);
    });

    it('an unknown priority takes the default priority', () => {
      const r = evaluateLead(lead({ handedOffAt: new Date(MON(9)), priority: '2' }), ctx(MON(11)));
      expect(r.deadlineMs).toBe(MON(17)); // Warm
      expect(r.detail).toBe('Due · 6 h left · "2" not mapped: map it in Fields');
    });
  });

  it('a lead with no contact recorded, older than the tracking window, is Overdue and not tracked', () => {
    const r = evaluateLead(lead({ handedOffAt: new Date(at(2026, 8, 3, 9)) }), ctx(MON(10)));
    expect(r.status).toBe('Overdue');
    expect(r.detail).toBe(
      'Overdue · not tracked: no contact recorded; clock started 2026-08-03, over 60 days ago',
    );
    expect(r.untracked).toBe(true);
  });

  it('Recycle when attempts are used up without progress', () => {
    const r = evaluateLead(
      lead({ handedOffAt: new Date(MON(9)), attempts: 5, lastAttemptAt: new Date(MON(16)) }),
      ctx(MON(17)),
    );
    expect(r.status).toBe('Recycle');
    expect(r.detail).toBe('Recycle · 5 attempts, no answer');
    expect(r.nextAttemptMs).toBeNull();
    // with a first contact too, still Recycle (no progress)
    expect(
      evaluateLead(
        lead({
          handedOffAt: new Date(MON(9)),
          firstContactAt: new Date(MON(9, 5)),
          attempts: 7,
          stage: '',
        }),
        ctx(MON(17)),
      ).status,
    ).toBe('Recycle');
    // progressed stage: not recycled
    expect(
      evaluateLead(
        lead({
          handedOffAt: new Date(MON(9)),
          firstContactAt: new Date(MON(9, 5)),
          attempts: 5,
          stage: 'Opportunity',
        }),
        ctx(MON(17)),
      ).status,
    ).toBe('Met');
    // SQL is the hand-off, not progress: its attempts used up, it goes back to marketing
    expect(
      evaluateLead(lead({ handedOffAt: new Date(MON(9)), attempts: 5, stage: 'SQL' }), ctx(MON(17)))
        .status,
    ).toBe('Recycle');
  });

  it('next attempt: the deadline first, then last attempt + spacing in business days', () => {
    const handed = new Date(MON(9));
    expect(evaluateLead(lead({ handedOffAt: handed }), ctx(MON(10))).nextAttemptMs).toBe(MON(17));
    const r = evaluateLead(
      lead({
        handedOffAt: handed,
        firstContactAt: new Date(MON(9, 30)),
        attempts: 2,
        lastAttemptAt: new Date(at(2026, 11, 27, 11)),
      }),
      ctx(MON(10)),
    );
    expect(r.nextAttemptMs).toBe(at(2026, 11, 30, 11)); // Friday → Monday
    const noLast = evaluateLead(
      lead({ handedOffAt: handed, firstContactAt: new Date(MON(9, 30)), attempts: 1 }),
      ctx(MON(10)),
    );
    expect(noLast.nextAttemptMs).toBe(at(2026, 11, 24, 9, 30));
    const opportunity = evaluateLead(
      lead({
        handedOffAt: handed,
        firstContactAt: new Date(MON(9, 30)),
        attempts: 1,
        stage: 'Opportunity',
      }),
      ctx(MON(10)),
    );
    expect(opportunity.nextAttemptMs).toBeNull();
    const sql = evaluateLead(
      lead({ handedOffAt: handed, attempts: 0, stage: 'SQL' }),
      ctx(MON(10)),
    );
    expect(sql.nextAttemptMs).toBe(MON(17));
  });

  it('Check data names the column and the problem', () => {
    const now = ctx(MON(10));
    const cases: Array<[Partial<LeadSlaInput>, string]> = [
      [{ handedOffAt: 'next tuesday' }, 'Check data · Handed off at: "next tuesday" is not a date'],
      [{ handedOffAt: new Date(MON(9)), attempts: -1 }, 'Check data · Attempts: -1 is negative'],
      [
        { handedOffAt: new Date(MON(9)), attempts: 2.5 },
        'Check data · Attempts: 2.5 is not a whole number',
      ],
      [
        { handedOffAt: new Date(MON(9)), attempts: 'three' },
        'Check data · Attempts: "three" is not a whole number',
      ],
      [
        { firstContactAt: '31/02/2026' },
        'Check data · First contact at: "31/02/2026" is not a date (there is no 31 February 2026)',
      ],
      [{ lastAttemptAt: true }, 'Check data · Last attempt at: TRUE is not a date'],
      [
        { firstContactAt: new Date(MON(9)) },
        'Check data · Handed off at: is blank but First contact at is set',
      ],
      [
        { handedOffAt: new Date(MON(9)), firstContactAt: new Date(at(2026, 11, 20, 8)) },
        'Check data · First contact at: is more than a day before Handed off at',
      ],
      [
        {
          handedOffAt: new Date(MON(9)),
          lastAttemptAt: new Date(at(2026, 11, 20, 8)),
          attempts: 1,
        },
        'Check data · Last attempt at: is more than a day before Handed off at',
      ],
      [
        { handedOffAt: new Date(MON(9)), responseTime: 'soon' },
        'Check data · Response time: "soon" is not a duration (HH:mm:ss)',
      ],
      [{ handedOffAt: new Date(Number.NaN) }, 'Check data · Handed off at: is not a valid date'],
    ];
    for (const [over, detail] of cases) {
      const r = evaluateLead(lead(over), now);
      expect(r.status).toBe('Check data');
      expect(r.detail).toBe(detail);
      expect(r.problem).toBe(detail.slice('Check data · '.length));
    }
  });

  it('DST: the deadline and time left are in business time across the switch', () => {
    const all = createCalendar(
      {
        timeZone: 'Europe/Paris',
        hours: Object.fromEntries(
          WEEKDAYS.map((d) => [d, [{ start: '00:00', end: '24:00' }]]),
        ) as never,
        holidays: [],
      },
      paris,
    );
    const c: SlaContext = { ...ctx(at(2026, 3, 29, 1, 30)), calendar: all };
    // Sunday 29 March 00:30 + 8 business hours = 09:30 CEST (one wall hour skipped)
    const r = evaluateLead(lead({ handedOffAt: new Date(at(2026, 3, 29, 0, 30)) }), c);
    expect(r.deadlineMs).toBe(at(2026, 3, 29, 9, 30));
    expect(r.detail).toBe('Due · 7 h left');
    const autumn = evaluateLead(lead({ handedOffAt: new Date(at(2026, 10, 25, 0, 30)) }), {
      ...c,
      nowMs: at(2026, 10, 25, 1, 30),
    });
    expect(autumn.deadlineMs).toBe(at(2026, 10, 25, 7, 30));
  });

  it('never throws and always returns a status word (property)', () => {
    const cell = fc.oneof(
      fc.constant(''),
      fc.constant(null),
      fc.string(),
      fc.integer({ min: -10, max: 60000 }),
      fc.double(),
      fc.boolean(),
      fc.date({ min: new Date(Date.UTC(1800, 0, 1)), max: new Date(Date.UTC(2200, 0, 1)) }),
      fc.date(),
      fc.constantFrom(
        'Hot',
        'warm',
        'Lead',
        'MQL',
        'SQL',
        'Customer',
        '2026-11-23 10:00',
        '3',
        '23/11/2026',
      ),
      fc.anything(),
    );
    const handoffArb = fc.record({
      deadlineHours: fc.record({
        Hot: fc.double({ min: 0.01, max: 2000, noNaN: true }),
        Warm: fc.double({ min: 0.01, max: 2000, noNaN: true }),
        Cold: fc.double({ min: 0.01, max: 2000, noNaN: true }),
      }),
      defaultPriority: fc.constantFrom('Hot', 'Warm', 'Cold' as const),
      atRiskShare: fc.double({ min: 0, max: 0.99, noNaN: true }),
      maxAttempts: fc.integer({ min: 1, max: 50 }),
      attemptSpacingBusinessDays: fc.double({ min: 0.1, max: 30, noNaN: true }),
      clockStart: fc.constantFrom('auto', 'handedOffAt', 'mqlAt', 'createdAt' as const),
      firstContact: fc.constantFrom('attempt', 'conversation' as const),
      trackingDays: fc.integer({ min: 1, max: 3650 }),
    });
    fc.assert(
      fc.property(
        fc.record({
          leadId: cell,
          priority: cell,
          stage: cell,
          handedOffAt: cell,
          firstContactAt: cell,
          attempts: cell,
          lastAttemptAt: cell,
          leadStatus: cell,
          responseTime: cell,
          rejectedReason: cell,
        }),
        handoffArb,
        fc.integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) }),
        (input, handoff, nowMs) => {
          const r = evaluateLead(input, { handoff, calendar, clock: paris, nowMs });
          expect(STATUS_WORDS).toContain(r.status);
          expect(r.detail.startsWith(r.status)).toBe(true);
          expect(statusWordOf(r.detail)).toBe(r.status);
          // no verdict without the first contact it rests on
          if (r.status === 'Met' || r.status === 'Missed') expect(r.contact).toBeDefined();
          if (r.status === 'Contacted') expect(r.untimed).toBe(true);
        },
      ),
      { numRuns: 1000 },
    );
  });
});

describe('readers, colours, summary', () => {
  it('readCount', () => {
    expect(readCount('')).toEqual({ ok: true, value: 0 });
    expect(readCount(3)).toEqual({ ok: true, value: 3 });
    expect(readCount(' 4 ')).toEqual({ ok: true, value: 4 });
    expect(readCount('4.0')).toEqual({ ok: true, value: 4 });
    expect(readCount(new Date())).toMatchObject({ ok: false });
    expect(readCount(Number.POSITIVE_INFINITY)).toMatchObject({ ok: false });
  });

  it('readStage / readPriority', () => {
    expect(readStage(' opportunity ')).toEqual({ ok: true, value: 'Opportunity' });
    expect(readStage(null)).toEqual({ ok: true, value: null });
    expect(readStage(5)).toMatchObject({ ok: false });
    expect(readPriority('', 'Cold')).toEqual({ ok: true, value: 'Cold' });
    expect(readPriority('WARM', 'Cold')).toEqual({ ok: true, value: 'Warm' });
  });

  it('colours: red ones are red-dominant, none for neutral statuses', () => {
    const rgb = (hex: string) => [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    for (const s of ['Overdue', 'Missed'] as const) {
      const [r, g, b] = rgb(statusColor(s)!);
      expect(r! - Math.max(g!, b!)).toBeGreaterThanOrEqual(40);
    }
    for (const s of ['Waiting', 'Due', 'Closed'] as const) expect(statusColor(s)).toBeNull();
    expect(statusColor('At risk')).toBe('#fce8b2');
    expect(statusColor('Met')).toBe('#d9ead3');
    expect(new Set(STATUS_WORDS.map(statusColor)).size).toBe(7);
  });

  it('summarize counts every word', () => {
    const s = summarize([{ status: 'Due' }, { status: 'Due' }, { status: 'Met' }]);
    expect(s.Due).toBe(2);
    expect(s.Met).toBe(1);
    expect(s['Check data']).toBe(0);
    expect(Object.keys(s)).toEqual([...STATUS_WORDS]);
  });

  it('statusWordOf and durations', () => {
    expect(statusWordOf('At risk · 25 min left')).toBe('At risk');
    expect(statusWordOf('Hello')).toBeNull();
    expect(formatMinutes(25)).toBe('25 min');
    expect(formatMinutes(190)).toBe('3 h 10 min');
    expect(formatMinutes(180)).toBe('3 h');
    expect(formatMinutes(27 * 60 + 5)).toBe('27 h 5 min');
    expect(formatMinutes(140 * 60 + 5)).toBe('140 h');
  });
});

describe('speed (sanity)', () => {
  it('100,000 leads', () => {
    const c = ctx(at(2026, 11, 25, 15));
    const leads: LeadSlaInput[] = [];
    for (let i = 0; i < 100000; i++) {
      const h = at(2026, 11, 1) + ((i * 7919 * 60000) % (24 * 86400000));
      leads.push(
        lead({
          priority: ['Hot', 'Warm', 'Cold'][i % 3],
          handedOffAt: new Date(h),
          firstContactAt: i % 2 ? new Date(h + 3600000) : '',
          attempts: i % 7,
          lastAttemptAt: i % 7 ? new Date(h + 7200000) : '',
        }),
      );
    }
    // Timing lives in `npm run bench`; this proves 100,000 mixed leads all get a status.
    const results = leads.map((l) => evaluateLead(l, c));
    const counts = summarize(results);
    expect(Object.values(counts).reduce((a, b) => a + b, 0)).toBe(100_000);
  });
});
