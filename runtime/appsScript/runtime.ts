/**
 * In-memory Apps Script runtime: loads the built bundle (dist/Code.js) into a node:vm context
 * whose globals are fake services, and calls its top-level functions like Apps Script would.
 */
import { join } from 'node:path';
import type vm from 'node:vm';
import { Env, TIME_LIMIT_MESSAGE } from './env.ts';
import { evaluateFormulas, type FormulaError } from './formulas.ts';
import { makeGlobals } from './globals.ts';
import { makeLockService } from './locks.ts';
import type { RuntimeOptions, ServiceContext } from './options.ts';
import { REPO_ROOT } from './paths.ts';
import { type FakeProperties, makePropertiesService } from './properties.ts';
import { makeScriptApp } from './scriptApp.ts';
import { eventAuthMode, ScriptRunner } from './scriptRunner.ts';
import { makeMailApp, type SentMail } from './services.ts';
import type { FakeSheet } from './sheet.ts';
import { type FakeSpreadsheet, makeSpreadsheet } from './spreadsheet.ts';
import {
  fireTimeTriggers,
  type TriggerInfo,
  type TriggerRun,
  triggerList,
} from './timeTriggers.ts';
import type { FormulaWrite } from './types.ts';
import type { UiRecorder } from './ui.ts';
import { type EditRun, shownBackground, userEdit } from './userActions.ts';
import type { WorkbookData } from './workbookData.ts';

export type { RuntimeOptions } from './options.ts';
export type { TriggerInfo, TriggerRun } from './timeTriggers.ts';
export type { EditRun } from './userActions.ts';

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
  triggers(): TriggerInfo[];
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
  /**
   * Plants a failure for a test: the call of `method` after `after` others throws (`message`,
   * default a service error), once. With `kill: true` the execution is cut off there as by the
   * 6-minute limit: that call and every later service call of that execution throw. With
   * `armedBy`, only the calls made after that method's first call count (a write after a send).
   */
  failCall(
    method: string,
    options?: { after?: number; kill?: boolean; message?: string; armedBy?: string },
  ): void;
  env: Env;
  /** The vm context of the last execution (or of load()). */
  context(): vm.Context | null;
}

/** The runtime's clock, users and call counts. */
function clockControls(
  env: Env,
): Pick<Runtime, 'env' | 'calls' | 'logs' | 'setNow' | 'now' | 'advance' | 'setUser'> {
  return {
    env,
    calls: env.calls,
    logs: env.logs,
    setNow: (d) => env.setNow(d),
    now: () => env.now(),
    advance: (ms) => env.advance(ms),
    setUser: (email) => {
      env.user = email;
    },
  };
}

/** Loading the bundle and calling its functions, each call one execution. */
function scriptCalls(
  runner: ScriptRunner,
): Pick<
  Runtime,
  'load' | 'loadSource' | 'call' | 'callWithAuth' | 'callCustomFunction' | 'globalNames' | 'context'
> {
  return {
    load: (bundlePath) => runner.load(bundlePath),
    loadSource: (code, filename) => runner.loadSource(code, filename),
    call: (fnName, ...args) => runner.run(eventAuthMode(args[0]) ?? 'FULL', fnName, args),
    callWithAuth: (mode, fnName, ...args) => runner.run(mode, fnName, args),
    callCustomFunction: (fnName, ...args) => runner.run('CUSTOM_FUNCTION', fnName, args),
    globalNames: () => runner.globalNames(),
    context: () => runner.context(),
  };
}

/** The spreadsheet as tests set it up and read it, outside any script's call. */
function workbookControls(
  spreadsheet: FakeSpreadsheet,
): Pick<
  Runtime,
  'spreadsheet' | 'ui' | 'formulaWrites' | 'addSheet' | 'loadWorkbook' | 'toWorkbook'
> {
  return {
    spreadsheet,
    ui: spreadsheet.ctx.ui,
    formulaWrites: spreadsheet.ctx.formulaWrites,
    addSheet: (name, rows = []) => spreadsheet.addSheetFromRows(name, rows),
    loadWorkbook: (data) => spreadsheet.loadData(data),
    toWorkbook: () => spreadsheet.toData(),
  };
}

/** A runtime: one spreadsheet, the services its script sees, each made by its own factory. */
export function createRuntime(options: RuntimeOptions = {}): Runtime {
  const env = new Env(options.now);
  if (options.userEmail !== undefined) env.user = options.userEmail;
  const spreadsheet = makeSpreadsheet(env, options);
  const distDir = options.distDir ?? join(REPO_ROOT, 'dist');
  const ctx: ServiceContext = { env, options, spreadsheet, distDir };
  const properties = makePropertiesService(ctx);
  const locks = makeLockService(ctx);
  const scriptApp = makeScriptApp(ctx);
  const mailApp = makeMailApp(ctx);
  const globals = makeGlobals(ctx, {
    PropertiesService: properties,
    LockService: locks,
    ScriptApp: scriptApp,
    MailApp: mailApp,
  });
  const runner = new ScriptRunner(ctx, globals, (ex) => locks.table.releaseHeldBy(ex.id));
  const triggerRuns: TriggerRun[] = [];
  const rt: Runtime = {
    ...clockControls(env),
    ...scriptCalls(runner),
    ...workbookControls(spreadsheet),
    fireTimeTriggers(now) {
      if (now) env.setNow(now);
      return fireTimeTriggers(env, scriptApp, runner, triggerRuns);
    },
    triggers: () => triggerList(scriptApp),
    triggerRuns,
    documentProperties: properties.stores.document,
    scriptProperties: properties.stores.script,
    userProperties: properties.stores.user,
    holdDocumentLock: () => locks.table.holdElsewhere('document'),
    holdScriptLock: () => locks.table.holdElsewhere('script'),
    lockWaitMs: () => locks.table.waitedMs(),
    evaluateFormulas: (sheetName) => evaluateFormulas(rt, sheetName),
    edit: (sheetName, a1, values) => userEdit(spreadsheet, runner, { sheetName, a1, values }),
    shownBackground: (sheetName, a1) => shownBackground(spreadsheet, sheetName, a1, env.nowMs()),
    setMailQuota: (recipients) => {
      mailApp.remaining = recipients;
    },
    mails: mailApp.sent,
    failCall: (method, o = {}) => {
      const kill = o.kill ?? false;
      const message = o.message ?? (kill ? TIME_LIMIT_MESSAGE : 'Service error: try again later.');
      const fault = { method, after: o.after ?? 0, kill, message };
      env.plantFault(o.armedBy === undefined ? fault : { ...fault, armedBy: o.armedBy });
    },
  };
  return rt;
}
