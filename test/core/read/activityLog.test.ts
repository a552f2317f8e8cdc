import { describe, expect, it } from 'vitest';
import { ACTIVITY_LABELS } from '../../../src/core/read/activityFields.ts';
import {
  bitrixRecordType,
  leadKey,
  looksLikeActivityLog,
  readActivityLog,
} from '../../../src/core/read/activityLog.ts';
import { intlZoneClock } from '../../../src/core/time/zone.ts';
import { LOG_EXPORTS, rowsOf } from '../../fixtures/activityExports.ts';
import { HUBSPOT, SALESFORCE, ZOHO } from '../../fixtures/crmExports.ts';

const paris = intlZoneClock('Europe/Paris');
const NOW = Date.parse('2026-11-23T09:00:00Z');
const options = { localeOrder: 'mdy' as const, clock: paris, nowMs: NOW };

function read(header: string[], rows: Array<Record<string, unknown>>, extra = {}) {
  const [h, ...r] = rowsOf(header, rows);
  return readActivityLog(h!, r, { ...options, ...extra });
}

describe('the activity log', () => {
  it.each(LOG_EXPORTS.map((e) => [e.crm, e] as const))(
    "finds a %s log's columns by the CRM's labels",
    (_crm, e) => {
      const log = read(e.logHeader, e.activities);
      const found = Object.fromEntries(
        log.fields.found.map((f) => [ACTIVITY_LABELS[f.field], f.header]),
      );
      expect(found).toEqual(e.reads);
      expect(looksLikeActivityLog(e.logHeader)).toBe(true);
    },
  );

  it('keeps the type of each activity as written; a calls log without a type column reads as calls', () => {
    const sf = LOG_EXPORTS.find((e) => e.crm === 'Salesforce')!;
    const log = read(sf.logHeader, sf.activities);
    expect(log.activities.map((a) => [a.type, a.kind])).toEqual([
      ['Call', 'call'],
      ['Email', 'email'],
    ]);
    const zoho = LOG_EXPORTS.find((e) => e.crm === 'Zoho CRM')!;
    expect(
      new Set(read(zoho.logHeader, zoho.activities).activities.map((a) => [a.type, a.kind].join())),
    ).toEqual(new Set(['Call,call']));
  });

  it('is not mistaken for a leads export', () => {
    for (const e of [HUBSPOT, SALESFORCE, ZOHO])
      expect(looksLikeActivityLog(e.header), e.crm).toBe(false);
  });

  it('counts done activities only: planned, open, cancelled or ahead of now are not contacts', () => {
    const header = ['Lead ID', 'Activity date', 'Status', 'Type'];
    const log = read(header, [
      { 'Lead ID': 'L1', 'Activity date': '2026-11-20 10:00', Status: 'Completed', Type: 'Call' },
      { 'Lead ID': 'L1', 'Activity date': '2026-11-20 11:00', Status: 'Scheduled', Type: 'Call' },
      {
        'Lead ID': 'L1',
        'Activity date': '2026-11-20 12:00',
        Status: 'Cancelled',
        Type: 'Meeting',
      },
      { 'Lead ID': 'L1', 'Activity date': '2026-11-24 10:00', Status: 'Completed', Type: 'Call' },
      { 'Lead ID': 'L1', 'Activity date': '2026-11-20 13:00', Status: 'Completed', Type: 'Task' },
      { 'Lead ID': 'L1', 'Activity date': 'soon', Status: 'Completed', Type: 'Call' },
      { 'Lead ID': '', 'Activity date': '2026-11-20 13:00', Status: 'Completed', Type: 'Call' },
    ]);
    expect(log.activities.map((a) => a.at)).toEqual([Date.parse('2026-11-20T09:00:00Z')]);
    expect(log.notDone).toBe(3);
    expect(log.skipped).toEqual({ noDate: 1, noLead: 1, notContact: 1, otherRecordType: 0 });
  });

  it('without a status column, an activity in the past was done and one ahead is planned', () => {
    const log = read(
      ['Lead ID', 'Activity date'],
      [
        { 'Lead ID': 'L1', 'Activity date': '2026-11-20 10:00' },
        { 'Lead ID': 'L1', 'Activity date': '2026-11-30 10:00' },
      ],
    );
    expect(log.activities).toHaveLength(1);
    expect(log.notDone).toBe(1);
  });

  it('tells a conversation from an attempt', () => {
    const header = [
      'Lead ID',
      'Activity date',
      'Type',
      'Call outcome',
      'Call duration',
      'Call direction',
    ];
    const at = '2026-11-20 10:00';
    const log = read(header, [
      { 'Lead ID': 'a', 'Activity date': at, Type: 'Call', 'Call outcome': 'Connected' },
      { 'Lead ID': 'b', 'Activity date': at, Type: 'Call', 'Call outcome': 'No answer' },
      { 'Lead ID': 'c', 'Activity date': at, Type: 'Call', 'Call duration': '00:04:10' },
      { 'Lead ID': 'd', 'Activity date': at, Type: 'Email' },
      { 'Lead ID': 'e', 'Activity date': at, Type: 'Email', 'Call direction': 'Inbound' },
      { 'Lead ID': 'f', 'Activity date': at, Type: 'Meeting' },
      { 'Lead ID': 'g', 'Activity date': at, Type: 'Meeting', 'Call outcome': 'No show' },
    ]);
    const talked = Object.fromEntries(log.activities.map((a) => [a.keys[0], a.conversation]));
    expect(talked).toEqual({ a: true, b: false, c: true, d: false, e: true, f: true });
    expect(log.notDone).toBe(1); // the meeting nobody showed up to did not happen
  });

  it('lists the words it does not know, once each with their rows', () => {
    const log = read(
      ['Lead ID', 'Activity date', 'Status', 'Type'],
      [
        { 'Lead ID': 'L1', 'Activity date': '2026-11-20 10:00', Status: 'Logged', Type: 'Fax' },
        { 'Lead ID': 'L2', 'Activity date': '2026-11-20 10:00', Status: 'logged', Type: 'Call' },
      ],
    );
    expect(log.unknownWords).toEqual([
      { header: 'Status', value: 'Logged', rows: 2 },
      { header: 'Type', value: 'Fax', rows: 1 },
    ]);
  });

  it('keeps the activities of the record type the leads sheet holds (Bitrix24)', () => {
    expect(bitrixRecordType(['ID', 'STAGE_ID'])).toBe('2');
    expect(bitrixRecordType(['ID', 'STATUS_ID'])).toBe('1');
    expect(bitrixRecordType(['Lead ID'])).toBeNull();
    const e = LOG_EXPORTS.find((x) => x.crm === 'Bitrix24')!;
    const log = read(e.logHeader, e.activities, { recordType: '2' });
    expect(log.skipped.otherRecordType).toBe(1);
    expect(log.activities.every((a) => a.keys[0] !== '2042' || a.kind !== 'call')).toBe(true);
  });

  it('reads several keys in one cell, and keys as both sides write them', () => {
    expect(leadKey(' ZCRM_57257 ')).toBe('57257');
    expect(leadKey(1001)).toBe('1001');
    const log = read(
      ['Associated Contact IDs', 'Activity date'],
      [{ 'Associated Contact IDs': '301; 999', 'Activity date': '2026-11-20 10:00' }],
    );
    expect(log.activities[0]!.keys).toEqual(['301', '999']);
  });

  it('says when its dates are days without a time', () => {
    const days = read(['WhoId', 'ActivityDate'], [{ WhoId: 'x', ActivityDate: '2026-11-20' }]);
    expect(days.dayOnly).toBe(true);
    const times = read(
      ['WhoId', 'ActivityDate'],
      [{ WhoId: 'x', ActivityDate: '2026-11-20 10:00' }],
    );
    expect(times.dayOnly).toBe(false);
  });

  it("reads a log with no type column whose columns name calls (Zoho's Calls export) as calls", () => {
    const e = LOG_EXPORTS.find((x) => x.crm === 'Zoho CRM')!;
    const log = read(e.logHeader, e.activities);
    expect(log.activities.map((a) => [a.kind, a.type])).toEqual(
      log.activities.map(() => ['call', 'Call']),
    );
    const plain = read(
      ['Lead ID', 'Activity date'],
      [{ 'Lead ID': 'x', 'Activity date': '2026-11-20 10:00' }],
    );
    expect(plain.activities[0]).toMatchObject({ kind: null, type: '' });
  });
});
