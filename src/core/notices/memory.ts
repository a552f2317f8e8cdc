import { utf8Bytes, VALUE_BUDGET } from '../common/propertyBytes.ts';
import { MINUTE_MS } from '../time/zone.ts';

/**
 * What has been announced, so that no lead is announced twice for the same deadline: for each
 * open lead that was, a hash of its notice key, its deadline (minutes) and the notices sent
 * (at risk, overdue, escalated). Pure; the shell keeps the encoded text in document properties.
 *
 * Decisions:
 * - An entry is dropped as soon as its lead is no longer open (contacted, closed, deleted): the
 *   memory holds only the announced leads still waiting for a first contact.
 * - A new deadline (hand-off again, priority changed) starts afresh: it may be announced again.
 * - The memory is bounded in bytes. When it is full, new notices wait (the lead is announced
 *   once older ones close) rather than forgetting one and announcing it twice.
 * - Keys are 32-bit FNV-1a hashes (7 characters at most): an entry costs about 16 bytes, so the
 *   bound holds a few thousand leads. Two leads with the same hash AND the same deadline minute
 *   would share an entry; the second would not be announced.
 */

export const NOTICE_FLAGS = { atRisk: 1, overdue: 2, escalated: 4 } as const;
export type NoticeKind = keyof typeof NOTICE_FLAGS;

export interface NoticeEntry {
  /** Deadline, in minutes since 1970. */
  deadlineMin: number;
  /** NOTICE_FLAGS bits. */
  flags: number;
}

/** Hash → entry. */
export type NoticeMemory = Map<string, NoticeEntry>;

/** Each chunk stays within what the add-in writes in one property value (propertyBytes.ts). */
export const NOTICE_CHUNK_BYTES = VALUE_BUDGET;
/** The whole memory: 8 chunks. */
export const NOTICE_MAX_BYTES = 8 * NOTICE_CHUNK_BYTES;

/** 32-bit FNV-1a of the text, base 36. */
export function noticeHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

export function deadlineMinutes(deadlineMs: number): number {
  return Math.floor(deadlineMs / MINUTE_MS);
}

function encodeEntry(hash: string, e: NoticeEntry): string {
  return `${hash}:${e.deadlineMin.toString(36)}:${e.flags}`;
}

/** The memory as chunks of at most NOTICE_CHUNK_BYTES (ASCII only: one byte a character). */
export function encodeMemory(memory: NoticeMemory): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const [hash, e] of memory) {
    const item = encodeEntry(hash, e);
    if (current && current.length + 1 + item.length > NOTICE_CHUNK_BYTES) {
      chunks.push(current);
      current = '';
    }
    current = current ? `${current},${item}` : item;
  }
  if (current) chunks.push(current);
  return chunks;
}

/** Reads chunks back; a damaged item is skipped (at worst that lead is announced again). */
export function decodeMemory(chunks: readonly string[]): NoticeMemory {
  const memory: NoticeMemory = new Map();
  for (const chunk of chunks) {
    for (const item of chunk.split(',')) {
      const m = /^([0-9a-z]{1,7}):([0-9a-z]{1,9}):([0-7])$/.exec(item);
      if (!m) continue;
      memory.set(m[1]!, { deadlineMin: Number.parseInt(m[2]!, 36), flags: Number(m[3]) });
    }
  }
  return memory;
}

/** The bytes an entry adds to the encoded memory (its separator included). */
export function entryBytes(hash: string, e: NoticeEntry): number {
  return encodeEntry(hash, e).length + 1;
}

/** Bytes of the whole memory when encoded. */
export function memoryBytes(memory: NoticeMemory): number {
  let n = 0;
  for (const [hash, e] of memory) n += entryBytes(hash, e);
  return n;
}

/** Was this notice already sent for this deadline? */
export function wasSent(
  memory: NoticeMemory,
  hash: string,
  deadlineMin: number,
  kind: NoticeKind,
): boolean {
  const e = memory.get(hash);
  return e !== undefined && e.deadlineMin === deadlineMin && (e.flags & NOTICE_FLAGS[kind]) !== 0;
}

/**
 * The next memory: only the leads still open (`open`: hash → deadline minutes), each entry
 * reset when its deadline changed. Everything else is pruned.
 */
export function pruneMemory(memory: NoticeMemory, open: ReadonlyMap<string, number>): NoticeMemory {
  const next: NoticeMemory = new Map();
  for (const [hash, e] of memory) {
    const deadlineMin = open.get(hash);
    if (deadlineMin === undefined || deadlineMin !== e.deadlineMin) continue;
    next.set(hash, e);
  }
  return next;
}

/** Records a sent notice (a new deadline replaces what was remembered of the old one). */
export function markSent(
  memory: NoticeMemory,
  hash: string,
  deadlineMin: number,
  kind: NoticeKind,
): NoticeEntry {
  const old = memory.get(hash);
  const base = old && old.deadlineMin === deadlineMin ? old.flags : 0;
  const next = { deadlineMin, flags: base | NOTICE_FLAGS[kind] };
  memory.set(hash, next);
  return next;
}

/**
 * Records a notice when the memory, `usedBytes` long, can still hold it within `maxBytes`.
 * Returns the memory's new length, or null (nothing recorded) when it would not fit: the
 * caller then holds the notice back.
 */
export function reserveNotice(
  memory: NoticeMemory,
  hash: string,
  deadlineMin: number,
  kind: NoticeKind,
  maxBytes: number,
  usedBytes: number,
): number | null {
  const old = memory.get(hash);
  const base = old && old.deadlineMin === deadlineMin ? old.flags : 0;
  const next = { deadlineMin, flags: base | NOTICE_FLAGS[kind] };
  const used = usedBytes + entryBytes(hash, next) - (old ? entryBytes(hash, old) : 0);
  if (used > maxBytes) return null;
  memory.set(hash, next);
  return used;
}

/** Escalations and reassignments by month (`2026-11`) and owner (as written): [escalated, reassigned]. */
export type EscalationTally = Record<string, Record<string, [number, number]>>;

/** The tally's own bound: one property value. */
export const TALLY_MAX_BYTES = NOTICE_CHUNK_BYTES;

/** Counts one escalation (and a reassignment when the owner was away). */
export function countEscalation(
  tally: EscalationTally,
  month: string,
  owner: string,
  reassigned: boolean,
): void {
  const byOwner = tally[month] ?? {};
  tally[month] = byOwner;
  const counts = byOwner[owner] ?? [0, 0];
  byOwner[owner] = counts;
  counts[0]++;
  if (reassigned) counts[1]++;
}

/** The tally without its oldest months, so that its JSON fits `maxBytes` (UTF-8). */
export function boundTally(tally: EscalationTally, maxBytes = TALLY_MAX_BYTES): EscalationTally {
  const months = Object.keys(tally).sort();
  const kept: EscalationTally = { ...tally };
  while (months.length > 0 && utf8Bytes(JSON.stringify(kept)) > maxBytes) {
    delete kept[months.shift()!];
  }
  return kept;
}

/** Reads a stored tally; anything unexpected reads as empty. */
export function decodeTally(json: string | null): EscalationTally {
  if (!json) return {};
  try {
    const parsed: unknown = JSON.parse(json);
    if (parsed === null || typeof parsed !== 'object' || Array.isArray(parsed)) return {};
    const tally: EscalationTally = {};
    for (const [month, owners] of Object.entries(parsed as Record<string, unknown>)) {
      if (!/^\d{4}-\d{2}$/.test(month) || owners === null || typeof owners !== 'object') continue;
      const row: Record<string, [number, number]> = {};
      for (const [owner, counts] of Object.entries(owners as Record<string, unknown>)) {
        if (Array.isArray(counts) && counts.length === 2 && counts.every(Number.isFinite))
          row[owner] = [Number(counts[0]), Number(counts[1])];
      }
      tally[month] = row;
    }
    return tally;
  } catch {
    return {};
  }
}
