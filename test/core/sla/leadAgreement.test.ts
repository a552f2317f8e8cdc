import { describe, expect, it } from 'vitest';
import { LEAD_HEADERS, OWNED_HEADER_LIST } from '../../../src/core/read/leadColumns.ts';
import { defaultSettings, type Settings } from '../../../src/core/settings/index.ts';
import { createCalendar } from '../../../src/core/sla/calendar.ts';
import { computeLeads } from '../../../src/core/sla/leadCheck.ts';
import { indexLeadTable } from '../../../src/core/sla/leadTable.ts';
import { fromWall, intlZoneClock } from '../../../src/core/time/zone.ts';
import { rowOf } from '../../fixtures/leads.ts';

/** The agreement's rules in the lead check: Check data for missing data, the track of a Recycle. */

const paris = intlZoneClock('Europe/Paris');
const at = (d: number, h: number, mi = 0) =>
  fromWall(paris, { year: 2026, month: 11, day: d, hour: h, minute: mi });
const NOW = at(23, 14); // Monday 23 November 2026, 14:00: 3 of 8 business hours left
const H = LEAD_HEADERS;
const HEADER = [
  H.leadId,
  H.email,
  H.company,
  'Phone',
  H.owner,
  H.source,
  H.stage,
  H.priority,
  H.handedOffAt,
  H.attempts,
  ...OWNED_HEADER_LIST,
];

function check(settings: Settings, rows: Array<Record<string, unknown>>) {
  const table = indexLeadTable(
    [...HEADER],
    rows.map((r) => rowOf(HEADER, r)),
  );
  const ctx = {
    settings,
    clock: paris,
    calendar: createCalendar(settings.calendar, paris),
    nowMs: NOW,
    localeOrder: 'dmy' as const,
  };
  return computeLeads(table, ctx);
}

function requiring(): Settings {
  const s = defaultSettings();
  s.agreement.requiredFields = { lead: [], mql: ['Email'], handoff: ['Phone', 'Owner'] };
  return s;
}

const handedOff = {
  [H.leadId]: 'L1',
  [H.email]: 'ana@example.com',
  Phone: '+33 1 23 45 67 89',
  [H.owner]: 'Bea',
  [H.stage]: 'SQL',
  [H.priority]: 'Warm',
  [H.handedOffAt]: new Date(at(23, 9)),
};

describe('a lead that lacks a value its stage requires', () => {
  it('is Check data naming the field, with its SLA and its deadline still computed', () => {
    const computed = check(requiring(), [handedOff, { ...handedOff, [H.leadId]: 'L2', Phone: '' }]);
    const [complete, lacking] = computed.outputs;
    expect(complete!.status).toBe('Due · 3 h left');
    expect(lacking!.status).toBe(
      'Check data · Phone: blank, required at hand-off · SLA: Due · 3 h left',
    );
    expect(lacking!.deadline).toEqual(complete!.deadline);
    expect(lacking!.color).toBe('#f9cb9c');
    expect(computed.counts['Check data']).toBe(1);
    expect(computed.counts.Due).toBe(1);
  });

  it('is only asked what its stage requires', () => {
    const waiting = { [H.leadId]: 'L3', [H.stage]: 'MQL', [H.email]: 'x@y.io' };
    const computed = check(requiring(), [waiting, { ...waiting, [H.leadId]: 'L4', [H.email]: '' }]);
    expect(computed.outputs.map((o) => o!.status)).toEqual([
      'Waiting',
      'Check data · Email: blank, required at MQL · SLA: Waiting',
    ]);
  });

  it('is not flagged once closed, or with nothing required (the default)', () => {
    const closed = { ...handedOff, Phone: '', [H.stage]: 'Customer' };
    expect(check(requiring(), [closed]).outputs[0]!.status).toBe('Closed');
    const open = { ...handedOff, Phone: '' };
    expect(check(defaultSettings(), [open]).outputs[0]!.status).toBe('Due · 3 h left');
  });

  it('is noted once in the run when the sheet has no column for a required field', () => {
    const s = requiring();
    s.agreement.requiredFields.handoff.push('Budget');
    expect(check(s, [handedOff]).notes).toContain(
      'Required fields the leads sheet has no column for, not checked: "Budget" (required at hand-off). Add the column, or change the agreement in the sidebar (Terms).',
    );
  });
});

describe('a lead whose attempts are used up', () => {
  it('says which nurture track it goes back to', () => {
    const s = defaultSettings();
    s.agreement.returnPath.noAnswerTrack = 'Quarterly newsletter';
    const computed = check(s, [{ ...handedOff, [H.attempts]: 5 }]);
    expect(computed.outputs[0]!.status).toBe(
      'Recycle · 5 attempts, no answer · nurture track: Quarterly newsletter',
    );
  });
});
