/**
 * The command line of `npm start` (and the options `npm run preview` shares with it):
 *
 *   [book.xlsx | export.csv] [--activities FILE] [--sheet NAME] [--settings settings.json]
 *   [--tz ZONE] [--locale xx_XX] [--now YYYY-MM-DDTHH:MM] [--month YYYY-MM] [--out result.xlsx]
 *   [--json]
 */
import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { REPO_ROOT, type Runtime } from '../runtime/index.ts';
import { errorText } from '../src/core/common/errors.ts';
import { fromWall, intlZoneClock } from '../src/core/time/zone.ts';
import type { SidebarState } from '../src/sidebarContract.ts';
import { EXAMPLE_NOW, EXAMPLE_PATH } from './example.ts';

export class UsageError extends Error {}

/** `--help`: the usage is printed, and the run ends well (exit 0). */
export class HelpRequested extends Error {}

export interface RunOptions {
  input: string;
  output: string;
  /** An activity log exported apart (calls, e-mails, meetings), .csv or .xlsx. */
  activities: string | null;
  sheet: string | null;
  settings: string | null;
  timeZone: string | null;
  locale: string | null;
  /** `--now` as typed: read in the workbook's zone once it is known. */
  now: string | null;
  /** `--month`: the review's month (`2021-03`); null for the last full month before now. */
  month: string | null;
  json: boolean;
}

export const USAGE =
  'usage: npm start -- [book.xlsx | export.csv] [--activities FILE] [--sheet NAME] [--settings settings.json] [--tz ZONE] [--locale xx_XX] [--now YYYY-MM-DDTHH:MM] [--month YYYY-MM] [--out result.xlsx] [--json]';

const VALUE_OPTIONS = [
  '--activities',
  '--sheet',
  '--settings',
  '--tz',
  '--locale',
  '--now',
  '--month',
  '--out',
] as const;
type ValueOption = (typeof VALUE_OPTIONS)[number];

function isValueOption(arg: string): arg is ValueOption {
  return (VALUE_OPTIONS as readonly string[]).includes(arg);
}

/** Parses argv (after `--`). Throws UsageError with the fix. */
export function parseRunArgs(argv: readonly string[]): RunOptions {
  const o: RunOptions = {
    input: EXAMPLE_PATH,
    output: '',
    activities: null,
    sheet: null,
    settings: null,
    timeZone: null,
    locale: null,
    now: null,
    month: null,
    json: false,
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--json') o.json = true;
    else if (arg === '--help' || arg === '-h') throw new HelpRequested(USAGE);
    else if (isValueOption(arg)) {
      const value = argv[++i];
      if (value === undefined || value.startsWith('--'))
        throw new UsageError(`${arg} needs a value\n${USAGE}`);
      setOption(o, arg, value);
    } else if (arg.startsWith('--')) throw new UsageError(`unknown option ${arg}\n${USAGE}`);
    else o.input = resolve(arg);
  }
  if (!o.output)
    o.output = join(REPO_ROOT, 'out', `${basename(o.input, extname(o.input))}-result.xlsx`);
  return o;
}

/** The review's HTML page, beside the result workbook: `out/example-review-2026-10.html`. */
export function reviewPagePath(o: RunOptions, month: string): string {
  return join(dirname(o.output), `${basename(o.input, extname(o.input))}-review-${month}.html`);
}

function setOption(o: RunOptions, arg: ValueOption, value: string): void {
  if (arg === '--out') o.output = resolve(value);
  else if (arg === '--activities') o.activities = resolve(value);
  else if (arg === '--sheet') o.sheet = value;
  else if (arg === '--settings') o.settings = resolve(value);
  else if (arg === '--now') o.now = value;
  else if (arg === '--month') o.month = checkMonth(value);
  else if (arg === '--tz') o.timeZone = checkZone(value);
  else o.locale = checkLocale(value);
}

/** `2021-03` (a month of the review), else a UsageError with an example. */
function checkMonth(text: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(text.trim());
  if (!m || Number(m[2]) < 1 || Number(m[2]) > 12) {
    throw new UsageError(`--month ${text} is not a month: use YYYY-MM, e.g. 2021-03`);
  }
  return `${m[1]}-${m[2]}`;
}

function checkZone(zone: string): string {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone;
  } catch {
    throw new UsageError(
      `--tz ${zone} is not a time zone: use an IANA name such as Europe/Paris or America/New_York`,
    );
  }
}

function checkLocale(locale: string): string {
  if (!/^[a-z]{2,3}(?:[_-][A-Za-z]{2})?$/.test(locale)) {
    throw new UsageError(`--locale ${locale} is not a locale: use e.g. en_US, en_GB or fr_FR`);
  }
  return locale.replace('-', '_');
}

const NOW_TEXT = /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2}))?$/;

/** `--now 2026-11-23T10:00` read as wall time in the workbook's zone (an ISO offset wins). */
export function parseNow(text: string, zone: string): Date {
  const m = NOW_TEXT.exec(text.trim());
  if (m) {
    const [, y, mo, d, h, mi] = m;
    const ms = fromWall(intlZoneClock(zone), {
      year: Number(y),
      month: Number(mo),
      day: Number(d),
      hour: Number(h ?? 0),
      minute: Number(mi ?? 0),
    });
    return new Date(ms);
  }
  const d = new Date(text);
  if (/[zZ]|[+-]\d\d:?\d\d$/.test(text) && !Number.isNaN(d.getTime())) return d;
  throw new UsageError(`--now ${text} is not a date: use e.g. 2026-11-23T10:00 (read in ${zone})`);
}

/** The settings file as JSON text, or a UsageError saying what is wrong with it. */
export function readSettingsFile(path: string): string {
  if (!existsSync(path)) throw new UsageError(`no settings file at ${path}`);
  const text = readFileSync(path, 'utf8');
  try {
    JSON.parse(text);
  } catch (error) {
    throw new UsageError(
      `${path} is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    );
  }
  return text;
}

/**
 * The instant the run is pinned to: `--now`, else the example's reference time for the bundled
 * example (its leads are dated around it), else null (the real time).
 */
export function fixedNow(options: RunOptions, timeZone: string): Date | null {
  if (options.now) return parseNow(options.now, timeZone);
  return resolve(options.input) === resolve(EXAMPLE_PATH) ? new Date(EXAMPLE_NOW) : null;
}

/**
 * Stores `--settings` through the sidebar's own server call (same schema, same checks), then
 * `--sheet` as the sheet the leads are read from.
 */
export function applyRunSettings(rt: Runtime, options: RunOptions): void {
  if (options.settings) {
    const text = readSettingsFile(options.settings);
    try {
      rt.call('sidebarSave', text);
    } catch (error) {
      throw new UsageError(`${options.settings}: ${errorText(error)}`);
    }
  }
  if (options.sheet) {
    const names = rt.spreadsheet.getSheets().map((s) => s.getName());
    if (!names.includes(options.sheet)) {
      throw new UsageError(
        `--sheet ${options.sheet}: the workbook has no such sheet (it has ${names.map((n) => `"${n}"`).join(', ')})`,
      );
    }
    const { settings } = rt.call('sidebarLoad') as SidebarState;
    settings.mapping.sheetName = options.sheet;
    // choosing the sheet agrees no plan or target: the settings stay the sample's unless given
    rt.call('sidebarSave', JSON.stringify(settings), false);
  }
}
