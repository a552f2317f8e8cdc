/**
 * `npm run preview -- export.csv`: the sidebar on the user's own workbook, with the options of
 * `npm start` (scripts/cli.ts). The workbook is only read, never written; the sidebar's Save
 * writes the settings file (`--settings`, default `settings.json`) that
 * `npm start -- export.csv --settings settings.json` then uses.
 */
import { existsSync, renameSync, writeFileSync } from 'node:fs';
import { isAbsolute, relative, resolve } from 'node:path';
import { openWorkbook, type Runtime } from '../runtime/index.ts';
import type { SidebarSaveResult } from '../src/sidebarContract.ts';
import { applyRunSettings, fixedNow, parseRunArgs, type RunOptions, UsageError } from './cli.ts';

export const PREVIEW_USAGE =
  'usage: npm run preview -- [book.xlsx | export.csv] [--sheet NAME] [--settings settings.json] [--tz ZONE] [--locale xx_XX] [--now YYYY-MM-DDTHH:MM]';

export interface PreviewRun {
  options: RunOptions;
  /** Where Save writes the settings. */
  settingsPath: string;
  /** The settings file existed and the sidebar opens with it. */
  settingsLoaded: boolean;
}

/** Parses argv (after `--`) as `npm start` does; `--out` and `--json` have no use here. */
export function parsePreviewArgs(argv: readonly string[]): PreviewRun {
  if (argv.includes('--help') || argv.includes('-h')) throw new UsageError(PREVIEW_USAGE);
  for (const option of ['--out', '--json']) {
    if (argv.includes(option)) {
      throw new UsageError(
        `${option} is for npm start: the preview writes only the settings file\n${PREVIEW_USAGE}`,
      );
    }
  }
  const options = parseRunArgs(argv);
  const settingsPath = options.settings ?? resolve('settings.json');
  const settingsLoaded = existsSync(settingsPath);
  // A settings file not written yet is where Save will write, not an error.
  return {
    options: { ...options, settings: settingsLoaded ? settingsPath : null },
    settingsPath,
    settingsLoaded,
  };
}

/** The workbook in a runtime with Code.js loaded and the settings file and `--sheet` applied. */
export async function openPreviewRuntime(run: PreviewRun, distDir?: string): Promise<Runtime> {
  const { options } = run;
  if (!existsSync(options.input)) {
    throw new UsageError(`no workbook at ${options.input}: give the path of an .xlsx or .csv file`);
  }
  const opened = await openWorkbook(options.input, {
    ...(distDir ? { distDir } : {}),
    ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    ...(options.locale ? { locale: options.locale } : {}),
  });
  const rt = opened.runtime;
  const now = fixedNow(options, rt.spreadsheet.getSpreadsheetTimeZone());
  if (now) rt.setNow(now);
  rt.load();
  applyRunSettings(rt, options);
  return rt;
}

/** Writes text to a file whole or not at all. */
function writeWhole(path: string, text: string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, path);
}

/** A path as the user would type it: relative to the current directory when inside it, quoted when needed. */
export function shownPath(path: string): string {
  const r = relative(process.cwd(), path);
  const text = r && !r.startsWith('..') && !isAbsolute(r) ? r : path;
  return /[\s"'$`\\]/.test(text) ? `'${text.replace(/'/g, "'\\''")}'` : text;
}

/** The command that runs the add-in with the saved settings. */
export function nextCommand(run: PreviewRun): string {
  return `npm start -- ${shownPath(run.options.input)} --settings ${shownPath(run.settingsPath)}`;
}

/**
 * After each successful server call: a sidebar Save writes the saved settings to the file. A
 * write that fails makes the Save fail in the sidebar, with the reason.
 */
export function writeSettingsOnSave(
  run: PreviewRun,
  log: (line: string) => void = console.log,
): (name: string, value: unknown) => void {
  return (name, value) => {
    if (name !== 'sidebarSave') return;
    const { settings } = value as SidebarSaveResult;
    try {
      writeWhole(run.settingsPath, `${JSON.stringify(settings, null, 2)}\n`);
    } catch (error) {
      throw new Error(
        `could not write ${run.settingsPath} (${error instanceof Error ? error.message : String(error)})`,
      );
    }
    log(
      `Saved the settings to ${shownPath(run.settingsPath)}. Run the add-in with them: ${nextCommand(run)}`,
    );
  };
}
