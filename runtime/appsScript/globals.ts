/**
 * The globals a script sees: one fake per Apps Script service, each made by its module's
 * factory, and a `Date` whose clock is the runtime's.
 */
import { makeCacheService } from './cache.ts';
import type { Env } from './env.ts';
import { makeHtmlService } from './htmlService.ts';
import type { FakeLockService } from './locks.ts';
import type { ServiceContext } from './options.ts';
import type { FakePropertiesService } from './properties.ts';
import type { FakeScriptApp } from './scriptApp.ts';
import { FakeLogger, type FakeMailApp, makeCharts, makeConsole } from './services.ts';
import { makeSession } from './session.ts';
import { makeSpreadsheetApp } from './spreadsheetApp.ts';
import { FakeUtilities } from './utilities.ts';

/** The services the runtime itself reads or drives (its properties, locks, triggers, mails). */
export interface DrivenServices {
  PropertiesService: FakePropertiesService;
  LockService: FakeLockService;
  ScriptApp: FakeScriptApp;
  MailApp: FakeMailApp;
}

export function makeGlobals(ctx: ServiceContext, driven: DrivenServices): Record<string, unknown> {
  const { env } = ctx;
  return {
    SpreadsheetApp: makeSpreadsheetApp(ctx),
    PropertiesService: driven.PropertiesService,
    LockService: driven.LockService,
    ScriptApp: driven.ScriptApp,
    Session: makeSession(ctx),
    Utilities: new FakeUtilities(env),
    CacheService: makeCacheService(ctx),
    HtmlService: makeHtmlService(ctx),
    Logger: new FakeLogger(env),
    console: makeConsole(ctx),
    MailApp: driven.MailApp,
    Charts: makeCharts(),
    Date: makeClockDate(env),
  };
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
