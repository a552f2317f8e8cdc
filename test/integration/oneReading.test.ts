/**
 * One reading of the sheet: the lead check and SLA_SCORE read the same cells the same way (the
 * same date order per column, the same spreadsheet zone, the same time), so the formula gives
 * every row the score the check wrote.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnToLetters, createRuntime, type Runtime } from '../../runtime/index.ts';
import { NOW } from './leadsHelpers.ts';

const HEADER = [
  'Lead ID',
  'Lifecycle Stage',
  'Owner Assigned Date',
  'Job Title',
  'Demo request',
  'Pricing page visits',
  'Last activity at',
];

/** `13/10/2026` day-first or `10/13/2026` month-first: the column's own order. */
function textDate(day: number, month: number, dayFirst: boolean): string {
  const d = String(day).padStart(2, '0');
  const m = String(month).padStart(2, '0');
  return dayFirst ? `${d}/${m}/2026 10:00` : `${m}/${d}/2026 10:00`;
}

const lead = fc.record({
  title: fc.constantFrom('CEO', 'Marketing Director', 'Student', ''),
  demo: fc.constantFrom('yes', '', 'no'),
  visits: fc.integer({ min: 0, max: 5 }),
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 8, max: 11 }),
  stage: fc.constantFrom('Marketing Qualified Lead', 'salesqualifiedlead', 'Lead', 'Opportunity'),
});

function sheetRuntime(
  leads: Array<{
    title: string;
    demo: string;
    visits: number;
    day: number;
    month: number;
    stage: string;
  }>,
  dayFirst: boolean,
  locale: string,
): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris', locale });
  const rows = leads.map((l, i) => [
    `L${i}`,
    l.stage,
    '2026-11-20 10:00',
    l.title,
    l.demo,
    l.visits,
    textDate(l.day, l.month, dayFirst),
  ]);
  // one date that proves the column's order (the 13th can only be a day)
  rows.push(['LX', 'Lead', '2026-11-20 10:00', 'CEO', 'yes', 1, textDate(13, 10, dayFirst)]);
  rt.addSheet('Leads', [HEADER, ...rows]);
  rt.load();
  rt.setNow(NOW);
  return rt;
}

function scoresAfterCheck(rt: Runtime): { check: unknown[]; formula: unknown[] } {
  rt.call('checkLeadsNow');
  const leads = rt.spreadsheet.getSheetByName('Leads')!;
  const values = leads.getDataRange().getValues();
  const scoreCol = values[0]!.indexOf('Score');
  const last = columnToLetters(values[0]!.length);
  const calc = rt.addSheet('Calc', []);
  calc
    .getRange('A1')
    .setFormula(
      `=SLA_SCORE(Leads!A1:${last}1, Leads!A2:${last}${values.length}, SLA_SETTINGS_VERSION, SLA_CHECKED_AT)`,
    );
  expect(rt.evaluateFormulas('Calc')).toEqual([]);
  rt.advance(5 * 86_400_000); // the formula keeps the check's time, whatever the clock says now
  const formula = calc
    .getRange(1, 1, values.length - 1, 1)
    .getValues()
    .map((r) => r[0]);
  return { check: values.slice(1).map((r) => r[scoreCol]), formula };
}

describe('the check and SLA_SCORE', () => {
  it('give every row the same score, whatever order the dates are written in', () => {
    fc.assert(
      fc.property(
        fc.array(lead, { minLength: 1, maxLength: 12 }),
        fc.boolean(),
        fc.constantFrom('en_US', 'fr_FR'),
        (leads, dayFirst, locale) => {
          const { check, formula } = scoresAfterCheck(sheetRuntime(leads, dayFirst, locale));
          expect(formula).toEqual(check);
        },
      ),
      { numRuns: 25 },
    );
  });

  it('counts recency at the time of the check it is given (SLA_CHECKED_AT)', () => {
    const rt = sheetRuntime(
      [{ title: 'CEO', demo: 'yes', visits: 3, day: 26, month: 10, stage: 'Lead' }],
      true,
      'en_US',
    );
    rt.call('checkLeadsNow');
    const checked = rt.spreadsheet.getRangeByName('SLA_CHECKED_AT')!;
    expect(checked.getValue()).toEqual(NOW);
    expect(checked.getSheet().getName()).toBe('SLA Settings');
    // Last activity 28 days before the check: no decay then, decayed 5 days later
    const leads = rt.spreadsheet.getSheetByName('Leads')!;
    const values = leads.getDataRange().getValues();
    const score = values[1]![values[0]!.indexOf('Score')];
    rt.advance(5 * 86_400_000);
    const last = columnToLetters(values[0]!.length);
    const calc = rt.addSheet('Calc', []);
    calc
      .getRange('A1')
      .setFormula(`=SLA_SCORE(Leads!A1:${last}1, Leads!A2:${last}2, , SLA_CHECKED_AT)`);
    calc.getRange('A3').setFormula(`=SLA_SCORE(Leads!A1:${last}1, Leads!A2:${last}2)`);
    expect(rt.evaluateFormulas('Calc')).toEqual([]);
    expect(calc.getRange('A1').getValue()).toBe(score);
    expect(calc.getRange('A3').getValue()).toBeLessThan(score as number);
  });
});

describe('a sheet with none of the scoring columns', () => {
  // a Pipedrive deals export: no job title, company size, demo request or activity column
  const PIPEDRIVE = [
    ['Deal - Title', 'Deal - Owner', 'Deal - Stage', 'Deal - Status', 'Deal - Deal created'],
    ['Acme renewal', 'Sam Lee', 'Lead In', 'open', '11/20/2026 09:00'],
    ['Beta pilot', 'Kim Park', 'Contact Made', 'open', '11/19/2026 10:00'],
  ];

  it('gets no Score and no Qualification from the check, and is told why; SLA_SCORE says why', () => {
    const rt = createRuntime({ timeZone: 'Europe/Paris' });
    rt.addSheet('Leads', PIPEDRIVE);
    rt.load();
    rt.setNow(NOW);
    rt.call('checkLeadsNow');
    const values = rt.spreadsheet.getSheetByName('Leads')!.getDataRange().getValues();
    for (const header of ['Score', 'Qualification']) {
      const c = values[0]!.indexOf(header);
      expect(c, header).toBeGreaterThan(0);
      expect(values.slice(1).map((r) => r[c])).toEqual(['', '']);
    }
    // the statuses are still computed: only the score has nothing to rest on
    const status = values[0]!.indexOf('SLA status');
    expect(values[1]![status]).not.toBe('');
    expect(rt.ui.toasts.at(-1)!.message).toContain(
      "no Score: none of the scoring criteria's columns is in the sheet (choose them in Scoring)",
    );
    const calc = rt.addSheet('Calc', []);
    calc.getRange('A1').setFormula('=SLA_SCORE(Leads!A1:E1, Leads!A2:E3)');
    const errors = rt.evaluateFormulas('Calc');
    expect(errors.map((e) => e.message).join(' ')).toMatch(
      /header_row holds none of the scoring criteria's columns/,
    );
  });
});
