/** Shared fixtures for the Leads integration tests (runtime + built bundle). */
import { createRuntime, type FakeSheet, type Runtime } from '../../runtime/index.ts';
import { paris } from '../fixtures/dates.ts';

/** Monday 23 November 2026, 10:00 in Paris (UTC+1). */
export const NOW = new Date('2026-11-23T09:00:00Z');

export const HEADER = [
  'Lead ID',
  'Name',
  'Company',
  'Priority',
  'Stage',
  'Handed off at',
  'First contact at',
  'Attempts',
  'Last attempt at',
  'Job title',
  'Demo request',
  'Notes',
];

type Row = Record<string, unknown>;

/** One lead for every status word at NOW (default settings: Hot 1 h, Warm 8 h, Cold 16 h). */
export const EVERY_STATUS: Array<{ expect: string; row: Row }> = [
  { expect: 'Waiting', row: { 'Lead ID': 'L-001', Name: 'Alice', Stage: 'Lead' } },
  {
    expect: 'Due',
    row: {
      'Lead ID': 'L-002',
      Priority: 'Cold',
      Stage: 'MQL',
      'Handed off at': paris('2026-11-23T09:30'),
    },
  },
  {
    expect: 'At risk',
    row: {
      'Lead ID': 'L-003',
      Priority: 'Hot',
      Stage: 'MQL',
      'Handed off at': paris('2026-11-23T09:15'),
    },
  },
  {
    expect: 'Overdue',
    row: {
      'Lead ID': 'L-004',
      Priority: 'Warm',
      Stage: 'MQL',
      'Handed off at': paris('2026-11-20T10:00'),
    },
  },
  {
    expect: 'Met',
    row: {
      'Lead ID': 'L-005',
      Priority: 'Warm',
      Stage: 'SQL',
      'Handed off at': paris('2026-11-20T10:00'),
      'First contact at': paris('2026-11-20T11:00'),
      Attempts: 1,
    },
  },
  {
    expect: 'Missed',
    row: {
      'Lead ID': 'L-006',
      Priority: 'Hot',
      Stage: 'SQL',
      'Handed off at': paris('2026-11-20T10:00'),
      'First contact at': paris('2026-11-20T14:00'),
      Attempts: 1,
    },
  },
  {
    expect: 'Recycle',
    row: {
      'Lead ID': 'L-007',
      Priority: 'Warm',
      Stage: 'MQL',
      'Handed off at': paris('2026-11-10T10:00'),
      'First contact at': paris('2026-11-10T11:00'),
      Attempts: 5,
      'Last attempt at': paris('2026-11-17T11:00'),
    },
  },
  {
    expect: 'Closed',
    row: { 'Lead ID': 'L-008', Stage: 'Customer', 'Handed off at': paris('2026-11-02T10:00') },
  },
  {
    expect: 'Check data',
    row: { 'Lead ID': 'L-009', Stage: 'MQL', 'Handed off at': 'last tuesday-ish' },
  },
  {
    // an opportunity implies a contact, but nothing says when the first one was
    expect: 'Contacted',
    row: {
      'Lead ID': 'L-010',
      Priority: 'Warm',
      Stage: 'Opportunity',
      'Handed off at': paris('2026-11-20T10:00'),
      Attempts: 2,
    },
  },
];

export interface LeadsRuntime {
  rt: Runtime;
  sheet: FakeSheet;
}

export function leadsRuntime(
  rows: unknown[][],
  opts: { persistentGlobals?: boolean; addOnTriggerLimits?: boolean } = {},
): LeadsRuntime {
  const rt = createRuntime({ timeZone: 'Europe/Paris', ...opts });
  const sheet = rt.addSheet('Leads', rows);
  rt.load();
  rt.setNow(NOW);
  return { rt, sheet };
}

/** Column values of the Leads sheet by header, keyed by Lead ID. */
export function byLeadId(rt: Runtime, header = 'SLA status'): Map<string, unknown> {
  const wb = rt.toWorkbook();
  const leads = wb.sheets.find((s) => s.name === 'Leads');
  if (!leads) throw new Error('no Leads sheet');
  const head = leads.values[0] ?? [];
  const idCol = head.indexOf('Lead ID');
  const col = head.indexOf(header);
  const out = new Map<string, unknown>();
  for (const row of leads.values.slice(1)) {
    const id = row?.[idCol];
    if (id !== undefined && id !== '') out.set(String(id), row?.[col]);
  }
  return out;
}

export const OWNED = ['Score', 'Qualification', 'SLA deadline', 'SLA status', 'Next attempt due'];

/**
 * Every cell attribute outside our columns, keyed `row:col:layer`, for a before/after compare.
 * Our columns are found by header in row 1; row 1's own header cells of our columns are skipped.
 */
export function userCells(rt: Runtime, sheetName = 'Leads'): Map<string, string> {
  const wb = rt.toWorkbook();
  const s = wb.sheets.find((x) => x.name === sheetName);
  if (!s) throw new Error(`no ${sheetName}`);
  const head = s.values[0] ?? [];
  const owned = new Set<number>();
  head.forEach((h, i) => {
    if (OWNED.includes(String(h))) owned.add(i);
  });
  const out = new Map<string, string>();
  const layers: Array<[string, unknown[][] | undefined]> = [
    ['v', s.values],
    ['f', s.formulas],
    ['b', s.backgrounds],
    ['n', s.notes],
    ['nf', s.numberFormats],
    ['fw', s.fontWeights],
  ];
  for (const [name, grid] of layers) {
    (grid ?? []).forEach((row, r) => {
      (row ?? []).forEach((v, c) => {
        if (owned.has(c)) return;
        const text =
          Object.prototype.toString.call(v) === '[object Date]'
            ? `date:${(v as Date).getTime()}`
            : JSON.stringify(v);
        if (text === '""' || text === undefined || text === 'null') return;
        if (name === 'b' && v === '#ffffff') return;
        if (name === 'fw' && v === 'normal') return;
        if (name === 'nf' && v === '0.###############') return;
        out.set(`${r}:${c}:${name}`, text);
      });
    });
  }
  return out;
}

export function workbookSheet(rt: Runtime, name = 'Leads') {
  const s = rt.toWorkbook().sheets.find((x) => x.name === name);
  if (!s) throw new Error(`no ${name}`);
  return s;
}
