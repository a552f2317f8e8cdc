import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isBlank, isBlankRow, isDate, showValue, userText } from '../../../src/core/common/cell.ts';

describe('cell primitives', () => {
  it('knows blanks from values', () => {
    expect([undefined, null, '', '  ', '\t'].every(isBlank)).toBe(true);
    expect([0, false, 'x', new Date(0)].some(isBlank)).toBe(false);
    expect(isBlankRow(['', null, ' '])).toBe(true);
    expect(isBlankRow(['', 0])).toBe(false);
  });
  it('writes user text that Sheets would read as a formula, number, date or boolean as text', () => {
    expect(userText('Alice')).toBe('Alice');
    expect(userText('2026-03')).toBe("'2026-03");
    expect(userText('TRUE')).toBe("'TRUE");
    expect(userText("'quoted")).toBe("''quoted");
  });
  it('recognises dates from another realm', async () => {
    const vm = await import('node:vm');
    expect(isDate(vm.runInNewContext('new Date(0)'))).toBe(true);
    expect(isDate('2026-01-01')).toBe(false);
  });
  it('shows values the way the user typed them', () => {
    expect(showValue('lots')).toBe('"lots"');
    expect(showValue(new Date(Date.UTC(2026, 0, 1, 12)))).toBe('the date 2026-01-01');
    expect(showValue(new Date(Number.NaN))).toBe('an invalid date');
    expect(showValue(true)).toBe('TRUE');
    expect(showValue('')).toBe('blank');
    expect(showValue('x'.repeat(60))).toBe(`"${'x'.repeat(40)}…"`);
  });
  it('never throws, whatever it is given', () => {
    fc.assert(
      fc.property(fc.anything({ withObjectString: true, withNullPrototype: true }), (v) => {
        expect(typeof showValue(v)).toBe('string');
      }),
    );
    expect(showValue({ toString: '' })).toMatch(/neither/);
  });
});
