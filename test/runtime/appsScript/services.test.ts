import { describe, expect, it } from 'vitest';
import { formatJavaDate, parseJavaDate } from '../../../runtime/appsScript/formatDate.ts';
import { createRuntime } from '../../../runtime/index.ts';
import { runtimeWithScript } from '../fixtures.ts';

const HELPERS = `
var SLA = {};
function setProp(k, v) { PropertiesService.getDocumentProperties().setProperty(k, v); return typeof PropertiesService.getDocumentProperties().getProperty(k); }
function getProp(k) { return PropertiesService.getDocumentProperties().getProperty(k); }
function allProps() { return PropertiesService.getDocumentProperties().getProperties(); }
function lockTry(ms) { var l = LockService.getDocumentLock(); var ok = l.tryLock(ms); return [ok, l.hasLock()]; }
function lockWait(ms) { var l = LockService.getDocumentLock(); l.waitLock(ms); return l.hasLock(); }
function install(kind, n) {
  var b = ScriptApp.newTrigger('onSlaTimer').timeBased();
  if (kind === 'min') b = b.everyMinutes(n); else b = b.everyHours(n);
  return b.create().getUniqueId();
}
function uninstall() {
  var ts = ScriptApp.getProjectTriggers();
  for (var i = 0; i < ts.length; i++) ScriptApp.deleteTrigger(ts[i]);
  return ts.length;
}
function handlers() { return ScriptApp.getProjectTriggers().map(function (t) { return t.getHandlerFunction() + ':' + t.getEventType(); }); }
var seen = [];
function onSlaTimer(e) {
  SpreadsheetApp.getActive().getSheets()[0].appendRow([e.triggerUid, e.hour, String(e.authMode), new Date().toISOString()]);
}
function cache(k, v) { var c = CacheService.getScriptCache(); c.put(k, v, 60); return c.get(k); }
function cacheGet(k) { return CacheService.getScriptCache().get(k); }
`;

function rt() {
  return runtimeWithScript(HELPERS);
}

describe('PropertiesService', () => {
  it('stores strings, enforces the 9 KB value limit', () => {
    const r = rt();
    expect(r.call('setProp', 'n', 42)).toBe('string');
    expect(r.call('getProp', 'n')).toBe('42');
    expect(r.call('getProp', 'missing')).toBeNull();
    r.call('setProp', 'o', { a: 1 });
    expect(r.documentProperties.getProperty('o')).toBe('[object Object]');
    expect(r.call('allProps')).toEqual({ n: '42', o: '[object Object]' });
    expect(() => r.call('setProp', 'big', 'x'.repeat(9 * 1024 + 1))).toThrow(
      'Argument too large: value',
    );
    expect(() => r.call('setProp', 'ok', 'x'.repeat(9 * 1024))).not.toThrow();
    const p = r.documentProperties;
    p.setProperties({ a: '1', b: 2 }, true);
    expect(p.getKeys().sort()).toEqual(['a', 'b']);
    p.deleteProperty('a');
    expect(p.getProperties()).toEqual({ b: '2' });
    p.deleteAllProperties();
    expect(p.getKeys()).toEqual([]);
  });
});

describe('LockService', () => {
  it('tryLock/waitLock fail while another execution holds the lock; released at the end', () => {
    const r = rt();
    expect(r.call('lockTry', 1000)).toEqual([true, true]);
    // released automatically when the execution ended
    expect(r.call('lockTry', 1000)).toEqual([true, true]);
    const release = r.holdDocumentLock();
    expect(r.call('lockTry', 5000)).toEqual([false, false]);
    expect(() => r.call('lockWait', 30000)).toThrow(
      'Lock timeout: another process was holding the lock for too long.',
    );
    expect(r.lockWaitMs()).toBe(35000);
    release();
    expect(r.call('lockWait', 1000)).toBe(true);
  });
});

describe('ScriptApp triggers', () => {
  it('creates, lists, fires and deletes time-based triggers', () => {
    const r = rt();
    const uid = r.call('install', 'hour', 1);
    expect(typeof uid).toBe('string');
    expect(r.call('handlers')).toEqual(['onSlaTimer:CLOCK']);
    expect(r.triggers()[0]).toMatchObject({ handler: 'onSlaTimer', schedule: { everyHours: 1 } });
    const runs = r.fireTimeTriggers(new Date('2024-03-04T10:15:00Z'));
    expect(runs).toHaveLength(1);
    expect(r.spreadsheet.getSheets()[0]!.getRange('A1:D1').getValues()).toEqual([
      [uid, 10, 'FULL', '2024-03-04T10:15:00.000Z'],
    ]);
    expect(r.call('uninstall')).toBe(1);
    expect(r.call('handlers')).toEqual([]);
  });

  it('validates everyMinutes and everyHours like Apps Script', () => {
    const r = rt();
    for (const n of [1, 5, 10, 15, 30]) expect(() => r.call('install', 'min', n)).not.toThrow();
    expect(() => r.call('install', 'min', 7)).toThrow(/everyMinutes/);
    expect(() => r.call('install', 'hour', 3)).toThrow(/everyHours/);
  });

  it('enforces add-on limits when asked', () => {
    const r = createRuntime({ addOnTriggerLimits: true });
    r.loadSource(HELPERS);
    expect(() => r.call('install', 'min', 5)).toThrow(/once per hour/);
    r.call('install', 'hour', 1);
    expect(() => r.call('install', 'hour', 1)).toThrow(/too many time-based triggers/);
  });

  it('surfaces handler failures after firing', () => {
    const r = createRuntime();
    r.loadSource(
      `${HELPERS}\nfunction boom() { throw new Error('kaput'); }\nfunction installBoom() { ScriptApp.newTrigger('boom').timeBased().everyHours(1).create(); }`,
    );
    r.call('installBoom');
    expect(() => r.fireTimeTriggers()).toThrow('Trigger handler boom failed: kaput');
    expect(r.triggerRuns).toHaveLength(1);
  });
});

describe('CacheService', () => {
  it('expires entries on the runtime clock', () => {
    const r = rt();
    r.setNow(new Date('2024-01-01T00:00:00Z'));
    expect(r.call('cache', 'k', 12)).toBe('12');
    r.advance(59_000);
    expect(r.call('cacheGet', 'k')).toBe('12');
    r.advance(2_000);
    expect(r.call('cacheGet', 'k')).toBeNull();
  });
});

describe('Utilities.formatDate (Java SimpleDateFormat)', () => {
  const f = formatJavaDate;
  it('formats common patterns', () => {
    const d = new Date('2024-01-05T14:03:09.045Z');
    expect(f(d, 'Europe/Paris', "yyyy-MM-dd'T'HH:mm:ss.SSSXXX")).toBe(
      '2024-01-05T15:03:09.045+01:00',
    );
    expect(f(d, 'Europe/Paris', 'EEE d MMM yy, h:mm a')).toBe('Fri 5 Jan 24, 3:03 PM');
    expect(f(d, 'Europe/Paris', 'EEEE dd MMMM yyyy')).toBe('Friday 05 January 2024');
    expect(f(d, 'Europe/Paris', 'u Z z')).toBe('5 +0100 CET');
    expect(f(d, 'UTC', "HH 'o''clock' X")).toBe("14 o'clock Z");
    expect(f(d, 'Asia/Kolkata', 'yyyy-MM-dd HH:mm Z z')).toBe('2024-01-05 19:33 +0530 IST');
    expect(f(d, 'America/New_York', 'hh:mm a XXX z')).toBe('09:03 AM -05:00 EST');
    expect(f(d, 'Not/AZone', 'HH:mm z')).toBe('14:03 GMT');
    expect(() => f(d, 'UTC', 'yyyy-MM-dd q')).toThrow("Illegal pattern character 'q'");
  });

  it.each([
    ['2024-03-31T00:59:00Z', 'Europe/Paris', '2024-03-31 01:59 +0100 CET'],
    ['2024-03-31T01:00:00Z', 'Europe/Paris', '2024-03-31 03:00 +0200 CEST'],
    ['2024-10-27T00:30:00Z', 'Europe/Paris', '2024-10-27 02:30 +0200 CEST'],
    ['2024-10-27T01:30:00Z', 'Europe/Paris', '2024-10-27 02:30 +0100 CET'],
    ['2024-03-10T06:59:00Z', 'America/New_York', '2024-03-10 01:59 -0500 EST'],
    ['2024-03-10T07:00:00Z', 'America/New_York', '2024-03-10 03:00 -0400 EDT'],
    ['2024-11-03T05:30:00Z', 'America/New_York', '2024-11-03 01:30 -0400 EDT'],
    ['2024-11-03T06:30:00Z', 'America/New_York', '2024-11-03 01:30 -0500 EST'],
    ['2024-07-01T00:00:00Z', 'Asia/Kolkata', '2024-07-01 05:30 +0530 IST'],
  ])('handles DST transitions: %s in %s', (iso, zone, expected) => {
    expect(f(new Date(iso), zone, 'yyyy-MM-dd HH:mm Z z')).toBe(expected);
  });

  it('parses dates back (Utilities.parseDate)', () => {
    expect(
      parseJavaDate('2024-03-31 03:00', 'Europe/Paris', 'yyyy-MM-dd HH:mm')?.toISOString(),
    ).toBe('2024-03-31T01:00:00.000Z');
    expect(
      parseJavaDate('2024-01-05T10:00:00+05:30', 'UTC', "yyyy-MM-dd'T'HH:mm:ssXXX")?.toISOString(),
    ).toBe('2024-01-05T04:30:00.000Z');
    expect(parseJavaDate('nope', 'UTC', 'yyyy')).toBeNull();
  });

  it('is reachable from scripts and rejects non-dates', () => {
    const r = createRuntime();
    r.loadSource(`function fd(d) { return Utilities.formatDate(d, 'Europe/Paris', 'HH:mm'); }
      function fs() { return Utilities.formatString('%s has %d leads (%.1f%%)', 'Ann', 3.7, 12.345); }`);
    expect(r.call('fd', new Date('2024-06-01T10:00:00Z'))).toBe('12:00');
    expect(() => r.call('fd', '2024-06-01')).toThrow(
      /don't match the method signature for Utilities.formatDate/,
    );
    expect(r.call('fs')).toBe('Ann has 3 leads (12.3%)');
  });
});

describe('Ui', () => {
  it('records menus, alerts, prompts, sidebars with scripted answers', () => {
    const r = createRuntime({ distDir: '/nonexistent' });
    r.loadSource(`
      function onOpen(e) {
        SpreadsheetApp.getUi().createAddonMenu().addItem('Open', 'showSidebar').addSeparator()
          .addSubMenu(SpreadsheetApp.getUi().createMenu('More').addItem('Check', 'checkLeadsNow')).addToUi();
      }
      function ask() {
        var ui = SpreadsheetApp.getUi();
        var a = ui.alert('Sure?', 'Really?', ui.ButtonSet.YES_NO);
        var p = ui.prompt('Name?');
        return [a == ui.Button.YES, String(a), p.getResponseText(), p.getSelectedButton() === ui.Button.CANCEL];
      }
      function side() {
        SpreadsheetApp.getUi().showSidebar(HtmlService.createHtmlOutput('<p>hi</p>').setTitle('SLA'));
      }
      function missingFile() { return HtmlService.createHtmlOutputFromFile('Sidebar'); }
    `);
    r.call('onOpen', { authMode: 'NONE' });
    expect(r.ui.menus).toHaveLength(1);
    expect(r.ui.menus[0]!.addon).toBe(true);
    expect(r.ui.menuItems()).toEqual([
      { caption: 'Open', functionName: 'showSidebar' },
      { caption: 'Check', functionName: 'checkLeadsNow' },
    ]);
    expect(r.call('ask')).toEqual([true, 'YES', '', false]);
    r.ui.answerAlert('NO');
    r.ui.answerPrompt('Zoe', 'CANCEL');
    expect(r.call('ask')).toEqual([false, 'NO', 'Zoe', true]);
    expect(r.ui.alerts[1]).toMatchObject({
      title: 'Sure?',
      prompt: 'Really?',
      buttons: 'YES_NO',
      answer: 'NO',
    });
    r.call('side');
    expect(r.ui.sidebars).toEqual([
      { kind: 'sidebar', title: 'SLA', content: '<p>hi</p>', width: null, height: null },
    ]);
    expect(() => r.call('missingFile')).toThrow('No HTML file named Sidebar was found.');
  });
});
