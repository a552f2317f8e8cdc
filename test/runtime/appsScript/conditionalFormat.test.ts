import { describe, expect, it } from 'vitest';
import { type CfContext, evaluateCf } from '../../../runtime/appsScript/cfFormula.ts';
import { shiftFormula } from '../../../runtime/appsScript/conditionalFormat.ts';
import { runtimeWithScript } from '../fixtures.ts';

const SCRIPT = `
var SLA = {};
function addRule(formula, a1, color) {
  var sheet = SpreadsheetApp.getActive().getSheetByName('S');
  var rule = SpreadsheetApp.newConditionalFormatRule().whenFormulaSatisfied(formula)
    .setBackground(color).setRanges([sheet.getRange(a1)]).build();
  sheet.setConditionalFormatRules(sheet.getConditionalFormatRules().concat([rule]));
}
function rules() {
  return SpreadsheetApp.getActive().getSheetByName('S').getConditionalFormatRules().map(function (r) {
    return [r.getBooleanCondition().getCriteriaValues()[0], r.getRanges().map(function (x) { return x.getA1Notation(); }).join(' ')];
  });
}
function recalc(v) {
  var ss = SpreadsheetApp.getActive();
  ss.setRecalculationInterval(v === undefined ? SpreadsheetApp.RecalculationInterval.MINUTE : v);
  return String(ss.getRecalculationInterval());
}
function mail(to, html) {
  MailApp.sendEmail({ to: to, subject: 'Hi', body: 'plain', htmlBody: html });
  return MailApp.getRemainingDailyQuota();
}
`;

function cells(values: Record<string, unknown>, at = { row: 2, col: 1 }): CfContext {
  return {
    cell: (r, c) => values[`${String.fromCharCode(64 + c)}${r}`] ?? '',
    zone: 'Europe/Paris',
    nowMs: Date.parse('2026-11-23T09:00:00Z'),
    row: at.row,
    col: at.col,
    anchorRow: 2,
    anchorCol: 1,
  };
}

describe('custom formulas of conditional formats', () => {
  it('reads references relative to the rule’s first cell; $ pins them', () => {
    const ctx = cells({ B2: 'x', B3: 'y', C2: 'pinned' }, { row: 3, col: 1 });
    expect(evaluateCf('=B2', ctx)).toBe('y');
    expect(evaluateCf('=$B$2', ctx)).toBe('x');
    expect(evaluateCf('=$C2&"-"&B$2', ctx)).toBe('-x');
  });

  it('compares dates as serial numbers in the spreadsheet’s zone against NOW()', () => {
    const ctx = cells({
      A2: new Date('2026-11-23T09:00:00Z'),
      A3: new Date('2026-11-23T09:01:00Z'),
    });
    expect(evaluateCf('=NOW()', ctx)).toBeCloseTo(46349 + 10 / 24, 9);
    expect(evaluateCf('=NOW()>=A2', ctx)).toBe(true);
    expect(evaluateCf('=NOW()>$A3', ctx)).toBe(false);
    expect(evaluateCf('=TODAY()', ctx)).toBe(46349);
    expect(evaluateCf('=A2-1/24<NOW()', ctx)).toBe(true);
  });

  it('compares text without case, treats blanks as 0 or "", and knows its functions', () => {
    const ctx = cells({ A2: 'Overdue · 3 h late', B2: 5, C2: '  Hot  ' });
    expect(evaluateCf('=LEFT(A2,7)="OVERDUE"', ctx)).toBe(true);
    expect(evaluateCf('=AND(ISNUMBER(B2),B2>4,NOT(ISNUMBER(A2)))', ctx)).toBe(true);
    expect(evaluateCf('=OR(D2="",D2=0)', ctx)).toBe(true);
    expect(evaluateCf('=IF(TRIM(C2)="hot",1,2)+N("marker")', ctx)).toBe(1);
    expect(evaluateCf('=LEN(RIGHT(A2,6))&UPPER(LOWER("x"))', ctx)).toBe('6X');
    expect(evaluateCf('=-B2*2/4', ctx)).toBe(-2.5);
    expect(evaluateCf('=B2>"a"', ctx)).toBe(false); // numbers sort before text
    expect(evaluateCf('=TRUE', ctx)).toBe(true);
  });

  it('refuses what it does not evaluate rather than guessing', () => {
    expect(() => evaluateCf('=VLOOKUP(A2,B2,2,0)', cells({}))).toThrow(/does not evaluate VLOOKUP/);
    expect(() => evaluateCf('=COUNTIF(B:C,1)', cells({}))).toThrow(/parse error/);
    expect(() => evaluateCf('=AND(', cells({}))).toThrow(/parse error/);
  });

  it('moves references past inserted and deleted lines, leaving strings and function names', () => {
    const f = '=AND(N("SLA Sheets A2")=0,LEFT($P2,7)="Overdue",LOG10($B$1)>0,$Q5>NOW())';
    expect(shiftFormula(f, 'rows', 1, 2)).toBe(
      '=AND(N("SLA Sheets A2")=0,LEFT($P4,7)="Overdue",LOG10($B$1)>0,$Q7>NOW())',
    );
    expect(shiftFormula(f, 'rows', 2, -1)).toBe(
      '=AND(N("SLA Sheets A2")=0,LEFT($P2,7)="Overdue",LOG10($B$1)>0,$Q4>NOW())',
    );
    expect(shiftFormula(f, 'columns', 0, 1)).toBe(
      '=AND(N("SLA Sheets A2")=0,LEFT($Q2,7)="Overdue",LOG10($C$1)>0,$R5>NOW())',
    );
  });
});

describe('conditional-format rules in the sheet model', () => {
  it('show the first rule that holds over the cell’s own colour, at the runtime’s now', () => {
    const rt = runtimeWithScript(
      SCRIPT,
      {},
      { S: [['h'], [new Date('2026-11-23T10:00:00Z')], ['']] },
    );
    rt.call('addRule', '=AND(ISNUMBER($A2),NOW()>$A2)', 'A2:A10', '#ff0000');
    rt.call('addRule', '=ISNUMBER($A2)', 'A2:A10', '#00ff00');
    rt.spreadsheet.getSheetByName('S')!.getRange('A3').setBackground('#0000ff');
    rt.setNow(new Date('2026-11-23T10:00:00Z'));
    expect(rt.shownBackground('S', 'A2')).toBe('#00ff00');
    rt.advance(60_000);
    expect(rt.shownBackground('S', 'A2')).toBe('#ff0000');
    expect(rt.shownBackground('S', 'A3')).toBe('#0000ff');
    expect(rt.shownBackground('S', 'B2')).toBe('#ffffff');
  });

  it('move with inserted and deleted rows and columns, as in Sheets', () => {
    const rt = runtimeWithScript(SCRIPT, {}, { S: [['h']] });
    rt.call('addRule', '=$B2="x"', 'A2:C100', '#ff0000');
    rt.call('addRule', '=$B$1="x"', 'E5:E6', '#00ff00');
    const sheet = rt.spreadsheet.getSheetByName('S')!;
    sheet.insertRowsBefore(2, 3);
    expect(rt.call('rules')).toEqual([
      ['=$B5="x"', 'A5:C103'],
      ['=$B$1="x"', 'E8:E9'],
    ]);
    sheet.insertRowsAfter(10, 1); // inside the first range: it grows
    sheet.deleteRows(1, 1);
    sheet.insertColumnsBefore(1, 1);
    expect(rt.call('rules')).toEqual([
      ['=$C4="x"', 'B4:D103'],
      ['=$C$1="x"', 'F7:F8'],
    ]);
  });
});

describe('the services the live SLA needs', () => {
  it('sets the recalculation interval, refusing anything else', () => {
    const rt = runtimeWithScript(SCRIPT);
    expect(rt.spreadsheet.recalculationInterval).toBe('ON_CHANGE');
    expect(rt.call('recalc')).toBe('MINUTE');
    expect(rt.spreadsheet.recalculationInterval).toBe('MINUTE');
    expect(() => rt.call('recalc', 'EVERY_SECOND')).toThrow(/setRecalculationInterval/);
  });

  it('MailApp records the bodies, spends the quota, refuses bad addresses and an empty quota', () => {
    const rt = runtimeWithScript(SCRIPT);
    rt.setMailQuota(2);
    expect(rt.call('mail', 'a@example.com', '<b>hi</b>')).toBe(1);
    expect(rt.mails[0]).toMatchObject({
      to: 'a@example.com',
      body: 'plain',
      htmlBody: '<b>hi</b>',
    });
    expect(() => rt.call('mail', 'not an address', '')).toThrow(/Invalid email: not an address/);
    expect(rt.call('mail', 'b@example.com', '')).toBe(0);
    expect(() => rt.call('mail', 'c@example.com', '')).toThrow(/too many times for one day: email/);
    expect(rt.mails).toHaveLength(2);
  });

  it('MailApp needs authorization: a simple trigger in LIMITED mode may not send', () => {
    const rt = runtimeWithScript(SCRIPT);
    expect(() => rt.callWithAuth('LIMITED', 'mail', 'a@example.com', '')).toThrow(
      /do not have permission to call MailApp.sendEmail/,
    );
  });
});
