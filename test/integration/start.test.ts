import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadXlsx, REPO_ROOT } from '../../runtime/index.ts';
import { STATUS_WORDS } from '../../src/core/sla/status.ts';
import { rowsOf, ZOHO_CALLS } from '../fixtures/activityExports.ts';

const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const start = (...args: string[]) =>
  spawnSync(tsx, [join(REPO_ROOT, 'scripts', 'start.ts'), ...args], {
    encoding: 'utf8',
    cwd: REPO_ROOT,
    timeout: 120_000,
  });

describe('npm start (the offline main job)', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sla-start-'));

  it('runs the example end to end and writes the result workbook', async () => {
    const out = join(dir, 'result.xlsx');
    const run = start('--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/MQL needed\s+800/);
    expect(run.stdout).toMatch(
      /Funnel\s+3,200 Contacts → 1,600 Leads → 800 MQL → 400 SQL → 200 Opportunities → 100 Customers/,
    );
    for (const word of STATUS_WORDS) {
      expect(run.stdout).toMatch(new RegExp(`^  ${word}\\s+\\d+(?: \\(.+\\))?$`, 'm'));
    }
    // sales' scorecard ends the summary: its last line is the leads returned (issue 20)
    expect(run.stdout.trimEnd()).toMatch(
      /Sales' commitment[\s\S]*Recycled to marketing[\s\S]*Leads returned to marketing.*$/,
    );
    const book = await loadXlsx(out);
    expect(book.sheets.map((s) => s.name)).toEqual(
      expect.arrayContaining([
        'Leads',
        'Planning',
        'SLA Agreement',
        'SLA Review 2026-10',
        'SLA History',
      ]),
    );
  });

  it('says what is wrong and writes nothing for a missing workbook', () => {
    const out = join(dir, 'missing.xlsx');
    const run = start(join(dir, 'nope.xlsx'), '--out', out);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/no workbook at .*nope\.xlsx/);
    expect(run.stderr).toMatch(/Nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it('says what is wrong and writes nothing for a corrupt workbook', () => {
    const bad = join(dir, 'corrupt.xlsx');
    writeFileSync(bad, 'this is not a spreadsheet');
    const out = join(dir, 'corrupt-result.xlsx');
    const run = start(bad, '--out', out);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/corrupt\.xlsx/);
    expect(existsSync(out)).toBe(false);
  });

  it('prints its usage for --help and ends well', () => {
    const run = start('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(
      /^usage: npm start -- \[book\.xlsx \| export\.csv\] \[--activities FILE\]/,
    );
    expect(run.stderr).toBe('');
  });

  it('rejects a bad --now', () => {
    const run = start('--now', 'someday');
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/--now someday is not a date/);
  });

  it('exits 1 and writes nothing when the check cannot run, and never says Wrote', () => {
    const csv = join(dir, 'notes.csv');
    writeFileSync(csv, 'Topic,Remark\nlunch,good\n');
    const out = join(dir, 'notes-result.xlsx');
    const run = start(csv, '--sheet', 'notes', '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/Lead check failed: Row 1 of "notes" names no column we know/);
    expect(run.stderr).toMatch(/Nothing was written/);
    expect(run.stdout + run.stderr).not.toMatch(/Wrote/);
    expect(existsSync(out)).toBe(false);
  });

  it('says a file holds no leads, names its columns, and creates nothing', () => {
    const csv = join(dir, 'meetings.csv');
    writeFileSync(csv, 'Topic,Remark,When\nlunch,good,2026-11-20\n');
    const out = join(dir, 'meetings-result.xlsx');
    const run = start(csv, '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain(
      'meetings.csv: no sheet holds leads — row 1 names no lead field we know (such as Email, Owner, Lead Status, Created at): "meetings" (3: "Topic", "Remark", "When").',
    );
    expect(run.stderr).toContain('npm run preview -- meetings.csv');
    expect(run.stdout + run.stderr).not.toMatch(/No leads to check yet|Wrote/);
    expect(existsSync(out)).toBe(false);
  });

  it('refuses a settings file the sidebar would refuse, with the reason, exit 2', () => {
    const bad = join(dir, 'bad-settings.json');
    writeFileSync(bad, JSON.stringify({ version: 3, plan: {} }));
    const run = start(
      join(REPO_ROOT, 'examples', 'hubspot-contacts-export.csv'),
      '--settings',
      bad,
      '--out',
      join(dir, 'x.xlsx'),
    );
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/bad-settings\.json: sidebarSave: invalid settings/);
    expect(existsSync(join(dir, 'x.xlsx'))).toBe(false);
  });

  it('--json prints one object: leads read, counts, the field map with its headers, the messages', () => {
    const out = join(dir, 'hubspot.xlsx');
    const csv = join(REPO_ROOT, 'examples', 'hubspot-contacts-export.csv');
    const run = start(
      csv,
      '--now',
      '2026-11-23T10:00',
      '--tz',
      'Europe/Paris',
      '--json',
      '--out',
      out,
    );
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({
      ok: true,
      leads: 10,
      output: out,
      read: {
        sheet: 'hubspot-contacts-export',
        clock: 'Owner Assigned Date',
        fields: { 'Lead ID': 'Record ID', Owner: 'Contact owner', Stage: 'Lifecycle Stage' },
      },
    });
    // 104 (no contact), 109 (a status nobody mapped, timed as open) and 107 (not tracked)
    expect((summary.counts as Record<string, number>).Overdue).toBe(3);
    expect(summary).toMatchObject({ untracked: 1, unmapped: 1 });
    expect(summary.messages).toEqual(
      expect.arrayContaining([expect.stringMatching(/^Checked 10 leads: 2 overdue/)]),
    );
    expect(existsSync(out)).toBe(true);
  });

  it('reads a Windows-1252, semicolon-separated export with its accents, and says so', async () => {
    const csv = join(dir, 'crm-latin1.csv');
    const text = 'Lead ID;Name;Owner;Handed off at\nL1;Ann;Chloé Roux;20/11/2026 09:30\n';
    writeFileSync(csv, Buffer.from(Array.from(text, (ch) => ch.charCodeAt(0))));
    const out = join(dir, 'crm-latin1.xlsx');
    const run = start(csv, '--now', '2026-11-23T10:00', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain(
      'Read crm-latin1.csv: Windows-1252, semicolon-separated, 1 row (sheet "crm-latin1")',
    );
    const book = await loadXlsx(out);
    expect(book.sheets.find((s) => s.name === 'crm-latin1')?.values[1]?.[2]).toBe('Chloé Roux');
  });

  it("reads Excel's Unicode text (UTF-16 LE, tab-separated) with its accents, and says so", async () => {
    const tsv = join(dir, 'crm-unicode.txt.csv');
    const text = 'Lead ID\tName\tOwner\tHanded off at\r\nL1\tZoë\tChloé Roux\t20/11/2026 09:30\r\n';
    writeFileSync(tsv, Buffer.from(`\ufeff${text}`, 'utf16le'));
    const out = join(dir, 'crm-unicode.xlsx');
    const run = start(tsv, '--now', '2026-11-23T10:00', '--out', out);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('Read crm-unicode.txt.csv: UTF-16 LE, tab-separated, 1 row');
    const sheet = (await loadXlsx(out)).sheets.find((s) => s.name === 'crm-unicode.txt');
    expect(sheet?.values[0]).toEqual(expect.arrayContaining(['Lead ID', 'Name', 'Owner']));
    expect(sheet?.values[1]?.slice(0, 3)).toEqual(['L1', 'Zoë', 'Chloé Roux']);
  });

  it('refuses a CSV with an unclosed quote: the line named, exit 1, nothing written', () => {
    const csv = join(dir, 'broken.csv');
    writeFileSync(csv, 'Lead ID,Name\nL1,Ann\nL2,"Bob\nL3,Chloé\nL4,Dan\n');
    const out = join(dir, 'broken-result.xlsx');
    const run = start(csv, '--out', out);
    expect(run.status).toBe(1);
    expect(run.stderr).toMatch(/broken\.csv": line 3: a field opens a quote that is never closed/);
    expect(run.stderr).toMatch(/Nothing was written/);
    expect(existsSync(out)).toBe(false);
  });

  it('reports the rows with more fields than the header, in the summary and --json', () => {
    const csv = join(dir, 'long-rows.csv');
    writeFileSync(csv, 'Lead ID,Name,Stage\nL1,Ann,MQL\nL2,Lee, Bob,MQL\n');
    const run = start(csv, '--json', '--now', '2026-11-23T10:00', '--out', join(dir, 'long.xlsx'));
    expect(run.status).toBe(0);
    const summary = JSON.parse(run.stdout) as { csv: unknown };
    expect(summary.csv).toMatchObject({
      encoding: 'UTF-8',
      delimiter: 'comma',
      dataRows: 2,
      longRows: [{ line: 3, fields: 4 }],
    });
    const text = start(csv, '--now', '2026-11-23T10:00', '--out', join(dir, 'long.xlsx'));
    expect(text.stdout).toMatch(/! 1 row has more fields than the header \(line 3: 4 fields\)/);
  });
});

describe('npm start -- leads.csv --activities calls.csv', { timeout: 120_000 }, () => {
  const dir = mkdtempSync(join(tmpdir(), 'sla-activities-'));
  const csv = (rows: unknown[][]) =>
    rows.map((r) => r.map((c) => `"${String(c ?? '').replace(/"/g, '""')}"`).join(',')).join('\n');
  const leads = join(dir, 'Leads_2026_11_23.csv');
  const calls = join(dir, 'Calls_2026_11_23.csv');
  writeFileSync(
    leads,
    csv(
      rowsOf(
        ZOHO_CALLS.leadHeader,
        ZOHO_CALLS.leads.map((l) => l.row),
      ),
    ),
  );
  writeFileSync(calls, csv(rowsOf(ZOHO_CALLS.logHeader, ZOHO_CALLS.activities)));
  const args = ['--now', '2026-11-23T10:00', '--tz', 'Europe/Paris'];

  it('reads the log beside the leads and says which columns fed it and what matched', () => {
    const out = join(dir, 'result.xlsx');
    const run = start(leads, '--activities', calls, ...args, '--out', out);
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Activity log\n  Sheet                   "Calls_2026_11_23"');
    expect(run.stdout).toMatch(/Lead\s+← "LEADID"/);
    expect(run.stdout).toContain(
      '5 activities read: 3 done and matched to 2 leads, 1 matched no lead (e.g. "5725767000009999999"), 1 planned or open (not counted)',
    );
    expect(run.stdout).toMatch(/^ {2}Met\s+1$/m);
    expect(run.stdout).toMatch(/^ {2}Missed\s+1$/m);
  });

  it('gives the same statuses when run again on its own result', () => {
    const first = join(dir, 'first.xlsx');
    const json = (r: ReturnType<typeof start>) => JSON.parse(r.stdout) as { counts: unknown };
    const a = start(leads, '--activities', calls, ...args, '--out', first, '--json');
    const b = start(first, ...args, '--out', join(dir, 'second.xlsx'), '--json');
    expect(a.status).toBe(0);
    expect(b.status).toBe(0);
    expect(json(b).counts).toEqual(json(a).counts);
  });

  it('refuses a file that is not an activity log, and writes nothing', () => {
    const out = join(dir, 'refused.xlsx');
    const run = start(leads, '--activities', leads, ...args, '--out', out);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(
      /--activities Leads_2026_11_23\.csv: its row 1 names no lead key and date/,
    );
    expect(existsSync(out)).toBe(false);
  });
});
