import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../runtime/index.ts';
import { WEEKDAYS } from '../../src/core/common/choices.ts';
import { defaultSettings } from '../../src/core/settings/index.ts';
import { intlZoneClock } from '../../src/core/time/zone.ts';
import type { FunctionEnv } from '../../src/functions/types.ts';
import { parseUtcOffset } from '../../src/sheets/clock.ts';
import { paris } from '../fixtures/dates.ts';
import { customFunctionCaller } from '../fixtures/functions.ts';
import { storeSettings } from '../fixtures/properties.ts';

const NOW = Date.parse('2026-11-23T09:00:00Z');

function env(): FunctionEnv {
  const clock = intlZoneClock('Europe/Paris');
  return {
    settings: () => defaultSettings(),
    clock: () => clock,
    sheetClock: () => clock,
    localeOrder: () => 'dmy',
    knownOrder: () => null,
    nowMs: () => NOW,
  };
}

const call = customFunctionCaller(env);

describe('SLA_DEADLINE', () => {
  it('adds business hours on the settings calendar (Mon–Fri 09:00–18:00)', () => {
    expect(call('SLA_DEADLINE', paris('2026-11-20T10:00'), 8)).toEqual(paris('2026-11-20T18:00'));
    expect(call('SLA_DEADLINE', paris('2026-11-20T17:00'), 2)).toEqual(paris('2026-11-23T10:00'));
    expect(call('SLA_DEADLINE', '2026-11-21 12:00', 1)).toEqual(paris('2026-11-23T10:00'));
  });
  it('works on columns: blank rows blank, a bad row shows its message', () => {
    const out = call(
      'SLA_DEADLINE',
      [[paris('2026-11-20T10:00')], [''], ['abc'], [paris('2026-11-23T09:00')]],
      8,
    ) as unknown[][];
    expect(out[0]![0]).toEqual(paris('2026-11-20T18:00'));
    expect(out[1]![0]).toBe('');
    expect(out[2]![0]).toMatch(/^handed_off_at must be a date \(got "abc"\)/);
    expect(out[3]![0]).toEqual(paris('2026-11-23T17:00'));
  });
  it('per-row hours given as a column', () => {
    const out = call(
      'SLA_DEADLINE',
      [[paris('2026-11-23T09:00')], [paris('2026-11-23T09:00')]],
      [[1], [16]],
    ) as unknown[][];
    expect(out).toEqual([[paris('2026-11-23T10:00')], [paris('2026-11-24T16:00')]]);
  });
  it('throws clear errors on single bad input', () => {
    expect(() => call('SLA_DEADLINE', 'abc', 8)).toThrow(
      /^SLA_DEADLINE: handed_off_at must be a date \(got "abc"\)/,
    );
    expect(() => call('SLA_DEADLINE', paris('2026-11-20T10:00'), -1)).toThrow(
      /^SLA_DEADLINE: response_hours must be 0 or more \(got -1\)/,
    );
    expect(() => call('SLA_DEADLINE', '', 8)).toThrow(/^SLA_DEADLINE: handed_off_at is required/);
  });
});

describe('SLA_BUSINESS_HOURS', () => {
  it('counts business hours between two date-times (negative backwards)', () => {
    expect(call('SLA_BUSINESS_HOURS', paris('2026-11-20T10:00'), paris('2026-11-23T10:00'))).toBe(
      9,
    );
    expect(call('SLA_BUSINESS_HOURS', paris('2026-11-23T10:00'), paris('2026-11-20T10:00'))).toBe(
      -9,
    );
    expect(call('SLA_BUSINESS_HOURS', paris('2026-11-21T10:00'), paris('2026-11-22T10:00'))).toBe(
      0,
    );
  });
  it('names the argument on bad input', () => {
    expect(() => call('SLA_BUSINESS_HOURS', paris('2026-11-21T10:00'), 'soon')).toThrow(
      /^SLA_BUSINESS_HOURS: end must be a date \(got "soon"\)/,
    );
  });
});

describe('SLA_SCORE', () => {
  const header = [['Name', 'Job title', 'Company size', 'Demo request', 'Pricing page visits']];
  it('gives Score, Fit, Interest, Qualification per row; blank rows blank', () => {
    const out = call('SLA_SCORE', header, [
      ['Ann', 'Marketing Director', 200, 'yes', 4],
      ['', '', '', '', ''],
      ['Bob', 'Student', 5, 'no', 0],
    ]);
    expect(out).toEqual([
      [90, 30, 60, 'Hand off'],
      ['', '', '', ''],
      [-30, -30, 0, 'Lead'],
    ]);
  });
  it('one row in, one row of four out', () => {
    expect(call('SLA_SCORE', header, [['Ann', 'CEO', 60, '', 3]])).toEqual([[55, 35, 20, 'MQL']]);
  });
  it('refuses mismatched widths and a multi-row header', () => {
    expect(() => call('SLA_SCORE', header, [['a', 'b']])).toThrow(
      /^SLA_SCORE: lead_rows must be as wide as header_row \(got 2 and 5 columns\)/,
    );
    expect(() => call('SLA_SCORE', [['a'], ['b']], [['x']])).toThrow(/header_row must be one row/);
  });
});

describe('input messages, word for word', () => {
  it('refuses a blank header row', () => {
    expect(() => call('SLA_SCORE', [['', '']], [['a', 'b']])).toThrow(
      'SLA_SCORE: header_row is blank: give the row of column names, e.g. A1:Z1',
    );
  });

  it('says what a multi-row header received', () => {
    expect(() => call('SLA_SCORE', [['a'], ['b']], [['x']])).toThrow(
      'SLA_SCORE: header_row must be one row (got a 2 × 1 range)',
    );
  });

  it('says why the settings’ calendar cannot be used', () => {
    const settings = defaultSettings();
    for (const day of WEEKDAYS) settings.calendar.hours[day] = [];
    const closed = customFunctionCaller(() => ({ ...env(), settings: () => settings }));
    expect(() => closed('SLA_DEADLINE', paris('2026-11-20T10:00'), 8)).toThrow(
      'SLA_DEADLINE: the business calendar in the settings cannot be used (The business calendar has no working hours: add working hours to at least one weekday)',
    );
  });
});

describe('in the runtime, as a sheet cell calls them (read-only mode)', () => {
  it('reads the settings and the spreadsheet zone without authorization', () => {
    const rt = createRuntime({ timeZone: 'America/New_York' });
    rt.load();
    const settings = defaultSettings();
    settings.handoff.deadlineHours.Hot = 2;
    storeSettings(rt, settings);
    // 09:00-18:00 in New York (UTC-5 in November)
    const start = new Date('2026-11-20T21:00:00Z'); // Fri 16:00 New York
    expect(rt.callCustomFunction('SLA_DEADLINE', start, 4)).toEqual(
      new Date('2026-11-23T16:00:00Z'), // Mon 11:00 New York
    );
    expect(
      rt.callCustomFunction('SLA_BUSINESS_HOURS', start, new Date('2026-11-23T16:00:00Z')),
    ).toBe(4);
    const score = rt.callCustomFunction(
      'SLA_SCORE',
      [['Job title', 'Demo request']],
      [['CEO', 'yes']],
    );
    expect(score).toEqual([[60, 20, 40, 'Hand off']]);
  });
  it('uses the settings time zone when set', () => {
    const rt = createRuntime({ timeZone: 'America/New_York' });
    rt.load();
    const settings = defaultSettings();
    settings.calendar.timeZone = 'Europe/Paris';
    storeSettings(rt, settings);
    expect(rt.callCustomFunction('SLA_DEADLINE', paris('2026-11-20T17:00'), 2)).toEqual(
      paris('2026-11-23T10:00'),
    );
  });
  it('the Utilities.formatDate clock is exact across a DST change', () => {
    const rt = createRuntime({ timeZone: 'Europe/Paris' });
    rt.load();
    const settings = defaultSettings();
    settings.calendar.hours.sun = [{ start: '01:00', end: '04:00' }];
    storeSettings(rt, settings);
    // Sunday 25 October 2026: 02:00-03:00 happens twice in Paris, so 01:00-04:00 is 4 real hours
    const sat = new Date('2026-10-24T12:00:00Z');
    const mon = new Date('2026-10-26T06:00:00Z');
    expect(rt.callCustomFunction('SLA_BUSINESS_HOURS', sat, mon)).toBe(4);
    // 2 business hours from Sunday 01:00 CEST end at 02:00 CET (the second 02:00)
    expect(rt.callCustomFunction('SLA_DEADLINE', new Date('2026-10-24T23:00:00Z'), 2)).toEqual(
      new Date('2026-10-25T01:00:00Z'),
    );
  });
  it('parses the offsets Utilities.formatDate gives', () => {
    expect(parseUtcOffset('+0100')).toBe(60);
    expect(parseUtcOffset('-0530')).toBe(-330);
    expect(parseUtcOffset('+05:45')).toBe(345);
    expect(parseUtcOffset('Z')).toBe(0);
    expect(parseUtcOffset('nope')).toBeNull();
  });
});
