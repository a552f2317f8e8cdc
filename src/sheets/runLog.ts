/** A bounded log of monitoring and review runs, kept in the document properties. */
import type { RunLogEntry } from '../sidebarContract.ts';

const KEY = 'sla.runLog';
const MAX_ENTRIES = 50;

type Props = GoogleAppsScript.Properties.Properties;

export function readRunLog(
  props: Props = PropertiesService.getDocumentProperties(),
): RunLogEntry[] {
  const raw = props.getProperty(KEY);
  if (!raw) return [];
  try {
    const parsed: unknown = JSON.parse(raw);
    return Array.isArray(parsed) ? (parsed as RunLogEntry[]) : [];
  } catch {
    return [];
  }
}

/**
 * Newest first; old entries drop off so the value stays well under the 9 KB property limit.
 * Returns the log as stored.
 */
export function appendRunLog(
  entry: RunLogEntry,
  props: Props = PropertiesService.getDocumentProperties(),
): RunLogEntry[] {
  const entries = [entry, ...readRunLog(props)].slice(0, MAX_ENTRIES);
  let json = JSON.stringify(entries);
  while (json.length > 8000 && entries.length > 1) {
    entries.pop();
    json = JSON.stringify(entries);
  }
  props.setProperty(KEY, json);
  return entries;
}
