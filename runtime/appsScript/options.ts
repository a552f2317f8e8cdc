/** How a runtime is made (its options), and what each service's factory is given. */
import type { Env } from './env.ts';
import type { FakeSpreadsheet, SpreadsheetOptions } from './spreadsheet.ts';

export interface RuntimeOptions extends SpreadsheetOptions {
  /** Script time zone (default: appsscript.json's timeZone, else Europe/Paris). */
  scriptTimeZone?: string;
  /** The user running the scripts (default user@example.com); see `setUser`. */
  userEmail?: string;
  /** Clock source; `setNow` overrides it with a fixed instant. Default: real time. */
  now?: () => Date;
  /** Folder holding Code.js and the *.html files (default <repo>/dist). */
  distDir?: string;
  /**
   * Keep one global scope across calls. Default false: like Apps Script, every execution
   * (call, trigger, custom-function cell) re-runs the bundle in a fresh global scope.
   */
  persistentGlobals?: boolean;
  /** Enforce published add-on trigger limits (one time-based trigger, at most hourly). */
  addOnTriggerLimits?: boolean;
  /** Echo console.* output of the scripts to stderr. */
  echoConsole?: boolean;
}

/** What every service of one runtime is made from. */
export interface ServiceContext {
  readonly env: Env;
  readonly options: RuntimeOptions;
  /** The active spreadsheet (the script is bound to it). */
  readonly spreadsheet: FakeSpreadsheet;
  /** Folder holding Code.js and the *.html files. */
  readonly distDir: string;
}
