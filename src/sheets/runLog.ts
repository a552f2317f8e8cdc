/** A bounded log of monitoring and review runs, kept in the document properties. */
import { utf8Bytes, utf8Truncate, VALUE_BUDGET } from '../core/common/propertyBytes.ts';
import type { RunLogEntry } from '../sidebarContract.ts';

const KEY = 'sla.runLog';
const MAX_ENTRIES = 50;
/** One note or error of an entry, at most (a long note is cut, never the entry dropped). */
const MAX_TEXT_BYTES = 600;
/** Notes of one entry, at most. */
const MAX_NOTES = 14;

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

/** The entry with its texts cut to a size that always fits in the log's one value. */
function bounded(entry: RunLogEntry): RunLogEntry {
  const out: RunLogEntry = { ...entry };
  if (entry.error !== undefined) out.error = utf8Truncate(entry.error, MAX_TEXT_BYTES);
  if (entry.notes) {
    const notes = entry.notes.slice(0, MAX_NOTES).map((n) => utf8Truncate(n, MAX_TEXT_BYTES));
    if (entry.notes.length > MAX_NOTES) notes.push(`… ${entry.notes.length - MAX_NOTES} more`);
    out.notes = notes;
  }
  // JSON escapes can still swell texts (a control character takes 6 bytes): drop notes last first
  while (utf8Bytes(JSON.stringify(out)) > VALUE_BUDGET / 2 && out.notes?.length) out.notes.pop();
  if (utf8Bytes(JSON.stringify(out)) > VALUE_BUDGET / 2 && out.error !== undefined)
    out.error = utf8Truncate(out.error, MAX_TEXT_BYTES / 6);
  return out;
}

/**
 * Newest first. The value is kept within one property's byte budget (UTF-8: a Japanese note
 * weighs three times its length): the oldest entries drop off, and the newest is always kept.
 * Returns the log as stored.
 */
export function appendRunLog(
  entry: RunLogEntry,
  props: Props = PropertiesService.getDocumentProperties(),
): RunLogEntry[] {
  const entries = [bounded(entry), ...readRunLog(props)].slice(0, MAX_ENTRIES);
  let json = JSON.stringify(entries);
  while (utf8Bytes(json) > VALUE_BUDGET && entries.length > 1) {
    entries.pop();
    json = JSON.stringify(entries);
  }
  props.setProperty(KEY, json);
  return entries;
}
