import { describe, expect, it } from 'vitest';
import {
  BLANK_OUTPUT,
  DUPLICATE_STATUS,
  emptyCounts,
  type LeadOutput,
  placeOutputs,
  summaryText,
} from '../../src/core/leadCheck.ts';

const out = (status: string): LeadOutput => ({ ...BLANK_OUTPUT, status });

describe('placing results when rows moved during the run', () => {
  const outputs = [out('a'), out('b'), null];

  it('writes by position when nothing moved', () => {
    const p = placeOutputs(['L1', 'L2', ''], outputs, ['L1', 'L2', '']);
    expect(p.moved).toBe(false);
    expect(p.target.map((t) => t?.status ?? t)).toEqual(['a', 'b', null]);
  });

  it('follows the Lead IDs after a sort, keeps unknown rows and counts deleted leads', () => {
    const p = placeOutputs(['L1', 'L2', ''], outputs, ['NEW', 'L2']);
    expect(p.moved).toBe(true);
    expect(p.target.map((t) => t?.status)).toEqual([undefined, 'b']);
    expect(p.target[0]).toBeUndefined();
    expect(p.skipped).toBe(1);
    expect(p.notes[0]).toMatch(/placed by Lead ID \(1 lead no longer in the sheet\)/);
  });

  it('flags both rows of a duplicated ID', () => {
    const p = placeOutputs(['L1', 'L1', 'L3'], [out('a'), out('b'), out('c')], ['L3', 'L1', 'L1']);
    expect(p.target.map((t) => t?.status)).toEqual(['c', DUPLICATE_STATUS, DUPLICATE_STATUS]);
  });
});

describe('the summary toast', () => {
  it('says what needs attention, or that all is on time', () => {
    const counts = { ...emptyCounts(), Overdue: 12, 'At risk': 3, Recycle: 2 };
    expect(summaryText(counts, 40)).toBe('Checked 40 leads: 12 overdue, 3 at risk, 2 to recycle');
    expect(summaryText(emptyCounts(), 1)).toBe('Checked 1 lead: all leads on time');
    expect(summaryText(emptyCounts(), 0)).toBe('No leads to check yet');
  });
});
