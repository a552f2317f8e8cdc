/** Deterministic synthetic leads for the benchmark: the canonical headers, realistic values. */
import { LEADS_HEADER } from './example.ts';
import { prng } from './random.ts';

export { LEADS_HEADER };

const NOW = Date.parse('2026-11-23T10:00:00+01:00');
const HOUR = 3_600_000;
const pick = <T>(r: () => number, items: readonly T[]): T => items[Math.floor(r() * items.length)]!;

export function leadRows(count: number, seed = 42): unknown[][] {
  const r = prng(seed);
  const rows: unknown[][] = [];
  for (let i = 0; i < count; i++) {
    const created = NOW - Math.floor(r() * 120 * 24) * HOUR;
    const handed = r() < 0.7 ? created + Math.floor(r() * 48) * HOUR : null;
    const contacted = handed && r() < 0.6 ? handed + Math.floor(r() * 30) * HOUR : null;
    const attempts = contacted ? 1 + Math.floor(r() * 5) : handed ? Math.floor(r() * 6) : 0;
    const stage = contacted
      ? pick(r, ['SQL', 'Opportunity', 'Customer', 'Lost', 'MQL'])
      : handed
        ? 'MQL'
        : pick(r, ['Lead', 'MQL']);
    const row: Record<string, unknown> = {
      'Lead ID': `L-${String(i + 1).padStart(6, '0')}`,
      Name: `Lead ${i + 1}`,
      Company: pick(r, ['Acme', 'Durand SA', 'Nordwind GmbH', 'Café Lumière', 'Brightwave']),
      Email: `lead${i + 1}@example.com`,
      Source: pick(r, ['Website', 'Webinar', 'LinkedIn Ads', 'Partner', 'Outbound', 'Referral']),
      Owner: pick(r, ['Alice Martin', 'Bruno Petit', 'Chloé Roux', 'David Leroy']),
      Priority: pick(r, ['Hot', 'Warm', 'Cold', '']),
      Stage: stage,
      'Created at': new Date(created),
      'MQL at': handed ? new Date(handed - HOUR) : '',
      'Handed off at': handed ? new Date(handed) : '',
      'First contact at': contacted ? new Date(contacted) : '',
      Attempts: attempts,
      'Last attempt at': attempts && handed ? new Date((contacted ?? handed) + HOUR) : '',
      'Rejected reason': '',
      'Won at': stage === 'Customer' && contacted ? new Date(contacted + 240 * HOUR) : '',
      'Deal value': stage === 'Customer' ? 500 + Math.floor(r() * 3000) : '',
      'Job title': pick(r, [
        'Marketing Director',
        'CEO',
        'Student',
        'Sales Manager',
        'Head of Sales',
      ]),
      'Company size': pick(r, [10, 60, 250, 1200, '50-200']),
      Industry: pick(r, ['Software', 'Retail', 'Services', 'Manufacturing']),
      Country: pick(r, ['France', 'Belgium', 'Germany', 'Canada']),
      'Demo request': r() < 0.1 ? 'yes' : '',
      'Pricing page visits': Math.floor(r() * 6),
      Webinar: r() < 0.3 ? 'yes' : 'no',
      'Email clicks': Math.floor(r() * 5),
      'Last activity at': new Date(created + Math.floor(r() * 40 * 24) * HOUR),
      Notes: r() < 0.05 ? '=not a formula' : '',
    };
    rows.push(LEADS_HEADER.map((h) => row[h] ?? ''));
  }
  return rows;
}

/** The canonical headers as a HubSpot contacts export names them (no Lead ID column). */
const HUBSPOT_HEADERS: Readonly<Record<string, string>> = {
  Name: 'Full Name',
  Company: 'Company Name',
  Source: 'Original Source',
  Owner: 'Contact owner',
  Priority: 'Lead Rating',
  Stage: 'Lifecycle Stage',
  'Created at': 'Create Date',
  'MQL at': 'Became a Marketing Qualified Lead Date',
  'Handed off at': 'Owner Assigned Date',
  'First contact at': 'First contact date',
  Attempts: 'Number of times contacted',
  'Last attempt at': 'Last Contacted',
  'Won at': 'Became a Customer Date',
  'Deal value': 'Recent Deal Amount',
  'Job title': 'Job Title',
  'Company size': 'Number of Employees',
  Country: 'Country/Region',
};

const LIFECYCLE: Readonly<Record<string, string>> = {
  Lead: 'Lead',
  MQL: 'Marketing Qualified Lead',
  SQL: 'Sales Qualified Lead',
  Opportunity: 'Opportunity',
  Customer: 'Customer',
  Lost: 'Other',
};

/** Paris wall time as a HubSpot export writes it: `2026-11-23 10:00`. */
function exportDate(d: Date): string {
  const wall = new Date(d.getTime() + 3_600_000); // the bench's leads are all in winter time
  return wall.toISOString().slice(0, 16).replace('T', ' ');
}

/**
 * The same leads as a HubSpot export: CRM headers, lifecycle words, dates as text, no Lead ID
 * column (rows are matched by their content), for the field-map benchmark.
 */
export function hubspotExport(count: number, seed = 42): unknown[][] {
  const keep = LEADS_HEADER.map((h, i) => [h, i] as const).filter(([h]) => h !== 'Lead ID');
  const header = keep.map(([h]) => HUBSPOT_HEADERS[h] ?? h);
  const stageCol = LEADS_HEADER.indexOf('Stage');
  const rows = leadRows(count, seed).map((row) =>
    keep.map(([, i]) => {
      const v = row[i];
      if (i === stageCol) return LIFECYCLE[String(v)] ?? v;
      return v instanceof Date ? exportDate(v) : v;
    }),
  );
  return [header, ...rows];
}

export const CALLS_HEADER = [
  'Call Owner',
  'Call Type',
  'LEADID',
  'Call Start Time',
  'Call Duration (in seconds)',
  'Outgoing Call Status',
] as const;

/**
 * A Zoho-shaped Calls export for `leadRows(leads)`: `perLead` calls on average per lead, their
 * keys the leads' IDs, dated from a day before to ten days after now minus four months, a tenth
 * of them scheduled (not done) and a twentieth for no lead of the sheet.
 */
export function callRows(leads: number, perLead: number, seed = 7): unknown[][] {
  const r = prng(seed);
  const rows: unknown[][] = [[...CALLS_HEADER]];
  const start = NOW - 120 * 24 * HOUR;
  for (let i = 0; i < leads * perLead; i++) {
    const lead = Math.floor(r() * leads) + 1;
    const id =
      r() < 0.05 ? `L-9${String(lead).padStart(6, '0')}` : `L-${String(lead).padStart(6, '0')}`;
    rows.push([
      pick(r, ['Alice Martin', 'Bruno Petit', 'Chloé Roux', 'David Leroy']),
      'Outbound',
      id,
      new Date(start + Math.floor(r() * 120 * 24) * HOUR),
      r() < 0.5 ? Math.floor(r() * 600) : 0,
      r() < 0.1 ? 'Scheduled' : 'Completed',
    ]);
  }
  return rows;
}

const csvField = (v: unknown): string => {
  const text = v instanceof Date ? exportDate(v) : String(v);
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
};

/**
 * The canonical leads as a CRM's CSV export, a block of lines at a time (dates as Paris wall
 * time text, fields quoted where they must be): the offline benchmark's input.
 */
export function* leadsCsv(count: number, seed = 42, block = 10_000): Generator<string> {
  yield `${LEADS_HEADER.join(',')}\r\n`;
  const rows = leadRows(count, seed);
  for (let i = 0; i < rows.length; i += block) {
    const lines = rows.slice(i, i + block).map((row) => row.map(csvField).join(','));
    yield `${lines.join('\r\n')}\r\n`;
  }
}
