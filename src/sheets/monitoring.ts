import { errorText } from '../core/common/errors.ts';
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
 */

export const TIMER_HANDLER = 'onSlaTimer';
const STATE_KEY = 'sla.monitoring';
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
  on: boolean;
  /** Minutes between checks, null when off (or unknown: a trigger made elsewhere). */
  minutes: number | null;
}

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

/** For the sidebar: is monitoring on, and how often. */
export function monitoringState(): TriggerState {
  const triggers = ourTriggers();
  if (triggers.length === 0) return { on: false, minutes: null };
  const state = readState();
  const minutes = state[triggers[0]!.getUniqueId()];
  return { on: true, minutes: typeof minutes === 'number' ? minutes : null };
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
  if (existing.length === 1 && state[existing[0]!.getUniqueId()] === wanted) {
    toast(`Monitoring is already on: leads are checked ${describeFrequency(wanted)}.`);
    return { on: true, minutes: wanted };
  }
  for (const t of existing) ScriptApp.deleteTrigger(t);
  const created = createTrigger(wanted);
  writeState(
    existing.map((t) => t.getUniqueId()),
    { [created.trigger.getUniqueId()]: created.minutes },
  );
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
  return { on: true, minutes: created.minutes };
}

/** Removes our monitoring trigger(s); other triggers are left alone. */
export function stopMonitoring(): TriggerState {
  const existing = ourTriggers();
  for (const t of existing) ScriptApp.deleteTrigger(t);
  writeState(existing.map((t) => t.getUniqueId()));
  if (existing.length) {
    appendRunLog({
      at: new Date().toISOString(),
      kind: 'settings',
      trigger: 'manual',
      notes: ['Monitoring off.'],
    });
  }
  toast(existing.length ? 'Monitoring off.' : 'Monitoring was not on.');
  return { on: false, minutes: null };
}

/** The time-driven handler: check the leads, then the after-check hooks (monthly review). */
export function onSlaTimer(_e?: unknown): void {
  withDocumentLock(
    TIMER_LOCK_WAIT_MS,
    () => {
      runCheck({ trigger: 'timer' });
      const now = new Date();
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
