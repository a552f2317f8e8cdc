/**
 * In-memory Apps Script runtime: loads the built bundle (dist/Code.js) into a node:vm context
 * whose globals are fake services, and calls its top-level functions like Apps Script would.
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import vm from 'node:vm';
import { FakeCache, FakeCacheService } from './appsScript/cache.ts';
import { type AuthModeName, Env, hostCopy, type Realm } from './appsScript/env.ts';
import {
  evaluateFormulas as evaluateFormulasImpl,
  type FormulaError,
} from './appsScript/formulas.ts';
import { FakeHtmlService } from './appsScript/htmlService.ts';
import { EXTERNAL_HOLDER, FakeLockService, LockState } from './appsScript/locks.ts';
import { FakeProperties, FakePropertiesService } from './appsScript/properties.ts';
import { AuthMode, FakeScriptApp } from './appsScript/scriptApp.ts';
import {
  FakeLogger,
  FakeMailApp,
  makeCharts,
  makeConsole,
  type SentMail,
} from './appsScript/services.ts';
import { FakeSession } from './appsScript/session.ts';
import type { FakeSheet } from './appsScript/sheet.ts';
import { FakeSpreadsheet } from './appsScript/spreadsheet.ts';
import { FakeSpreadsheetApp } from './appsScript/spreadsheetApp.ts';
import type { FormulaWrite, SpreadsheetContext } from './appsScript/types.ts';
import { UiRecorder } from './appsScript/ui.ts';
import { FakeUtilities } from './appsScript/utilities.ts';
import { type SheetData, sheetFromData, type WorkbookData } from './appsScript/workbookData.ts';
import { openWorkbookFile, type WorkbookFile } from './files/workbookFile.ts';
import { loadXlsx, saveSpreadsheet, saveXlsx } from './files/xlsx.ts';

export { a1Notation, columnToLetters, lettersToColumn, parseA1 } from './appsScript/a1.ts';
export type { AuthModeName } from './appsScript/env.ts';
export { CallCounter, Env } from './appsScript/env.ts';
export type { Cell } from './appsScript/format.ts';
export { formatJavaDate, parseJavaDate } from './appsScript/formatDate.ts';
export type { FormulaError } from './appsScript/formulas.ts';
export { FakeLock } from './appsScript/locks.ts';
export { FakeProperties } from './appsScript/properties.ts';
export { FakeRange } from './appsScript/range.ts';
export { FakeRichTextValue, FakeTextStyle } from './appsScript/richText.ts';
export { FakeTrigger } from './appsScript/scriptApp.ts';
export type { SentMail } from './appsScript/services.ts';
export { FakeSheet } from './appsScript/sheet.ts';
export { FakeSpreadsheet } from './appsScript/spreadsheet.ts';
export type { FormulaWrite } from './appsScript/types.ts';
export { UiRecorder } from './appsScript/ui.ts';
export type { SheetData, WorkbookData } from './appsScript/workbookData.ts';
export { csvCellValue, csvOutputColumn, parseCsv } from './files/csv.ts';
export type { WorkbookFile } from './files/workbookFile.ts';
export { isCsvPath } from './files/workbookFile.ts';
export { loadXlsx, META_SHEET, type SaveHooks, saveXlsx } from './files/xlsx.ts';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

export interface RuntimeOptions {
  /** Spreadsheet time zone (default Europe/Paris). */
  timeZone?: string;
  /** Spreadsheet locale, e.g. `en_US` (default) or `fr_FR`: it decides ambiguous text dates. */
  locale?: string;
  /** Script time zone (default: appsscript.json's timeZone, else Europe/Paris). */
  scriptTimeZone?: string;
  /** The user running the scripts (default user@example.com); see `setUser`. */
  userEmail?: string;
  /** Clock source; `setNow` overrides it with a fixed instant. Default: real time. */
  now?: () => Date;
  /** Folder holding Code.js and the *.html files (default <repo>/dist). */
  distDir?: string;
  /** Spreadsheet name (default "Untitled spreadsheet"). */
  name?: string;
  /** Start from this workbook instead of one empty "Sheet1". */
  workbook?: WorkbookData;
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

/** What a user's edit did: the simple onEdit trigger's run (null when the bundle has none). */
export interface EditRun {
  ran: boolean;
  error: unknown;
}

export interface TriggerRun {
  handler: string;
  triggerUid: string;
  at: Date;
  error: unknown;
}

export interface Runtime {
  /** The active spreadsheet. */
  spreadsheet: FakeSpreadsheet;
  /** Loads the bundle (default <distDir>/Code.js) and runs it once in a fresh context. */
  load(bundlePath?: string): void;
  /** Loads a bundle from source text (for tests). */
  loadSource(code: string, filename?: string): void;
  /** Calls a top-level function with full authorization (or the mode named by an event's authMode). */
  call(fnName: string, ...args: unknown[]): unknown;
  callWithAuth(mode: 'NONE' | 'LIMITED' | 'FULL', fnName: string, ...args: unknown[]): unknown;
  /** Calls a function the way a sheet cell does: read-only, no authorization. */
  callCustomFunction(fnName: string, ...args: unknown[]): unknown;
  /** Names of the top-level functions declared by the loaded bundle. */
  globalNames(): string[];
  /** Runs every time-based trigger's handler now (optionally setting the clock first). */
  fireTimeTriggers(now?: Date): TriggerRun[];
  calls: Env['calls'];
  ui: UiRecorder;
  logs: string[];
  documentProperties: FakeProperties;
  scriptProperties: FakeProperties;
  userProperties: FakeProperties;
  /** Makes "another execution" hold the document lock; returns the release function. */
  holdDocumentLock(): () => void;
  holdScriptLock(): () => void;
  /** Milliseconds scripts were told to wait on locks held elsewhere. */
  lockWaitMs(): number;
  setNow(d: Date): void;
  now(): Date;
  /**
   * Who runs the next calls (another editor of the spreadsheet): Session's user, and the owner
   * of the triggers they create. Each time-based trigger runs as its owner.
   */
  setUser(email: string): void;
  /** Moves the runtime clock forward. */
  advance(ms: number): void;
  /** Evaluates `=SLA_...(...)` formulas through the custom functions (all sheets by default). */
  evaluateFormulas(sheetName?: string): FormulaError[];
  /** Adds a sheet filled with rows, without counting calls. */
  addSheet(name: string, rows?: unknown[][]): FakeSheet;
  /** Replaces the workbook with plain data. */
  loadWorkbook(data: WorkbookData): void;
  /** Plain snapshot of the workbook. */
  toWorkbook(): WorkbookData;
  /** Strings written as values that Sheets turned into formulas. */
  formulaWrites: FormulaWrite[];
  /** Time-based and installable triggers currently installed. */
  triggers(): {
    uid: string;
    handler: string;
    owner: string;
    eventType: string;
    schedule: Record<string, unknown>;
  }[];
  triggerRuns: TriggerRun[];
  /**
   * A user types or pastes `values` into `a1` of a sheet: the cells change (uncounted), then
   * the bundle's simple `onEdit(e)` runs in AuthMode.LIMITED with the event Sheets passes
   * (`range`, `source`, `user`, and `value`/`oldValue` for a single cell). Errors are returned,
   * as Sheets only logs them.
   */
  edit(sheetName: string, a1: string, values: unknown[][]): EditRun;
  /** The background a user sees in a cell now: conditional-format rules evaluated at `now()`. */
  shownBackground(sheetName: string, a1: string): string;
  /** Recipients MailApp may still send to today (default 100, a consumer account's quota). */
  setMailQuota(recipients: number): void;
  mails: SentMail[];
  env: Env;
  /** The vm context of the last execution (or of load()). */
  context(): vm.Context | null;
}

const SERVICE_NAMES = [
  'SpreadsheetApp',
  'PropertiesService',
  'LockService',
  'ScriptApp',
  'Session',
  'Utilities',
  'CacheService',
  'HtmlService',
  'Logger',
  'console',
  'MailApp',
  'Charts',
  'Date',
] as const;

function readScriptTimeZone(): string {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'appsscript.json'), 'utf8'));
    if (manifest !== null && typeof manifest === 'object' && 'timeZone' in manifest) {
      const tz = (manifest as { timeZone: unknown }).timeZone;
      if (typeof tz === 'string') return tz;
    }
  } catch {
    // no manifest: default below
  }
  return 'Europe/Paris';
}

/** A `Date` for the vm: `new Date()` and `Date.now()` read the runtime clock; same prototype. */
function makeClockDate(env: Env): DateConstructor {
  const RealDate = Date;
  const now = (): number => env.nowMs();
  const proxy: DateConstructor = new Proxy(RealDate, {
    construct(target, args, newTarget) {
      const a = args.length === 0 ? [now()] : args;
      return Reflect.construct(target, a, newTarget === proxy ? target : newTarget) as object;
    },
    apply() {
      return new RealDate(now()).toString();
    },
    get(target, prop) {
      if (prop === 'now') return now;
      return Reflect.get(target, prop, target);
    },
  });
  return proxy;
}

/*
 * Large value blocks (getValues & co.) are handed to scripts as host-realm arrays: creating
 * them in the script's realm costs 2-3x more. So that \`x instanceof Array\` / \`instanceof Object\`
 * stay true for them, Array and Object get a Symbol.hasInstance that accepts any realm.
 */
// Built-ins are bound as parameters: a global lookup inside node:vm costs ~10x a local one.
const REALM_HELPERS = `(function (Array, Object, Map, Symbol, Function, Date) {
  var defaultHasInstance = Function.prototype[Symbol.hasInstance];
  Object.defineProperty(Array, Symbol.hasInstance, {
    value: function (v) { return this === Array ? Array.isArray(v) : defaultHasInstance.call(this, v); },
  });
  Object.defineProperty(Object, Symbol.hasInstance, {
    value: function (v) {
      return this === Object ? v !== null && (typeof v === 'object' || typeof v === 'function') : defaultHasInstance.call(this, v);
    },
  });
  function array(n) {
    return new Array(n);
  }
  function grid(v) {
    if (!Array.isArray(v)) return null;
    var out = new Array(v.length);
    for (var i = 0; i < v.length; i++) {
      var row = v[i];
      if (!Array.isArray(row)) return null;
      for (var j = 0; j < row.length; j++) {
        var c = row[j];
        if (c !== null && typeof c === 'object' && !(c instanceof Date) && Object.prototype.toString.call(c) !== '[object Date]') return null;
      }
      out[i] = Array.prototype.slice.call(row);
    }
    return out;
  }
  function copy(v, seen) {
    if (v === null || typeof v !== 'object') return v;
    if (!seen) { var g = grid(v); if (g) return g; }
    if (!seen) seen = new Map();
    if (seen.has(v)) return seen.get(v);
    if (Array.isArray(v)) {
      var a = [];
      seen.set(v, a);
      for (var i = 0; i < v.length; i++) a.push(copy(v[i], seen));
      return a;
    }
    var p = Object.getPrototypeOf(v);
    var plain = p === null || (Object.getPrototypeOf(p) === null && Object.prototype.toString.call(v) === '[object Object]');
    if (!plain) return v;
    var o = {};
    seen.set(v, o);
    var keys = Object.keys(v);
    for (var k = 0; k < keys.length; k++) o[keys[k]] = copy(v[keys[k]], seen);
    return o;
  }
  return { array: array, copy: function (v) { return copy(v); } };
})(Array, Object, Map, Symbol, Function, Date)`;

function isRealm(v: unknown): v is Realm {
  return (
    v !== null &&
    typeof v === 'object' &&
    typeof (v as { copy?: unknown }).copy === 'function' &&
    typeof (v as { array?: unknown }).array === 'function'
  );
}

const AUTH_NAMES = new Set(['NONE', 'LIMITED', 'FULL', 'CUSTOM_FUNCTION']);

function eventAuthMode(arg: unknown): AuthModeName | null {
  if (arg === null || typeof arg !== 'object' || !('authMode' in arg)) return null;
  const m = String((arg as { authMode: unknown }).authMode);
  return AUTH_NAMES.has(m) ? (m as AuthModeName) : null;
}

/** Event objects: `authMode: 'NONE'` becomes the ScriptApp.AuthMode.NONE enum, as in Apps Script. */
function normalizeEvent(arg: unknown): unknown {
  const m = eventAuthMode(arg);
  if (m === null || Array.isArray(arg)) return arg;
  return { ...(arg as Record<string, unknown>), authMode: AuthMode[m] };
}

export function createRuntime(opts: RuntimeOptions = {}): Runtime {
  const env = new Env(opts.now);
  if (opts.userEmail !== undefined) env.user = opts.userEmail;
  const ui = new UiRecorder();
  const formulaWrites: FormulaWrite[] = [];
  const ctxModel: SpreadsheetContext = { env, ui, formulaWrites };
  const spreadsheet = new FakeSpreadsheet(ctxModel, {
    name: opts.name ?? 'Untitled spreadsheet',
    timeZone: opts.timeZone ?? 'Europe/Paris',
  });
  if (opts.workbook) spreadsheet.loadData(opts.workbook);
  if (opts.timeZone !== undefined) spreadsheet.timeZoneInternal = opts.timeZone;
  if (opts.locale !== undefined) spreadsheet.locale = opts.locale;
  const distDir = opts.distDir ?? join(REPO_ROOT, 'dist');

  const props = {
    document: new FakeProperties(env, 'document'),
    script: new FakeProperties(env, 'script'),
    user: new FakeProperties(env, 'user'),
  };
  for (const [k, v] of Object.entries(opts.workbook?.documentProperties ?? {}))
    props.document.map.set(k, v);
  const lockStates = { document: new LockState(), script: new LockState(), user: new LockState() };
  const heldByExecution = new Map<number, Set<LockState>>();
  const onAcquire = (state: LockState): void => {
    const id = env.executionId;
    let set = heldByExecution.get(id);
    if (!set) {
      set = new Set();
      heldByExecution.set(id, set);
    }
    set.add(state);
  };
  const caches = {
    document: new FakeCache(env),
    script: new FakeCache(env),
    user: new FakeCache(env),
  };
  const mails: SentMail[] = [];
  const mailApp = new FakeMailApp(env, mails);
  const scriptApp = new FakeScriptApp(env, 'fake-script-id', () => spreadsheet.id, {
    addOn: opts.addOnTriggerLimits ?? false,
    maxTriggers: 20,
  });

  const services: Record<string, unknown> = {
    SpreadsheetApp: new FakeSpreadsheetApp(env, () => spreadsheet, ui),
    PropertiesService: new FakePropertiesService(env, props),
    LockService: new FakeLockService(env, lockStates, onAcquire),
    ScriptApp: scriptApp,
    Session: new FakeSession(env, {
      scriptTimeZone: opts.scriptTimeZone ?? readScriptTimeZone(),
      userKey: 'fake-temporary-user-key',
    }),
    Utilities: new FakeUtilities(env),
    CacheService: new FakeCacheService(env, caches),
    HtmlService: new FakeHtmlService(env, () => distDir),
    Logger: new FakeLogger(env),
    console: makeConsole(env, opts.echoConsole ?? false),
    MailApp: mailApp,
    Charts: makeCharts(),
    Date: makeClockDate(env),
  };

  let script: vm.Script | null = null;
  let lastContext: vm.Context | null = null;
  let lastRealm: Realm | null = null;

  const freshContext = (): { context: vm.Context; realm: Realm } => {
    if (script === null) throw new Error('No bundle loaded: call rt.load() first.');
    const sandbox: Record<string, unknown> = { ...services };
    const context = vm.createContext(sandbox, { name: 'apps-script' });
    const realm: unknown = vm.runInContext(REALM_HELPERS, context);
    if (!isRealm(realm)) throw new Error('internal: realm helpers failed');
    script.runInContext(context);
    lastContext = context;
    lastRealm = realm;
    return { context, realm };
  };

  const loadSource = (code: string, filename = 'Code.js'): void => {
    script = new vm.Script(code, { filename });
    freshContext();
  };

  const load = (bundlePath?: string): void => {
    const path = bundlePath ?? join(distDir, 'Code.js');
    if (!existsSync(path))
      throw new Error(`Bundle not found: ${path} (run "npm run build" first).`);
    loadSource(readFileSync(path, 'utf8'), path);
  };

  const execute = (mode: AuthModeName, fnName: string, args: unknown[]): unknown => {
    if (script === null) load();
    let context: vm.Context;
    let realm: Realm;
    if (opts.persistentGlobals && lastContext !== null && lastRealm !== null) {
      context = lastContext;
      realm = lastRealm;
    } else {
      ({ context, realm } = freshContext());
    }
    const fn: unknown = (context as Record<string, unknown>)[fnName];
    if (typeof fn !== 'function') {
      throw new Error(`Script function not found: ${fnName}`);
    }
    const ex = env.begin(mode);
    const savedRealm = env.realm;
    env.realm = realm;
    try {
      const inArgs = args.map((a) => realm.copy(normalizeEvent(a)));
      const result: unknown = (fn as (...a: unknown[]) => unknown).apply(undefined, inArgs);
      return hostCopy(result);
    } finally {
      env.realm = savedRealm;
      env.end(ex);
      const held = heldByExecution.get(ex.id);
      if (held) {
        for (const s of held) if (s.holder === ex.id) s.holder = null;
        heldByExecution.delete(ex.id);
      }
    }
  };

  const hold = (state: LockState): (() => void) => {
    if (state.holder !== null && state.holder !== EXTERNAL_HOLDER) {
      throw new Error('The lock is already held by a running execution.');
    }
    state.holder = EXTERNAL_HOLDER;
    return () => {
      if (state.holder === EXTERNAL_HOLDER) state.holder = null;
    };
  };

  const triggerRuns: TriggerRun[] = [];

  const rt: Runtime = {
    spreadsheet,
    load,
    loadSource,
    call(fnName, ...args) {
      return execute(eventAuthMode(args[0]) ?? 'FULL', fnName, args);
    },
    callWithAuth(mode, fnName, ...args) {
      return execute(mode, fnName, args);
    },
    callCustomFunction(fnName, ...args) {
      return execute('CUSTOM_FUNCTION', fnName, args);
    },
    globalNames() {
      if (script === null) load();
      const ctx = lastContext as Record<string, unknown> | null;
      if (ctx === null) return [];
      const skip = new Set<string>(SERVICE_NAMES);
      return Object.getOwnPropertyNames(ctx)
        .filter((k) => !skip.has(k))
        .filter((k) => {
          const d = Object.getOwnPropertyDescriptor(ctx, k);
          return d !== undefined && 'value' in d && typeof d.value === 'function';
        })
        .sort();
    },
    fireTimeTriggers(now) {
      if (now) env.setNow(now);
      const runs: TriggerRun[] = [];
      const at = env.now();
      for (const t of scriptApp.triggers.filter((x) => x.data.eventType === 'CLOCK')) {
        const d = at;
        const event = {
          authMode: 'FULL',
          triggerUid: t.data.uid,
          year: d.getUTCFullYear(),
          month: d.getUTCMonth() + 1,
          'day-of-month': d.getUTCDate(),
          'day-of-week': d.getUTCDay() === 0 ? 7 : d.getUTCDay(),
          'week-of-year': isoWeek(d),
          hour: d.getUTCHours(),
          minute: d.getUTCMinutes(),
          second: d.getUTCSeconds(),
          timezone: 'UTC',
        };
        const run: TriggerRun = {
          handler: t.data.handler,
          triggerUid: t.data.uid,
          at: new Date(at),
          error: null,
        };
        const user = env.user;
        env.user = t.data.owner;
        try {
          execute('FULL', t.data.handler, [event]);
        } catch (e) {
          run.error = e;
        } finally {
          env.user = user;
        }
        runs.push(run);
        triggerRuns.push(run);
      }
      const failed = runs.find((r) => r.error !== null);
      if (failed) {
        const err = failed.error;
        const msg =
          err instanceof Error || (err !== null && typeof err === 'object' && 'message' in err)
            ? String((err as { message: unknown }).message)
            : String(err);
        throw new Error(`Trigger handler ${failed.handler} failed: ${msg}`, { cause: err });
      }
      return runs;
    },
    calls: env.calls,
    ui,
    logs: env.logs,
    documentProperties: props.document,
    scriptProperties: props.script,
    userProperties: props.user,
    holdDocumentLock: () => hold(lockStates.document),
    holdScriptLock: () => hold(lockStates.script),
    lockWaitMs: () =>
      lockStates.document.waitedMs + lockStates.script.waitedMs + lockStates.user.waitedMs,
    setNow: (d) => env.setNow(d),
    setUser: (email) => {
      env.user = email;
    },
    now: () => env.now(),
    advance: (ms) => env.advance(ms),
    evaluateFormulas(sheetName) {
      return evaluateFormulasImpl(rt, sheetName);
    },
    addSheet(name, rows = []) {
      const sheet = spreadsheet.addSheetInternal(name);
      const data: SheetData = {
        name,
        values: rows.map((r) => r.map((v) => v)) as SheetData['values'],
      };
      sheetFromData(sheet, data);
      return sheet;
    },
    loadWorkbook(data) {
      spreadsheet.loadData(data);
    },
    toWorkbook: () => spreadsheet.toData(),
    formulaWrites,
    triggers: () =>
      scriptApp.triggers.map((t) => ({
        uid: t.data.uid,
        handler: t.data.handler,
        owner: t.data.owner,
        eventType: t.data.eventType,
        schedule: { ...t.data.schedule },
      })),
    triggerRuns,
    edit(sheetName, a1, values) {
      const sheet = spreadsheet.findSheet(sheetName);
      if (sheet === null) throw new Error(`No sheet named ${sheetName}`);
      const range = sheet.rangeFromA1Internal(a1);
      const single = range.numRows === 1 && range.numCols === 1;
      const oldValue = single ? range.readValues()[0]![0] : undefined;
      sheet.writeValues(range.row, range.col, values, 'user edit');
      if (script === null) load();
      if (!rt.globalNames().includes('onEdit')) return { ran: false, error: null };
      const event: Record<string, unknown> = {
        authMode: 'LIMITED',
        range,
        source: spreadsheet,
        user: { getEmail: () => '', getNickname: () => '' },
      };
      if (single) {
        event.value = values[0]?.[0];
        if (oldValue !== '' && oldValue !== undefined) event.oldValue = oldValue;
      }
      try {
        execute('LIMITED', 'onEdit', [event]);
        return { ran: true, error: null };
      } catch (error) {
        return { ran: true, error };
      }
    },
    shownBackground(sheetName, a1) {
      const sheet = spreadsheet.findSheet(sheetName);
      if (sheet === null) throw new Error(`No sheet named ${sheetName}`);
      const range = sheet.rangeFromA1Internal(a1);
      return sheet.shownBackgroundInternal(range.row, range.col, env.nowMs());
    },
    setMailQuota(recipients) {
      mailApp.remaining = recipients;
    },
    mails,
    env,
    context: () => lastContext,
  };
  return rt;
}

function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
}

/** Reads an .xlsx file into plain workbook data (throws a clear Error naming the path). */
export async function workbookFromXlsx(path: string): Promise<WorkbookData> {
  return loadXlsx(path);
}

/**
 * Saves the runtime's (or a spreadsheet's) workbook atomically to an .xlsx file, every sheet
 * serialised from the model (a runtime's document properties go to the state sheet).
 */
export async function saveWorkbook(
  target: Runtime | FakeSpreadsheet | WorkbookData,
  path: string,
): Promise<void> {
  if (target instanceof FakeSpreadsheet) return saveSpreadsheet(target, new Map(), path);
  if ('spreadsheet' in target && target.spreadsheet instanceof FakeSpreadsheet)
    return saveSpreadsheet(target.spreadsheet, target.documentProperties.map, path);
  return saveXlsx(target as WorkbookData, path);
}

/** A runtime opened on a file, and the way to save the run's result. */
export interface OpenedWorkbook extends WorkbookFile {
  runtime: Runtime;
}

/**
 * Opens an .xlsx (or a .csv) into a new runtime, for a run whose result keeps the file as it
 * was but for what the run changed: `save` writes the input back with only those changes.
 */
export async function openWorkbook(
  path: string,
  opts: RuntimeOptions = {},
): Promise<OpenedWorkbook> {
  const runtime = createRuntime(opts);
  const file = await openWorkbookFile(
    path,
    runtime.spreadsheet,
    runtime.documentProperties,
    opts.timeZone,
  );
  // an explicit locale wins over the one the file kept
  if (opts.locale !== undefined) runtime.spreadsheet.locale = opts.locale;
  return { runtime, dataSheet: file.dataSheet, save: file.save };
}

/** Creates a runtime whose workbook is read from an .xlsx file. */
export async function runtimeFromXlsx(path: string, opts: RuntimeOptions = {}): Promise<Runtime> {
  return (await openWorkbook(path, opts)).runtime;
}
