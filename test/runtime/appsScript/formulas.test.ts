import { describe, expect, it } from 'vitest';
import { splitArgs } from '../../../runtime/appsScript/formulas.ts';
import { createRuntime } from '../../../runtime/index.ts';
import { setFormulas } from '../fixtures.ts';

const BUNDLE = `var SLA = {};
function SLA_REPS(mql, weeks, perRep, rounding) {
  var v = mql / weeks / perRep;
  return rounding === 'up' ? Math.ceil(v) : v;
}
function SLA_SUM(range) {
  var t = 0;
  for (var i = 0; i < range.length; i++) for (var j = 0; j < range[i].length; j++) t += Number(range[i][j]) || 0;
  return t;
}
function SLA_TABLE(n) {
  var out = [['Stage', 'Needed']];
  for (var i = 1; i <= n; i++) out.push(['S' + i, i * 10]);
  return out;
}
function SLA_COL(a, b) { return [a, b]; }
function SLA_RATE(r) { return r; }
function SLA_FAIL() { throw new Error('SLA_FAIL: arg must be a number (got "x")'); }
function SLA_WRITE() { SpreadsheetApp.getActive().getActiveSheet().getRange('Z1').setValue(1); return 1; }
function SLA_DATE(d) { return d instanceof Date ? new Date(d.getTime() + 3600000) : 'no'; }
`;

function setup() {
  const rt = createRuntime();
  rt.loadSource(BUNDLE);
  const s = rt.addSheet('Planning', [
    [800, 47, 8, 'up'],
    [1, 2, 3, ''],
  ]);
  return { rt, s };
}

describe('formula evaluation through custom functions', () => {
  it('splits arguments', () => {
    expect(splitArgs('A1, "a,b", {1,2;3,4}, 50%')).toEqual(['A1', '"a,b"', '{1,2;3,4}', '50%']);
    expect(splitArgs('')).toEqual([]);
  });

  it('evaluates literals, percentages, cell and range references; spills tables', () => {
    const { rt, s } = setup();
    setFormulas(s, {
      A4: '=SLA_REPS(A1, B1, C1, D1)',
      B4: '=SLA_REPS(800, 47, 8)',
      C4: '=SLA_SUM(A1:C2)',
      D4: '=SLA_RATE(50%)',
      A6: '=SLA_TABLE(2)',
      D6: '=SLA_COL("x", TRUE)',
      E6: "=SLA_SUM('Planning'!A2:C2)",
      F6: '=SLA_RATE(C4)',
      A3: '=SLA_RATE(E6)', // depends on a later cell: needs a second pass
    });
    const errors = rt.evaluateFormulas('Planning');
    expect(errors).toEqual([]);
    expect(s.getRange('A4:D4').getValues()).toEqual([[3, 800 / 47 / 8, 861, 0.5]]);
    expect(s.getRange('A6:B8').getValues()).toEqual([
      ['Stage', 'Needed'],
      ['S1', 10],
      ['S2', 20],
    ]);
    expect(s.getRange('D6:D7').getValues()).toEqual([['x'], [true]]);
    expect(s.getRange('E6:F6').getValues()).toEqual([[6, 861]]);
    expect(s.getRange('A3').getValue()).toBe(6);
    // formulas are kept; spilled cells hold values only
    expect(s.getRange('A6').getFormula()).toBe('=SLA_TABLE(2)');
    expect(s.getRange('A7').getFormula()).toBe('');
    // re-evaluating after a change shrinks the spill
    s.getRange('A6').setFormula('=SLA_TABLE(1)');
    rt.evaluateFormulas();
    expect(s.getRange('A8:B8').getValues()).toEqual([['', '']]);
  });

  it('shows errors like Sheets: #ERROR!, #NAME?, #REF! for blocked spills, no writes allowed', () => {
    const { rt, s } = setup();
    setFormulas(s, {
      A10: '=SLA_FAIL()',
      B10: '=NOPE(1)',
      C10: '=SLA_TABLE(1)',
      E10: '=SLA_WRITE()',
      F10: '=SLA_RATE(A10)',
    });
    s.getRange('C11').setValue('in the way');
    const errors = rt.evaluateFormulas();
    expect(s.getRange('A10:F10').getValues()).toEqual([
      ['#ERROR!', '#NAME?', '#REF!', '', '#ERROR!', '#ERROR!'],
    ]);
    expect(errors.map((e) => [e.a1, e.message])).toEqual([
      ['A10', 'SLA_FAIL: arg must be a number (got "x")'],
      ['B10', "Unknown function: 'NOPE'."],
      ['C10', 'Array result was not expanded because it would overwrite data in C11.'],
      ['E10', 'You do not have permission to call Range.setValue'],
      ['F10', 'Referenced cell holds #ERROR!'],
    ]);
    expect(s.getRange('Z1').getValue()).toBe('');
  });

  it('passes dates from cells', () => {
    const { rt, s } = setup();
    s.getRange('A12').setValue(new Date('2024-01-01T09:00:00Z'));
    s.getRange('B12').setFormula('=SLA_DATE(A12)');
    rt.evaluateFormulas();
    expect((s.getRange('B12').getValue() as Date).toISOString()).toBe('2024-01-01T10:00:00.000Z');
  });
});
