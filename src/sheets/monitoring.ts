import { errorText } from '../core/common/errors.ts';
import { isRunning, parseRunner, runnerName, type TimerRunner } from '../core/sla/timerRunner.ts';
import { runCheck } from './check.ts';
import { withDocumentLock } from './lock.ts';
import { runMonthlyReviewIfDue } from './review.ts';
import { appendRunLog } from './runLog.ts';
import { loadSettings } from './settingsStore.ts';
import { toast } from './ui.ts';

/**
 * Monitoring: one time-driven trigger per user per document calling `onSlaTimer`.
 *
 * - `startMonitoring()` keeps exactly one trigger: an existing one at the same frequency is
 *   kept, otherwise every trigger of ours is deleted and one is created. Frequencies under an
 *   hour (5/10/15/30 minutes, allowed to a bound script) fall back to hourly when Apps Script
 *   refuses them (a published add-on may run at most hourly).
 * - The frequency of our trigger is remembered in the document properties under its unique
 *   id (Apps Script cannot tell a trigger's schedule), in one record shared by every user of the
 *   document: each user updates only their own entries (`writeState`).
 * - `onSlaTimer` takes the document lock with `tryLock`; when another run holds it the tick is
 *   skipped and the run log says so. After the check it calls `afterCheckHooks` (the monthly
 *   review when it is due).
 * - A trigger belongs to the user who made it: the others cannot see it. So its runner is
 *   recorded in the document (`sla.monitoring.runner`, at each start and each run): every
 *   collaborator sees who runs the timer and when it last ran, and `startMonitoring` tells them
 *   so instead of starting a second timer while that one still runs (core/sla/timerRunner.ts).
 */

export const TIMER_HANDLER = 'onSlaTimer';
const STATE_KEY = 'sla.monitoring';
/** Who runs the timer (core/sla/timerRunner.ts), seen by every collaborator. */
const RUNNER_KEY = 'sla.monitoring.runner';
const TIMER_LOCK_WAIT_MS = 5_000;

/**
 * Called after each timer check, in order; errors are logged, never thrown. The monthly review
 * decides itself whether it is due (and whether the settings want it). Registered here only:
 * a second registration would run the review check twice per tick.
 */
const afterCheckHooks: ReadonlyArray<(now: Date) => void> = [
  (now) => {
    runMonthlyReviewIfDue(now);
  },
];

type Trigger = GoogleAppsScript.Script.Trigger;

/** Our trigger as Apps Script has it (the sidebar's MonitoringState fills in unknown minutes). */
export interface TriggerState {
  /** A timer checks this document: this user's, or a collaborator's still running. */
  on: boolean;
  /** Minutes between checks, null when off (or unknown: a trigger made elsewhere). */
  minutes: number | null;
  /** The timer is this user's own (only its owner can stop it). */
  mine: boolean;
  /** Who runs it, as the others see it; null when nobody is known to. */
  runBy: string | null;
  /** When it last ran (ISO), null when not yet. */
  lastRunAt: string | null;
}

/** This user as the runner record names them (their address only when the platform shares it). */
function currentUser(): { key: string; by: string } {
  const read = (get: () => string) => {
    try {
      return get() || '';
    } catch {
      return '';
    }
  };
  return {
    key: read(() => Session.getTemporaryActiveUserKey()),
    by: read(() => Session.getEffectiveUser().getEmail()),
  };
}

function readRunner(): TimerRunner | null {
  return parseRunner(PropertiesService.getDocumentProperties().getProperty(RUNNER_KEY));
}

function writeRunner(runner: TimerRunner | null): void {
  const props = PropertiesService.getDocumentProperties();
  if (runner) props.setProperty(RUNNER_KEY, JSON.stringify(runner));
  else props.deleteProperty(RUNNER_KEY);
}

/** Another editor's timer that still runs (a second one would check everything twice). */
function othersTimer(nowMs: number): TimerRunner | null {
  const runner = readRunner();
  return runner && runner.key !== currentUser().key && isRunning(runner, nowMs) ? runner : null;
}

function stateOf(runner: TimerRunner, mine: boolean): TriggerState {
  return {
    on: true,
    minutes: runner.minutes,
    mine,
    runBy: runnerName(runner),
    lastRunAt: runner.lastRunAt ?? null,
  };
}

const OFF: TriggerState = { on: false, minutes: null, mine: false, runBy: null, lastRunAt: null };

/**
 * This document's monitoring triggers. A published add-on's project triggers span every
 * document the user runs it in, so they are taken from `getUserTriggers(this spreadsheet)`,
 * plus any project trigger this document recorded as its own (a bound script).
 */
function ourTriggers(): Trigger[] {
  const recorded = readState();
  const mine = new Map<string, Trigger>();
  for (const t of ScriptApp.getUserTriggers(SpreadsheetApp.getActiveSpreadsheet())) {
    if (t.getHandlerFunction() === TIMER_HANDLER) mine.set(t.getUniqueId(), t);
  }
  for (const t of ScriptApp.getProjectTriggers()) {
    if (t.getHandlerFunction() === TIMER_HANDLER && recorded[t.getUniqueId()] !== undefined) {
      mine.set(t.getUniqueId(), t);
    }
  }
  return [...mine.values()];
}

function readState(): Record<string, number> {
  try {
    const raw = PropertiesService.getDocumentProperties().getProperty(STATE_KEY);
    const parsed: unknown = raw ? JSON.parse(raw) : {};
    return parsed && typeof parsed === 'object' && !Array.isArray(parsed)
      ? (parsed as Record<string, number>)
      : {};
  } catch {
    return {};
  }
}

/**
 * Updates the record of monitoring triggers: `removed` are the running user's deleted triggers,
 * `added` their new one. Every user's triggers share this record, and a user sees only their own
 * triggers: the others' entries are kept as they are, or their triggers could no longer be
 * found and stopped (a bound script lists its time-driven triggers only through this record).
 */
function writeState(removed: readonly string[], added: Record<string, number> = {}): void {
  const props = PropertiesService.getDocumentProperties();
  const state = readState();
  for (const uid of removed) delete state[uid];
  Object.assign(state, added);
  if (Object.keys(state).length === 0) props.deleteProperty(STATE_KEY);
  else props.setProperty(STATE_KEY, JSON.stringify(state));
}

export function describeFrequency(minutes: number): string {
  return minutes >= 60 ? 'every hour' : `every ${minutes} minutes`;
}

/** For the sidebar: is monitoring on, how often, and whose timer it is. */
export function monitoringState(): TriggerState {
  const triggers = ourTriggers();
  const runner = readRunner();
  if (triggers.length === 0) {
    const others = othersTimer(Date.now());
    return others ? stateOf(others, false) : OFF;
  }
  const minutes = readState()[triggers[0]!.getUniqueId()];
  const known = typeof minutes === 'number' ? minutes : null;
  const mine = runner && runner.key === currentUser().key ? runner : null;
  return {
    on: true,
    minutes: known,
    mine: true,
    runBy: mine ? runnerName(mine) : null,
    lastRunAt: mine?.lastRunAt ?? null,
  };
}

function createTrigger(minutes: number): { trigger: Trigger; minutes: number; note?: string } {
  if (minutes < 60) {
    try {
      const trigger = ScriptApp.newTrigger(TIMER_HANDLER)
        .timeBased()
        .everyMinutes(minutes)
        .create();
      return { trigger, minutes };
    } catch (error) {
      const trigger = ScriptApp.newTrigger(TIMER_HANDLER).timeBased().everyHours(1).create();
      return {
        trigger,
        minutes: 60,
        note: `Checks every ${minutes} minutes are not allowed here (${errorText(error)}): checking every hour instead.`,
      };
    }
  }
  return {
    trigger: ScriptApp.newTrigger(TIMER_HANDLER).timeBased().everyHours(1).create(),
    minutes: 60,
  };
}

/** Installs the one monitoring trigger (or keeps it when already there at this frequency). */
export function startMonitoring(): TriggerState {
  const { settings, warning } = loadSettings();
  const wanted = Math.min(settings.monitoring.frequencyMinutes, 60);
  const existing = ourTriggers();
  const state = readState();
  const others = existing.length === 0 ? othersTimer(Date.now()) : null;
  if (others) {
    toast(
      `Monitoring is already on: ${runnerName(others)} runs the timer (${describeFrequency(others.minutes)}). No second timer was started: it would check everything twice.`,
    );
    return stateOf(others, false);
  }
  if (existing.length === 1 && state[existing[0]!.getUniqueId()] === wanted) {
    toast(`Monitoring is already on: leads are checked ${describeFrequency(wanted)}.`);
    return monitoringState();
  }
  for (const t of existing) ScriptApp.deleteTrigger(t);
  const created = createTrigger(wanted);
  writeState(
    existing.map((t) => t.getUniqueId()),
    { [created.trigger.getUniqueId()]: created.minutes },
  );
  const user = currentUser();
  writeRunner({ ...user, minutes: created.minutes, since: new Date().toISOString() });
  const notes = [warning, created.note].filter((n): n is string => Boolean(n));
  appendRunLog({
    at: new Date().toISOString(),
    kind: 'settings',
    trigger: 'manual',
    notes: [`Monitoring on: ${describeFrequency(created.minutes)}.`, ...notes],
  });
  toast(
    `Monitoring on: leads are checked ${describeFrequency(created.minutes)}.${created.note ? ` ${created.note}` : ''}`,
  );
  return monitoringState();
}

/** Removes our monitoring trigger(s); other triggers are left alone. */
export function stopMonitoring(): TriggerState {
  const existing = ourTriggers();
  const others = existing.length === 0 ? othersTimer(Date.now()) : null;
  if (others) {
    toast(
      `The timer is ${runnerName(others)}'s: only they can stop it (a trigger belongs to the user who made it).`,
    );
    return stateOf(others, false);
  }
  for (const t of existing) ScriptApp.deleteTrigger(t);
  writeState(existing.map((t) => t.getUniqueId()));
  if (readRunner()?.key === currentUser().key) writeRunner(null);
  if (existing.length) {
    appendRunLog({
      at: new Date().toISOString(),
      kind: 'settings',
      trigger: 'manual',
      notes: ['Monitoring off.'],
    });
  }
  toast(existing.length ? 'Monitoring off.' : 'Monitoring was not on.');
  return OFF;
}

/** The timer ran: its runner is recorded (who, how often, when), for every collaborator to see. */
function recordRun(now: Date): void {
  const user = currentUser();
  const runner = readRunner();
  const same = runner !== null && runner.key === user.key;
  const minutes = same
    ? runner.minutes
    : Math.min(loadSettings().settings.monitoring.frequencyMinutes, 60);
  const since = same ? runner.since : now.toISOString();
  writeRunner({ ...user, minutes, since, lastRunAt: now.toISOString() });
}

/** The time-driven handler: check the leads, then the after-check hooks (monthly review). */
export function onSlaTimer(_e?: unknown): void {
  withDocumentLock(
    TIMER_LOCK_WAIT_MS,
    () => {
      runCheck({ trigger: 'timer' });
      const now = new Date();
      try {
        recordRun(now);
      } catch {
        // the record only informs the collaborators: a run never fails on it
      }
      for (const hook of afterCheckHooks) {
        try {
          hook(now);
        } catch (error) {
          appendRunLog({
            at: now.toISOString(),
            kind: 'review',
            trigger: 'timer',
            error: `Monthly review failed: ${errorText(error)}`,
          });
        }
      }
    },
    () =>
      appendRunLog({
        at: new Date().toISOString(),
        kind: 'check',
        trigger: 'timer',
        error: 'Skipped: another run was still working on this spreadsheet.',
      }),
  );
}
