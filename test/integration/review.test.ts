/**
 * Monthly review and SLA Agreement through the in-memory runtime and the built bundle
 * (run `npm run build` first).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { createRuntime, REPO_ROOT, type Runtime, type WorkbookData } from '../../runtime/index.ts';
import { defaultSettings } from '../../src/core/settings/index.ts';
import { paris } from '../fixtures/dates.ts';
import { EVIL, REVIEW_HEADER, rowOf } from '../fixtures/leads.ts';
import { storeSettings } from '../fixtures/properties.ts';

const HEADER = [...REVIEW_HEADER, 'My notes'];

/** The leads by column; blank cells left out. */
const LEAD_ROWS: Array<Record<string, unknown>> = [
  {
    'Lead ID': 'L1',
    Name: 'Ann',
    Company: 'A Co',
    Source: 'Web',
    Owner: 'Alice',
    Priority: 'Hot',
    Stage: 'SQL',
    'Created at': paris('2026-03-02T09:00'),
    'MQL at': paris('2026-03-02T09:30'),
    'Handed off at': paris('2026-03-02T10:00'),
    'First contact at': paris('2026-03-02T10:30'),
    Attempts: 1,
    'My notes': 'note 1',
  },
  {
    'Lead ID': 'L2',
    Name: 'Ben',
    Company: 'B Co',
    Source: 'Web',
    Owner: 'Alice',
    Priority: 'Warm',
    Stage: 'Opportunity',
    'Created at': paris('2026-03-02T11:00'),
    'MQL at': paris('2026-03-03T09:00'),
    'Handed off at': paris('2026-03-03T09:00'),
    'First contact at': paris('2026-03-04T10:00'),
    Attempts: 3,
  },
  {
    'Lead ID': 'L3',
    Name: EVIL,
    Company: '+1-555',
    Source: '@source',
    Owner: '-owner',
    Priority: 'Warm',
    Stage: 'Rejected',
    'Created at': paris('2026-03-16T09:00'),
    'MQL at': paris('2026-03-16T09:30'),
    'Handed off at': paris('2026-03-16T10:00'),
    'First contact at': paris('2026-03-16T11:00'),
    Attempts: 2,
    'Rejected reason': '+1-555 wrong number',
    'My notes': '=SUM(1,2)',
  },
  {
    'Lead ID': 'L4',
    Name: 'Dan',
    Company: 'D Co',
    Source: 'Outbound',
    Owner: 'Bob',
    Priority: 'Hot',
    Stage: 'Customer',
    'Created at': paris('2026-02-10T09:00'),
    'MQL at': paris('2026-02-11T12:00'),
    'Handed off at': paris('2026-02-11T10:00'),
    'First contact at': paris('2026-02-11T10:30'),
    Attempts: 2,
    'Won at': paris('2026-03-10T12:00'),
    'Deal value': 5000,
  },
  {
    'Lead ID': 'L5',
    Name: 'Eve',
    Company: 'E Co',
    Source: 'Web',
    Owner: 'Bob',
    Stage: 'MQL',
    'Created at': 'someday',
    'MQL at': paris('2026-03-06T09:00'),
    'Handed off at': paris('2026-03-06T09:00'),
  },
];

const LEADS: unknown[][] = [HEADER, ...LEAD_ROWS.map((r) => rowOf(HEADER, r))];

const NOW = new Date('2026-04-02T08:00:00Z');

/** A team's workbook; `agreed`: the team saved its own settings (the default ones here). */
function setup(agreed = true): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.addSheet('Leads', LEADS);
  rt.addSheet('Notes', [['keep', 42, '=1+1 as text?']]);
  if (agreed) storeSettings(rt, { ...defaultSettings(), agreed: true });
  rt.load();
  rt.setNow(NOW);
  return rt;
}

function sheet(wb: WorkbookData, name: string) {
  return wb.sheets.find((s) => s.name === name);
}

/** Every sheet except the named ones, as plain data. */
function others(rt: Runtime, except: string[]): unknown {
  return rt
    .toWorkbook()
    .sheets.filter((s) => !except.includes(s.name))
    .map((s) => JSON.parse(JSON.stringify(s)));
}

function texts(values: unknown[][]): string[] {
  return values.flat().filter((v): v is string => typeof v === 'string');
}

const OURS = ['SLA Review 2026-03', 'SLA Review 2026-02', 'SLA History'];

describe('runMonthlyReview through the runtime', () => {
  let rt: Runtime;
  beforeEach(() => {
    rt = setup();
  });

  it('writes the review sheet, charts and History, and nothing else', () => {
    const before = others(rt, OURS);
    rt.call('runMonthlyReview', '2026-03');
    const wb = rt.toWorkbook();
    const review = sheet(wb, 'SLA Review 2026-03');
    expect(review).toBeDefined();
    const cells = texts(review!.values);
    expect(cells[0]).toBe('SLA monthly review · March 2026');
    expect(cells).toContain("Marketing's commitment: how many and how good");
    expect(cells).toContain("Sales' commitment: how fast and how well");
    expect(
      cells.some((c) =>
        c.startsWith(
          'Data quality (5 leads read; the SLA clock starts at "Handed off at"): 1 lead has values that could not be read (Created at: 1',
        ),
      ),
    ).toBe(true);
    // formula-looking user text is shown exactly, never turned into a formula
    expect(cells).toContain(EVIL);
    expect(cells).toContain('+1-555 wrong number');
    expect(cells).toContain('@source');
    expect(cells).toContain('-owner');
    expect(rt.formulaWrites).toEqual([]);
    expect((review!.formulas ?? []).flat().filter((f) => f !== '')).toEqual([]);
    // scorecards coloured
    const backgrounds = (review!.backgrounds ?? []).flat();
    expect(backgrounds).toContain('#f4cccc');
    // charts
    const charts = rt.spreadsheet.getSheetByName('SLA Review 2026-03')!.getCharts();
    expect(charts.length).toBeGreaterThanOrEqual(2);
    // History
    const history = sheet(wb, 'SLA History')!;
    expect(history.values[0]![0]).toBe('Month');
    expect(history.values.slice(1).map((r) => r[0])).toEqual(['2026-03']);
    expect(history.values[1]![2]).toBe(4); // MQL delivered: L1 L2 L3 L5
    // other sheets untouched
    expect(others(rt, OURS)).toEqual(before);
  });

  it('labels the targets as the sample and judges nothing before the team saves its settings', () => {
    const sample = setup(false);
    sample.call('runMonthlyReview', '2026-03');
    const review = sheet(sample.toWorkbook(), 'SLA Review 2026-03')!;
    const cells = texts(review.values);
    expect(cells.some((c) => c.startsWith("The plan and the targets are the sample's"))).toBe(true);
    expect(cells).toContain('sample: ≥ 90 % of hand-offs judged');
    for (const word of ['Met', 'Close', 'Missed']) expect(cells).not.toContain(word);
    const colours = new Set((review.backgrounds ?? []).flat());
    for (const rag of ['#d9ead3', '#fff2cc', '#f4cccc']) expect(colours.has(rag)).toBe(false);
    // the same figures as a team's: only the verdicts wait
    rt.call('runMonthlyReview', '2026-03');
    const agreed = sheet(rt.toWorkbook(), 'SLA History')!;
    const history = sheet(sample.toWorkbook(), 'SLA History')!;
    expect(history.values[1]!.slice(0, -1)).toEqual(agreed.values[1]!.slice(0, -1));
  });

  it('re-running replaces only that month; History is upserted in place', () => {
    rt.call('runMonthlyReview', '2026-03');
    rt.call('runMonthlyReview', '2026-02');
    const feb = JSON.stringify(sheet(rt.toWorkbook(), 'SLA Review 2026-02'));
    const before = others(rt, ['SLA Review 2026-03', 'SLA History']);
    rt.call('runMonthlyReview', '2026-03');
    const wb = rt.toWorkbook();
    expect(JSON.stringify(sheet(wb, 'SLA Review 2026-02'))).toBe(feb);
    expect(others(rt, ['SLA Review 2026-03', 'SLA History'])).toEqual(before);
    expect(wb.sheets.filter((s) => s.name === 'SLA Review 2026-03')).toHaveLength(1);
    expect(rt.spreadsheet.getSheetByName('SLA Review 2026-03')!.getCharts()).toHaveLength(2);
    const months = sheet(wb, 'SLA History')!
      .values.slice(1)
      .map((r) => r[0]);
    expect(months).toEqual(['2026-03', '2026-02']);
  });

  it('keeps History rows under their headers when a KPI is added in the middle', () => {
    rt.call('runMonthlyReview', '2026-02');
    const history = rt.spreadsheet.getSheetByName('SLA History')!;
    const before = history.getDataRange().getValues();
    const feb = Object.fromEntries(before[0]!.map((h, c) => [String(h), before[1]![c]]));
    // As an older version wrote it: no 'Hand-offs' column; and the team added a comment column.
    history.deleteColumn(before[0]!.indexOf('Hand-offs') + 1);
    history.insertColumnBefore(3);
    history.getRange(1, 3, 2, 1).setValues([['Our comment'], ['quiet month']]);
    rt.call('runMonthlyReview', '2026-03');
    rt.call('runMonthlyReview', '2026-02');
    const after = history.getDataRange().getValues();
    const header = after[0]!.map(String);
    expect(header.at(-1)).toBe('Hand-offs');
    expect(header[2]).toBe('Our comment');
    const rows = after.slice(1).map((r) => Object.fromEntries(header.map((h, c) => [h, r[c]])));
    expect(rows.map((r) => r.Month)).toEqual(['2026-02', '2026-03']);
    for (const [h, v] of Object.entries(feb))
      if (h !== 'Generated at') expect(rows[0]![h], h).toEqual(v);
    expect(rows[0]!['Our comment']).toBe('quiet month');
    expect(rows[1]!['MQL delivered']).toBe(4); // L1 L2 L3 L5, under its own header
  });

  it('reads Leads with one getValues; the number of calls does not grow with the leads', () => {
    rt.calls.reset();
    rt.call('runMonthlyReview', '2026-03');
    // Leads, and row 1 of the user's Notes sheet (is it an activity log?); History is empty
    expect(rt.calls.of('Range.getValues')).toBe(2);
    const small = rt.calls.sheets;
    const big = createRuntime({ timeZone: 'Europe/Paris' });
    const rows: unknown[][] = [HEADER];
    for (let i = 0; i < 3000; i++) {
      rows.push(
        rowOf(HEADER, { ...LEAD_ROWS[i % 5], 'Lead ID': `B${i}`, Owner: `Owner ${i % 4}` }),
      );
    }
    big.addSheet('Leads', rows);
    big.load();
    big.setNow(NOW);
    big.call('runMonthlyReview', '2026-03');
    big.calls.reset();
    big.call('runMonthlyReview', '2026-03');
    // a few more rows in the per-owner table and two toasts; nothing per lead
    expect(big.calls.sheets).toBeLessThanOrEqual(small + 10);
    expect(big.calls.of('Range.getValues')).toBe(2); // Leads + SLA History
  });

  it('an empty month is an honest review, not an error', () => {
    rt.call('runMonthlyReview', '2025-06');
    const review = sheet(rt.toWorkbook(), 'SLA Review 2025-06')!;
    const cells = texts(review.values);
    expect(cells.some((c) => c.startsWith('No lead was created'))).toBe(true);
    expect(cells).toContain('no data');
  });

  it('asks for the month from the menu (default last month, validated)', () => {
    rt.ui.answerPrompt('March 2026');
    rt.ui.answerPrompt('');
    rt.call('runMonthlyReview');
    expect(rt.ui.prompts).toHaveLength(2);
    expect(rt.ui.prompts[0]!.prompt).toContain('leave blank for 2026-03');
    expect(rt.ui.prompts[0]!.prompt).toContain(
      'Leads are dated 2026-02 to 2026-03; most leads: 2026-03 (',
    );
    expect(rt.ui.prompts[1]!.prompt).toContain('is not a month: type it as YYYY-MM');
    expect(sheet(rt.toWorkbook(), 'SLA Review 2026-03')).toBeDefined();
  });

  it('offers an old export its own last month: a blank answer reviews it, not an empty month', () => {
    rt.setNow(new Date('2026-12-06T08:00:00Z'));
    rt.ui.answerPrompt('');
    rt.call('runMonthlyReview');
    const asked = rt.ui.prompts[0]!.prompt;
    expect(asked).toContain('leave blank for 2026-03');
    expect(asked).toContain('2026-11 has no lead; 2026-03 is the last month with leads.');
    const review = sheet(rt.toWorkbook(), 'SLA Review 2026-03')!;
    expect(texts(review.values).some((c) => c.startsWith('No lead was created'))).toBe(false);
    expect(sheet(rt.toWorkbook(), 'SLA Review 2026-11')).toBeUndefined();
  });

  it('cancelling the prompt does nothing', () => {
    const before = JSON.stringify(rt.toWorkbook());
    rt.ui.answerPrompt('', 'CANCEL');
    rt.call('runMonthlyReview');
    expect(JSON.stringify(rt.toWorkbook())).toBe(before);
  });

  it('refuses a bad month argument with a clear message', () => {
    expect(() => rt.call('runMonthlyReview', '2026-13')).toThrow(/month must be YYYY-MM/);
  });

  it('quotes the bad month argument in the message', () => {
    expect(() => rt.call('runMonthlyReview', '2026-13')).toThrow(
      'runMonthlyReview: month must be YYYY-MM, e.g. 2026-03 (got "2026-13")',
    );
  });
});

describe('automatic review and the agreement (test stubs over the built bundle)', () => {
  const code = readFileSync(join(REPO_ROOT, 'dist', 'Code.js'), 'utf8');
  const stubs = `
function __reviewIfDue(d) { return SLA.runMonthlyReviewIfDue(d); }
function __regenerateAgreement() { SLA.regenerateAgreement(); }
`;

  function stubbed(): Runtime {
    const rt = createRuntime({ timeZone: 'Europe/Paris' });
    rt.addSheet('Leads', LEADS);
    rt.loadSource(code + stubs);
    rt.setNow(NOW);
    return rt;
  }

  it('creates last month once on the first run of the month', () => {
    const rt = stubbed();
    expect(rt.call('__reviewIfDue', new Date('2026-04-01T06:00:00Z'))).toBe('2026-03');
    expect(rt.call('__reviewIfDue', new Date('2026-04-20T06:00:00Z'))).toBeNull();
    expect(sheet(rt.toWorkbook(), 'SLA Review 2026-03')).toBeDefined();
    expect(rt.call('__reviewIfDue', new Date('2026-05-01T06:00:00Z'))).toBe('2026-04');
  });

  it('the monitoring timer makes the review once a month through its hook', () => {
    const rt = setup();
    rt.setNow(new Date('2026-04-01T06:00:00Z'));
    rt.call('onSlaTimer', {});
    expect(sheet(rt.toWorkbook(), 'SLA Review 2026-03')).toBeDefined();
    expect(rt.documentProperties.getProperty('sla.review.lastAutoMonth')).toBe('2026-03');
    const reviewSheet = rt.spreadsheet.getSheetByName('SLA Review 2026-03')!;
    reviewSheet.getRange(1, 1).setValue('seen');
    rt.setNow(new Date('2026-04-01T07:00:00Z'));
    rt.call('onSlaTimer', {});
    expect(rt.spreadsheet.getSheetByName('SLA Review 2026-03')!.getRange(1, 1).getValue()).toBe(
      'seen',
    );
  });

  it('honours autoMonthlyReview off', () => {
    const rt = stubbed();
    const s = defaultSettings();
    s.monitoring.autoMonthlyReview = false;
    storeSettings(rt, s);
    expect(rt.call('__reviewIfDue', new Date('2026-04-01T06:00:00Z'))).toBeNull();
    expect(sheet(rt.toWorkbook(), 'SLA Review 2026-03')).toBeUndefined();
  });

  it('setUpWorkbook writes the agreement; regenerate rewrites only it and keeps signatures', () => {
    const rt = stubbed();
    rt.call('setUpWorkbook');
    let agreement = sheet(rt.toWorkbook(), 'SLA Agreement')!;
    const cells = texts(agreement.values);
    expect(cells).toContain('SLA Agreement between Marketing and Sales');
    expect(cells).toContain('Decision maker: Job title contains "director" → +15 fit');
    expect(cells).toContain('Hot: first contact within 1 business hour of the hand-off.');
    expect(
      cells.some((c) => c.startsWith('67 to 67') || c.startsWith('66 to 67 MQL a month')),
    ).toBe(true);
    // a team signs, a definition starting with = is saved, the agreement is regenerated
    const signRow = agreement.values.findIndex((r) => r[0] === 'Sales') + 1;
    rt.spreadsheet
      .getSheetByName('SLA Agreement')!
      .getRange(signRow, 2, 1, 3)
      .setValues([['Sam, head of sales', 'Sam', '2026-04-02']]);
    const s = defaultSettings();
    s.definitions.mql = '=a lead with a score of 50+';
    storeSettings(rt, s);
    const before = others(rt, ['SLA Agreement']);
    rt.call('__regenerateAgreement');
    agreement = sheet(rt.toWorkbook(), 'SLA Agreement')!;
    expect(texts(agreement.values)).toContain('=a lead with a score of 50+');
    expect(rt.formulaWrites).toEqual([]);
    const signed = agreement.values.find((r) => r[0] === 'Sales')!;
    expect(signed.slice(1, 4)).toEqual(['Sam, head of sales', 'Sam', '2026-04-02']);
    expect(others(rt, ['SLA Agreement'])).toEqual(before);
  });
});
