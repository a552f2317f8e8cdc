/**
 * Server side of the sidebar, reached through `google.script.run`.
 *
 * The sidebar is untrusted: parameters are typed as the sidebar sends them, yet every function
 * checks its arguments at run time (settings with the shared schema) and throws an `Error` with
 * a message the sidebar can show as it is. Only
 * JSON-serialisable values go back (dates as ISO strings); their types are the sidebar
 * contract (sidebarContract.ts).
 */

import { distinctTexts } from '../core/common/cellValues.ts';
import { MONITORING_FREQUENCIES } from '../core/common/choices.ts';
import { errorText, InputError } from '../core/common/errors.ts';
import { utf8Bytes } from '../core/common/propertyBytes.ts';
import { previewRules } from '../core/preview/rulesPreview.ts';
import { bitrixRecordType } from '../core/read/activityLog.ts';
import { localeDateOrder } from '../core/read/dateOrder.ts';
import { resolveFields } from '../core/read/fieldMap.ts';
import { isGeneratedSheetName } from '../core/read/leadsSheetChoice.ts';
import { describeIssues, parseSettings, type Settings } from '../core/settings/index.ts';
import { REQUIRED_AT, REQUIRED_STAGES, requiredFieldIssues } from '../core/sla/requiredFields.ts';
import type {
  MonitoringState,
  RunLogEntry,
  SidebarPreviewResult,
  SidebarSaveResult,
  SidebarState,
} from '../sidebarContract.ts';
import { readActivitySheet } from './activitySheet.ts';
import { regenerateAgreement } from './agreement.ts';
import { appsScriptClock, spreadsheetLocale, spreadsheetTimeZone } from './clock.ts';
import { findLeadsSheet } from './leadsSheet.ts';
import { withDocumentLock } from './lock.ts';
import { monitoringState, startMonitoring, stopMonitoring } from './monitoring.ts';
import { notLeadsMessage } from './ownedSheets.ts';
import { refreshPlanningNote } from './planning.ts';
import { appendRunLog, readRunLog } from './runLog.ts';
import { loadSettings, saveSettings } from './settingsStore.ts';
import { bumpSettingsVersion } from './settingsVersion.ts';

/** Largest settings document the sidebar may send (UTF-8 bytes). */
export const MAX_PAYLOAD_BYTES = 100 * 1024;
/** Most Leads sources suggested to the sidebar. */
export const MAX_SOURCES = 50;
/** Longest source name the settings accept (the cost-per-source key). */
const MAX_SOURCE_LENGTH = 80;

// ---------------------------------------------------------------------------------------------
// Input checks

function typeName(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (Object.prototype.toString.call(value) === '[object Date]') return 'a date';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

interface ReadSettings {
  settings: Settings;
  migratedFrom?: number;
}

/** Parses and validates the settings JSON the sidebar sends. Throws an Error with a clear message. */
export function readSettingsArg(fn: string, json: unknown): ReadSettings {
  if (typeof json !== 'string') {
    throw new InputError({
      fn,
      arg: 'settings',
      problem: 'must be sent as a JSON string',
      received: typeName(json),
    });
  }
  // Cheap guard first: UTF-8 is never shorter than the UTF-16 length.
  const bytes = json.length > MAX_PAYLOAD_BYTES ? json.length : utf8Bytes(json);
  if (bytes > MAX_PAYLOAD_BYTES) {
    const size = `${Math.ceil(bytes / 1024)} KB, at most ${MAX_PAYLOAD_BYTES / 1024} KB`;
    throw new InputError({ fn, arg: 'settings', problem: `are too large (${size})` });
  }
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    throw new InputError({ fn, arg: 'settings', problem: 'are not valid JSON' });
  }
  const result = parseSettings(doc);
  if (!result.ok) {
    const shown = result.issues.slice(0, 5);
    const more = result.issues.length - shown.length;
    throw new Error(
      `${fn}: invalid settings: ${describeIssues(shown)}${more > 0 ? ` (and ${more} more)` : ''}`,
    );
  }
  return result.migratedFrom === undefined
    ? { settings: result.settings }
    : { settings: result.settings, migratedFrom: result.migratedFrom };
}

// ---------------------------------------------------------------------------------------------
// Spreadsheet reads

/** Row 1 of the leads sheet the settings read (one read), or null when there is none. */
function leadsHeaderRow(settings: Settings): unknown[] | null {
  const sheet = findLeadsSheet(SpreadsheetApp.getActiveSpreadsheet(), settings.mapping).sheet;
  if (!sheet) return null;
  const lastCol = sheet.getLastColumn();
  return lastCol > 0 ? (sheet.getRange(1, 1, 1, lastCol).getValues()[0] ?? []) : [];
}

/**
 * Refuses required fields the leads sheet has no column for (the sidebar flags them as you type,
 * with the same messages): nothing is saved, the stored settings stay as they were.
 */
function checkRequiredFields(fn: string, settings: Settings): void {
  const issues = requiredFieldIssues(settings, leadsHeaderRow(settings));
  if (issues.length === 0) return;
  const stageOf = (path: string) =>
    REQUIRED_STAGES.find((s) => path.startsWith(`agreement.requiredFields.${s}.`)) ?? 'lead';
  const said = issues.map((i) => `${REQUIRED_AT[stageOf(i.path)]}: ${i.message}`);
  throw new Error(`${fn}: ${said.join('; ')}`);
}

function headerTexts(row: readonly unknown[]): string[] {
  return row.map((h) => String(h ?? '').trim()).filter((h) => h !== '');
}

function spreadsheetZone(): string {
  try {
    return spreadsheetTimeZone();
  } catch {
    return Session.getScriptTimeZone() || 'UTC';
  }
}

function sidebarMonitoring(settings: Settings): MonitoringState {
  try {
    const state = monitoringState();
    const shown: MonitoringState = {
      on: state.on,
      minutes: state.minutes ?? settings.monitoring.frequencyMinutes,
      mine: state.mine,
    };
    if (state.runBy !== null) shown.runBy = state.runBy;
    if (state.lastRunAt !== null) shown.lastRunAt = state.lastRunAt;
    return shown;
  } catch {
    // Not authorised to read triggers: report off.
    return { on: false, minutes: settings.monitoring.frequencyMinutes };
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points

/** Everything the sidebar shows when it opens. */
export function sidebarLoad(): SidebarState {
  const loaded = loadSettings();
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = findLeadsSheet(ss, loaded.settings.mapping).sheet;
  let leadsHeaders: string[] = [];
  let leadsSources: string[] = [];
  if (sheet) {
    const lastCol = sheet.getLastColumn();
    const header = lastCol > 0 ? sheet.getRange(1, 1, 1, lastCol).getValues()[0]! : [];
    leadsHeaders = headerTexts(header);
    // One more read: the Source column alone (found through the field map).
    const sourceCol = resolveFields(header, loaded.settings.mapping.fields).columns.source;
    const lastRow = sheet.getLastRow();
    if (sourceCol >= 0 && lastRow > 1) {
      leadsSources = distinctTexts(
        sheet.getRange(2, sourceCol + 1, lastRow - 1, 1).getValues(),
        MAX_SOURCES,
        MAX_SOURCE_LENGTH,
      );
    }
  }
  const state: SidebarState = {
    settings: loaded.settings,
    leadsHeaders,
    leadsSources,
    leadsSheetFound: sheet !== null,
    sheetNames: ss
      .getSheets()
      .map((s) => s.getName())
      .filter((name) => !isGeneratedSheetName(name)),
    timeZone: spreadsheetZone(),
    runLog: readRunLog(),
    monitoring: sidebarMonitoring(loaded.settings),
  };
  if (loaded.warning) state.warning = loaded.warning;
  else if (loaded.migratedFrom !== undefined) {
    state.warning = `Settings were upgraded from version ${loaded.migratedFrom}: save to keep them in the new format.`;
  }
  return state;
}

/** Scores every Leads row with the given settings (not saved) and estimates the reps' capacity. */
export function sidebarPreview(settingsJson: string): SidebarPreviewResult {
  const started = Date.now();
  const { settings } = readSettingsArg('sidebarPreview', settingsJson);
  const found = findLeadsSheet(SpreadsheetApp.getActiveSpreadsheet(), settings.mapping);
  const sheet = found.sheet;
  const values: unknown[][] = sheet ? sheet.getDataRange().getValues() : [];
  const header = values[0] ?? [];
  const rows = values.slice(1);
  const nowMs = Date.now();
  // Dates in cells are read in the spreadsheet's zone, as the check does.
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const localeOrder = localeDateOrder(spreadsheetLocale(ss));
  const clock = appsScriptClock(spreadsheetZone());
  const log = sheet
    ? readActivitySheet(ss, settings, sheet.getName(), {
        clock,
        nowMs,
        localeOrder,
        recordType: bitrixRecordType(header),
      })
    : { activities: null };
  const preview = previewRules(settings, header, rows, nowMs, clock, localeOrder, log.activities);
  return {
    leadsSheetFound: sheet !== null,
    sheetName: sheet ? sheet.getName() : null,
    sheetMessage: found.message || found.note || '',
    ...preview,
    computedAt: new Date().toISOString(),
    durationMs: Date.now() - started,
  };
}

/** Bumps the settings-version cell (formulas passing it recalculate); a message when it could not. */
function settingsVersionNotice(): string | null {
  try {
    return bumpSettingsVersion(SpreadsheetApp.getActiveSpreadsheet());
  } catch (error) {
    return `Formulas passing SLA_SETTINGS_VERSION could not be told of the change: ${errorText(error)}`;
  }
}

function changedSections(before: Settings, after: Settings): string[] {
  const keys = Object.keys(after) as Array<keyof Settings>;
  return keys.filter(
    (k) =>
      k !== 'version' && k !== 'agreed' && JSON.stringify(before[k]) !== JSON.stringify(after[k]),
  );
}

/** A sheet of ours renamed (SLA Team as `Team`) is still ours: never the leads sheet. */
function refuseOurSheetAsLeads(fn: string, sheetName: string): void {
  if (!sheetName.trim()) return;
  const sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName(sheetName.trim());
  const refused = sheet ? notLeadsMessage(sheet) : null;
  if (refused) throw new Error(`${fn}: invalid settings: ${refused}`);
}

const SAVE_LOCK_WAIT_MS = 10_000;

function savingLocked<T>(fn: string, body: () => T): T {
  return withDocumentLock(SAVE_LOCK_WAIT_MS, body, () => {
    throw new Error(`${fn}: another change is being saved; try again in a few seconds`);
  });
}

/**
 * Validates and stores the settings (all or nothing), logs the change and regenerates the
 * SLA Agreement sheet. A Save is the team agreeing its settings (`agreed`: the review and
 * Planning judge against them from now on); `agree` false stores a choice that agrees nothing
 * (the offline run's `--sheet`).
 */
export function sidebarSave(settingsJson: string, agree?: unknown): SidebarSaveResult {
  const { settings, migratedFrom } = readSettingsArg('sidebarSave', settingsJson);
  checkRequiredFields('sidebarSave', settings);
  refuseOurSheetAsLeads('sidebarSave', settings.mapping.sheetName);
  return savingLocked('sidebarSave', () => {
    const before = loadSettings().settings;
    const saved = saveSettings({ ...settings, agreed: agree === false ? before.agreed : true });
    if (!saved.ok) throw new Error(`sidebarSave: ${describeIssues(saved.issues)}`);
    const savedAt = new Date().toISOString();
    const result: SidebarSaveResult = {
      settings: saved.settings,
      savedAt,
      agreement: 'updated',
      runLog: [],
    };
    if (migratedFrom !== undefined) result.migratedFrom = migratedFrom;
    const notices: string[] = [];
    try {
      const notice = regenerateAgreement(saved.settings);
      if (notice) notices.push(notice);
    } catch (error) {
      result.agreement = 'failed';
      result.warning = `Settings saved, but the SLA Agreement sheet could not be updated: ${errorText(error)}`;
    }
    try {
      refreshPlanningNote(SpreadsheetApp.getActiveSpreadsheet(), saved.settings.agreed);
    } catch (error) {
      notices.push(`Planning could not be told the plan is the team's: ${errorText(error)}`);
    }
    const recalc = settingsVersionNotice();
    if (recalc) notices.push(recalc);
    if (notices.length && !result.warning) result.warning = `Saved. ${notices.join(' ')}`;
    const changed = changedSections(before, saved.settings);
    const c = saved.settings.scoring;
    const notes = [
      changed.length ? `Changed: ${changed.join(', ')}` : 'No change',
      `${c.criteria.length} criteria, MQL at ${c.mqlThreshold}, hand-off at ${c.handoffThreshold}`,
    ];
    if (result.agreement === 'updated') notes.push('SLA Agreement updated');
    if (!before.agreed && saved.settings.agreed)
      notes.push("The team's own settings: the review and Planning judge against them now");
    const entry: RunLogEntry = { at: savedAt, kind: 'settings', trigger: 'sidebar', notes };
    if (result.agreement === 'failed' && result.warning) entry.error = result.warning;
    notes.push(...notices);
    appendRunLog(entry);
    // A running trigger follows a new frequency (startMonitoring keeps it when unchanged).
    if (before.monitoring.frequencyMinutes !== saved.settings.monitoring.frequencyMinutes) {
      try {
        if (monitoringState().on) startMonitoring();
      } catch (error) {
        result.warning = `Settings saved, but monitoring could not follow the new frequency: ${errorText(error)}`;
      }
    }
    result.runLog = readRunLog();
    return result;
  });
}

/**
 * Turns monitoring on (one time-driven trigger at that frequency) or off. The frequency is
 * stored in the settings either way, so the next start uses it.
 */
export function sidebarSetMonitoring(on: boolean, minutes: number): MonitoringState {
  if (typeof on !== 'boolean') {
    throw new InputError({
      fn: 'sidebarSetMonitoring',
      arg: 'on',
      problem: 'must be true or false',
      received: typeName(on),
    });
  }
  if (
    typeof minutes !== 'number' ||
    !(MONITORING_FREQUENCIES as readonly number[]).includes(minutes)
  ) {
    throw new InputError({
      fn: 'sidebarSetMonitoring',
      arg: 'minutes',
      problem: `must be one of ${MONITORING_FREQUENCIES.join(', ')}`,
      received: typeof minutes === 'number' ? String(minutes) : typeName(minutes),
    });
  }
  const settings = savingLocked('sidebarSetMonitoring', () => {
    const loaded = loadSettings();
    if (loaded.settings.monitoring.frequencyMinutes === minutes) return loaded.settings;
    const next: Settings = {
      ...loaded.settings,
      monitoring: {
        ...loaded.settings.monitoring,
        frequencyMinutes: minutes as Settings['monitoring']['frequencyMinutes'],
      },
    };
    const saved = saveSettings(next);
    if (!saved.ok) throw new Error(`sidebarSetMonitoring: ${describeIssues(saved.issues)}`);
    return saved.settings;
  });
  if (on) startMonitoring();
  else stopMonitoring();
  return sidebarMonitoring(settings);
}
