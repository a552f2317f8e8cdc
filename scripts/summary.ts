import { relative } from 'node:path';
import type { FormulaError, Runtime } from '../runtime/index.ts';
import { STATUS_WORDS } from '../src/core/slaStatus.ts';

export interface RunReport {
  input: string;
  output: string;
  now: Date;
  timeZone: string;
  steps: string[];
  formulaErrors?: FormulaError[];
  reviewMonth?: string;
  /** For a CSV input, the sheet its rows were read into. */
  dataSheet?: string | null;
}

const fmt = (v: unknown, digits = 2): string =>
  typeof v === 'number'
    ? v.toLocaleString('en-US', { maximumFractionDigits: Number.isInteger(v) ? 0 : digits })
    : String(v);

function sheetValues(rt: Runtime, name: string): unknown[][] | null {
  const sheet = rt.spreadsheet.getSheetByName(name);
  return sheet ? (sheet.getDataRange().getValues() as unknown[][]) : null;
}

function planningLines(rt: Runtime): string[] {
  const values = sheetValues(rt, 'Planning');
  if (!values) return ['  (no Planning sheet)'];
  const byLabel = new Map(values.map((r) => [String(r[0]), r[1]]));
  const lines = [
    'Customers needed',
    'MQL needed',
    'MQL per week',
    'Reps needed (FTE)',
    'Reps to hire',
    'Leads goal (4 metrics)',
  ]
    .filter((label) => byLabel.has(label))
    .map((label) => `  ${label.padEnd(24)}${fmt(byLabel.get(label))}`);
  const funnel = values.filter((r) =>
    ['Contacts', 'Leads', 'MQL', 'SQL', 'Opportunities', 'Customers'].includes(String(r[3])),
  );
  if (funnel.length)
    lines.push(
      `  ${'Funnel'.padEnd(24)}${funnel.map((r) => `${fmt(r[4])} ${String(r[3])}`).join(' → ')}`,
    );
  return lines;
}

const order = (word: string): number => (STATUS_WORDS as readonly string[]).indexOf(word);

function statusLines(rt: Runtime): string[] {
  const values = sheetValues(rt, 'Leads');
  if (!values || values.length < 2) return [];
  const col = values[0]!.findIndex((h) => String(h).trim().toLowerCase() === 'sla status');
  if (col < 0) return [];
  const counts = new Map<string, number>();
  for (const row of values.slice(1)) {
    const word = String(row[col] ?? '')
      .split(' · ')[0]!
      .trim();
    if (word) counts.set(word, (counts.get(word) ?? 0) + 1);
  }
  return [...counts.entries()]
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([word, n]) => `  ${word.padEnd(24)}${n}`);
}

/** The review's two scorecards, as the sheet displays them. */
function reviewLines(rt: Runtime, month: string): string[] {
  const sheet = rt.spreadsheet.getSheetByName(`SLA Review ${month}`);
  if (!sheet) return ['  (no review sheet)'];
  const shown = sheet.getDataRange().getDisplayValues() as string[][];
  const lines: string[] = [];
  let inCard = false;
  for (const row of shown) {
    const first = row[0] ?? '';
    if (/commitment/i.test(first) && !/^measure$/i.test(first)) {
      inCard = true;
      lines.push(`  ${first}`);
      continue;
    }
    if (!inCard) continue;
    if (!first) {
      inCard = false;
      continue;
    }
    if (/^measure$/i.test(first)) continue;
    const [measure, actual, commitment, status] = row;
    lines.push(
      `    ${measure!.padEnd(52)}${actual!.padStart(9)}  ${(commitment ?? '').padEnd(20)}${status ?? ''}`,
    );
  }
  return lines;
}

function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function printSummary(rt: Runtime, report: RunReport): void {
  const out: string[] = [];
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: report.timeZone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(report.now);
  out.push(`SLA Sheets: offline run on ${shortPath(report.input)}`);
  out.push(`  as of ${when} (${report.timeZone}, the spreadsheet's time zone)`);
  if (report.dataSheet) out.push(`  CSV rows read into the sheet "${report.dataSheet}"`);
  out.push('', 'Planning (computed through the real custom functions)', ...planningLines(rt));
  for (const e of report.formulaErrors ?? []) out.push(`  ! ${e.sheet}!${e.a1}: ${e.message}`);
  const statuses = statusLines(rt);
  if (statuses.length) out.push('', 'Leads by SLA status', ...statuses);
  const toasts = rt.ui.toasts.map((t) => t.message);
  if (toasts.length) out.push('', 'Messages shown to the user', ...toasts.map((t) => `  ${t}`));
  out.push('', `Wrote ${shortPath(report.output)}`);
  if (report.reviewMonth) {
    out.push('', `Monthly review ${report.reviewMonth}`, ...reviewLines(rt, report.reviewMonth));
  }
  console.log(out.join('\n'));
}
