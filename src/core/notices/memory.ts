import { MINUTE_MS } from '../time/zone.ts';

/**
 * What has been announced, so that no lead is announced twice for the same deadline. Pure: the
 * shell keeps it in a hidden sheet of ours (src/sheets/noticeStore.ts), one row per send.
 *
 * Decisions:
 * - An entry's key is the lead's full identity (Lead ID, else e-mail, else name, company and
 *   clock start; see notices.ts) with its deadline: no short hash, so two leads never share an
 *   entry, and a new deadline (hand-off again, priority changed) is a new entry.
 * - An entry goes as soon as its lead is no longer open (contacted, closed, deleted): the memory
 *   holds only the announced leads still waiting for a first contact.
 * - It holds NOTICE_CAPACITY entries. Past that, new notices wait (the freshest overdue leads go
 *   first) rather than forgetting one and announcing it twice; the run log says how many wait.
 * - What was sent is written right after each e-mail, so a run cut off mid-way (the 6-minute
 *   limit) resumes where it stopped: rows may repeat a key, reading them merges their flags.
 */

export const NOTICE_FLAGS = { atRisk: 1, overdue: 2, escalated: 4 } as const;
export type NoticeKind = keyof typeof NOTICE_FLAGS;
const KIND_WORDS: Record<NoticeKind, string> = {
  atRisk: 'at risk',
  overdue: 'overdue',
  escalated: 'escalated',
};

/** Key (`memoryKey`) → NOTICE_FLAGS bits of the notices sent. */
export type NoticeMemory = Map<string, number>;

/** Open leads the memory holds at most (at least 50,000: one row each in the state sheet). */
export const NOTICE_CAPACITY = 60_000;

/** The key of a lead's notices for one deadline: the deadline minute, then its identity. */
export function memoryKey(identity: string, deadlineMs: number): string {
  return `${Math.floor(deadlineMs / MINUTE_MS)}|${identity}`;
}

/** Was this notice already sent for this key? */
export function wasSent(memory: NoticeMemory, key: string, kind: NoticeKind): boolean {
  return ((memory.get(key) ?? 0) & NOTICE_FLAGS[kind]) !== 0;
}

export function markSent(memory: NoticeMemory, key: string, kind: NoticeKind): void {
  memory.set(key, (memory.get(key) ?? 0) | NOTICE_FLAGS[kind]);
}

/** The memory of the leads still open (`open`: their keys); every other entry goes. */
export function pruneMemory(memory: NoticeMemory, open: ReadonlySet<string>): NoticeMemory {
  const next: NoticeMemory = new Map();
  for (const [key, flags] of memory) if (open.has(key)) next.set(key, flags);
  return next;
}

/** Escalations and reassignments by month (`2026-11`) and owner (as written): [escalated, reassigned]. */
export type EscalationTally = Map<string, Map<string, [number, number]>>;

/** Months the tally keeps (the review reads one; two years leave room for a late review). */
export const TALLY_MONTHS = 24;

/** Counts escalations (and reassignments among them) of one owner in a month. */
export function countEscalation(
  tally: EscalationTally,
  month: string,
  owner: string,
  escalated: number,
  reassigned: number,
): void {
  const byOwner = tally.get(month) ?? new Map<string, [number, number]>();
  tally.set(month, byOwner);
  const counts = byOwner.get(owner) ?? [0, 0];
  byOwner.set(owner, [counts[0] + escalated, counts[1] + reassigned]);
}

/** The state sheet's row 1: what was sent (A:C), a blank column, the escalations (E:H). */
export const STATE_HEADER = [
  'Lead',
  'Deadline (UTC)',
  'Sent',
  '',
  'Month',
  'Owner',
  'Escalated',
  'To reassign',
];
export const STATE_WIDTH = STATE_HEADER.length;
const TALLY_COL = 4;

/** One row of the state sheet: sent notices of a key, and/or one tally line. */
export function stateRow(
  sent: { key: string; flags: number } | null,
  tally: { month: string; owner: string; counts: readonly [number, number] } | null,
): Array<string | number> {
  const row: Array<string | number> = new Array<string | number>(STATE_WIDTH).fill('');
  if (sent) {
    const cut = sent.key.indexOf('|');
    const minutes = Number(sent.key.slice(0, cut));
    row[0] = sent.key.slice(cut + 1);
    row[1] = new Date(minutes * MINUTE_MS).toISOString().slice(0, 16);
    const kinds = (Object.keys(NOTICE_FLAGS) as NoticeKind[]).filter(
      (k) => (sent.flags & NOTICE_FLAGS[k]) !== 0,
    );
    row[2] = kinds.map((k) => KIND_WORDS[k]).join(', ');
  }
  if (tally) {
    row[TALLY_COL] = tally.month;
    row[TALLY_COL + 1] = tally.owner;
    row[TALLY_COL + 2] = tally.counts[0];
    row[TALLY_COL + 3] = tally.counts[1];
  }
  return row;
}

/** One escalation line of the tally: a month, an owner, [escalated, reassigned]. */
export interface TallyLine {
  month: string;
  owner: string;
  counts: [number, number];
}

/** Sent entries and tally lines side by side, one row each pair. */
function pairedRows(
  sent: ReadonlyMap<string, number>,
  lines: readonly TallyLine[],
): Array<Array<string | number>> {
  const entries = [...sent].map(([key, flags]) => ({ key, flags }));
  const rows: Array<Array<string | number>> = [];
  for (let i = 0; i < Math.max(entries.length, lines.length); i++)
    rows.push(stateRow(entries[i] ?? null, lines[i] ?? null));
  return rows;
}

/** The memory and the tally as rows: each entry once, side by side (what a compaction writes). */
export function stateRows(
  memory: NoticeMemory,
  tally: EscalationTally,
): Array<Array<string | number>> {
  const lines: TallyLine[] = [];
  const months = [...tally.keys()].sort().slice(-TALLY_MONTHS);
  for (const month of months)
    for (const [owner, counts] of tally.get(month)!) lines.push({ month, owner, counts });
  return pairedRows(memory, lines);
}

/** What one e-mail sent: each lead's notices (memory key → flags), and the escalations it counts. */
export interface SentRecord {
  sent: Map<string, number>;
  tally: TallyLine[];
}

/** The rows recording one e-mail (appended to the state sheet right after it goes). */
export function sentRows(record: SentRecord): Array<Array<string | number>> {
  return pairedRows(record.sent, record.tally);
}

/** Adds what one e-mail sent to the memory and the tally. */
export function applySent(memory: NoticeMemory, tally: EscalationTally, record: SentRecord): void {
  for (const [key, flags] of record.sent) memory.set(key, (memory.get(key) ?? 0) | flags);
  for (const t of record.tally) countEscalation(tally, t.month, t.owner, t.counts[0], t.counts[1]);
}

function sentFlags(text: string): number {
  let flags = 0;
  for (const k of Object.keys(NOTICE_FLAGS) as NoticeKind[])
    if (text.includes(KIND_WORDS[k])) flags |= NOTICE_FLAGS[k];
  return flags;
}

/** Reads the state sheet's rows (row 1 excluded): a row that cannot be read is skipped. */
export function readStateRows(rows: ReadonlyArray<readonly unknown[]>): {
  memory: NoticeMemory;
  tally: EscalationTally;
} {
  const memory: NoticeMemory = new Map();
  const tally: EscalationTally = new Map();
  for (const r of rows) {
    const deadline = Date.parse(`${String(r[1] ?? '')}Z`);
    const flags = sentFlags(String(r[2] ?? ''));
    if (r[0] !== '' && r[0] !== undefined && Number.isFinite(deadline) && flags) {
      const key = memoryKey(String(r[0]), deadline);
      memory.set(key, (memory.get(key) ?? 0) | flags);
    }
    const month = String(r[TALLY_COL] ?? '');
    const counts = [Number(r[TALLY_COL + 2]), Number(r[TALLY_COL + 3])];
    if (/^\d{4}-\d{2}$/.test(month) && counts.every(Number.isFinite))
      countEscalation(tally, month, String(r[TALLY_COL + 1] ?? ''), counts[0]!, counts[1]!);
  }
  return { memory, tally };
}

/** 32-bit FNV-1a of the text, base 36: the keys of the memory kept in document properties before. */
export function legacyHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(36);
}

/** The memory kept in document properties before: hash → [deadline minute, flags]. */
export function decodeLegacyMemory(chunks: readonly string[]): Map<string, [number, number]> {
  const legacy = new Map<string, [number, number]>();
  for (const chunk of chunks) {
    for (const item of chunk.split(',')) {
      const m = /^([0-9a-z]{1,7}):([0-9a-z]{1,9}):([0-7])$/.exec(item);
      if (m) legacy.set(m[1]!, [Number.parseInt(m[2]!, 36), Number(m[3])]);
    }
  }
  return legacy;
}

/** The tally kept in one document property before (`{"2026-11": {"Ann": [2, 1]}}`). */
export function decodeLegacyTally(json: string | null): EscalationTally {
  const tally: EscalationTally = new Map();
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (parsed === null || typeof parsed !== 'object') return tally;
    for (const [month, owners] of Object.entries(parsed as Record<string, unknown>)) {
      if (!/^\d{4}-\d{2}$/.test(month) || owners === null || typeof owners !== 'object') continue;
      for (const [owner, c] of Object.entries(owners as Record<string, unknown>))
        if (Array.isArray(c) && c.length === 2 && c.every(Number.isFinite))
          countEscalation(tally, month, owner, Number(c[0]), Number(c[1]));
    }
  } catch {
    // a damaged tally only loses its counts
  }
  return tally;
}
