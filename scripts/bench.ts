/**
 * `npm run bench`: prints a table of what a user waits for, measured in our Apps Script
 * runtime on the built dist/Code.js. Figures are medians of several runs on this machine.
 * Sheets calls are counted by the runtime: they are what costs time in real Sheets.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { columnToLetters, createRuntime, REPO_ROOT, type Runtime } from '../runtime/index.ts';
import { type Criterion, defaultSettings, type Settings } from '../src/core/settings/index.ts';
import { callRows, hubspotExport, LEADS_HEADER, leadRows } from './benchData.ts';
import { naiveCheck } from './benchNaive.ts';
import { benchOffline } from './benchOffline.ts';

interface Row {
  what: string;
  size: string;
  ms: number;
  calls?: number;
  note?: string;
}

const rows: Row[] = [];
const CODE = join(REPO_ROOT, 'dist', 'Code.js');

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
}

function time(runs: number, fn: () => void): number {
  fn(); // warm-up
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    fn();
    times.push(performance.now() - t);
  }
  return median(times);
}

function benchBundle(): void {
  const code = readFileSync(CODE, 'utf8');
  const ms = time(20, () => {
    const context = vm.createContext({});
    new vm.Script(code, { filename: 'Code.js' }).runInContext(context);
  });
  rows.push({
    what: 'cold load of dist/Code.js in a fresh vm context',
    size: `${(statSync(CODE).size / 1024).toFixed(1)} KB`,
    ms,
    note: 'target < 30 ms, < 256 KB',
  });
}

function benchCustomFunctions(): void {
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.load();
  const goals = Array.from({ length: 10_000 }, (_, i) => [100_000 + 1000 * i]);
  for (const [name, args] of [
    ['SLA_FUNNEL', [goals, 1000, 0.5]],
    ['SLA_MQL_NEEDED', [goals, 1000, 0.5]],
  ] as const) {
    const ms = time(5, () => rt.callCustomFunction(name, ...args));
    rows.push({
      what: `${name} over a 10,000-row range, one call`,
      size: '10,000 rows',
      ms,
      note: 'target < 50 ms (cold load included)',
    });
  }
}

/** The default criteria plus nine more: 20 criteria, as the scoring issue measures. */
/** The agreement's data per stage: Deal value at the hand-off is blank on about half the leads. */
function requiredFields(): Settings {
  const settings = defaultSettings();
  settings.agreement.requiredFields = {
    lead: ['Email'],
    mql: ['Company'],
    handoff: ['Owner', 'Company size', 'Source', 'Deal value'],
  };
  return settings;
}

function twentyCriteria(): Settings {
  const settings = defaultSettings();
  const extra: Array<[string, string, Criterion['operator'], Partial<Criterion>, number]> = [
    ['Company', 'Named account', 'oneOf', { values: ['Acme', 'Brightwave'] }, 10],
    ['Source', 'Came from a partner', 'equals', { value: 'Partner' }, 5],
    ['Email', 'Business email', 'notBlank', {}, 2],
    ['Country', 'Outside our markets', 'equals', { value: 'Germany' }, -5],
    ['Company size', 'Very large', 'atLeast', { min: 1000 }, 5],
    ['Industry', 'Retail', 'contains', { value: 'retail' }, -5],
    ['Pricing page visits', 'Visited pricing once', 'atMost', { max: 1 }, 2],
    ['Email clicks', 'Never clicked', 'isBlank', {}, -2],
    ['Created at', 'New this quarter', 'withinDays', { days: 90 }, 3],
  ];
  extra.forEach(([column, label, operator, more, points], i) => {
    settings.scoring.criteria.push({
      id: `extra-${i}`,
      label,
      kind: i % 2 ? 'interest' : 'fit',
      column,
      operator,
      points,
      ...more,
    });
  });
  return settings;
}

type Sheet = (count: number) => unknown[][];
const canonicalSheet: Sheet = (count) => [[...LEADS_HEADER], ...leadRows(count)];

function leadsRuntime(count: number, settings?: Settings, sheet: Sheet = canonicalSheet): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.setNow(new Date('2026-11-23T10:00:00+01:00'));
  rt.addSheet('Leads', sheet(count));
  if (settings) rt.documentProperties.setProperty('sla.settings', JSON.stringify(settings));
  rt.load();
  return rt;
}

function benchEntry(
  name: string,
  label: string,
  sizes: number[],
  args: unknown[] = [],
  settings?: Settings,
  sheet?: Sheet,
): void {
  for (const count of sizes) {
    const rt = leadsRuntime(count, settings, sheet);
    if (!rt.globalNames().includes(name)) {
      rows.push({
        what: label,
        size: `${count.toLocaleString('en-US')} leads`,
        ms: Number.NaN,
        note: `${name} not in the bundle yet`,
      });
      return;
    }
    rt.call(name, ...args); // first run creates the add-in's columns
    const warning = rt.ui.toasts.find((t) => /settings/i.test(t.message));
    if (warning) throw new Error(`bench settings were refused: ${warning.message}`);
    rt.calls.reset();
    rt.call(name, ...args);
    const calls = rt.calls.sheets;
    const others = rt.calls.total - calls;
    const formatDate = rt.calls.of('Utilities.formatDate');
    const ms = time(count >= 100_000 ? 2 : 4, () => rt.call(name, ...args));
    rows.push({
      what: label,
      size: `${count.toLocaleString('en-US')} leads`,
      ms,
      calls,
      note: `≈ ${((calls * 7) / 1000).toFixed(1)} s of round trips in real Sheets; + ${others} other service calls, of which ${formatDate} Utilities.formatDate`,
    });
  }
}

const OWNERS = Array.from({ length: 50 }, (_, i) => `Rep ${String(i + 1).padStart(2, '0')}`);
/** The owners' zones in turn: the spreadsheet's, New York, Los Angeles, Tokyo. */
const OWNER_ZONES = ['', 'America/New_York', 'America/Los_Angeles', 'Asia/Tokyo'];

/** Leads of the 50 owners: `leadRows`, or every one overdue (handed off 1 to 48 hours ago). */
function teamLeads(count: number, overdue: boolean): unknown[][] {
  const col = (h: string) => (LEADS_HEADER as readonly string[]).indexOf(h);
  const now = Date.parse('2026-11-23T10:00:00+01:00');
  return leadRows(count).map((row, i) => {
    const r = row.slice();
    r[col('Owner')] = OWNERS[i % OWNERS.length];
    if (overdue) {
      r[col('Stage')] = 'MQL';
      r[col('Priority')] = 'Hot';
      r[col('Handed off at')] = new Date(now - (24 + (i % 48)) * 3_600_000);
      for (const h of ['First contact at', 'Last attempt at', 'Won at']) r[col(h)] = '';
      r[col('Attempts')] = 0;
    }
    return r;
  });
}

/**
 * Leads spread over 50 owners, checked once (our columns exist), then SLA Team added: each
 * owner notified, 5 managers, owners in four zones. Nothing has been announced yet.
 */
function teamRuntime(count: number, overdue = false): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris' });
  rt.setNow(new Date('2026-11-23T10:00:00+01:00'));
  rt.addSheet('Leads', [[...LEADS_HEADER], ...teamLeads(count, overdue)]);
  rt.load();
  rt.call('checkLeadsNow');
  rt.addSheet('SLA Team', [
    ['Owner', 'Email', 'Manager email', 'Notify', 'Time zone', 'Away from', 'Away until'],
    ...OWNERS.map((o, i) => [
      o,
      `rep${i + 1}@example.com`,
      `manager${(i % 5) + 1}@example.com`,
      'yes',
      OWNER_ZONES[i % OWNER_ZONES.length],
      '',
      '',
    ]),
  ]);
  rt.setMailQuota(1500);
  return rt;
}

function mailNote(rt: Runtime, sentBefore: number): string {
  const sends = rt.calls.of('MailApp.sendEmail');
  const formatDate = rt.calls.of('Utilities.formatDate');
  const largest = Math.max(
    0,
    ...rt.mails
      .slice(sentBefore)
      .map((m) => Buffer.byteLength(m.subject + m.body + (m.htmlBody ?? ''))),
  );
  const log = rt.documentProperties.getProperty('sla.runLog') ?? '';
  const waiting = /notices of (\d+) leads? wait/.exec(log);
  return `MailApp: ${sends} sends, largest ${(largest / 1024).toFixed(1)} KB; ${formatDate} Utilities.formatDate${waiting ? `; ${waiting[1]} leads wait (memory full)` : ''}`;
}

/** One check with notices, measured: Sheets calls, MailApp calls, time. */
function measuredCheck(rt: Runtime, what: string, size: string): void {
  rt.calls.reset();
  const sentBefore = rt.mails.length;
  const t = performance.now();
  rt.call('checkLeadsNow');
  const ms = performance.now() - t;
  rows.push({ what, size, ms, calls: rt.calls.sheets, note: mailNote(rt, sentBefore) });
}

/** The check with SLA Team: its first run (every open lead is new), and an hour later. */
function benchNotices(sizes: number[]): void {
  for (const count of sizes) {
    const size = `${count.toLocaleString('en-US')} leads, 50 owners, 4 zones`;
    const rt = teamRuntime(count);
    measuredCheck(rt, 'check with notices: first run, every open lead new (one run)', size);
    rt.advance(3_600_000);
    measuredCheck(rt, 'check with notices, an hour later (one run)', size);
    if (count >= 100_000) benchEdits(rt, size);
  }
}

/** Every lead overdue and new: the Sheets calls of a run stay the same at 1,000 and 20,000. */
function benchOverdue(sizes: number[]): void {
  for (const count of sizes) {
    const rt = teamRuntime(count, true);
    const size = `${count.toLocaleString('en-US')} overdue leads, 50 owners`;
    measuredCheck(rt, 'check with notices: every lead overdue, first run (one run)', size);
  }
}

/** The edit trigger: an edit of another column, and a hand-off typed. */
function benchEdits(rt: Runtime, size: string): void {
  const letter = (header: string) =>
    columnToLetters((LEADS_HEADER as readonly string[]).indexOf(header) + 1);
  const edits: Array<[string, string, unknown]> = [
    ['onEdit: an edit of another column (Notes)', `${letter('Notes')}500`, 'called back'],
    ['onEdit: a hand-off typed', `${letter('Handed off at')}501`, new Date('2026-11-23T09:30:00Z')],
  ];
  for (const [what, a1, value] of edits) {
    rt.calls.reset();
    const t = performance.now();
    rt.edit('Leads', a1, [[value]]);
    const ms = performance.now() - t;
    const writes = rt.calls.countPrefix('Range.set');
    rows.push({ what, size, ms, calls: rt.calls.sheets, note: `${writes} writes` });
  }
}

/** The check with a Calls sheet beside Leads: the log read once, joined in linear time. */
function benchActivityLog(sizes: Array<[leads: number, perLead: number]>): void {
  for (const [count, perLead] of sizes) {
    const rt = leadsRuntime(count);
    rt.addSheet('Calls', callRows(count, perLead));
    rt.call('checkLeadsNow');
    rt.calls.reset();
    rt.call('checkLeadsNow');
    const calls = rt.calls.sheets;
    const ms = time(2, () => rt.call('checkLeadsNow'));
    const log = rt.documentProperties.getProperty('sla.runLog') ?? '';
    const matched = /(\d[\d,]*) done matched to (\d[\d,]*) leads/.exec(log);
    rows.push({
      what: 'the same check with an activity log (a Zoho Calls export)',
      size: `${count.toLocaleString('en-US')} leads, ${(count * perLead).toLocaleString('en-US')} calls`,
      ms,
      calls,
      note: matched ? `${matched[1]} done calls matched to ${matched[2]} leads` : 'log not read',
    });
  }
}

/** The review with the agreement's figures: required fields, returns, a Calls log's channels. */
function benchReviewWithAgreement(count: number, perLead: number): void {
  const rt = leadsRuntime(count, requiredFields());
  rt.addSheet('Calls', callRows(count, perLead));
  rt.call('runMonthlyReview', '2026-10');
  rt.calls.reset();
  rt.call('runMonthlyReview', '2026-10');
  const calls = rt.calls.sheets;
  rows.push({
    what: 'the same review with 6 required fields and an activity log (a Zoho Calls export)',
    size: `${count.toLocaleString('en-US')} leads, ${(count * perLead).toLocaleString('en-US')} calls`,
    ms: time(2, () => rt.call('runMonthlyReview', '2026-10')),
    calls,
  });
}

function benchNaive(sizes: number[]): void {
  for (const count of sizes) {
    const rt = leadsRuntime(count);
    rt.calls.reset();
    const t = performance.now();
    naiveCheck(rt);
    const ms = performance.now() - t;
    rows.push({
      what: 'the same check, one getValue/setValue/setBackground per cell',
      size: `${count.toLocaleString('en-US')} leads`,
      ms,
      calls: rt.calls.sheets,
      note: `≈ ${Math.round((rt.calls.sheets * 7) / 1000).toLocaleString('en-US')} s in real Sheets at ~7 ms a call`,
    });
  }
}

function print(): void {
  const header = ['what', 'size', 'median ms', 'Sheets calls', 'note'];
  const table = rows.map((r) => [
    r.what,
    r.size,
    Number.isNaN(r.ms) ? '—' : r.ms.toFixed(1),
    r.calls === undefined ? '' : r.calls.toLocaleString('en-US'),
    r.note ?? '',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i]!.length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === 2 || i === 3 ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join(' | ');
  console.log(line(header));
  console.log(widths.map((w) => '-'.repeat(w)).join('-|-'));
  for (const r of table) console.log(line(r));
}

/** The check at 1,000 to 100,000 leads, and its variants at 100,000. */
function benchChecks(): void {
  benchEntry(
    'checkLeadsNow',
    'check: score + SLA status + write (checkLeadsNow)',
    [1_000, 10_000, 100_000],
  );
  benchEntry(
    'checkLeadsNow',
    'the same check with 20 scoring criteria',
    [100_000],
    [],
    twentyCriteria(),
  );
  benchEntry(
    'checkLeadsNow',
    'the same check with 6 fields required by the agreement (about half the leads lack one)',
    [100_000],
    [],
    requiredFields(),
  );
  benchEntry(
    'checkLeadsNow',
    'the same check on a HubSpot export (CRM headers, text dates, no Lead ID)',
    [100_000],
    [],
    undefined,
    hubspotExport,
  );
  benchEntry(
    'checkLeadsNow',
    'the same check with one lead handed off in year 9999 (a typo)',
    [100_000],
    [],
    undefined,
    (count) => {
      const sheet = canonicalSheet(count);
      sheet[1]![LEADS_HEADER.indexOf('Handed off at')] = new Date(Date.UTC(9999, 0, 1));
      return sheet;
    },
  );
}

/** `npm run bench -- --offline`: only the offline runs (they take a few minutes). */
async function main(): Promise<void> {
  if (!process.argv.includes('--offline')) {
    benchBundle();
    benchCustomFunctions();
    benchChecks();
    benchActivityLog([
      [10_000, 5],
      [100_000, 5],
    ]);
    benchNaive([1_000, 10_000]);
    benchEntry(
      'runMonthlyReview',
      'monthly review (runMonthlyReview 2026-10)',
      [100_000],
      ['2026-10'],
    );
    benchReviewWithAgreement(100_000, 5);
    benchNotices([1_000, 100_000]);
    benchOverdue([1_000, 20_000]);
  }
  rows.push(...(await benchOffline([100_000, 300_000])));
  print();
}

void main();
