/**
 * `npm start`: the add-in's main job, offline. Opens a workbook (the bundled example by
 * default) or a CSV export, runs the built dist/Code.js in our Apps Script runtime exactly as
 * Sheets would, writes the result as .xlsx (the input with only the add-in's changes) and
 * prints a summary (or, with --json, one JSON object). See scripts/cli.ts for the options.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { describeOutbox, writeOutbox } from '../runtime/files/outbox.ts';
import { openWorkbook } from '../runtime/index.ts';
import { errorText } from '../src/core/common/errors.ts';
import { addMonths, monthKey, monthOf } from '../src/core/review/leadFacts.ts';
import { intlZoneClock } from '../src/core/time/zone.ts';
import type { CheckOutcome } from '../src/sidebarContract.ts';
import {
  applyRunSettings,
  fixedNow,
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
  report.now = fixedNow(options, report.timeZone) ?? new Date();
  rt.setNow(report.now);
  rt.load();
  applyRunSettings(rt, options);
  rt.call('setUpWorkbook');
  report.formulaErrors = rt.evaluateFormulas('Planning');
  report.check = rt.call('checkLeadsNow') as CheckOutcome;
  if (!report.check.ok) throw new CheckFailed(report.check.message);
  report.reviewMonth = lastFullMonth(report.now, report.timeZone);
  rt.call('runMonthlyReview', report.reviewMonth);
  mkdirSync(dirname(options.output), { recursive: true });
  await opened.save(options.output);
  report.written = true;
  const page = reviewPagePath(options, report.reviewMonth);
  report.reviewPage = await writeReviewPage(rt.spreadsheet, report.reviewMonth, page);
  report.outbox = describeOutbox(writeOutbox(rt.mails, options.output));
}

class CheckFailed extends Error {}

async function main(): Promise<void> {
  let options: RunOptions | null = null;
  const report: RunReport = { written: false };
  try {
    options = parseRunArgs(process.argv.slice(2));
    report.input = options.input;
    report.output = options.output;
    await run(options, report);
  } catch (error) {
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
