import {
  kilobytes,
  PROPERTY_STORE_LIMIT,
  utf8Bytes,
  utf8Chunks,
  VALUE_BUDGET,
} from '../core/common/propertyBytes.ts';
import {
  defaultSettings,
  describeIssues,
  parseSettings,
  type Settings,
  type SettingsIssue,
} from '../core/settings/index.ts';
import { checkTimeZone } from './timeZoneCheck.ts';

const KEY = 'sla.settings';
/**
 * Largest settings document, in UTF-8 bytes. A save writes the new chunks before it deletes the
 * old ones, so two documents must fit in the 500 KB store beside the run log and the rest.
 */
export const MAX_SETTINGS_BYTES = 200 * 1024;

export interface LoadedSettings {
  settings: Settings;
  /** Set when stored settings could not be used and defaults were taken instead. */
  warning?: string;
  migratedFrom?: number;
}

type Props = GoogleAppsScript.Properties.Properties;

interface Pointer {
  gen: string;
  chunks: number;
}

function readStoredJson(all: Record<string, string>): string | null {
  const head = all[KEY];
  if (head === undefined) return null;
  if (!head.startsWith('{"gen"')) return head;
  const pointer = JSON.parse(head) as Pointer;
  let json = '';
  for (let i = 0; i < pointer.chunks; i++) {
    const part = all[`${KEY}.${pointer.gen}.${i}`];
    if (part === undefined) throw new Error(`part ${i + 1} of ${pointer.chunks} is missing`);
    json += part;
  }
  return json;
}

/** Reads the settings; corrupt or invalid settings never stop the add-in: defaults plus a warning. */
export function loadSettings(
  props: Props = PropertiesService.getDocumentProperties(),
): LoadedSettings {
  let json: string | null;
  try {
    json = readStoredJson(props.getProperties());
  } catch (error) {
    return {
      settings: defaultSettings(),
      warning: `Stored settings are damaged (${String(error)}); using the defaults until you save.`,
    };
  }
  if (json === null) return { settings: defaultSettings() };
  let doc: unknown;
  try {
    doc = JSON.parse(json);
  } catch {
    return {
      settings: defaultSettings(),
      warning: 'Stored settings are not valid JSON; using the defaults until you save.',
    };
  }
  const result = parseSettings(doc);
  if (!result.ok) {
    return {
      settings: defaultSettings(),
      warning: `Stored settings are invalid (${describeIssues(result.issues)}); using the defaults until you save.`,
    };
  }
  return result.migratedFrom === undefined
    ? { settings: result.settings }
    : { settings: result.settings, migratedFrom: result.migratedFrom };
}

export type SaveResult = { ok: true; settings: Settings } | { ok: false; issues: SettingsIssue[] };

const refuse = (path: string, message: string): SaveResult => ({
  ok: false,
  issues: [{ path, message }],
});

/** Settings as the platform reads them: the calendar's zone checked by Utilities, canonically spelled. */
function platformChecked(settings: Settings): SaveResult {
  const zone = checkTimeZone(settings.calendar.timeZone);
  if (!zone.ok) return refuse('calendar.timeZone', zone.message);
  return {
    ok: true,
    settings: { ...settings, calendar: { ...settings.calendar, timeZone: zone.zone } },
  };
}

function storeBytes(all: Record<string, string>): number {
  let n = 0;
  for (const [k, v] of Object.entries(all)) n += utf8Bytes(k) + utf8Bytes(v);
  return n;
}

/**
 * Validates and stores settings. A document over one value's budget is cut into chunks (by
 * UTF-8 bytes, on character boundaries) written under a new generation before the pointer
 * switches to them, so a failure never leaves them half-written.
 */
export function saveSettings(
  input: unknown,
  props: Props = PropertiesService.getDocumentProperties(),
): SaveResult {
  const parsed = parseSettings(input);
  if (!parsed.ok) return parsed;
  const result = platformChecked(parsed.settings);
  if (!result.ok) return result;
  const json = JSON.stringify(result.settings);
  const bytes = utf8Bytes(json);
  if (bytes > MAX_SETTINGS_BYTES) {
    return refuse(
      '',
      `Settings are too large (${kilobytes(bytes)}, at most ${kilobytes(MAX_SETTINGS_BYTES)}): shorten the longest texts or remove criteria`,
    );
  }
  const old = props.getProperties();
  const writes: Record<string, string> = {};
  let keep = '';
  if (bytes <= VALUE_BUDGET) writes[KEY] = json;
  else {
    const gen = Utilities.getUuid().slice(0, 8);
    keep = `${KEY}.${gen}.`;
    const chunks = utf8Chunks(json, VALUE_BUDGET);
    chunks.forEach((chunk, i) => {
      writes[`${keep}${i}`] = chunk;
    });
    writes[KEY] = JSON.stringify({ gen, chunks: chunks.length } satisfies Pointer);
  }
  if (storeBytes(old) + storeBytes(writes) > PROPERTY_STORE_LIMIT) {
    return refuse(
      '',
      `Settings (${kilobytes(bytes)}) do not fit in this spreadsheet's property store (${kilobytes(PROPERTY_STORE_LIMIT)}, ${kilobytes(storeBytes(old))} used): shorten the longest texts`,
    );
  }
  const { [KEY]: pointer, ...chunks } = writes;
  if (Object.keys(chunks).length) props.setProperties(chunks);
  props.setProperty(KEY, pointer!);
  for (const key of Object.keys(old)) {
    if (key.startsWith(`${KEY}.`) && !(keep && key.startsWith(keep))) props.deleteProperty(key);
  }
  return result;
}
