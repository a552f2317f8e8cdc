/**
 * `npm start` run again on its own result gives the same statuses and the same review, and
 * `--month` picks the review's month whatever `--now` is (issue 18). Runs the built bundle
 * through scripts/start.ts (`npm run build` first).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadXlsx, REPO_ROOT, type WorkbookData } from '../../runtime/index.ts';
import { defaultSettings } from '../../src/core/settings/index.ts';

const tsx = join(REPO_ROOT, 'node_modules', '.bin', 'tsx');
const dir = mkdtempSync(join(tmpdir(), 'sla-second-run-'));
const HUBSPOT = join(REPO_ROOT, 'examples', 'hubspot-contacts-export.csv');

function start(...args: string[]): Record<string, unknown> {
  const run = spawnSync(tsx, [join(REPO_ROOT, 'scripts', 'start.ts'), ...args, '--json'], {
    encoding: 'utf8',
    cwd: REPO_ROOT,
    timeout: 120_000,
  });
  if (run.status !== 0) throw new Error(`npm start failed: ${run.stderr || run.stdout}`);
  return JSON.parse(run.stdout) as Record<string, unknown>;
}

function values(book: WorkbookData, name: string): unknown[][] {
  const sheet = book.sheets.find((s) => s.name === name);
  if (!sheet) throw new Error(`no sheet ${name} in ${book.sheets.map((s) => s.name)}`);
  return JSON.parse(JSON.stringify(sheet.values)) as unknown[][];
}

/** The cells of one column of Leads, by its header. */
function column(book: WorkbookData, header: string): unknown[] {
  const rows = values(book, 'Leads');
  const c = rows[0]!.indexOf(header);
  return rows.slice(1).map((r) => r[c]);
}

describe('npm start on its own result', { timeout: 300_000 }, () => {
  it('gives the same statuses, the same Planning and the same review', async () => {
    const first = join(dir, 'first.xlsx');
    const second = join(dir, 'second.xlsx');
    const one = start('--out', first);
    // the example is pinned to its own now; its result is not: pin the second run to the same
    const two = start(first, '--now', '2026-11-23T10:00', '--out', second);
    expect(one.formulaErrors).toEqual([]);
    expect(two.formulaErrors).toEqual([]);
    expect(two.counts).toEqual(one.counts);
    expect(two.reviewMonth).toBe(one.reviewMonth);
    const [a, b] = [await loadXlsx(first), await loadXlsx(second)];
    expect(column(b, 'SLA status')).toEqual(column(a, 'SLA status'));
    expect(column(b, 'SLA deadline')).toEqual(column(a, 'SLA deadline'));
    expect(values(b, 'Planning')).toEqual(values(a, 'Planning'));
    const month = `SLA Review ${String(one.reviewMonth)}`;
    expect(values(b, month)).toEqual(values(a, month));
    expect(values(b, 'SLA History')).toEqual(values(a, 'SLA History'));
    // Planning's seasonal target, not a fallback: October is 10 % of the 800 MQL a year
    expect(JSON.stringify(values(b, month))).toContain('sample: ≥ 80 MQL');
  });
});

describe('--month', { timeout: 300_000 }, () => {
  it("picks the review's month whatever --now is; without it, the last full month before now", async () => {
    const early = start(
      HUBSPOT,
      '--now',
      '2026-11-23T10:00',
      '--month',
      '2026-11',
      '--out',
      join(dir, 'a.xlsx'),
    );
    const late = start(
      HUBSPOT,
      '--now',
      '2027-03-01T09:00',
      '--month',
      '2026-11',
      '--out',
      join(dir, 'b.xlsx'),
    );
    const plain = start(HUBSPOT, '--now', '2027-03-01T09:00', '--out', join(dir, 'c.xlsx'));
    expect(early.reviewMonth).toBe('2026-11');
    expect(late.reviewMonth).toBe('2026-11');
    expect(plain.reviewMonth).toBe('2027-02');
    // --now moves the statuses (time passed), never the month reviewed
    expect(late.counts).not.toEqual(early.counts);
    expect(late.counts).toEqual(plain.counts);
    const reviewed = values(await loadXlsx(join(dir, 'b.xlsx')), 'SLA Review 2026-11');
    expect(String(reviewed[0]![0])).toBe('SLA monthly review · November 2026');
    // the month with no lead says which months have some, and how to ask
    const empty = JSON.stringify(values(await loadXlsx(join(dir, 'c.xlsx')), 'SLA Review 2027-02'));
    expect(empty).toContain('No lead was created, qualified, handed off or won in February 2027');
    expect(empty).toContain('npm start -- --month 2026-11');
  });

  it('refuses a month that is not YYYY-MM', () => {
    const run = spawnSync(tsx, [join(REPO_ROOT, 'scripts', 'start.ts'), '--month', 'March'], {
      encoding: 'utf8',
      cwd: REPO_ROOT,
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--month March is not a month: use YYYY-MM, e.g. 2021-03/);
  });
});

describe('--settings', { timeout: 300_000 }, () => {
  it("agrees the team's settings: the review judges against them", async () => {
    const file = join(dir, 'settings.json');
    writeFileSync(file, JSON.stringify(defaultSettings()));
    const out = join(dir, 'agreed.xlsx');
    const run = start('--settings', file, '--out', out);
    const review = JSON.stringify(
      values(await loadXlsx(out), `SLA Review ${String(run.reviewMonth)}`),
    );
    expect(review).not.toContain('sample:');
    expect(review).not.toContain("The plan and the targets are the sample's");
    expect(review).toMatch(/"(Met|Close|Missed)"/);
  });
});
