/**
 * An edit gives the status the next check gives: the edit trigger reads the edited rows as the
 * check reads the whole sheet (each date column in the order the check proved on it, the same
 * value maps, the same activity log).
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { columnToLetters, createRuntime, type Runtime } from '../../runtime/index.ts';
import { NOW } from './leadsHelpers.ts';

const HEADER = [
  'Record ID',
  'Lifecycle Stage',
  'Lead Status',
  'Owner Assigned Date',
  'Number of times contacted',
  'Last Contacted',
];
const CALLS = ['LEADID', 'Call Start Time', 'Outgoing Call Status'];

/** `dd/mm/2026 hh:mm`, or month-first: the column's order. */
function text(day: number, month: number, hour: number, dayFirst: boolean): string {
  const [d, m] = [String(day).padStart(2, '0'), String(month).padStart(2, '0')];
  return `${dayFirst ? `${d}/${m}` : `${m}/${d}`}/2026 ${String(hour).padStart(2, '0')}:30`;
}

const when = fc.record({
  day: fc.integer({ min: 1, max: 28 }),
  month: fc.integer({ min: 10, max: 11 }),
  hour: fc.integer({ min: 8, max: 18 }),
});

const edit = fc.oneof(
  when.map((w) => ({ column: 'Owner Assigned Date', value: w })),
  fc
    .constantFrom('Marketing Qualified Lead', 'salesqualifiedlead', 'Opportunity', 'Customer')
    .map((value) => ({ column: 'Lifecycle Stage', value })),
  fc.constantFrom('Connected', 'Attempted to Contact', 'New', 'Information Sent').map((value) => ({
    column: 'Lead Status',
    value,
  })),
  fc.integer({ min: 0, max: 6 }).map((value) => ({ column: 'Number of times contacted', value })),
);

function workbook(dayFirst: boolean, calls: boolean): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris', locale: 'en_US' });
  const rows = [
    [101, 'Marketing Qualified Lead', 'New', text(20, 11, 10, dayFirst), 0, ''],
    [
      102,
      'salesqualifiedlead',
      'Connected',
      text(19, 11, 9, dayFirst),
      1,
      text(19, 11, 11, dayFirst),
    ],
    [103, 'Opportunity', '', text(13, 11, 14, dayFirst), '', ''], // the 13th proves the order
    [104, 'Lead', 'Attempted to Contact', text(2, 11, 16, dayFirst), 2, ''],
  ];
  rt.addSheet('contacts', [HEADER, ...rows]);
  if (calls)
    rt.addSheet('Calls', [
      CALLS,
      [101, text(20, 11, 11, dayFirst), 'Completed'],
      [104, text(3, 11, 9, dayFirst), 'Completed'],
    ]);
  rt.load();
  rt.setNow(NOW);
  rt.call('checkLeadsNow');
  return rt;
}

function statusOf(rt: Runtime, row: number): string {
  const sheet = rt.spreadsheet.getSheetByName('contacts')!;
  const values = sheet.getDataRange().getValues();
  return String(values[row - 1]![values[0]!.indexOf('SLA status')]);
}

describe('the edit trigger and the next check', () => {
  it('give an edited lead the same status', () => {
    fc.assert(
      fc.property(
        fc.boolean(),
        fc.boolean(),
        fc.integer({ min: 2, max: 5 }),
        edit,
        (dayFirst, calls, row, change) => {
          const rt = workbook(dayFirst, calls);
          const col = columnToLetters(HEADER.indexOf(change.column) + 1);
          const value =
            typeof change.value === 'object'
              ? text(change.value.day, change.value.month, change.value.hour, dayFirst)
              : change.value;
          rt.edit('contacts', `${col}${row}`, [[value]]);
          const afterEdit = statusOf(rt, row);
          rt.call('checkLeadsNow');
          expect(afterEdit, `${change.column} ← ${value}`).toBe(statusOf(rt, row));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('reads an ambiguous hand-off typed in a day-first column as the check does (10/12 is 10 December)', () => {
    const rt = workbook(true, false);
    rt.edit('contacts', 'D2', [['10/12/2026 09:30']]);
    expect(statusOf(rt, 2)).toMatch(/^Due/);
    rt.call('checkLeadsNow');
    expect(statusOf(rt, 2)).toMatch(/^Due/);
  });
});
