import { describe, expect, it } from 'vitest';
import { previewRules } from '../../../src/core/preview/rulesPreview.ts';
import { defaultSettings } from '../../../src/core/settings/index.ts';
import { intlZoneClock } from '../../../src/core/time/zone.ts';
import { paris } from '../../fixtures/dates.ts';
import { rowOf } from '../../fixtures/leads.ts';

const header = ['Lead ID', 'Owner', 'Created at', 'Demo request', 'Job title'];
const now = paris('2026-11-23T10:00').getTime();
const rows = [
  {
    'Lead ID': 'L1',
    Owner: 'Alice',
    'Created at': paris('2026-11-02T09:00'),
    'Demo request': 'yes',
    'Job title': 'Marketing Director',
  },
  { 'Lead ID': 'L2', Owner: 'Bruno', 'Created at': paris('2026-11-01T00:30'), 'Job title': 'CEO' },
  {
    'Lead ID': 'L3',
    Owner: 'alice',
    'Created at': paris('2026-10-31T23:30'),
    'Demo request': 'yes',
  },
  { 'Lead ID': 'L4', 'Created at': '2026-11-20', 'Job title': 'Student' },
  {},
].map((cells) => rowOf(header, cells));

describe('the preview of rules before they are saved', () => {
  const p = previewRules(defaultSettings(), header, rows, now, intlZoneClock('Europe/Paris'));

  it('counts every lead in the sheet', () => {
    expect(p.leads).toBe(4);
    expect(p.handoff).toBe(2); // the two demo requests
    expect(p.qualified).toBe(p.mql + p.handoff);
  });

  it("counts this month's new leads in the spreadsheet's time zone", () => {
    // L3 was created on 31 October at 23:30 in Paris: last month
    expect(p.thisMonth).toMatchObject({ label: 'November 2026', leads: 3, handoff: 1 });
  });

  it('counts the reps from the distinct owners', () => {
    expect(p.capacity).toMatchObject({ source: 'owners', reps: 2, perWeek: 16 });
  });

  it('flags criteria on columns the sheet does not have', () => {
    expect(p.unknownColumns.map((u) => u.column)).toContain('Company size');
  });
});
