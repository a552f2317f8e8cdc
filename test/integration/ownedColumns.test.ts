/** SPEC "Columns we own": ours carry our mark; the team's column of one of our names stays theirs. */
import { describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../runtime/index.ts';
import { paris } from '../fixtures/dates.ts';
import { runLog } from '../fixtures/properties.ts';

/** A Zoho CRM Leads export: its own `Score` (Zoho's lead scoring), handed-off leads. */
const ZOHO = [
  [
    'Record Id',
    'Lead Owner',
    'Lead Status',
    'Rating',
    'Score',
    'Created Time',
    'Email',
    'Designation',
  ],
  ['zcrm_1', 'Ann', 'Not Contacted', 'Hot', 87, paris('2026-11-23T08:30'), 'a@acme.io', 'Director'],
  ['zcrm_2', 'Ann', 'Contacted', 'Warm', 12, paris('2026-11-20T10:00'), 'b@acme.io', 'Analyst'],
  ['zcrm_3', 'Bob', 'Not Contacted', 'Cold', 55, paris('2026-11-19T10:00'), 'c@acme.io', ''],
];

function runtime(rows: unknown[][]): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.addSheet('Leads', rows);
  rt.load();
  rt.setNow(paris('2026-11-23T10:00'));
  return rt;
}

const values = (rt: Runtime) => rt.spreadsheet.getSheetByName('Leads')!.getDataRange().getValues();
const column = (rt: Runtime, header: string) => {
  const v = values(rt);
  const c = v[0]!.indexOf(header);
  return c < 0 ? null : v.slice(1).map((r) => r[c]);
};

describe('columns we own', () => {
  it("keeps the team's Score as it is, check after check, and writes ours beside it", () => {
    const rt = runtime(ZOHO);
    rt.call('checkLeadsNow');
    rt.advance(3_600_000);
    rt.call('checkLeadsNow');
    expect(column(rt, 'Score')).toEqual([87, 12, 55]);
    const ours = column(rt, 'Score (SLA Sheets)');
    expect(ours).not.toBeNull();
    for (const score of ours!) expect(typeof score).toBe('number');
    expect(values(rt)[0]).toEqual([
      ...ZOHO[0]!,
      'Score (SLA Sheets)',
      'Qualification',
      'SLA deadline',
      'SLA status',
      'Next attempt due',
    ]);
    // said once, when our column was made beside theirs
    const said = runLog(rt, 'check').flatMap((e) => e.notes ?? []);
    expect(said.filter((n) => /"Score" is a column of yours/.test(n))).toHaveLength(1);
    // a scoring criterion on Score reads the team's score as data
    expect(String(column(rt, 'SLA status')![0])).toMatch(/^(Due|At risk|Overdue)/);
  });

  it('finds ours by their mark wherever the team moves them, under any header', () => {
    const rt = runtime(ZOHO);
    rt.call('checkLeadsNow');
    const sheet = rt.spreadsheet.getSheetByName('Leads')!;
    sheet.insertColumnsBefore(1, 1);
    const status = values(rt)[0]!.indexOf('SLA status') + 1;
    sheet.getRange(1, status).setValue('Our SLA');
    rt.advance(3_600_000);
    rt.call('checkLeadsNow');
    const head = values(rt)[0]!;
    // nothing created again, the renamed column still written
    expect(head.filter((h) => /SLA status|Our SLA/.test(String(h)))).toEqual(['Our SLA']);
    expect(String(column(rt, 'Our SLA')![2])).toMatch(/^Overdue/);
    expect(column(rt, 'Score')).toEqual([87, 12, 55]);
  });

  it('keeps a workbook checked before columns were marked working: its columns are adopted', () => {
    // an older version appended the four it lacked after the team's columns, Score being theirs
    const header = ['Lead ID', 'Owner', 'Score', 'Stage', 'Handed off at'];
    const legacy = [
      [...header, 'Qualification', 'SLA deadline', 'SLA status', 'Next attempt due'],
      ['L1', 'Ann', 40, 'MQL', paris('2026-11-23T09:00'), 'MQL', '', 'Due', ''],
    ];
    const rt = runtime(legacy);
    rt.call('checkLeadsNow');
    const head = values(rt)[0]!;
    // no column created: the four beside SLA status were ours; Score, apart, is the team's
    expect(head).toEqual([
      ...header,
      'Qualification',
      'SLA deadline',
      'SLA status',
      'Next attempt due',
      'Score (SLA Sheets)',
    ]);
    expect(column(rt, 'Score')).toEqual([40]);
    expect(column(rt, 'SLA status')).toEqual(['Due · 7 h left']);
  });
});
