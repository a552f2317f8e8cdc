/** Time-driven triggers fired by the runtime: each handler runs as its trigger's owner. */
import type { Env } from './env.ts';
import type { FakeScriptApp, FakeTrigger } from './scriptApp.ts';
import type { ScriptRunner } from './scriptRunner.ts';

export interface TriggerRun {
  handler: string;
  triggerUid: string;
  at: Date;
  error: unknown;
}

/** A trigger as the runtime lists it (`rt.triggers()`). */
export interface TriggerInfo {
  uid: string;
  handler: string;
  owner: string;
  eventType: string;
  schedule: Record<string, unknown>;
}

export function triggerList(scriptApp: FakeScriptApp): TriggerInfo[] {
  return scriptApp.triggers.map((t) => ({
    uid: t.data.uid,
    handler: t.data.handler,
    owner: t.data.owner,
    eventType: t.data.eventType,
    schedule: { ...t.data.schedule },
  }));
}

function isoWeek(d: Date): number {
  const t = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  const day = t.getUTCDay() || 7;
  t.setUTCDate(t.getUTCDate() + 4 - day);
  const yearStart = Date.UTC(t.getUTCFullYear(), 0, 1);
  return Math.ceil(((t.getTime() - yearStart) / 86400000 + 1) / 7);
}

/** The event object Apps Script passes a time-driven trigger's handler. */
function clockEvent(trigger: FakeTrigger, d: Date): Record<string, unknown> {
  return {
    authMode: 'FULL',
    triggerUid: trigger.data.uid,
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
}

function runAsOwner(env: Env, runner: ScriptRunner, trigger: FakeTrigger, at: Date): TriggerRun {
  const run: TriggerRun = {
    handler: trigger.data.handler,
    triggerUid: trigger.data.uid,
    at: new Date(at),
    error: null,
  };
  const user = env.user;
  env.user = trigger.data.owner;
  try {
    runner.run('FULL', trigger.data.handler, [clockEvent(trigger, at)]);
  } catch (e) {
    run.error = e;
  } finally {
    env.user = user;
  }
  return run;
}

function messageOf(err: unknown): string {
  return err instanceof Error || (err !== null && typeof err === 'object' && 'message' in err)
    ? String((err as { message: unknown }).message)
    : String(err);
}

/**
 * Runs every time-based trigger's handler now, each logged in `log`; throws after they all
 * ran when one of them failed.
 */
export function fireTimeTriggers(
  env: Env,
  scriptApp: FakeScriptApp,
  runner: ScriptRunner,
  log: TriggerRun[],
): TriggerRun[] {
  const at = env.now();
  const runs: TriggerRun[] = [];
  for (const t of scriptApp.triggers.filter((x) => x.data.eventType === 'CLOCK')) {
    const run = runAsOwner(env, runner, t, at);
    runs.push(run);
    log.push(run);
  }
  const failed = runs.find((r) => r.error !== null);
  if (failed) {
    throw new Error(`Trigger handler ${failed.handler} failed: ${messageOf(failed.error)}`, {
      cause: failed.error,
    });
  }
  return runs;
}
