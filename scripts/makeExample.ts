/**
 * Generates examples/example.xlsx: a `Leads` sheet of ~300 realistic leads (seeded PRNG, fixed
 * dates) checked by the built add-in at a reference "now" of 2026-11-23 10:00 Europe/Paris, so
 * that every SLA status appears. `Planning` and `SLA Agreement` are left to Set up workbook.
 *
 * Usage: npm run build && npm run example
 */
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { createRuntime, REPO_ROOT, saveWorkbook } from '../runtime/index.ts';
import { errorText } from '../src/core/common/errors.ts';
import { DATE_TIME_COLUMN_WIDTH } from '../src/core/read/leadColumns.ts';
import { fromWall, intlZoneClock } from '../src/core/time/zone.ts';
import { LEADS_HEADER } from './example.ts';
import { prng } from './random.ts';

const ZONE = 'Europe/Paris';
const clock = intlZoneClock(ZONE);
/** Monday 23 November 2026, 10:00 in Paris. */
const NOW_MS = fromWall(clock, { year: 2026, month: 11, day: 23, hour: 10 });
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

// ---- deterministic randomness
const random = prng(20261123);
const int = (min: number, max: number): number => min + Math.floor(random() * (max - min + 1));
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)]!;
function weighted<T>(items: ReadonlyArray<readonly [T, number]>): T {
  const total = items.reduce((s, [, w]) => s + w, 0);
  let r = random() * total;
  for (const [v, w] of items) {
    r -= w;
    if (r < 0) return v;
  }
  return items[items.length - 1]![0];
}

// ---- wall-clock helpers (Paris)
function wallParts(ms: number) {
  const d = new Date(ms + clock.offsetMinutes(ms) * 60_000);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    weekday: d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
  };
}
/** The instant at hh:mm (Paris) on the day of `ms`, moved to the next weekday at a weekend. */
function atWorkTime(ms: number, hour: number, minute: number): number {
  let day = ms;
  for (let i = 0; i < 3 && wallParts(day).weekday > 5; i++) day += DAY;
  const p = wallParts(day);
  return fromWall(clock, { year: p.year, month: p.month, day: p.day, hour, minute });
}
const date = (ms: number): Date => new Date(ms);
/** A Paris wall time as an instant. */
const paris = (month: number, day: number, hour: number, minute = 0): number =>
  fromWall(clock, { year: 2026, month, day, hour, minute });

// ---- reference data
const FIRST = [
  'Camille',
  'Léa',
  'Manon',
  'Chloé',
  'Inès',
  'Sarah',
  'Julie',
  'Emma',
  'Louise',
  'Claire',
  'Hugo',
  'Lucas',
  'Louis',
  'Nathan',
  'Théo',
  'Antoine',
  'Maxime',
  'Julien',
  'Nicolas',
  'Pierre',
  'Sofia',
  'Elena',
  'Marta',
  'Anna',
  'Lukas',
  'Jonas',
  'Matteo',
  'Pablo',
  'Joana',
  'Pieter',
];
const LAST = [
  'Martin',
  'Bernard',
  'Dubois',
  'Thomas',
  'Robert',
  'Richard',
  'Petit',
  'Durand',
  'Leroy',
  'Moreau',
  'Simon',
  'Laurent',
  'Lefèvre',
  'Michel',
  'Garcia',
  'David',
  'Bertrand',
  'Roux',
  'Vincent',
  'Fournier',
  'Morel',
  'Girard',
  'André',
  'Mercier',
  'Dupont',
  'Lambert',
  'Bonnet',
  'Rossi',
  'Müller',
  'Janssens',
  'Peeters',
  'Fernández',
  'Costa',
  'Schneider',
  'Novak',
];
const COMPANIES: ReadonlyArray<readonly [string, string, string]> = [
  ['Atelier Lumen', 'Manufacturing', 'France'],
  ['Datalys', 'Software', 'France'],
  ['Kerlann Industries', 'Manufacturing', 'France'],
  ['Solvéa Conseil', 'Services', 'France'],
  ['Groupe Aubriac', 'Retail', 'France'],
  ['Technoval', 'Software', 'France'],
  ['Marbel Logiciels', 'Software', 'France'],
  ['Cabinet Rousselin', 'Services', 'France'],
  ['Helvetix AG', 'Software', 'Switzerland'],
  ['Brussels Data Works', 'Software', 'Belgium'],
  ['Lyon Mécanique', 'Manufacturing', 'France'],
  ['Océane Services', 'Services', 'France'],
  ['Vertigo Logistique', 'Logistics', 'France'],
  ['Brasserie du Nordet', 'Food & drink', 'France'],
  ['Alpinov', 'Manufacturing', 'Switzerland'],
  ['Nordsee Handel GmbH', 'Retail', 'Germany'],
  ['Lisboa Digital', 'Software', 'Portugal'],
  ['Iberia Consultores', 'Services', 'Spain'],
  ['Milano Design Lab', 'Services', 'Italy'],
  ['Québec Solutions', 'Software', 'Canada'],
  ['Gantoise Textiles', 'Manufacturing', 'Belgium'],
  ['Provence Énergie', 'Energy', 'France'],
  ['Bordeaux Vins & Co', 'Food & drink', 'France'],
  ['Clinique Sainte-Aude', 'Healthcare', 'France'],
  ['Studio Pixelune', 'Services', 'France'],
  ['Amsterdam Freight BV', 'Logistics', 'Netherlands'],
  ['Rennes Robotique', 'Manufacturing', 'France'],
  ['Genève Finance SA', 'Finance', 'Switzerland'],
  ['Lille Retail Group', 'Retail', 'France'],
  ['Nantes Cloud', 'Software', 'France'],
];
const JOBS: ReadonlyArray<readonly [string, number]> = [
  ['CEO', 6],
  ['CMO', 4],
  ['Head of Marketing', 8],
  ['Head of Sales', 6],
  ['VP Sales', 3],
  ['Marketing Director', 8],
  ['Sales Director', 6],
  ['Marketing Manager', 12],
  ['Growth Manager', 6],
  ['Sales Operations Analyst', 5],
  ['Office Manager', 4],
  ['Student', 3],
  ['Consultant', 5],
];
const SOURCES: ReadonlyArray<readonly [string, number]> = [
  ['Website', 30],
  ['Webinar', 15],
  ['LinkedIn Ads', 20],
  ['Partner', 10],
  ['Outbound', 15],
  ['Referral', 10],
];
const OWNERS = ['Camille Roche', 'Julien Masson', 'Sophie Marchand', 'Thomas Klein'];

/**
 * The team as a sales manager fills SLA Team: who gets notices, their manager, one rep away
 * (her open leads go to the manager at once). Addresses are example.com: nothing real is sent.
 */
function teamSheet() {
  const email = (name: string) => `${name.toLowerCase().replace(/\s+/g, '.')}@example.com`;
  const manager = 'nadia.benali@example.com';
  const away: Record<string, [string, string]> = {
    'Julien Masson': ['2026-11-20', '2026-11-27'],
  };
  const values = [
    ['Owner', 'Email', 'Manager email', 'Notify', 'Time zone', 'Away from', 'Away until'],
    ...OWNERS.map((o, i) => [
      o,
      email(o),
      manager,
      i === 3 ? 'no' : 'yes',
      '',
      ...(away[o] ?? ['', '']),
    ]),
  ];
  return {
    name: 'SLA Team',
    values,
    fontWeights: values.map((_, r) => values[0]!.map(() => (r === 0 ? 'bold' : 'normal'))),
    frozenRows: 1,
    columnWidths: { 1: 140, 2: 220, 3: 220, 6: 110, 7: 110 },
  };
}
const REJECT_REASONS = [
  'Student project, no budget',
  'Outside our market (B2C)',
  'Already a customer of a competitor, locked until 2028',
  'Wrong contact, no buying role',
  'Company too small (2 people)',
];
const NOTES = [
  'Met at Salon VivaTech',
  'Asked for a callback after 14:00',
  'Prefers e-mail',
  'Budget validated for Q1',
  'Via partner Alpinov',
  '+33 reachable on mobile only',
  '=ask about the pricing page',
  '',
  '',
  '',
];

function slug(text: string): string {
  return text
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '');
}

const HEADER = LEADS_HEADER;
type Header = (typeof HEADER)[number];
type Lead = Partial<Record<Header, unknown>>;

type Scenario =
  | 'waiting'
  | 'due'
  | 'atRisk'
  | 'overdue'
  | 'met'
  | 'missed'
  | 'contacted'
  | 'recycle'
  | 'customer'
  | 'lost'
  | 'rejected'
  | 'recycled';

const COUNT = 300;

function baseLead(n: number, createdMs: number): Lead {
  const first = pick(FIRST);
  const last = pick(LAST);
  const [company, industry, country] = pick(COMPANIES);
  const source = weighted(SOURCES);
  const job = weighted(JOBS);
  const size = weighted([
    [int(2, 20), 2],
    [int(20, 49), 3],
    [int(50, 250), 6],
    [int(250, 1000), 4],
    [int(1000, 5000), 2],
  ] as const);
  return {
    'Lead ID': `L-${String(1000 + n)}`,
    Name: `${first} ${last}`,
    Company: company,
    Email: `${slug(first)}.${slug(last)}@${slug(company)}.${country === 'France' ? 'fr' : 'com'}`,
    Source: source,
    Owner: pick(OWNERS),
    Priority: weighted([
      ['Hot', 2],
      ['Warm', 5],
      ['Cold', 2],
      ['', 1],
    ] as const),
    'Created at': date(createdMs),
    'Job title': job,
    'Company size': size,
    Industry: industry,
    Country: country,
    'Demo request': random() < 0.2 ? 'yes' : '',
    'Pricing page visits': weighted([
      [0, 5],
      [int(1, 2), 3],
      [int(3, 9), 2],
    ] as const),
    Webinar: source === 'Webinar' || random() < 0.15 ? 'yes' : '',
    'Email clicks': int(0, 6),
    'Last activity at': date(Math.min(NOW_MS - HOUR, createdMs + int(0, 40) * DAY)),
    Notes: pick(NOTES),
  };
}

/** Hand-off and contact times by scenario; recent ones are placed relative to "now". */
function applyScenario(lead: Lead, scenario: Scenario, createdMs: number): void {
  // older scenarios are handed off by Friday 20 November 10:00 at the latest
  const latest = NOW_MS - 3 * DAY;
  const handoffMs = Math.min(
    atWorkTime(createdMs + int(0, 5) * DAY, int(9, 17), int(0, 59)),
    latest,
  );
  const mqlMs = Math.min(
    atWorkTime(createdMs + int(0, 3) * DAY, int(9, 16), int(0, 59)),
    handoffMs,
  );
  const contact = (ms: number) => Math.min(ms, NOW_MS - 30 * 60_000);
  switch (scenario) {
    case 'waiting':
      lead.Stage = random() < 0.6 ? 'Lead' : 'MQL';
      if (lead.Stage === 'MQL') lead['MQL at'] = date(mqlMs);
      lead.Priority = '';
      return;
    case 'due':
    case 'atRisk':
    case 'overdue':
      lead.Stage = 'MQL';
      lead['MQL at'] = date(mqlMs);
      return; // hand-off set by the caller (relative to now)
    case 'met': {
      lead.Stage = weighted([
        ['SQL', 4],
        ['Opportunity', 3],
        ['MQL', 2],
      ] as const);
      lead['MQL at'] = date(mqlMs);
      lead['Handed off at'] = date(handoffMs);
      const first = contact(handoffMs + int(5, lead.Priority === 'Hot' ? 55 : 240) * 60_000);
      lead['First contact at'] = date(first);
      lead.Attempts = lead.Stage === 'MQL' ? int(1, 3) : int(1, 2);
      lead['Last attempt at'] = date(first + (Number(lead.Attempts) - 1) * DAY);
      if ((lead['Last attempt at'] as Date).getTime() > NOW_MS - HOUR) {
        lead['Last attempt at'] = date(first);
        lead.Attempts = 1;
      }
      return;
    }
    case 'contacted': {
      // worked (an opportunity, or attempts counted) but no contact time was ever recorded
      lead.Stage = pick(['Opportunity', 'SQL'] as const);
      lead['MQL at'] = date(mqlMs);
      lead['Handed off at'] = date(handoffMs);
      lead.Attempts = int(2, 3);
      return;
    }
    case 'missed': {
      lead.Stage = pick(['SQL', 'MQL', 'Opportunity'] as const);
      lead.Priority = 'Hot';
      lead['MQL at'] = date(mqlMs);
      lead['Handed off at'] = date(handoffMs);
      const first = contact(handoffMs + int(2, 6) * DAY);
      lead['First contact at'] = date(first);
      lead.Attempts = 1;
      lead['Last attempt at'] = date(first);
      return;
    }
    case 'recycle': {
      lead.Stage = 'MQL';
      lead['MQL at'] = date(mqlMs);
      lead['Handed off at'] = date(handoffMs);
      const first = handoffMs + int(10, 90) * 60_000;
      lead['First contact at'] = date(first);
      lead.Attempts = int(5, 6);
      lead['Last attempt at'] = date(Math.min(first + 5 * DAY, NOW_MS - DAY));
      return;
    }
    case 'customer': {
      lead.Stage = 'Customer';
      lead['MQL at'] = date(mqlMs);
      lead['Handed off at'] = date(handoffMs);
      const first = handoffMs + int(10, 180) * 60_000;
      lead['First contact at'] = date(first);
      lead.Attempts = int(1, 3);
      lead['Last attempt at'] = date(first);
      lead['Won at'] = date(Math.min(first + int(15, 60) * DAY, NOW_MS - 2 * DAY));
      lead['Deal value'] = int(6, 60) * 500;
      return;
    }
    case 'lost': {
      lead.Stage = 'Lost';
      lead['MQL at'] = date(mqlMs);
      lead['Handed off at'] = date(handoffMs);
      lead['First contact at'] = date(handoffMs + int(30, 600) * 60_000);
      lead.Attempts = int(1, 4);
      return;
    }
    case 'rejected': {
      lead.Stage = 'Rejected';
      lead['MQL at'] = date(mqlMs);
      lead['Handed off at'] = date(handoffMs);
      lead['First contact at'] = date(handoffMs + int(30, 300) * 60_000);
      lead.Attempts = 1;
      lead['Rejected reason'] = pick(REJECT_REASONS);
      if (lead['Rejected reason'] === REJECT_REASONS[0]) lead['Job title'] = 'Student';
      return;
    }
    case 'recycled': {
      lead.Stage = 'Recycled';
      lead['MQL at'] = date(mqlMs);
      lead['Handed off at'] = date(handoffMs);
      lead['First contact at'] = date(handoffMs + int(30, 300) * 60_000);
      lead.Attempts = 5;
      return;
    }
  }
}

/** Hand-offs close to now, so that Due, At risk and Overdue all appear. */
const RECENT: ReadonlyArray<{ scenario: Scenario; priority: string; handoff: number }> = [
  { scenario: 'atRisk', priority: 'Hot', handoff: paris(11, 23, 9, 10) },
  { scenario: 'atRisk', priority: 'Warm', handoff: paris(11, 20, 11, 30) },
  { scenario: 'atRisk', priority: 'Cold', handoff: paris(11, 19, 15, 0) },
  { scenario: 'due', priority: 'Warm', handoff: paris(11, 23, 9, 25) },
  { scenario: 'due', priority: 'Cold', handoff: paris(11, 20, 16, 40) },
  { scenario: 'due', priority: 'Cold', handoff: paris(11, 23, 9, 5) },
  { scenario: 'due', priority: 'Warm', handoff: paris(11, 23, 9, 50) },
  { scenario: 'due', priority: 'Hot', handoff: paris(11, 23, 9, 55) },
  { scenario: 'overdue', priority: 'Hot', handoff: paris(11, 20, 16, 20) },
  { scenario: 'overdue', priority: 'Warm', handoff: paris(11, 19, 10, 0) },
  { scenario: 'overdue', priority: 'Cold', handoff: paris(11, 17, 14, 0) },
  { scenario: 'overdue', priority: 'Warm', handoff: paris(11, 18, 9, 30) },
  { scenario: 'overdue', priority: 'Hot', handoff: paris(11, 13, 11, 0) },
];

function generate(): Lead[] {
  const leads: Lead[] = [];
  let n = 1;
  // 4 months of leads, oldest first
  const startMs = NOW_MS - 118 * DAY;
  const regular = COUNT - RECENT.length - 6;
  for (let i = 0; i < regular; i++) {
    const createdMs = Math.min(
      atWorkTime(
        startMs + Math.floor(((NOW_MS - 4 * DAY - startMs) * i) / regular) + int(0, 20) * HOUR,
        int(8, 19),
        int(0, 59),
      ),
      NOW_MS - 3 * DAY - 2 * HOUR,
    );
    const ageDays = (NOW_MS - createdMs) / DAY;
    const scenario: Scenario =
      ageDays < 10
        ? weighted([
            ['waiting', 6],
            ['met', 4],
            ['missed', 1],
          ] as const)
        : weighted([
            ['waiting', 3],
            ['met', 10],
            ['missed', 3],
            ['contacted', 1],
            ['recycle', 2],
            ['customer', 3],
            ['lost', 2],
            ['rejected', 1.5],
            ['recycled', 1],
          ] as const);
    const lead = baseLead(n++, createdMs);
    applyScenario(lead, scenario, createdMs);
    leads.push(lead);
  }
  for (const r of RECENT) {
    const createdMs = r.handoff - int(1, 4) * DAY;
    const lead = baseLead(n++, createdMs);
    applyScenario(lead, r.scenario, createdMs);
    lead.Priority = r.priority;
    lead['MQL at'] = date(r.handoff - int(1, 20) * HOUR);
    lead['Handed off at'] = date(r.handoff);
    lead['Demo request'] = r.priority === 'Hot' ? 'yes' : lead['Demo request'];
    leads.push(lead);
  }
  // bad rows the check must flag, and one duplicate ID
  const bad: Array<(l: Lead) => void> = [
    (l) => {
      l['Handed off at'] = 'lundi prochain';
    },
    (l) => {
      l.Attempts = -2;
    },
    (l) => {
      l.Priority = 'Urgent';
    },
    (l) => {
      l['First contact at'] = date((l['Handed off at'] as Date).getTime() - 2 * DAY);
    },
    (l) => {
      l.Stage = 'Qualified?';
    },
  ];
  for (const spoil of bad) {
    const createdMs = atWorkTime(NOW_MS - int(5, 30) * DAY, 10, 0);
    const lead = baseLead(n++, createdMs);
    applyScenario(lead, 'met', createdMs);
    lead.Stage = 'SQL';
    spoil(lead);
    leads.push(lead);
  }
  const dup = baseLead(n++, NOW_MS - 12 * DAY);
  applyScenario(dup, 'met', NOW_MS - 12 * DAY);
  dup['Lead ID'] = leads[40]!['Lead ID'];
  leads.push(dup);
  // a spreadsheet is sorted by creation date
  leads.sort((a, b) => (a['Created at'] as Date).getTime() - (b['Created at'] as Date).getTime());
  return leads;
}

async function main(): Promise<void> {
  const leads = generate();
  const values = [HEADER.slice(), ...leads.map((l) => HEADER.map((h) => l[h] ?? ''))];
  const notesCol = HEADER.indexOf('Notes');
  const backgrounds = values.map((row, r) =>
    HEADER.map((_, c) => {
      if (r === 0) return '#d9e1f2';
      return c === notesCol && String(row[notesCol]).startsWith('Budget') ? '#fff2cc' : '#ffffff';
    }),
  );
  const fontWeights = values.map((_, r) => HEADER.map(() => (r === 0 ? 'bold' : 'normal')));
  const numberFormats = values.map((_, r) =>
    HEADER.map((h) =>
      r > 0 && / at$/.test(h) ? 'yyyy-mm-dd hh:mm' : h === 'Deal value' && r > 0 ? '#,##0 €' : '',
    ),
  );
  // A team that reads its dates gives their columns the room to show them.
  const dateColumnWidths = Object.fromEntries(
    HEADER.flatMap((h, i) => (/ at$/.test(h) ? [[i + 1, DATE_TIME_COLUMN_WIDTH]] : [])),
  );
  const rt = createRuntime({ timeZone: ZONE, name: 'SLA Sheets example' });
  rt.loadWorkbook({
    name: 'SLA Sheets example',
    timeZone: ZONE,
    sheets: [
      {
        name: 'Leads',
        values: values as never,
        backgrounds,
        fontWeights,
        numberFormats: numberFormats.map((r) => r.map((f) => f || '0.###############')),
        frozenRows: 1,
        columnWidths: { 2: 150, 3: 170, 4: 240, 27: 220, ...dateColumnWidths },
      },
      teamSheet(),
    ],
  });
  rt.load();
  rt.setNow(new Date(NOW_MS));
  rt.call('checkLeadsNow');
  const toast = rt.ui.toasts.at(-1)?.message ?? '';
  const log = JSON.parse(rt.documentProperties.getProperty('sla.runLog') ?? '[]') as Array<{
    counts?: Record<string, number>;
    error?: string;
  }>;
  const counts = log[0]?.counts ?? {};
  const missing = Object.entries(counts)
    .filter(([, n]) => n === 0)
    .map(([w]) => w);
  if (log[0]?.error || missing.length > 0 || Object.keys(counts).length < 9) {
    throw new Error(
      `makeExample: the example must show every status (missing: ${missing.join(', ') || 'none'}; ${log[0]?.error ?? toast})`,
    );
  }
  const dir = join(REPO_ROOT, 'examples');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, 'example.xlsx');
  // The spreadsheet only: the example ships without the add-in's state (settings, run log).
  await saveWorkbook(rt.spreadsheet, path);
  console.log(`wrote ${path}: ${leads.length} leads; ${toast}`);
  console.log(
    Object.entries(counts)
      .map(([w, k]) => `${w} ${k}`)
      .join(', '),
  );
}

main().catch((error: unknown) => {
  console.error(errorText(error));
  process.exit(1);
});
