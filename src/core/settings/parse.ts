import { pluralWord } from '../common/plural.ts';
import { defaultSettings } from './defaults.ts';
import { type SettingsDocument, upgrade } from './migrations.ts';
import { settingsSchemas } from './schema.ts';
import type { SettingsIssue, SettingsResult } from './types.ts';
import { SETTINGS_VERSION } from './version.ts';

interface RawIssue {
  code?: string;
  path: PropertyKey[];
  message: string;
  keys?: string[];
}

function issuesOf(error: { issues: ReadonlyArray<RawIssue> }): SettingsIssue[] {
  return error.issues.map((i) => {
    const path = i.path.map(String).join('.');
    if (i.code === 'unrecognized_keys' && i.keys) {
      return {
        path,
        message: `Unknown ${pluralWord(i.keys.length, 'setting')}: ${i.keys.join(', ')}`,
      };
    }
    return { path, message: i.message };
  });
}

const refused = (path: string, message: string): SettingsResult => ({
  ok: false,
  issues: [{ path, message }],
});

/** Validates an untrusted settings document, migrating older versions first. Never throws. */
export function parseSettings(input: unknown): SettingsResult {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) {
    return refused('', 'Settings must be an object');
  }
  const doc = input as SettingsDocument;
  const from = typeof doc.version === 'number' ? doc.version : undefined;
  if (from === undefined) return refused('version', 'Settings have no version number');
  if (from > SETTINGS_VERSION) {
    return refused(
      'version',
      `Settings version ${from} is newer than this add-in (${SETTINGS_VERSION}): update the add-in`,
    );
  }
  const upgraded = upgrade(doc, from, defaultSettings);
  if (!upgraded.ok) return upgraded;
  const result = settingsSchemas().settings.safeParse(upgraded.doc);
  if (!result.success) return { ok: false, issues: issuesOf(result.error) };
  return from < SETTINGS_VERSION
    ? { ok: true, settings: result.data, migratedFrom: from }
    : { ok: true, settings: result.data };
}

/** Human summary of issues, e.g. `handoff.deadlineHours.Hot: Hot deadline must be above 0`. */
export function describeIssues(issues: SettingsIssue[]): string {
  return issues.map((i) => (i.path ? `${i.path}: ${i.message}` : i.message)).join('; ');
}
