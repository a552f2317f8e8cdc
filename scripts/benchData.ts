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
