import { describe, expect, it } from 'vitest';
import { summaryText } from '../../../src/core/sla/checkSummary.ts';
import {
  BLANK_OUTPUT,
  DUPLICATE_STATUS,
  emptyCounts,
  type LeadOutput,
} from '../../../src/core/sla/leadCheck.ts';
import { placeOutputs } from '../../../src/core/sla/placement.ts';

const out = (status: string): LeadOutput => ({ ...BLANK_OUTPUT, status });

describe('placing results when rows moved during the run', () => {
  const outputs = [out('a'), out('b'), null];

  it('writes by position when nothing moved', () => {
    const p = placeOutputs(['id:L1', 'id:L2', ''], outputs, ['id:L1', 'id:L2', '']);
    expect(p.moved).toBe(false);
    expect(p.target.map((t) => t?.status ?? t)).toEqual(['a', 'b', null]);
  });

  it('follows the Lead IDs after a sort, keeps unknown rows and counts deleted leads', () => {
    const p = placeOutputs(['id:L1', 'id:L2', ''], outputs, ['id:NEW', 'id:L2']);
    expect(p.moved).toBe(true);
    expect(p.target.map((t) => t?.status)).toEqual([undefined, 'b']);
    expect(p.target[0]).toBeUndefined();
    expect(p.skipped).toBe(1);
    expect(p.notes[0]).toMatch(/placed by Lead ID \(1 lead no longer in the sheet\)/);
  });

  it('flags both rows of a duplicated ID', () => {
    const p = placeOutputs(
      ['id:L1', 'id:L1', 'id:L3'],
      [out('a'), out('b'), out('c')],
      ['id:L3', 'id:L1', 'id:L1'],
    );
    expect(p.target.map((t) => t?.status)).toEqual(['c', DUPLICATE_STATUS, DUPLICATE_STATUS]);
  });
});

describe('the summary toast', () => {
  const clock = { field: 'handedOffAt' as const, header: 'Handed off at' };
  const none = { untracked: 0, unmapped: 0 };
  const figures = (counts: Partial<ReturnType<typeof emptyCounts>>, leads: number) => ({
    counts: { ...emptyCounts(), ...counts },
    extras: none,
    leads,
    clock,
    trackingDays: 60,
  });

  it('says what needs attention', () => {
    const f = figures({ Overdue: 12, 'At risk': 3, Recycle: 2, Met: 23 }, 40);
    expect(summaryText(f)).toBe('Checked 40 leads: 12 overdue, 3 at risk, 2 to recycle');
  });

  it('says all on time only when every lead was timed', () => {
    expect(summaryText(figures({ Met: 1 }, 1))).toBe('Checked 1 lead: all leads on time');
    expect(summaryText(figures({ Met: 1, Waiting: 2 }, 3))).toBe(
      'Checked 3 leads: 1 timed lead on time, 2 leads with no Handed off at date yet',
    );
    expect(summaryText(figures({}, 0))).toBe('No leads to check yet');
  });

  it('never counts a Missed lead as on time', () => {
    expect(summaryText(figures({ Met: 1, Missed: 1 }, 2))).toBe(
      'Checked 2 leads: 1 timed lead on time, 1 lead contacted after the deadline (Missed)',
    );
    expect(summaryText(figures({ Missed: 2 }, 2))).toBe(
      'Checked 2 leads: 2 leads contacted after the deadline (Missed)',
    );
  });

  it('never says on time when no lead could be timed', () => {
    expect(summaryText(figures({ Waiting: 5 }, 5))).toBe(
      'Checked 5 leads: none could be timed yet — 5 leads with no Handed off at date yet',
    );
    expect(summaryText({ ...figures({ 'Check data': 3 }, 3), clock: null })).toMatch(
      /^Checked 3 leads: none could be timed — no hand-off, MQL or creation date column/,
    );
  });

  it('counts untracked, contacted and unmapped leads on their own', () => {
    const f = {
      ...figures({ Overdue: 4, Met: 1, Contacted: 2 }, 7),
      extras: { untracked: 4, unmapped: 3 },
    };
    expect(summaryText(f)).toBe(
      'Checked 7 leads: 1 timed lead on time, 4 leads with no contact recorded, started over 60 days ago (not tracked), 2 contacted leads with no contact time (not judged), 3 leads with a value to map in Fields (no notice until then)',
    );
    // overdue leads of the window are work; the untracked ones are not counted with them
    expect(summaryText({ ...f, counts: { ...f.counts, Overdue: 5 }, leads: 8 })).toMatch(
      /^Checked 8 leads: 1 overdue, 4 leads with no contact recorded/,
    );
  });
});
