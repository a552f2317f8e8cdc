/**
 * `npm start`: the add-in's main job, offline. Opens a workbook (the bundled example by
 * default) or a CSV export, runs the built dist/Code.js in our Apps Script runtime exactly as
 * Sheets would, writes the result as .xlsx (the input with only the add-in's changes) and
 * prints a summary (or, with --json, one JSON object). See scripts/cli.ts for the options.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { describeOutbox, writeOutbox } from '../runtime/files/outbox.ts';
import { openWorkbook, type Runtime } from '../runtime/index.ts';
import { errorText } from '../src/core/common/errors.ts';
import { looksLikeActivityLog } from '../src/core/read/activityLog.ts';
import { likeliestLeadsSheet, namedLeadsSheet } from '../src/core/read/leadsSheetChoice.ts';
import { addMonths, monthKey, monthOf } from '../src/core/review/leadFacts.ts';
import { notRead } from '../src/core/sla/checkSummary.ts';
import { intlZoneClock } from '../src/core/time/zone.ts';
import type { CheckOutcome, SidebarState } from '../src/sidebarContract.ts';
import {
  applyRunSettings,
  fixedNow,
  HelpRequested,
  parseRunArgs,
  type RunOptions,
  reviewPagePath,
  UsageError,
} from './cli.ts';
import { writeReviewPage } from './reviewHtml.ts';
import { printSummary, type RunReport, summaryJson } from './summary.ts';

/** The last full month before `now`, in the spreadsheet's time zone: `2026-10`. */
function lastFullMonth(now: Date, timeZone: string): string {
  return monthKey(addMonths(monthOf(intlZoneClock(timeZone), now.getTime()), -1));
}

async function run(options: RunOptions, report: RunReport): Promise<void> {
  if (!existsSync(options.input)) {
    throw new UsageError(
      `no workbook at ${options.input}: give the path of an .xlsx or .csv file (or run without arguments for the example)`,
    );
  }
  const opened = await openWorkbook(options.input, {
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const rt = opened.runtime;
  report.runtime = rt;
  report.timeZone = rt.spreadsheet.getSpreadsheetTimeZone();
  report.locale = rt.spreadsheet.getSpreadsheetLocale();
  report.dataSheet = opened.dataSheet;
  report.csv = opened.csv;
  if (options.activities)
    report.activitySheet = await addActivityLog(rt, options.activities, options);
  report.now = fixedNow(options, report.timeZone) ?? new Date();
  rt.setNow(report.now);
  rt.load();
  applyRunSettings(rt, options);
  refuseWithoutLeads(rt, options);
  rt.call('setUpWorkbook');
  report.formulaErrors = rt.evaluateFormulas('Planning');
  report.check = rt.call('checkLeadsNow') as CheckOutcome;
  if (!report.check.ok) throw new CheckFailed(report.check.message);
  // --month picks the review's month whatever --now is; --now only moves the clock
  report.reviewMonth = options.month ?? lastFullMonth(report.now, report.timeZone);
  rt.call('runMonthlyReview', report.reviewMonth);
  mkdirSync(dirname(options.output), { recursive: true });
  // the review prints landscape, one page wide
  await opened.save(options.output, { fitToWidth: [`SLA Review ${report.reviewMonth}`] });
  report.written = true;
  const page = reviewPagePath(options, report.reviewMonth);
  report.reviewPage = await writeReviewPage(rt.spreadsheet, report.reviewMonth, page);
  report.outbox = describeOutbox(writeOutbox(rt.mails, options.output));
}

class CheckFailed extends Error {}

/**
 * A file with no sheet of leads is said so before anything is set up: setting up would add an
 * empty `Leads` sheet and report "no leads" about a file that holds rows of something else.
 */
function refuseWithoutLeads(rt: Runtime, options: RunOptions): void {
  const { settings } = rt.call('sidebarLoad') as SidebarState;
  const sheets = rt.spreadsheet.getSheets().map((s) => ({
    name: s.getName(),
    header:
      s.getLastColumn() > 0 ? (s.getRange(1, 1, 1, s.getLastColumn()).getValues()[0] ?? []) : [],
  }));
  const names = sheets.map((s) => s.name);
  const chosen = namedLeadsSheet(names, settings.mapping.sheetName);
  if (chosen?.ok) return;
  const likeliest = likeliestLeadsSheet(
    sheets.map((s) => ({ ...s, header: s.header })),
    settings.mapping.fields,
  );
  if (likeliest.ok) return;
  const data = sheets.filter((s) => s.header.some((h) => String(h ?? '').trim() !== ''));
  const described = data
    .map(
      (s) =>
        `"${s.name}" (${notRead(s.header.map((h) => String(h ?? '').trim()).filter(Boolean))})`,
    )
    .join('; ');
  const file = basename(options.input);
  throw new CheckFailed(
    `${file}: no sheet holds leads — row 1 names no lead field we know (such as Email, Owner, Lead Status, Created at)${described ? `: ${described}` : ''}. Tell the add-in which column is which in Fields: npm run preview -- ${file}, then npm start -- ${file} --settings settings.json`,
  );
}

/**
 * `--activities FILE`: the log's first sheet goes into the workbook as a sheet of its own (named
 * after the file), where the check finds it by its headers, as it would in Sheets; the result
 * keeps it, so a run on the result reads the same log.
 */
async function addActivityLog(rt: Runtime, path: string, options: RunOptions): Promise<string> {
  if (!existsSync(path)) throw new UsageError(`--activities: no file at ${path}`);
  const log = await openWorkbook(path, {
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const source =
    log.runtime.spreadsheet.getSheetByName(log.dataSheet ?? '') ??
    log.runtime.spreadsheet.getSheets()[0];
  const rows = source ? (source.getDataRange().getValues() as unknown[][]) : [];
  if (!looksLikeActivityLog(rows[0] ?? [])) {
    throw new UsageError(
      `--activities ${basename(path)}: its row 1 names no lead key and date of an activity log (e.g. LEADID and Call Start Time, WhoId and CompletedDateTime, OWNER_ID and START_TIME)`,
    );
  }
  let name = basename(path, extname(path)).slice(0, 90) || 'Activities';
  for (let n = 2; rt.spreadsheet.getSheetByName(name); n++) name = `${name} ${n}`;
  rt.addSheet(name, rows);
  return name;
}

/**
 * V8 sizes its heap by the machine's memory and, while a run allocates fast, lets it grow to
 * four times the data it holds before collecting: a 300,000-lead workbook (about 800 MB held)
 * then peaked at 2.7 GB. One large workbook is all this process holds, so it asks V8 to collect
 * once the heap is 30% larger than what the last collection kept (1.8 GB, a few seconds more).
 */
const HEAP_GROWING_PERCENT = 30;

async function main(): Promise<void> {
  setFlagsFromString(`--heap-growing-percent=${HEAP_GROWING_PERCENT}`);
  let options: RunOptions | null = null;
  const report: RunReport = { written: false };
  try {
    options = parseRunArgs(process.argv.slice(2));
    report.input = options.input;
    report.output = options.output;
    await run(options, report);
  } catch (error) {
    if (error instanceof HelpRequested) {
      console.log(error.message);
      return;
    }
    const message = errorText(error);
    if (options?.json) console.log(JSON.stringify(summaryJson(report, message), null, 2));
    else {
      console.error(`npm start failed: ${message}`);
      console.error(report.written ? `Wrote ${report.output}` : 'Nothing was written.');
    }
    process.exitCode = error instanceof UsageError ? 2 : 1;
    return;
  }
  if (options.json) console.log(JSON.stringify(summaryJson(report), null, 2));
  else printSummary(report);
}

void main();
