import { describe, expect, it } from 'vitest';
import {
  HISTORY_FORMATS,
  HISTORY_HEADER,
  historyFormatsFor,
  historyLayout,
  historyRow,
  historyRowFor,
} from '../../../src/core/review/history.ts';
import { KPI_IDS } from '../../../src/core/review/kpis.ts';
import { kpiValue } from '../../../src/core/review/scorecards.ts';
import { NOW, ROWS, review } from '../../fixtures/review.ts';

describe('SLA History', () => {
  const r = review(ROWS, '2026-03');

  it('a History row per month', () => {
    const row = historyRow(r, new Date(NOW));
    expect(row[0]).toBe('2026-03');
    expect(row[2]).toBe(7);
    expect(row.length).toBe(25);
  });

  it('keeps the column headers of the History sheets already written', () => {
    expect(HISTORY_HEADER).toEqual([
      'Month',
      'New leads',
      'MQL delivered',
      'MQL target',
      'MQL vs target',
      'Hand-offs',
      'Rejected share',
      'Contacted within deadline',
      'Median h to first contact',
      '90th percentile h to first contact',
      'Average attempts',
      'Never contacted',
      'Recycled',
      'Deals won',
      'Value won',
      'Marketing-sourced share of value',
      'Median days MQL to customer',
      'Est. opportunities lost to late contact',
      // added by the one figure table: appended after the columns of the History sheets already
      // written (an existing sheet gets them at its right, by header name)
      'Contacted, no time recorded',
      'Rejected',
      // added by the agreement's review parts (issue 20)
      'Missing data share',
      'Hand-offs missing data',
      'Returned',
      'Leads with unreadable values',
      'Generated at',
    ]);
  });

  it('has one format per column', () => {
    expect(HISTORY_FORMATS).toHaveLength(HISTORY_HEADER.length);
    expect(HISTORY_FORMATS[0]).toBe('@'); // the month stays text
    expect(HISTORY_FORMATS.at(-1)).toBe('yyyy-mm-dd hh:mm');
  });

  it('writes every KPI of the table, in its order, between the month and the data quality', () => {
    const row = historyRow(r, new Date(NOW));
    // a KPI the month has no data for (here: the agreement requires nothing) is blank
    expect(row.slice(1, -2)).toEqual(KPI_IDS.map((id) => kpiValue(id, r.current, r.noData) ?? ''));
    expect(row[HISTORY_HEADER.indexOf('Missing data share')]).toBe('');
    expect(row.at(-2)).toBe(r.quality.unreadableRows);
  });

  it('leaves a figure the month does not have blank', () => {
    const quiet = review(ROWS, '2026-04');
    const row = historyRow(quiet, new Date(NOW));
    expect(row[HISTORY_HEADER.indexOf('Contacted within deadline')]).toBe('');
    expect(row[HISTORY_HEADER.indexOf('New leads')]).toBe(0);
  });

  it("leaves every figure blank for a month before the sheet's first date", () => {
    const before = review(ROWS, '2025-06');
    const row = historyRow(before, new Date(NOW));
    expect(row[HISTORY_HEADER.indexOf('New leads')]).toBe('');
  });

  describe('by header name', () => {
    // A sheet written before 'Hand-offs' existed, with a column of the team's own.
    const older = HISTORY_HEADER.filter((h) => h !== 'Hand-offs');
    const withNote = [...older.slice(0, 3), 'Our comment', ...older.slice(3)];

    it('gives a new sheet our columns in order', () => {
      const layout = historyLayout([]);
      expect(layout.header).toEqual(HISTORY_HEADER);
      expect(layout.added).toEqual(HISTORY_HEADER);
      expect(historyRowFor(layout, r, new Date(NOW))).toEqual(historyRow(r, new Date(NOW)));
    });

    it('keeps every existing column where it is and appends a KPI inserted in the table', () => {
      const layout = historyLayout([...withNote, '', '']);
      expect(layout.header).toEqual([...withNote, 'Hand-offs']);
      expect(layout.added).toEqual(['Hand-offs']);
      expect(layout.monthColumn).toBe(0);
    });

    it('writes each figure under its own header and keeps the team’s cells', () => {
      const layout = historyLayout(withNote);
      const previous = layout.header.map((h) => (h === 'Our comment' ? 'good month' : 'old'));
      const row = historyRowFor(layout, r, new Date(NOW), previous);
      const canonical = historyRow(r, new Date(NOW));
      layout.header.forEach((h, c) => {
        const expected = h === 'Our comment' ? 'good month' : canonical[HISTORY_HEADER.indexOf(h)];
        expect(row[c], h).toEqual(expected);
      });
    });

    it("appends the agreement's figures at the right of a sheet written before them", () => {
      const before = HISTORY_HEADER.filter(
        (h) => !['Missing data share', 'Hand-offs missing data', 'Returned'].includes(h),
      );
      const layout = historyLayout(before);
      expect(layout.header).toEqual([
        ...before,
        'Missing data share',
        'Hand-offs missing data',
        'Returned',
      ]);
      expect(layout.header.indexOf('Generated at')).toBe(before.length - 1);
    });

    it('finds our headers however they are spelled, the month anywhere', () => {
      const moved = ['generated AT', 'month', ...HISTORY_HEADER.slice(1, -1)];
      const layout = historyLayout(moved);
      expect(layout.added).toEqual([]);
      expect(layout.monthColumn).toBe(1);
      const row = historyRowFor(layout, r, new Date(NOW));
      expect(row[1]).toBe('2026-03');
      expect(row[0]).toEqual(new Date(NOW));
    });

    it('formats our columns and leaves the others’ formats as they were', () => {
      const layout = historyLayout(withNote);
      const formats = historyFormatsFor(
        layout,
        layout.header.map(() => '0.0%'),
      );
      expect(formats[3]).toBe('0.0%');
      expect(formats[0]).toBe('@');
      expect(formats.at(-1)).toBe(HISTORY_FORMATS[HISTORY_HEADER.indexOf('Hand-offs')]);
    });
  });
});
