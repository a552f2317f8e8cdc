import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { readActivityLog } from '../../../src/core/read/activityLog.ts';
import { readLeadSheet } from '../../../src/core/read/leadRecords.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';
import { joinActivities } from '../../../src/core/sla/activityJoin.ts';
import { createCalendar } from '../../../src/core/sla/calendar.ts';
import { evaluateRecord, type SlaContext } from '../../../src/core/sla/status.ts';
import { HOUR_MS, intlZoneClock } from '../../../src/core/time/zone.ts';

const paris = intlZoneClock('Europe/Paris');
const settings = defaultSettings();
const calendar = createCalendar(settings.calendar, paris);
const NOW = Date.parse('2026-11-23T09:00:00Z');
const LEADS = ['Lead ID', 'Email', 'Stage', 'Handed off at', 'First contact at'];
const LOG = ['Lead ID', 'Activity date', 'Status', 'Call outcome'];

function leads(rows: unknown[][]) {
  return readLeadSheet(LEADS, rows, {
    clockStart: 'auto',
    defaultPriority: 'Warm',
    localeOrder: 'dmy',
    clock: paris,
    nowMs: NOW,
  });
}

function log(rows: unknown[][]) {
  return readActivityLog(LOG, rows, { localeOrder: 'dmy', clock: paris, nowMs: NOW });
}

const ctx = (rule: 'attempt' | 'conversation' = 'attempt'): SlaContext => ({
  handoff: { ...settings.handoff, firstContact: rule },
  calendar,
  clock: paris,
  nowMs: NOW,
});

describe('the activity log joined to the leads', () => {
  const sheet = leads([
    ['L1', 'ann@a.test', 'MQL', new Date('2026-11-20T09:00:00Z'), ''],
    ['', 'bob@b.test', 'MQL', new Date('2026-11-20T09:00:00Z'), ''],
    ['L3', '', 'MQL', new Date('2026-11-20T09:00:00Z'), new Date('2026-11-20T09:05:00Z')],
  ]);
  const activities = log([
    ['l1', new Date('2026-11-20T11:00:00Z'), 'Completed', 'No answer'],
    ['L1', new Date('2026-11-20T10:00:00Z'), 'Completed', 'No answer'],
    ['L1', new Date('2026-11-20T12:00:00Z'), 'Completed', 'Connected'],
    ['bob@b.test', new Date('2026-11-20T09:30:00Z'), 'Completed', ''],
    ['L3', new Date('2026-11-20T15:00:00Z'), 'Completed', ''],
    ['L1', new Date('2026-11-10T09:00:00Z'), 'Completed', ''],
    ['L9', new Date('2026-11-20T09:30:00Z'), 'Completed', ''],
  ]);

  it('matches by the lead key, else by the e-mail, and counts attempts since the clock start', () => {
    const join = joinActivities(activities, sheet.records, 'attempt');
    expect(join.logged(sheet.records[0]!)).toEqual({
      first: Date.parse('2026-11-20T10:00:00Z'),
      done: 3,
      dayOnly: false,
    });
    expect(join.logged(sheet.records[1]!)?.first).toBe(Date.parse('2026-11-20T09:30:00Z'));
    expect(join).toMatchObject({ matched: 6, unmatched: 1, leadsWithActivity: 3 });
    expect(join.unmatchedExamples).toEqual(['l9']);
  });

  it("gives each lead's attempts themselves, the ones its done count counts", () => {
    const join = joinActivities(activities, sheet.records, 'conversation');
    for (const record of sheet.records) {
      expect(join.attempts(record!)).toHaveLength(join.logged(record!)?.done ?? 0);
    }
    // the one dated ten days before the clock start is not an attempt of this hand-off
    expect(join.attempts(sheet.records[0]!).map((a) => new Date(a.at).toISOString())).toEqual([
      '2026-11-20T11:00:00.000Z',
      '2026-11-20T10:00:00.000Z',
      '2026-11-20T12:00:00.000Z',
    ]);
  });

  it('takes the first conversation when the team counts conversations', () => {
    const join = joinActivities(activities, sheet.records, 'conversation');
    expect(join.logged(sheet.records[0]!)?.first).toBe(Date.parse('2026-11-20T12:00:00Z'));
  });

  it("never overrides the lead's own First contact at", () => {
    const join = joinActivities(activities, sheet.records, 'attempt');
    const r = evaluateRecord(sheet.records[2]!, { ...ctx(), logged: join.logged });
    expect(r.detail).toBe('Met · contacted in 5 min');
  });

  it('gives every open lead with a done activity since its clock start a Met or Missed', () => {
    const handedOff = new Date('2026-11-16T09:00:00Z').getTime();
    fc.assert(
      fc.property(
        fc.array(
          fc.record({
            lead: fc.integer({ min: 0, max: 9 }),
            hours: fc.integer({ min: -30, max: 24 * 7 }),
            done: fc.constantFrom('Completed', 'Scheduled', ''),
          }),
          { maxLength: 40 },
        ),
        fc.constantFrom('attempt' as const, 'conversation' as const),
        (raw, rule) => {
          const sheet = leads(
            Array.from({ length: 10 }, (_, i) => [
              `L${i}`,
              '',
              'MQL',
              new Date(handedOffAt(i)),
              '',
            ]),
          );
          function handedOffAt(i: number): number {
            return handedOff + i * HOUR_MS;
          }
          const rows = raw.map((a) => [
            `L${a.lead}`,
            new Date(handedOffAt(a.lead) + a.hours * HOUR_MS),
            a.done,
            rule === 'conversation' ? 'Connected' : '',
          ]);
          const join = joinActivities(log(rows), sheet.records, rule);
          for (const record of sheet.records) {
            const r = evaluateRecord(record!, { ...ctx(rule), logged: join.logged });
            const start = record!.clockStartAt!;
            const doneSince = raw.some(
              (a) =>
                `L${a.lead}` === record!.leadId &&
                a.done !== 'Scheduled' &&
                a.hours >= -24 &&
                handedOffAt(a.lead) + a.hours * HOUR_MS <= NOW,
            );
            expect(
              ['Met', 'Missed', 'Recycle'].includes(r.status),
              `${record!.leadId} ${r.detail}`,
            ).toBe(doneSince);
            if (r.contact?.at != null) expect(r.contact.at).toBeGreaterThanOrEqual(start);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
