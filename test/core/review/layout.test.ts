import { describe, expect, it } from 'vitest';
import { reviewLayout } from '../../../src/core/review/layout.ts';
import { EVIL } from '../../fixtures/leads.ts';
import { NOW, ROWS, review } from '../../fixtures/review.ts';

describe('layout', () => {
  const r = review(ROWS, '2026-03');
  const layout = reviewLayout(r, { generatedAt: new Date(NOW) });
  const blockOf = (id: string) => layout.blocks.find((b) => b.id === id)!;

  it('writes user text as text (formula-looking names, reasons, sources)', () => {
    const cells = blockOf('rejected').values.flat();
    expect(cells).toContain(`'${EVIL}`);
    expect(cells).toContain("'+1-555 wrong number");
    expect(cells).toContain("'@corp");
  });

  it('colours the scorecard lines by their status', () => {
    const marketing = blockOf('marketing');
    expect(marketing.values[2]![0]).toBe('MQL delivered');
    expect(marketing.backgrounds[2]![1]).toBe('#d9ead3');
    expect(marketing.values[5]![0]).toBe('Rejected by sales');
    expect(marketing.backgrounds[5]![1]).toBe('#f4cccc');
  });

  it('plans two charts over the right ranges', () => {
    expect(layout.charts.map((c) => c.id)).toEqual(['funnel', 'onTimeByOwner']);
    const funnel = blockOf('funnel');
    expect(layout.charts[0]!.ranges[0]).toEqual({
      row: funnel.row + 1,
      col: 1,
      numRows: 6,
      numCols: 2,
    });
  });

  it('charts the owners against their on-time share column', () => {
    const owners = blockOf('byOwner');
    const [labels, values] = layout.charts[1]!.ranges;
    expect(owners.values[1]![labels!.col - 1]).toBe('Owner');
    expect(owners.values[1]![values!.col - 1]).toBe('Contacted within deadline');
    expect(values).toMatchObject({ row: owners.row + 1, numRows: owners.values.length - 1 });
  });

  it('makes every block rectangular', () => {
    for (const b of layout.blocks) {
      const w = b.values[0]!.length;
      expect(b.values.every((row) => row.length === w)).toBe(true);
      expect(b.backgrounds.length).toBe(b.values.length);
      expect(b.backgrounds.every((row) => row.length === w)).toBe(true);
      expect(b.numberFormats.every((row) => row.length === w)).toBe(true);
    }
  });

  it('places the blocks one under the other without overlap', () => {
    const rows = layout.blocks.map((b) => [b.row, b.row + b.values.length - 1] as const);
    for (let i = 1; i < rows.length; i++) expect(rows[i]![0]).toBeGreaterThan(rows[i - 1]![1]);
  });

  it('puts the sections in the order of the meeting', () => {
    expect(layout.blocks.map((b) => b.id)).toEqual([
      'title',
      // issue 18: the headline first, the definitions last
      'headline',
      'marketing',
      'sales',
      'revenue',
      'funnel',
      'bySource',
      'byOwner',
      'trend',
      'speedToLead',
      'rejected',
      // issue 20: the month's returns to marketing (and, with an activity log, the attempts by
      // channel under sales' scorecard)
      'returned',
      'definitions',
    ]);
  });
});
