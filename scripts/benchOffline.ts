/**
 * The offline run at scale, for `npm run bench`: `npm start` (scripts/start.ts, the real
 * path: the file read, the add-in's setup, check and review, the result written) on a
 * synthetic CRM export (a CSV, and the same leads as an .xlsx), in a child process whose wall
 * time and peak memory are measured.
 */
import { spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { finished } from 'node:stream/promises';
import ExcelJS from 'exceljs';
import { REPO_ROOT } from '../runtime/index.ts';
import { LEADS_HEADER, leadRows, leadsCsv } from './benchData.ts';

export interface OfflineRow {
  what: string;
  size: string;
  ms: number;
  note: string;
}

const MB = 1024 * 1024;

async function writeCsv(path: string, count: number): Promise<void> {
  const out = createWriteStream(path);
  for (const block of leadsCsv(count)) if (!out.write(block)) await once(out, 'drain');
  out.end();
  await finished(out);
}

/** Columns of the leads workbook holding dates, shown as a CRM's .xlsx export shows them. */
const DATE_FORMAT = 'yyyy-mm-dd hh:mm';

/**
 * The same leads as a CRM's .xlsx export (a bold frozen header, dates as dates with their
 * format, shared strings, column widths), written with ExcelJS's streaming writer.
 */
export async function writeLeadsXlsx(path: string, count: number): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useStyles: true,
    useSharedStrings: true,
  });
  const ws = wb.addWorksheet('Leads', { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = LEADS_HEADER.map((h) => ({ width: Math.max(12, h.length + 2) }));
  const header = ws.addRow([...LEADS_HEADER]);
  header.font = { bold: true };
  header.commit();
  const rows = leadRows(count);
  for (const values of rows) {
    const row = ws.addRow(values.map((v) => (v === '' ? null : v)));
    values.forEach((v, i) => {
      if (v instanceof Date) row.getCell(i + 1).numFmt = DATE_FORMAT;
    });
    row.commit();
  }
  ws.commit();
  await wb.commit();
}

type ExportFormat = 'csv' | 'xlsx';

const WRITERS: Record<ExportFormat, (path: string, count: number) => Promise<void>> = {
  csv: writeCsv,
  xlsx: writeLeadsXlsx,
};

const WHAT: Record<ExportFormat, string> = {
  csv: 'npm start on a CSV export: read, set up, check, review, write (one run, child process)',
  xlsx: 'npm start on an .xlsx export: the same run, the result the input package with its changes',
};

/** One `npm start` on an export of `count` leads: wall time and peak resident memory. */
async function offlineRun(dir: string, format: ExportFormat, count: number): Promise<OfflineRow> {
  const input = join(dir, `crm-export-${count}.${format}`);
  await WRITERS[format](input, count);
  const peakFile = join(dir, `peak-${format}-${count}`);
  const args = ['--import', 'tsx', '--import', join(REPO_ROOT, 'scripts', 'benchPeak.ts')];
  const start = [join(REPO_ROOT, 'scripts', 'start.ts'), input, '--now', '2026-11-23T10:00'];
  const t = performance.now();
  const run = spawnSync(
    process.execPath,
    [...args, ...start, '--json', '--out', join(dir, `result-${format}-${count}.xlsx`)],
    {
      cwd: REPO_ROOT,
      encoding: 'utf8',
      maxBuffer: 64 * MB,
      env: { ...process.env, SLA_BENCH_PEAK_FILE: peakFile },
    },
  );
  const ms = performance.now() - t;
  const summary = JSON.parse(run.stdout || '{}') as {
    ok?: boolean;
    leads?: number;
    error?: string;
  };
  if (run.status !== 0 || summary.leads !== count)
    throw new Error(
      `offline run on ${count} leads (${format}) failed: ${summary.error ?? run.stderr}`,
    );
  const peak = Number(readFileSync(peakFile, 'utf8')) / MB;
  return {
    what: WHAT[format],
    size: `${count.toLocaleString('en-US')} leads`,
    ms,
    note: `${(ms / 1000).toFixed(1)} s, peak memory ${Math.round(peak).toLocaleString('en-US')} MB; target at 300,000: < 120 s and < 2,048 MB`,
  };
}

export async function benchOffline(sizes: readonly number[]): Promise<OfflineRow[]> {
  const dir = mkdtempSync(join(tmpdir(), 'sla-bench-'));
  try {
    const rows: OfflineRow[] = [];
    for (const format of ['csv', 'xlsx'] as const)
      for (const count of sizes) rows.push(await offlineRun(dir, format, count));
    return rows;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
