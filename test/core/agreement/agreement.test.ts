import { describe, expect, it } from 'vitest';
import {
  AGREEMENT_WIDTH,
  buildAgreement,
  describeCriterion,
  describeWeek,
} from '../../../src/core/agreement/agreement.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';

const text = (rows: ReturnType<typeof buildAgreement>) => rows.flatMap((r) => r.cells);

describe('SLA Agreement document', () => {
  const s = defaultSettings();
  const rows = buildAgreement(s);
  const cells = text(rows);

  it('has the sections in order, every row four cells wide', () => {
    const sections = rows.filter((r) => r.style === 'section').map((r) => r.cells[0]);
    // the order of the source articles: words, data per stage, roles, commitments, review
    expect(sections).toEqual([
      '1. Shared definitions',
      '2. Data each stage requires',
      '3. Who does what',
      '4. What marketing commits to',
      '5. What sales commits to',
      '6. Review cadence',
      '7. Sign-off',
    ]);
    expect(rows.every((r) => r.cells.length === AGREEMENT_WIDTH)).toBe(true);
  });

  it('copies the definitions', () => {
    expect(cells).toContain(s.definitions.mql);
    expect(cells).toContain(s.definitions.customer);
  });

  it("states marketing's volume from the plan and the scoring rules in plain words", () => {
    // 100,000 × 100 % ÷ 1,000 = 100 customers ← 200 opp ← 400 SQL ← 800 MQL; 800 over 12 months
    const volume = rows.find((r) => r.cells[0] === 'Volume')!.cells[1];
    expect(volume).toMatch(/^66 to 67 MQL a month \(800 a year spread evenly over 12 months\)/);
    expect(cells).toContain('Decision maker: Job title contains "director" → +15 fit');
    expect(cells).toContain(
      'Company of 50 to 1,000: Company size is between 50 and 1,000 → +15 fit',
    );
    expect(cells).toContain('Student or job seeker: Job title contains "student" → −30 fit');
    expect(cells).toContain(
      'Asked for a demo: Demo request is "yes" → +40 interest (hands the lead to sales whatever the score)',
    );
    expect(cells).toContain(
      'Active in the last 14 days: Last activity at is within the last 14 days → +10 interest',
    );
    const quality = rows.find((r) => r.cells[0] === 'Quality')!.cells[1];
    expect(quality).toContain('A lead becomes an MQL when its score (fit + interest) reaches 50.');
    expect(quality).toContain(
      'It is handed to sales when its score reaches 80, or at once on a bottom-of-funnel action (Asked for a demo).',
    );
  });

  it('uses the monthly MQL target when set', () => {
    const t = defaultSettings();
    t.plan.monthlyMqlTarget = 120;
    const volume = buildAgreement(t).find((r) => r.cells[0] === 'Volume')!.cells[1];
    expect(volume).toBe('120 MQL a month (monthly target set in the plan).');
  });

  it("states sales' deadlines, hours, attempts and recycling", () => {
    expect(cells).toContain('Hot: first contact within 1 business hour of the hand-off.');
    expect(cells).toContain(
      'Warm (also leads with no priority): first contact within 8 business hours of the hand-off.',
    );
    expect(cells).toContain('Cold: first contact within 16 business hours of the hand-off.');
    expect(cells).toContain("Monday–Friday 09:00–18:00 (the spreadsheet's time zone).");
    expect(cells).toContain('Up to 5 contact attempts, 1 business day apart.');
    expect(cells).toContain(
      'After 5 attempts with no answer, the lead goes back to marketing (Stage "Recycled") and enters the nurture track "Re-engagement nurture".',
    );
  });

  it('says what counts as the first contact, and follows the setting', () => {
    expect(cells.some((c) => c.startsWith('The first attempt by one of the channels'))).toBe(true);
    expect(cells.some((c) => c.includes('never counted as on time'))).toBe(true);
    const conversation = defaultSettings();
    conversation.handoff.firstContact = 'conversation';
    const other = text(buildAgreement(conversation));
    expect(other.some((c) => c.startsWith('The first conversation with the lead'))).toBe(true);
    expect(other.some((c) => c.startsWith('The first attempt'))).toBe(false);
  });

  it('has a review cadence and a sign-off table', () => {
    expect(cells.some((c) => c.includes('first business days of each month'))).toBe(true);
    // the review's figures on the agreement (issue 20), named now that the review shows them
    const review = cells.find((c) => c.includes('first business days of each month'))!;
    for (const figure of [
      'hand-offs missing the data section 2 requires',
      'the attempts by channel when an activity log is read',
      'the leads returned to marketing with their reason and nurture track',
    ])
      expect(review).toContain(figure);
    expect(cells.some((c) => c.includes('hand-offs missing required data: none green'))).toBe(true);
    // and the review's definitions of them, as the review sheet states them
    expect(cells).toContain('Review: Leads returned to marketing');
    const header = rows.filter((r) => r.style === 'header').at(-1)!;
    expect(header.cells).toEqual(['Team', 'Name and role', 'Signature', 'Date']);
    expect(rows.slice(-2).map((r) => r.cells[0])).toEqual(['Marketing', 'Sales']);
  });

  it('describes odd weeks and other operators', () => {
    const hours = defaultSettings().calendar.hours;
    hours.sat = [{ start: '10:00', end: '12:00' }];
    hours.wed = [
      { start: '09:00', end: '12:00' },
      { start: '14:00', end: '18:00' },
    ];
    expect(describeWeek(hours)).toBe(
      'Monday–Tuesday 09:00–18:00; Wednesday 09:00–12:00, 14:00–18:00; Thursday–Friday 09:00–18:00; Saturday 10:00–12:00',
    );
    const base = { id: 'x', label: 'L', kind: 'fit' as const, column: 'C', points: 5 };
    expect(describeCriterion({ ...base, operator: 'isBlank' })).toBe('L: C is blank → +5 fit');
    expect(describeCriterion({ ...base, operator: 'atMost', max: 3 })).toBe(
      'L: C is at most 3 → +5 fit',
    );
    expect(describeCriterion({ ...base, operator: 'oneOf', values: ['a', 'b', 'c'] })).toBe(
      'L: C is one of "a", "b" or "c" → +5 fit',
    );
    expect(describeCriterion({ ...base, operator: 'withinDays', days: 1 })).toBe(
      'L: C is within the last 1 day → +5 fit',
    );
  });
});

describe('the volume commitment follows the Planning sheet when it has monthly targets', () => {
  it('quotes the seasonal range and the year', () => {
    const planned = [72, 72, 80, 72, 72, 64, 40, 32, 72, 80, 80, 64];
    const rows = buildAgreement(defaultSettings(), planned);
    const volume = rows.find((r) => r.cells[0] === 'Volume')!.cells[1];
    expect(volume).toMatch(
      /^32 to 80 MQL a month \(800 a year, spread by the seasonality of the Planning sheet/,
    );
  });
  it('spreads the plan evenly without a Planning sheet', () => {
    const volume = buildAgreement(defaultSettings()).find((r) => r.cells[0] === 'Volume')!.cells[1];
    expect(volume).toMatch(/^66 to 67 MQL a month \(800 a year spread evenly over 12 months\)/);
  });
});

describe('the start of the clock', () => {
  const text = (clock: Parameters<typeof buildAgreement>[2]) =>
    buildAgreement(defaultSettings(), null, clock).find((r) => r.cells[0] === 'Start of the clock')!
      .cells[1];

  it("names the column of the team's sheet that starts it", () => {
    expect(text({ header: 'Created Time' })).toBe(
      'The clock starts at the date in the "Created Time" column of the leads sheet.',
    );
  });

  it('says plainly when no column can start it', () => {
    expect(text({ header: null })).toMatch(
      /^The leads sheet has no hand-off, MQL or creation date column yet/,
    );
  });

  it('speaks of the hand-off when no sheet was read', () => {
    expect(text(undefined)).toMatch(/hand-off date/);
  });
});
