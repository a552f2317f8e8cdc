/**
 * The runtime behaves like Apps Script where the add-in relies on it: zone IDs, property sizes
 * in bytes, per-user triggers, and custom functions recalculated only when their arguments change.
 */
import { describe, expect, it, vi } from 'vitest';
import { formatJavaDate } from '../../../runtime/appsScript/formatDate.ts';
import { runtimeWithScript, setFormulas } from '../fixtures.ts';

const JAN = new Date(Date.UTC(2026, 0, 15, 12));
const JUL = new Date(Date.UTC(2026, 6, 15, 12));
const longName = (zone: string, d: Date) => formatJavaDate(d, zone, 'zzzz');

describe('Utilities.formatDate and zone IDs', () => {
  it('reads an ID Java does not know as GMT, silently, whatever its case or spaces', () => {
    for (const unknown of [
      'Mars/Olympus',
      'europe/paris',
      'Europe/paris',
      ' Europe/Paris',
      'UTC+1',
      'gmt',
    ]) {
      expect(longName(unknown, JAN)).toBe('Greenwich Mean Time');
      expect(longName(unknown, JUL)).toBe('Greenwich Mean Time');
      expect(formatJavaDate(JUL, unknown, 'HH:mm Z')).toBe('12:00 +0000');
    }
  });

  it('knows exact IANA names, their aliases and Java custom IDs', () => {
    expect(formatJavaDate(JUL, 'Europe/Paris', 'HH:mm Z')).toBe('14:00 +0200');
    expect(formatJavaDate(JAN, 'US/Eastern', 'HH:mm Z')).toBe('07:00 -0500');
    expect(formatJavaDate(JAN, 'Asia/Kolkata', 'HH:mm Z')).toBe('17:30 +0530');
    expect(formatJavaDate(JAN, 'GMT+01:00', 'HH:mm Z')).toBe('13:00 +0100');
    expect(longName('UTC', JAN)).toBe('Coordinated Universal Time');
    // a zone really on GMT all year has GMT's long name too: only its ID tells it apart
    expect(longName('Africa/Abidjan', JUL)).toBe('Greenwich Mean Time');
  });
});

describe('PropertiesService in UTF-8 bytes', () => {
  const SCRIPT = `var SLA = {};
function put(k, v) { PropertiesService.getDocumentProperties().setProperty(k, v); return PropertiesService.getDocumentProperties().getProperty(k) === v; }`;

  it('takes 9 KB of Japanese (3,072 characters) in one value, not one character more', () => {
    const r = runtimeWithScript(SCRIPT);
    expect(r.call('put', 'a', 'あ'.repeat(3072))).toBe(true);
    expect(() => r.call('put', 'b', 'あ'.repeat(3073))).toThrow('Argument too large: value');
    expect(() => r.call('put', 'c', '😀'.repeat(2305))).toThrow('Argument too large: value');
  });

  it('stops a store at 500 KB, keys and values together', () => {
    const r = runtimeWithScript(SCRIPT);
    for (let i = 0; i < 56; i++) r.call('put', `k${String(i).padStart(2, '0')}`, 'x'.repeat(9000));
    expect(() => r.call('put', 'last', 'x'.repeat(9000))).toThrow(/property storage quota/);
  });
});

describe('triggers belong to the user who made them', () => {
  const SCRIPT = `var SLA = {};
function install() { return ScriptApp.newTrigger('tick').timeBased().everyHours(1).create().getUniqueId(); }
function mine() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getUniqueId(); }); }
function mineHere() { return ScriptApp.getUserTriggers(SpreadsheetApp.getActive()).map(function (t) { return t.getUniqueId(); }); }
function removeAll() { ScriptApp.getProjectTriggers().forEach(function (t) { ScriptApp.deleteTrigger(t); }); }
function me() { return Session.getEffectiveUser().getEmail(); }
function tick() { SpreadsheetApp.getActive().getSheets()[0].appendRow([Session.getEffectiveUser().getEmail()]); }`;

  it('each user sees and deletes only their own; each trigger runs as its owner', () => {
    const r = runtimeWithScript(SCRIPT, { userEmail: 'ann@example.com' });
    const ann = r.call('install') as string;
    r.setUser('bob@example.com');
    expect(r.call('me')).toBe('bob@example.com');
    expect(r.call('mine')).toEqual([]);
    const bob = r.call('install') as string;
    r.call('removeAll');
    expect(r.triggers().map((t) => [t.uid, t.owner])).toEqual([[ann, 'ann@example.com']]);
    r.call('install');
    r.fireTimeTriggers();
    const ran = r.spreadsheet.findSheet('Sheet1')!.values.read(0, 0, 2, 1).flat().sort();
    expect(ran).toEqual(['ann@example.com', 'bob@example.com']);
    expect(bob).not.toBe(ann);
  });

  it("lists a bound script's time-driven triggers in getProjectTriggers only; an add-on's in the document too", () => {
    const bound = runtimeWithScript(SCRIPT);
    const uid = bound.call('install');
    expect(bound.call('mine')).toEqual([uid]);
    expect(bound.call('mineHere')).toEqual([]);
    const addOn = runtimeWithScript(SCRIPT, { addOnTriggerLimits: true });
    const id = addOn.call('install');
    expect(addOn.call('mineHere')).toEqual([id]);
  });
});

describe('custom functions in cells', () => {
  const SCRIPT = `var SLA = {};
function TWICE(x) { return 2 * x; }`;

  it('are recalculated only when an argument changes, named ranges included', () => {
    const r = runtimeWithScript(SCRIPT, {}, { Sheet2: [[1, 10]] });
    r.spreadsheet.setNamedRange('FACTOR', r.spreadsheet.getRange('Sheet2!B1'));
    const sheet = r.spreadsheet.findSheet('Sheet2')!;
    setFormulas(sheet, { C1: '=TWICE(A1)', D1: '=TWICE(FACTOR)', E1: '=TWICE(NOPE)' });
    const spy = vi.spyOn(r, 'callCustomFunction');
    const calls = () => spy.mock.calls.length;
    const errors = r.evaluateFormulas('Sheet2');
    expect(sheet.values.read(0, 2, 1, 3)).toEqual([[2, 20, '#NAME?']]);
    expect(errors.map((e) => e.a1)).toEqual(['E1']);
    expect(calls()).toBe(2);
    r.evaluateFormulas('Sheet2');
    expect(calls()).toBe(2); // same arguments: Sheets keeps the results
    sheet.values.set(0, 1, 11);
    r.evaluateFormulas('Sheet2');
    expect(calls()).toBe(3);
    expect(sheet.values.get(0, 3)).toBe(22);
  });
});
