import { describe, expect, it } from 'vitest';
import { byOwner, bySource } from '../../../src/core/review/groups.ts';
import { contextOf, type LeadCells, leadsOf, settingsWith } from '../../fixtures/review.ts';

const CREATED = { createdAt: '2026-03-02 09:00' };
const HANDED = { ...CREATED, priority: 'Hot', handedOffAt: '2026-03-02 09:00' };

function sources(cells: LeadCells[], costPerSource: Record<string, number> = {}) {
  const settings = settingsWith((s) => {
    s.plan.costPerSource = costPerSource;
  });
  return bySource(leadsOf(cells), contextOf('2026-03', { settings }));
}

describe('by source and by owner', () => {
  it('groups keys case- and accent-insensitively, shown as first typed', () => {
    const rows = sources([
      { ...CREATED, source: 'Référence' },
      { ...CREATED, source: 'REFERENCE' },
    ]);
    expect(rows.map((g) => [g.key, g.newLeads])).toEqual([['Référence', 2]]);
  });

  it('shows blank owners as (none)', () => {
    const rows = byOwner(leadsOf([{ ...CREATED, owner: '' }]), contextOf('2026-03'));
    expect(rows.map((g) => g.key)).toEqual(['(none)']);
  });

  it('leaves out groups with nothing in the month', () => {
    const rows = sources([{ createdAt: '2026-02-02 09:00', source: 'Fair' }]);
    expect(rows).toEqual([]);
  });

  it('keeps a source with a cost even when nothing happened in the month', () => {
    const rows = sources([{ createdAt: '2026-02-02 09:00', source: 'Fair' }], { FAIR: 300 });
    expect(rows).toMatchObject([{ key: 'Fair', cost: 300, costPerLead: null }]);
  });

  it('sorts by hand-offs, then new leads, then name', () => {
    const rows = sources([
      { ...CREATED, source: 'B' },
      { ...CREATED, source: 'C' },
      { ...CREATED, source: 'C' },
      { ...HANDED, source: 'D' },
      { ...CREATED, source: 'A' },
    ]);
    expect(rows.map((g) => g.key)).toEqual(['D', 'C', 'A', 'B']);
  });

  it('divides a source cost by its new leads and its deals won', () => {
    const rows = sources(
      [
        { ...CREATED, source: 'Web' },
        { ...CREATED, source: 'Web', wonAt: '2026-03-20 09:00' },
      ],
      { web: 900 },
    );
    expect(rows[0]).toMatchObject({ cost: 900, costPerLead: 450, costPerCustomer: 900 });
  });

  it('has no cost for an owner', () => {
    const rows = byOwner(leadsOf([{ ...CREATED, owner: 'Web' }]), contextOf('2026-03'));
    expect(rows[0]).toMatchObject({ cost: null, costPerLead: null, costPerCustomer: null });
  });

  it("computes a group's sales figures on its own hand-offs", () => {
    const rows = sources([
      { ...HANDED, source: 'Web', firstContactAt: '2026-03-02 09:30' },
      { ...HANDED, source: 'Event' },
    ]);
    expect(rows.find((g) => g.key === 'Web')).toMatchObject({
      onTimeShare: 1,
      medianHoursToContact: 0.5,
      neverContacted: 0,
    });
    expect(rows.find((g) => g.key === 'Event')).toMatchObject({
      onTimeShare: 0,
      neverContacted: 1,
    });
  });

  it("gives each owner's 90th percentile of business hours to first contact", () => {
    const contacted = (minutes: number) => ({
      ...HANDED,
      owner: 'Ann',
      firstContactAt: `2026-03-02 ${String(9 + Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`,
    });
    const rows = byOwner(
      leadsOf([10, 20, 30, 40, 50, 60, 70, 80, 90, 100, 110].map(contacted)),
      contextOf('2026-03'),
    );
    // PERCENTILE.INC of 10..110 minutes: the median 60 min, the 90th percentile 100 min
    expect(rows[0]!.medianHoursToContact).toBeCloseTo(1, 9);
    expect(rows[0]!.p90HoursToContact).toBeCloseTo(100 / 60, 9);
    expect(rows[0]!.onTimeShare).toBeCloseTo(6 / 11, 9);
  });

  it('counts the escalations and reassignments the notices sent, by owner as typed', () => {
    const rows = byOwner(
      leadsOf([
        { ...HANDED, owner: 'Ann' },
        { ...HANDED, owner: 'Bob' },
      ]),
      contextOf('2026-03'),
      new Map([
        ['ANN', [3, 1]],
        ['Zoé', [2, 2]],
        ['__proto__', [1, 0]],
        ['constructor', [1, 1]],
      ]),
    );
    expect(rows.map((g) => [g.key, g.escalations, g.reassignments])).toEqual([
      ['Ann', 3, 1],
      ['Bob', 0, 0],
      // escalated in the month, nothing else: still a row; owners named like an object's own
      // properties keep their escalations
      ['__proto__', 1, 0],
      ['constructor', 1, 1],
      ['Zoé', 2, 2],
    ]);
    expect(
      bySource(leadsOf([{ ...HANDED, source: 'Web' }]), contextOf('2026-03'))[0],
    ).toMatchObject({ escalations: null, reassignments: null });
  });
});
