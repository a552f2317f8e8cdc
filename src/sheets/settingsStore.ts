import {
  defaultSettings,
  describeIssues,
  parseSettings,
  type Settings,
  type SettingsIssue,
} from '../core/settings.ts';

const KEY = 'sla.settings';
/** Apps Script's limit is 9 KB a value; stay well under it. */
const CHUNK = 8000;
const MAX_TOTAL = 200_000;

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

/**
 * Validates and stores settings. Large documents are split into chunks written under a new
 * generation before the pointer switches to them, so a failure never leaves them half-written.
 */
export function saveSettings(
  input: unknown,
  props: Props = PropertiesService.getDocumentProperties(),
): SaveResult {
  const result = parseSettings(input);
  if (!result.ok) return result;
  const json = JSON.stringify(result.settings);
  if (json.length > MAX_TOTAL) {
    return {
      ok: false,
      issues: [
        {
          path: '',
          message: `Settings are too large (${json.length} characters, max ${MAX_TOTAL})`,
        },
      ],
    };
  }
  const old = props.getProperties();
  let keep = '';
  if (json.length <= CHUNK) {
    props.setProperty(KEY, json);
  } else {
    const gen = Utilities.getUuid().slice(0, 8);
    keep = `${KEY}.${gen}.`;
    const chunks: Record<string, string> = {};
    const count = Math.ceil(json.length / CHUNK);
    for (let i = 0; i < count; i++)
      chunks[`${KEY}.${gen}.${i}`] = json.slice(i * CHUNK, (i + 1) * CHUNK);
    props.setProperties(chunks);
    props.setProperty(KEY, JSON.stringify({ gen, chunks: count } satisfies Pointer));
  }
  for (const key of Object.keys(old)) {
    if (key.startsWith(`${KEY}.`) && !(keep && key.startsWith(keep))) props.deleteProperty(key);
  }
  return { ok: true, settings: result.settings };
}
