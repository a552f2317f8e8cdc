import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../../runtime/index.ts';
import { runtimeWithScript, tempDir } from '../fixtures.ts';

const BUNDLE = `var SLA = (function () { var counter = 0; return { bump: function () { return ++counter; } }; })();
function hello(x) { return SpreadsheetApp.getActiveSpreadsheet().getName() + x; }
function bump() { return SLA.bump(); }
function clock() { var d = new Date(); return [d.toISOString(), Date.now(), d instanceof Date, new Date(0).toISOString(), typeof Date()]; }
function dates() {
  var v = SpreadsheetApp.getActive().getSheetByName('Leads').getRange('A1:B1').getValues();
  var copy = new Date(v[0][0]);
  return [v[0][0] instanceof Date, v instanceof Array, v[0] instanceof Array, copy instanceof Date, copy.getTime() === v[0][0].getTime(), typeof v[0][1]];
}
function writeDate() {
  var d = new Date(Date.UTC(2024, 0, 2, 3, 4, 5));
  SpreadsheetApp.getActive().getSheetByName('Leads').getRange('C1').setValue(d);
  d.setUTCFullYear(1990);
  return SpreadsheetApp.getActive().getSheetByName('Leads').getRange('C1').getValue() instanceof Date;
}
function readMany() {
  var s = SpreadsheetApp.getActive().getSheetByName('Leads');
  var v = s.getDataRange().getValues();
  s.getRange(1, 5, v.length, 1).setValues(v.map(function (r) { return [r[1]]; }));
  s.getRange(1, 5, v.length, 1).setBackgrounds(v.map(function () { return ['#f4cccc']; }));
  return v.length;
}
function args(a, o) { return [Array.isArray(a), a instanceof Array, o instanceof Object, Object.getPrototypeOf(o) === Object.prototype, String(o.authMode)]; }
function onOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Set up', 'setUpWorkbook').addToUi();
  if (e && e.authMode !== ScriptApp.AuthMode.NONE) {
    PropertiesService.getDocumentProperties().setProperty('opened', 'yes');
  }
}
function badOnOpen(e) {
  SpreadsheetApp.getUi().createAddonMenu().addItem('Set up', 'setUpWorkbook').addToUi();
  return SpreadsheetApp.getActiveSpreadsheet().getSheets().length;
}
function SLA_READ(x) { return SpreadsheetApp.getActive().getSheetByName('Leads').getRange('B1').getValue() + x; }
function SLA_WRITE() { SpreadsheetApp.getActive().getSheetByName('Leads').getRange('A1').setValue(1); }
function SLA_PROPS() { return PropertiesService.getDocumentProperties().getProperty('k'); }
function SLA_SETPROP() { PropertiesService.getDocumentProperties().setProperty('k', 'v'); }
function SLA_UI() { SpreadsheetApp.getUi(); }
function SLA_TOAST() { SpreadsheetApp.getActive().toast('x'); }
function SLA_TRIGGER() { ScriptApp.newTrigger('x').timeBased().everyHours(1).create(); }
function SLA_INSERT() { SpreadsheetApp.getActive().insertSheet('X'); }
function SLA_BG() { SpreadsheetApp.getActive().getSheetByName('Leads').getRange('A1').setBackground('red'); }
function logs() { Logger.log('n=%s', 3); console.log('hello', { a: 1 }); console.warn('careful'); }
`;

function runtime() {
  return runtimeWithScript(
    BUNDLE,
    { name: 'Pipeline' },
    { Leads: [[new Date('2024-01-01T09:00:00Z'), 'x']] },
  );
}

describe('loading a bundle into the vm', () => {
  it('loads a file and calls top-level functions', () => {
    const dir = tempDir();
    const file = join(dir, 'Code.js');
    writeFileSync(
      file,
      'var SLA = {}; function hello(x){ return SpreadsheetApp.getActiveSpreadsheet().getName() + x }',
    );
    const rt = createRuntime({ name: 'Book' });
    rt.load(file);
    expect(rt.call('hello', '!')).toBe('Book!');
    expect(rt.globalNames()).toEqual(['hello']);
    expect(() => rt.call('nope')).toThrow('Script function not found: nope');
    expect(() => rt.load(join(dir, 'missing.js'))).toThrow(/Bundle not found/);
  });

  it('lists the global functions', () => {
    const rt = runtime();
    expect(rt.globalNames()).toContain('SLA_READ');
    expect(rt.globalNames()).not.toContain('SpreadsheetApp');
    expect(rt.globalNames()).not.toContain('Date');
  });

  it('starts every execution with fresh globals, like Apps Script (unless persistent)', () => {
    const rt = runtime();
    expect(rt.call('bump')).toBe(1);
    expect(rt.call('bump')).toBe(1);
    const p = createRuntime({ persistentGlobals: true });
    p.loadSource(BUNDLE);
    expect(p.call('bump')).toBe(1);
    expect(p.call('bump')).toBe(2);
  });
});

describe('clock and realms', () => {
  it('new Date() and Date.now() read the runtime clock; new Date(x) is normal', () => {
    const rt = runtime();
    rt.setNow(new Date('2024-03-04T05:06:07Z'));
    expect(rt.call('clock')).toEqual([
      '2024-03-04T05:06:07.000Z',
      Date.parse('2024-03-04T05:06:07Z'),
      true,
      '1970-01-01T00:00:00.000Z',
      'string',
    ]);
    const fixed = createRuntime({ now: () => new Date('2030-01-01T00:00:00Z') });
    fixed.loadSource(BUNDLE);
    expect((fixed.call('clock') as unknown[])[0]).toBe('2030-01-01T00:00:00.000Z');
  });

  it('dates and arrays crossing into the vm pass instanceof checks', () => {
    const rt = runtime();
    expect(rt.call('dates')).toEqual([true, true, true, true, true, 'string']);
    expect(rt.call('args', [1], { authMode: 'FULL' })).toEqual([true, true, true, true, 'FULL']);
    expect(rt.call('writeDate')).toBe(true);
    const stored = rt.spreadsheet.getSheetByName('Leads')!.getRange('C1').getValue() as Date;
    expect(stored.toISOString()).toBe('2024-01-02T03:04:05.000Z');
    expect(stored).toBeInstanceOf(Date);
  });

  it('records logs', () => {
    const rt = runtime();
    rt.call('logs');
    expect(rt.logs).toEqual(['n=3', 'hello { a: 1 }', 'careful']);
  });
});

describe('call counting', () => {
  it('counts every service call, per method, and resets', () => {
    const rt = runtime();
    rt.calls.reset();
    rt.call('readMany');
    expect(rt.calls.byMethod['Range.getValues']).toBe(1);
    expect(rt.calls.byMethod['Range.setValues']).toBe(1);
    expect(rt.calls.byMethod['Range.setBackgrounds']).toBe(1);
    expect(rt.calls.total).toBe(rt.calls.sheets);
    const small = rt.calls.total;
    const big = createRuntime();
    big.addSheet(
      'Leads',
      Array.from({ length: 5000 }, (_, i) => [i, `n${i}`]),
    );
    big.loadSource(BUNDLE);
    big.calls.reset();
    expect(big.call('readMany')).toBe(5000);
    expect(big.calls.total).toBe(small);
    rt.calls.reset();
    expect(rt.calls.total).toBe(0);
    expect(rt.calls.byMethod).toEqual({});
  });

  it('addSheet does not count', () => {
    const rt = createRuntime();
    rt.addSheet('A', [[1]]);
    expect(rt.calls.total).toBe(0);
  });
});

describe('authorization modes', () => {
  it('AuthMode NONE: menus only; anything else throws', () => {
    const rt = runtime();
    rt.call('onOpen', { authMode: 'NONE' });
    expect(rt.ui.menus).toHaveLength(1);
    expect(rt.documentProperties.getProperty('opened')).toBeNull();
    expect(() => rt.call('badOnOpen', { authMode: 'NONE' })).toThrow(
      'You do not have permission to call SpreadsheetApp.getActiveSpreadsheet',
    );
    expect(() => rt.callWithAuth('NONE', 'SLA_PROPS')).toThrow(
      'You do not have permission to call PropertiesService.getDocumentProperties',
    );
    rt.call('onOpen', { authMode: 'FULL' });
    expect(rt.documentProperties.getProperty('opened')).toBe('yes');
  });

  it('LIMITED cannot manage triggers', () => {
    const rt = runtime();
    expect(rt.callWithAuth('LIMITED', 'badOnOpen')).toBe(2);
    expect(() => rt.callWithAuth('LIMITED', 'SLA_TRIGGER')).toThrow(
      'You do not have permission to call ScriptApp.newTrigger',
    );
  });

  it('custom functions read but never write', () => {
    const rt = runtime();
    rt.documentProperties.setProperty('k', 'v0');
    expect(rt.callCustomFunction('SLA_READ', '!')).toBe('x!');
    expect(rt.callCustomFunction('SLA_PROPS')).toBe('v0');
    const denied: [string, string][] = [
      ['SLA_WRITE', 'Range.setValue'],
      ['SLA_SETPROP', 'Properties.setProperty'],
      ['SLA_TOAST', 'Spreadsheet.toast'],
      ['SLA_TRIGGER', 'ScriptApp.newTrigger'],
      ['SLA_INSERT', 'Spreadsheet.insertSheet'],
      ['SLA_BG', 'Range.setBackground'],
    ];
    for (const [fn, method] of denied) {
      expect(() => rt.callCustomFunction(fn)).toThrow(
        `You do not have permission to call ${method}`,
      );
    }
    expect(() => rt.callCustomFunction('SLA_UI')).toThrow(
      'Cannot call SpreadsheetApp.getUi() from this context.',
    );
    expect(rt.spreadsheet.getSheetByName('Leads')!.getRange('A1').getValue()).toBeInstanceOf(Date);
    // the same functions work with full authorization
    rt.call('SLA_SETPROP');
    expect(rt.documentProperties.getProperty('k')).toBe('v');
  });
});
