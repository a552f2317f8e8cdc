/**
 * `npm start`: the add-in's main job, offline. Opens a workbook (the bundled example by
 * default) or a CSV export, runs the built dist/Code.js in our Apps Script runtime exactly as
 * Sheets would, writes the result as .xlsx (the input with only the add-in's changes) and
 * prints a short summary.
 *
 *   npm start -- [book.xlsx | export.csv] [--now 2026-11-23T10:00] [--out out/result.xlsx]
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { openWorkbook, REPO_ROOT, type Runtime } from '../runtime/index.ts';
import { errorText } from '../src/core/errors.ts';
import { addMonths, monthKey, monthOf } from '../src/core/reviewData.ts';
import { intlZoneClock } from '../src/core/zone.ts';
import { EXAMPLE_NOW, EXAMPLE_PATH } from './example.ts';
import { printSummary, type RunReport } from './summary.ts';

interface Options {
  input: string;
  output: string;
  now: Date | null;
}

class UsageError extends Error {}

function parseArgs(argv: string[]): Options {
  let input = EXAMPLE_PATH;
  let output = '';
  let now: Date | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--now' || arg === '--out') {
      const value = argv[++i];
      if (!value) throw new UsageError(`${arg} needs a value`);
      if (arg === '--out') output = resolve(value);
      else {
        now = new Date(value);
        if (Number.isNaN(now.getTime()))
          throw new UsageError(`--now ${value} is not a date: use e.g. 2026-11-23T10:00`);
      }
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError(
        'usage: npm start -- [book.xlsx | export.csv] [--now 2026-11-23T10:00] [--out out/result.xlsx]',
      );
    } else if (arg.startsWith('--')) {
      throw new UsageError(`unknown option ${arg}`);
    } else {
      input = resolve(arg);
    }
  }
  if (!output) output = join(REPO_ROOT, 'out', `${basename(input, extname(input))}-result.xlsx`);
  return { input, output, now };
}

/** Calls an entry point if the bundle has it (features land one by one). */
function callIfPresent(rt: Runtime, name: string, ...args: unknown[]): boolean {
  if (!rt.globalNames().includes(name)) return false;
  rt.call(name, ...args);
  return true;
}

async function main(): Promise<void> {
  const options = parseArgs(process.argv.slice(2));
  if (!existsSync(options.input)) {
    throw new UsageError(
      `no workbook at ${options.input}: give the path of an .xlsx or .csv file (or run without arguments for the example)`,
    );
  }
  const opened = await openWorkbook(options.input);
  const rt = opened.runtime;
  const timeZone = rt.spreadsheet.getSpreadsheetTimeZone();
  // The example's leads are dated around its reference time; another workbook runs at the real time.
  const isExample = resolve(options.input) === resolve(EXAMPLE_PATH);
  const now = options.now ?? (isExample ? new Date(EXAMPLE_NOW) : new Date());
  rt.setNow(now);
  rt.load();

  const report: RunReport = {
    input: options.input,
    output: options.output,
    now,
    timeZone,
    steps: [],
    dataSheet: opened.dataSheet,
  };
  rt.call('setUpWorkbook');
  report.steps.push('setUpWorkbook');
  const formulaErrors = rt.evaluateFormulas('Planning');
  report.formulaErrors = formulaErrors;
  if (callIfPresent(rt, 'checkLeadsNow')) report.steps.push('checkLeadsNow');
  if (rt.globalNames().includes('runMonthlyReview')) {
    report.reviewMonth = lastFullMonth(now, timeZone);
    rt.call('runMonthlyReview', report.reviewMonth);
    report.steps.push('runMonthlyReview');
  }

  mkdirSync(dirname(options.output), { recursive: true });
  await opened.save(options.output);
  printSummary(rt, report);
}

/** The last full month before `now`, in the spreadsheet's time zone: `2026-10`. */
function lastFullMonth(now: Date, timeZone: string): string {
  return monthKey(addMonths(monthOf(intlZoneClock(timeZone), now.getTime()), -1));
}

main().catch((error: unknown) => {
  const message = errorText(error);
  console.error(`npm start failed: ${message}`);
  console.error('Nothing was written.');
  process.exitCode = 1;
});
