import { describe, expect, it } from 'vitest';
import {
  applySent,
  countEscalation,
  decodeLegacyMemory,
  decodeLegacyTally,
  type EscalationTally,
  legacyHash,
  markSent,
  memoryKey,
  NOTICE_CAPACITY,
  NOTICE_FLAGS,
  type NoticeMemory,
  pruneMemory,
  readStateRows,
  type SentRecord,
  STATE_HEADER,
  sentRows,
  stateRow,
  stateRows,
  TALLY_MONTHS,
  wasSent,
} from '../../../src/core/notices/memory.ts';

const DEADLINE = Date.parse('2026-11-23T09:10:00Z');

describe('the memory of sent notices', () => {
  it('keys a lead by its full identity and its deadline minute', () => {
    expect(memoryKey('id:L-2552', DEADLINE + 59_000)).toBe(memoryKey('id:L-2552', DEADLINE));
    expect(memoryKey('id:L-2552', DEADLINE)).not.toBe(memoryKey('id:L-169220', DEADLINE));
    // the hash the earlier versions used could not tell those two apart
    expect(legacyHash('id:L-2552')).toBe(legacyHash('id:L-169220'));
    expect(memoryKey('email:a@b.io', DEADLINE)).not.toBe(
      memoryKey('email:a@b.io', DEADLINE + 60_000),
    );
  });

  it('remembers each kind sent, and forgets the leads no longer open', () => {
    const memory: NoticeMemory = new Map();
    const key = memoryKey('id:A', DEADLINE);
    markSent(memory, key, 'atRisk');
    markSent(memory, key, 'escalated');
    expect(wasSent(memory, key, 'atRisk')).toBe(true);
    expect(wasSent(memory, key, 'overdue')).toBe(false);
    expect(wasSent(memory, key, 'escalated')).toBe(true);
    expect(pruneMemory(memory, new Set([key])).size).toBe(1);
    expect(pruneMemory(memory, new Set()).size).toBe(0);
  });

  it('holds at least 50,000 open leads', () => {
    expect(NOTICE_CAPACITY).toBeGreaterThanOrEqual(50_000);
  });
});

describe('the state sheet rows', () => {
  it('reads back what it writes: the sent notices and the tally, side by side', () => {
    const memory: NoticeMemory = new Map([
      [memoryKey('id:L-1', DEADLINE), 2 | 4],
      [memoryKey('email:ann@acme.io#2', DEADLINE), 1],
      [memoryKey('lead:Ann|Acme|1790000000000', DEADLINE), 2],
    ]);
    const tally: EscalationTally = new Map();
    countEscalation(tally, '2026-11', '__proto__', 2, 1);
    countEscalation(tally, '2026-11', 'constructor', 1, 0);
    const rows = stateRows(memory, tally);
    expect(rows).toHaveLength(3);
    expect(rows[0]).toEqual([
      'id:L-1',
      '2026-11-23T09:10',
      'overdue, escalated',
      '',
      '2026-11',
      '__proto__',
      2,
      1,
    ]);
    expect(rows[2]!.slice(4)).toEqual(['', '', '', '']);
    expect(STATE_HEADER).toHaveLength(rows[0]!.length);
    const back = readStateRows(rows);
    expect(back.memory).toEqual(memory);
    expect(back.tally).toEqual(tally);
  });

  it('merges repeated rows (one per e-mail sent) and skips what it cannot read', () => {
    const key = memoryKey('id:L-1', DEADLINE);
    const rows = [
      stateRow({ key, flags: 1 }, { month: '2026-11', owner: 'Ann', counts: [1, 0] }),
      stateRow({ key, flags: 2 }, { month: '2026-11', owner: 'Ann', counts: [2, 1] }),
      ['id:L-2', 'not a date', 'overdue'],
      ['', '', '', '', 'Nov', 'Bob', 1, 0],
    ];
    const back = readStateRows(rows);
    expect([...back.memory]).toEqual([[key, 3]]);
    expect([...back.tally]).toEqual([['2026-11', new Map([['Ann', [3, 1]]])]]);
  });

  it('keeps the last months of the tally', () => {
    const tally: EscalationTally = new Map();
    for (let m = 0; m < TALLY_MONTHS + 3; m++)
      countEscalation(
        tally,
        `20${24 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`,
        'Ann',
        1,
        0,
      );
    const months = stateRows(new Map(), tally).map((r) => r[4]);
    expect(months).toHaveLength(TALLY_MONTHS);
    expect(months[0]).toBe('2024-04');
  });
});

describe('the state of earlier versions', () => {
  it('reads the hashed memory and the tally they kept in document properties', () => {
    expect([...decodeLegacyMemory(['abc:2h3k:3,bad,z:1:2', 'q1:9:7'])]).toEqual([
      ['abc', [Number.parseInt('2h3k', 36), 3]],
      ['z', [1, 2]],
      ['q1', [9, 7]],
    ]);
    const tally = decodeLegacyTally('{"2026-11":{"Ann":[2,1],"__proto__":[1,0]},"x":{}}');
    expect([...tally.get('2026-11')!]).toEqual([
      ['Ann', [2, 1]],
      ['__proto__', [1, 0]],
    ]);
    expect(decodeLegacyTally('oops').size).toBe(0);
  });
});

describe('a sent e-mail recorded', () => {
  it('adds its notices to the memory and its escalations to the tally, as its rows say', () => {
    const memory: NoticeMemory = new Map([['100|L1', NOTICE_FLAGS.overdue]]);
    const tally: EscalationTally = new Map();
    countEscalation(tally, '2026-11', 'Ann', 2, 0);
    const record: SentRecord = {
      sent: new Map([
        ['100|L1', NOTICE_FLAGS.escalated],
        ['200|L2', NOTICE_FLAGS.overdue],
      ]),
      tally: [{ month: '2026-11', owner: 'Ann', counts: [1, 1] }],
    };
    applySent(memory, tally, record);
    expect(memory.get('100|L1')).toBe(NOTICE_FLAGS.overdue | NOTICE_FLAGS.escalated);
    expect(memory.get('200|L2')).toBe(NOTICE_FLAGS.overdue);
    expect(tally.get('2026-11')!.get('Ann')).toEqual([3, 1]);
    const rows = sentRows(record);
    expect(rows).toHaveLength(2);
    // read back, the rows give the record again
    const back = readStateRows(rows);
    expect(back.memory).toEqual(record.sent);
    expect(back.tally.get('2026-11')!.get('Ann')).toEqual([1, 1]);
  });
});
