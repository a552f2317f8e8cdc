import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  kilobytes,
  utf8Bytes,
  utf8Chunks,
  utf8Truncate,
} from '../../../src/core/common/propertyBytes.ts';

describe('UTF-8 sizes of property values', () => {
  it('counts bytes as the platform stores them', () => {
    expect(utf8Bytes('abc')).toBe(3);
    expect(utf8Bytes('é')).toBe(2);
    expect(utf8Bytes('日本語')).toBe(9);
    expect(utf8Bytes('😀')).toBe(4);
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(utf8Bytes(s)).toBe(Buffer.byteLength(s, 'utf8'));
      }),
    );
  });

  it('cuts into pieces within the budget, on character boundaries, that join back', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'grapheme', maxLength: 400 }),
        fc.integer({ min: 4, max: 64 }),
        (s, max) => {
          const chunks = utf8Chunks(s, max);
          expect(chunks.join('')).toBe(s);
          for (const c of chunks) {
            expect(utf8Bytes(c)).toBeLessThanOrEqual(max);
            expect(Buffer.from(c, 'utf8').toString('utf8')).toBe(c); // no half surrogate pair
          }
        },
      ),
    );
    expect(utf8Chunks('あ'.repeat(6000), 8192).map((c) => c.length)).toEqual([2730, 2730, 540]);
  });

  it('truncates a long note to its byte budget with an ellipsis', () => {
    expect(utf8Truncate('short', 10)).toBe('short');
    const cut = utf8Truncate('日本語のメモ'.repeat(100), 60);
    expect(utf8Bytes(cut)).toBeLessThanOrEqual(60);
    expect(cut.endsWith('…')).toBe(true);
    expect(kilobytes(204_800)).toBe('200 KB');
    expect(kilobytes(1_500)).toBe('1.5 KB');
  });
});
