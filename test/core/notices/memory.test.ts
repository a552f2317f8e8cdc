import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Bytes } from '../../../src/core/common/propertyBytes.ts';
import {
  boundTally,
  countEscalation,
  decodeMemory,
  decodeTally,
  type EscalationTally,
  encodeMemory,
  markSent,
  memoryBytes,
  NOTICE_CHUNK_BYTES,
  type NoticeMemory,
  noticeHash,
  pruneMemory,
  reserveNotice,
  wasSent,
} from '../../../src/core/notices/memory.ts';

const D = 29_000_000; // a deadline, in minutes since 1970 (2025)

function memoryOf(n: number): NoticeMemory {
  const memory: NoticeMemory = new Map();
  for (let i = 0; i < n; i++) markSent(memory, noticeHash(`id:L-${i}`), D + i, 'overdue');
  return memory;
}

describe('the memory of sent notices', () => {
  it('remembers each kind of notice per deadline', () => {
    const memory: NoticeMemory = new Map();
    const h = noticeHash('id:L-1');
    markSent(memory, h, D, 'atRisk');
    expect(wasSent(memory, h, D, 'atRisk')).toBe(true);
    expect(wasSent(memory, h, D, 'overdue')).toBe(false);
    markSent(memory, h, D, 'overdue');
    expect(wasSent(memory, h, D, 'atRisk')).toBe(true);
    // a new deadline starts afresh
    expect(wasSent(memory, h, D + 60, 'atRisk')).toBe(false);
    markSent(memory, h, D + 60, 'escalated');
    expect(memory.get(h)).toEqual({ deadlineMin: D + 60, flags: 4 });
  });

  it('round-trips through chunks of at most 9,000 bytes', () => {
    const memory = memoryOf(2000);
    const chunks = encodeMemory(memory);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(utf8Bytes(c)).toBeLessThanOrEqual(NOTICE_CHUNK_BYTES);
    expect(decodeMemory(chunks)).toEqual(memory);
    expect(memoryBytes(memory)).toBe(chunks.join(',').length + 1);
  });

  it('round-trips any memory (property)', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.string(),
            fc.integer({ min: 0, max: 60_000_000 }),
            fc.constantFrom('atRisk', 'overdue', 'escalated' as const),
          ),
        ),
        (entries) => {
          const memory: NoticeMemory = new Map();
          for (const [key, d, kind] of entries) markSent(memory, noticeHash(key), d, kind);
          expect(decodeMemory(encodeMemory(memory))).toEqual(memory);
        },
      ),
    );
  });

  it('skips a damaged item instead of failing', () => {
    const memory = decodeMemory(['abc:hbx:2,nonsense,,zz:1:9,q1:10:1']);
    expect([...memory.keys()]).toEqual(['abc', 'q1']);
  });

  it('keeps only the leads still open, with the same deadline', () => {
    const memory = memoryOf(3);
    const [a, b, c] = [...memory.keys()];
    const next = pruneMemory(
      memory,
      new Map([
        [a!, D],
        [b!, D + 999],
      ]),
    );
    expect([...next.keys()]).toEqual([a]);
    expect(c).toBeDefined();
  });

  it('refuses a notice the bound cannot hold, and records nothing then', () => {
    const memory = memoryOf(10);
    const used = memoryBytes(memory);
    const h = noticeHash('id:new');
    expect(reserveNotice(memory, h, D, 'overdue', used + 5, used)).toBeNull();
    expect(memory.has(h)).toBe(false);
    const grown = reserveNotice(memory, h, D, 'overdue', used + 100, used);
    expect(grown).toBe(memoryBytes(memory));
    // another flag on the same entry costs nothing more
    expect(reserveNotice(memory, h, D, 'escalated', grown!, grown!)).toBe(grown);
  });
});

describe('the escalation tally', () => {
  it('counts escalations and reassignments by month and owner', () => {
    const tally: EscalationTally = {};
    countEscalation(tally, '2026-11', 'Ann', false);
    countEscalation(tally, '2026-11', 'Ann', true);
    countEscalation(tally, '2026-12', 'Bob', false);
    expect(tally).toEqual({ '2026-11': { Ann: [2, 1] }, '2026-12': { Bob: [1, 0] } });
    expect(decodeTally(JSON.stringify(tally))).toEqual(tally);
  });

  it('drops the oldest months to stay within its bound', () => {
    const tally: EscalationTally = {};
    for (let m = 1; m <= 12; m++)
      for (let o = 0; o < 40; o++)
        countEscalation(tally, `2026-${String(m).padStart(2, '0')}`, `Owner ${o}`, false);
    const bounded = boundTally(tally, 3000);
    expect(utf8Bytes(JSON.stringify(bounded))).toBeLessThanOrEqual(3000);
    const months = Object.keys(bounded);
    expect(months.at(-1)).toBe('2026-12');
    expect(months[0]! > '2026-01').toBe(true);
  });

  it('reads anything unexpected as empty', () => {
    expect(decodeTally('not json')).toEqual({});
    expect(decodeTally('[1]')).toEqual({});
    expect(decodeTally('{"2026-11":{"Ann":[1,"x"]},"bad":{}}')).toEqual({ '2026-11': {} });
  });
});
