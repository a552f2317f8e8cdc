import {
  boundTally,
  decodeMemory,
  decodeTally,
  type EscalationTally,
  encodeMemory,
  NOTICE_CHUNK_BYTES,
  NOTICE_MAX_BYTES,
  type NoticeMemory,
} from '../core/notices/memory.ts';

/**
 * The notices' state in the document properties, in one place with its own byte bound: the
 * memory of what was announced (`sla.notices.0` … at most NOTICE_MAX_BYTES, each value at most
 * NOTICE_CHUNK_BYTES) and the escalations per month and owner (`sla.escalations`, one value).
 * Reads take one `getProperties`; a write replaces the chunks and removes those left over.
 */

type Props = GoogleAppsScript.Properties.Properties;

const MEMORY_PREFIX = 'sla.notices.';
const TALLY_KEY = 'sla.escalations';
const MAX_CHUNKS = Math.ceil(NOTICE_MAX_BYTES / NOTICE_CHUNK_BYTES);

export interface NoticeState {
  memory: NoticeMemory;
  tally: EscalationTally;
  /** The memory and the tally as stored, to write only what changed. */
  storedChunks: string[];
  storedTally: string;
}

function chunkKeys(all: Record<string, string>): string[] {
  return Object.keys(all)
    .filter((k) => k.startsWith(MEMORY_PREFIX))
    .sort((a, b) => Number(a.slice(MEMORY_PREFIX.length)) - Number(b.slice(MEMORY_PREFIX.length)));
}

export function readNoticeState(
  props: Props = PropertiesService.getDocumentProperties(),
): NoticeState {
  const all = props.getProperties();
  const storedChunks = chunkKeys(all).map((k) => all[k]!);
  return {
    memory: decodeMemory(storedChunks),
    tally: decodeTally(all[TALLY_KEY] ?? null),
    storedChunks,
    storedTally: all[TALLY_KEY] ?? '',
  };
}

/** Stores what changed. The memory's size was bounded when it was filled (core/notices/notices.ts). */
export function writeNoticeState(
  state: NoticeState,
  props: Props = PropertiesService.getDocumentProperties(),
): void {
  const chunks = encodeMemory(state.memory).slice(0, MAX_CHUNKS);
  if (chunks.join('\n') !== state.storedChunks.join('\n')) {
    const values: Record<string, string> = {};
    chunks.forEach((c, i) => {
      values[`${MEMORY_PREFIX}${i}`] = c;
    });
    if (chunks.length > 0) props.setProperties(values);
    for (let i = chunks.length; i < state.storedChunks.length; i++)
      props.deleteProperty(`${MEMORY_PREFIX}${i}`);
  }
  const tally = JSON.stringify(boundTally(state.tally));
  if (tally !== '{}' && tally !== state.storedTally) props.setProperty(TALLY_KEY, tally);
}

/** The escalations per owner of one month (`2026-11`), for the monthly review. */
export function readEscalations(
  month: string,
  props: Props = PropertiesService.getDocumentProperties(),
): Record<string, [number, number]> {
  return decodeTally(props.getProperty(TALLY_KEY))[month] ?? {};
}
