import { describe, expect, it } from 'vitest';
import { type MonthCount, monthOffer, monthsSummary } from '../../../src/core/review/months.ts';

const months = (...list: [string, number][]): MonthCount[] =>
  list.map(([month, leads]) => ({ month, leads }));

describe('monthsSummary', () => {
  it('gives the span and the three busiest months', () => {
    const list = months(['2018-03', 1], ['2021-01', 40], ['2021-02', 58], ['2021-03', 63]);
    expect(monthsSummary(list)).toBe(
      '2018-03 to 2021-03; most leads: 2021-03 (63), 2021-02 (58), 2021-01 (40)',
    );
  });
});

describe('monthOffer: what a blank answer to the month prompt reviews', () => {
  it('is last month when it has leads, the months named', () => {
    const offer = monthOffer(months(['2026-09', 4], ['2026-10', 7], ['2026-11', 2]), '2026-10');
    expect(offer.blank).toBe('2026-10');
    expect(offer.hint).toBe(
      'Leads are dated 2026-09 to 2026-11; most leads: 2026-10 (7), 2026-09 (4), 2026-11 (2).',
    );
  });

  it('is the last month with leads when last month has none: an old export offers its own', () => {
    const offer = monthOffer(months(['2021-02', 58], ['2021-03', 63]), '2026-11');
    expect(offer.blank).toBe('2021-03');
    expect(offer.hint).toMatch(
      /^2026-11 has no lead; 2021-03 is the last month with leads\. Leads are dated 2021-02 to 2021-03/,
    );
  });

  it('never offers a month that is not over', () => {
    const offer = monthOffer(months(['2026-12', 9]), '2026-11');
    expect(offer.blank).toBe('2026-11');
    expect(offer.hint).toMatch(/^2026-11 has no lead\. Leads are dated 2026-12/);
    const gap = monthOffer(months(['2026-08', 3], ['2026-12', 9]), '2026-11');
    expect(gap.blank).toBe('2026-08');
  });

  it('is last month, with nothing to say, when no lead has a date', () => {
    expect(monthOffer([], '2026-11')).toEqual({ blank: '2026-11', hint: '' });
  });
});
