import { basename, relative } from 'node:path';
import type { CsvInfo, FormulaError, Runtime } from '../runtime/index.ts';
import { plural, pluralWord } from '../src/core/common/plural.ts';
import type { ActivityReport } from '../src/core/sla/activityJoin.ts';
import { notRead } from '../src/core/sla/checkSummary.ts';
import { STATUS_WORDS } from '../src/core/sla/status.ts';
import type { CheckOutcome } from '../src/sidebarContract.ts';

/** What one offline run did, filled in as it goes (a failed run leaves the rest undefined). */
export interface RunReport {
  input?: string;
  output?: string;
  now?: Date;
  timeZone?: string;
  locale?: string;
  formulaErrors?: FormulaError[];
  reviewMonth?: string;
  /** For a CSV input, the sheet its rows were read into. */
  dataSheet?: string | null;
  /** `--activities FILE`: the sheet its rows were read into. */
  activitySheet?: string;
  /** For a CSV input, how it was read: encoding, delimiter, rows. */
  csv?: CsvInfo | null;
  check?: CheckOutcome;
  runtime?: Runtime;
  /** True once the result file is on disk: nothing says "Wrote" before. */
  written: boolean;
  /** The review's HTML page, once it is on disk. */
  reviewPage?: string | null;
  /** What the outbox holds (runtime/files/outbox.ts). */
  outbox?: string;
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

function statusLines(check: CheckOutcome): string[] {
  return Object.entries(check.counts)
    .filter(([, n]) => n > 0)
    .sort((a, b) => order(a[0]) - order(b[0]))
    .map(([word, n]) => `  ${word.padEnd(24)}${n.toLocaleString('en-US')}${apart(check, word)}`);
}

/** The leads a status word holds that were not judged against a deadline, said beside it. */
function apart(check: CheckOutcome, word: string): string {
  const { untracked } = check.extras;
  if (word === 'Overdue' && untracked)
    return ` (${untracked.toLocaleString('en-US')} with no contact recorded, older than the tracking window: not tracked)`;
  if (word === 'Contacted') return ' (a contact is recorded, with no time: not judged)';
  return '';
}

/** How a row with a value nobody mapped is read: an unknown priority is the default one. */
function unmappedReading(header: string, read: NonNullable<CheckOutcome['read']>): string {
  return read.fields.Priority === header ? 'read as the default priority' : 'read as open leads';
}

/** Which header fed each field, what was not found, how dates were read. */
function readLines(check: CheckOutcome): string[] {
  const read = check.read;
  if (!read) return [];
  const lines = [`  Sheet                   "${read.sheet}"`];
  for (const [field, header] of Object.entries(read.fields)) {
    lines.push(`  ${field.padEnd(24)}← "${header}"`);
  }
  if (read.missing.length) lines.push(`  Not found: ${read.missing.join(', ')}`);
  if (read.unplaced.length) lines.push(`  Not read: ${notRead(read.unplaced)}`);
  lines.push(
    read.clock
      ? `  The SLA clock starts at "${read.clock}"`
      : '  No column starts the SLA clock: no lead could be timed',
  );
  for (const [header, how] of Object.entries(read.dateOrders))
    lines.push(`  Dates in "${header}": ${how}`);
  if (read.footerRows) {
    lines.push(`  ${read.footerRows} report footer rows (totals, copyright) not read as leads`);
  }
  for (const u of read.unmapped.slice(0, 10)) {
    lines.push(
      `  Not mapped: ${u.header} "${u.value}" (${plural(u.rows, 'row')}, ${unmappedReading(u.header, read)}: map it in Fields)`,
    );
  }
  if (read.unmapped.length > 10)
    lines.push(`  … and ${read.unmapped.length - 10} more values not mapped`);
  if (read.unreadableRows) {
    const by = Object.entries(read.unreadableByHeader)
      .map(([h, n]) => `${h} ${n}`)
      .join(', ');
    lines.push(
      `  ${plural(read.unreadableRows, 'row')} with values that could not be read (${by})`,
    );
  }
  return lines;
}

/** Which sheet and columns the log was read from, and how many activities found their lead. */
function activityLines(a: ActivityReport): string[] {
  const lines = [`  Sheet                   "${a.sheet}"`];
  for (const [field, header] of Object.entries(a.fields))
    lines.push(`  ${field.padEnd(24)}← "${header}"`);
  const n = (x: number) => x.toLocaleString('en-US');
  lines.push(
    `  ${n(a.read)} activities read: ${n(a.matched)} done and matched to ${plural(a.leadsWithActivity, 'lead')}, ${n(a.unmatched)} matched no lead${a.unmatchedExamples.length ? ` (e.g. ${a.unmatchedExamples.map((e) => `"${e}"`).join(', ')})` : ''}, ${n(a.notDone)} planned or open (not counted)`,
  );
  const left =
    a.skipped.noDate + a.skipped.noLead + a.skipped.notContact + a.skipped.otherRecordType;
  if (left)
    lines.push(
      `  ${plural(left, 'row')} left out: ${n(a.skipped.noDate)} without a readable date, ${n(a.skipped.noLead)} without a lead key, ${n(a.skipped.notContact)} tasks or notes, ${n(a.skipped.otherRecordType)} of another record type`,
    );
  for (const w of a.unknownWords)
    lines.push(`  Not known: ${w.header} "${w.value}" (${plural(w.rows, 'row')})`);
  return lines;
}

/** The rows of the review sheet under the section whose title matches, as displayed. */
function sectionRows(shown: readonly string[][], title: RegExp): string[][] {
  const start = shown.findIndex((r) => title.test(r[0] ?? ''));
  if (start < 0) return [];
  const rows: string[][] = [];
  for (const row of shown.slice(start + 2)) {
    if (!row[0]) break;
    rows.push(row);
  }
  return rows;
}

/** The review's notices, headline and two scorecards, as the sheet displays them. */
function reviewLines(rt: Runtime, month: string): string[] {
  const sheet = rt.spreadsheet.getSheetByName(`SLA Review ${month}`);
  if (!sheet) return ['  (no review sheet)'];
  const shown = sheet.getDataRange().getDisplayValues() as string[][];
  const lines: string[] = [];
  for (const row of shown.slice(0, 6)) {
    const first = row[0] ?? '';
    if (/^(The plan and the targets|No lead was created)/.test(first)) lines.push(`  ${first}`);
  }
  const headline = sectionRows(shown, /^Headline/);
  if (headline.length) {
    lines.push(`  ${shown.find((r) => /^Headline/.test(r[0] ?? ''))![0]}`);
    for (const [figure, value, status, change] of headline) {
      lines.push(
        `    ${figure!.padEnd(52)}${value!.padStart(9)}  ${(status ?? '').padEnd(8)}${change ?? ''}`.trimEnd(),
      );
    }
  }
  for (const title of [/^Marketing's commitment/, /^Sales' commitment/]) {
    const rows = sectionRows(shown, title);
    if (!rows.length) continue;
    lines.push(`  ${shown.find((r) => title.test(r[0] ?? ''))![0]}`);
    for (const [measure, actual, commitment, status] of rows) {
      lines.push(
        `    ${measure!.padEnd(52)}${actual!.padStart(9)}  ${(commitment ?? '').padEnd(34)}${status ?? ''}`.trimEnd(),
      );
    }
  }
  return lines;
}

/** `Read leads.csv: Windows-1252, semicolon-separated, 4 rows`, and the rows too long. */
export function csvLines(report: RunReport): string[] {
  const csv = report.csv;
  if (!csv || !report.input) return [];
  const rows = `${csv.dataRows.toLocaleString('en-US')} ${pluralWord(csv.dataRows, 'row')}`;
  const lines = [
    `  Read ${basename(report.input)}: ${csv.encoding}, ${csv.delimiter}-separated, ${rows} (sheet "${report.dataSheet}")`,
  ];
  if (csv.longRows.length > 0) {
    const shown = csv.longRows.slice(0, 5).map((r) => `line ${r.line}: ${r.fields} fields`);
    const more = csv.longRows.length > 5 ? `, and ${csv.longRows.length - 5} more` : '';
    lines.push(
      `  ! ${plural(csv.longRows.length, 'row')} ${pluralWord(csv.longRows.length, 'has', 'have')} more fields than the header (${shown.join(', ')}${more}): the extra fields are kept after the last column; check the quotes on those lines`,
    );
  }
  return lines;
}

function shortPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel && !rel.startsWith('..') ? rel : path;
}

export function printSummary(report: RunReport): void {
  const rt = report.runtime!;
  const check = report.check!;
  const out: string[] = [];
  const when = new Intl.DateTimeFormat('en-GB', {
    timeZone: report.timeZone,
    dateStyle: 'full',
    timeStyle: 'short',
  }).format(report.now);
  out.push(`SLA Sheets: offline run on ${shortPath(report.input!)}`);
  out.push(
    `  as of ${when} (${report.timeZone}, the spreadsheet's time zone; locale ${report.locale})`,
  );
  out.push(...csvLines(report));
  out.push('', 'Planning (computed through the real custom functions)', ...planningLines(rt));
  for (const e of report.formulaErrors ?? []) out.push(`  ! ${e.sheet}!${e.a1}: ${e.message}`);
  out.push('', 'Columns read', ...readLines(check));
  if (check.read?.activities) out.push('', 'Activity log', ...activityLines(check.read.activities));
  else if (report.activitySheet)
    out.push('', 'Activity log', `  "${report.activitySheet}": not read`);
  out.push(
    '',
    `Leads by SLA status (${check.leads.toLocaleString('en-US')} leads)`,
    ...statusLines(check),
  );
  const toasts = rt.ui.toasts.map((t) => t.message);
  if (toasts.length) out.push('', 'Messages shown to the user', ...toasts.map((t) => `  ${t}`));
  if (report.written) out.push('', `Wrote ${shortPath(report.output!)}`);
  if (report.reviewPage) out.push(`Wrote ${shortPath(report.reviewPage)}`);
  if (report.outbox) out.push(report.outbox);
  if (report.reviewMonth) {
    out.push('', `Monthly review ${report.reviewMonth}`, ...reviewLines(rt, report.reviewMonth));
  }
  console.log(out.join('\n'));
}

/** The run as one JSON object (`--json`): what was read, the counts, the messages. */
export function summaryJson(report: RunReport, error?: string): Record<string, unknown> {
  const check = report.check;
  return {
    ok: error === undefined,
    ...(error === undefined ? {} : { error }),
    input: report.input ?? null,
    output: report.written ? report.output : null,
    reviewPage: report.reviewPage ?? null,
    now: report.now?.toISOString() ?? null,
    timeZone: report.timeZone ?? null,
    locale: report.locale ?? null,
    leads: check?.leads ?? 0,
    counts: check?.counts ?? null,
    untracked: check?.extras.untracked ?? 0,
    unmapped: check?.extras.unmapped ?? 0,
    read: check?.read ?? null,
    messages: report.runtime?.ui.toasts.map((t) => t.message) ?? (check ? [check.message] : []),
    notes: check?.notes ?? [],
    reviewMonth: report.reviewMonth ?? null,
    formulaErrors: (report.formulaErrors ?? []).map((e) => ({
      cell: `${e.sheet}!${e.a1}`,
      message: e.message,
    })),
    csv: report.csv ?? null,
  };
}
