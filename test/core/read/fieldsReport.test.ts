import { describe, expect, it } from 'vitest';
import { type FieldRow, fieldsReport, MAX_VALUES } from '../../../src/core/read/fieldsReport.ts';
import { type ReadOptions, readLeadSheet } from '../../../src/core/read/leadRecords.ts';
import type { ValueChoices } from '../../../src/core/read/valueMap.ts';
import { intlZoneClock } from '../../../src/core/time/zone.ts';

const options: ReadOptions = {
  clockStart: 'auto',
  defaultPriority: 'Warm',
  localeOrder: 'dmy',
  clock: intlZoneClock('Europe/Paris'),
  nowMs: Date.UTC(2026, 10, 23, 9),
};

function report(
  header: unknown[],
  rows: unknown[][],
  values: ValueChoices = {},
  fields: ReadOptions['fields'] = {},
) {
  const read = readLeadSheet(header, rows, { ...options, values, fields });
  return fieldsReport(header, rows, read, values);
}

const row = (r: ReturnType<typeof report>, field: string): FieldRow =>
  r.fields.find((f) => f.field === field)!;

describe('the Fields tab report', () => {
  const header = ['Record ID', 'Lead Owner', 'Lead Status', 'Created Time', 'Notes'];
  const rows = [
    ['1', 'Ann', 'Not Contacted', '2026-11-20 10:00', ''],
    ['2', '', 'Qualifying?', 'next tuesday', ''],
    ['3', 'Bob', 'not contacted', '', 'x'],
    ['', '', '', '', ''],
  ];

  it('says which header feeds each field, how, and how many rows it reads', () => {
    const r = report(header, rows);
    expect(r.headers).toEqual(header);
    expect(r.leads).toBe(3);
    expect(r.clock).toBe('Created Time');
    expect(row(r, 'owner')).toMatchObject({
      header: 'Lead Owner',
      via: 'synonym',
      read: 2,
      unreadable: 0,
      blank: 1,
    });
    expect(row(r, 'createdAt')).toMatchObject({ read: 1, unreadable: 1, blank: 1 });
    expect(row(r, 'leadStatus')).toMatchObject({
      via: 'canonical',
      read: 2,
      unreadable: 0,
      unmapped: 1,
    });
    expect(row(r, 'handedOffAt')).toMatchObject({ header: null, via: 'none', read: 0 });
  });

  it('lists each value once with its rows, its meaning and its built-in meaning', () => {
    const r = report(header, rows);
    expect(r.stageValues).toEqual([
      { value: 'Not Contacted', count: 2, meaning: 'Lead', mapped: false, builtIn: 'Lead' },
      { value: 'Qualifying?', count: 1, meaning: null, mapped: false, builtIn: null },
    ]);
  });

  it("follows the user's entries: a mapped value is read, the built-in meaning kept apart", () => {
    const values: ValueChoices = { stage: { 'qualifying?': 'SQL', 'NOT CONTACTED': 'Attempted' } };
    const r = report(header, rows, values);
    expect(r.stageValues).toEqual([
      { value: 'Not Contacted', count: 2, meaning: 'Attempted', mapped: true, builtIn: 'Lead' },
      { value: 'Qualifying?', count: 1, meaning: 'SQL', mapped: true, builtIn: null },
    ]);
    expect(row(r, 'leadStatus')).toMatchObject({ read: 3, unreadable: 0 });
  });

  it("follows the user's columns: another column, or none", () => {
    const r = report(header, rows, {}, { owner: 'Notes', createdAt: '' });
    expect(row(r, 'owner')).toMatchObject({ header: 'Notes', via: 'user', read: 1, blank: 2 });
    expect(row(r, 'createdAt')).toMatchObject({ header: null, via: 'none' });
    expect(r.clock).toBeNull();
  });

  it('notes a column left out and a column claimed twice', () => {
    const r = report(
      ['Lead ID', 'Rating', 'Owner', 'Lead Owner'],
      [
        ['1', 'Active', 'Ann', 'Ann'],
        ['2', 'Acquired', 'Bob', 'Bob'],
      ],
    );
    expect(row(r, 'priority').note).toBe('"Rating" left out: no such values (e.g. "Active")');
    expect(row(r, 'owner').note).toBe('Also found: "Lead Owner" (not read)');
    expect(r.priorityValues).toEqual([]);
  });

  it(`lists at most ${MAX_VALUES} values, the most frequent first`, () => {
    const many = Array.from({ length: MAX_VALUES + 20 }, (_, i) => [String(i), `Status ${i}`]);
    many.push(['x', 'Status 7']);
    const r = report(['Lead ID', 'Lead Status'], many);
    expect(r.stageValues).toHaveLength(MAX_VALUES);
    expect(r.stageValues[0]).toMatchObject({ value: 'Status 7', count: 2 });
  });
});
