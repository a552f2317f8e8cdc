import { describe, expect, it } from 'vitest';
import { ceilCount, readNumber, requireRate } from '../../../src/core/common/numbers.ts';

const num = (v: unknown) => {
  const r = readNumber(v);
  return r.kind === 'number' ? r.value : r.kind;
};

describe('readNumber', () => {
  it.each([
    [1000, 1000],
    ['1000', 1000],
    ['1 000', 1000],
    ['1\u00a0000', 1000],
    ['1\u202f000,50', 1000.5],
    ['1,000.50', 1000.5],
    ['1.000,50', 1000.5],
    ['1,000', 1000],
    ['1,000,000', 1000000],
    ['1,5', 1.5],
    ['€1,200', 1200],
    ['1 200 €', 1200],
    ['$ 99.90', 99.9],
    ['50 %', 0.5],
    ['50%', 0.5],
    ['12,5 %', 0.125],
    ['-3', -3],
    ['(300)', -300],
    ['  42  ', 42],
    ['1e3', 1000],
  ])('reads %j as %d', (input, expected) => {
    expect(num(input)).toBeCloseTo(expected, 10);
  });

  it.each([[''], ['   '], [null], [undefined]])('treats %j as blank', (input) => {
    expect(readNumber(input).kind).toBe('blank');
  });

  it.each([
    ['abc'],
    ['12abc'],
    ['1,2,3'],
    [true],
    [new Date(2026, 0, 1)],
    [Number.NaN],
    [Number.POSITIVE_INFINITY],
    [{}],
  ])('rejects %j', (input) => {
    expect(readNumber(input).kind).toBe('bad');
  });

  it('explains a date where a number is expected', () => {
    const r = readNumber(new Date(2026, 0, 1));
    expect(r).toMatchObject({ kind: 'bad', problem: 'must be a number, not a date' });
  });
});

describe('requireRate', () => {
  const ref = { fn: 'SLA_MQL_NEEDED', arg: 'stage_rates' };
  it('accepts fractions and percent text', () => {
    expect(requireRate(0.5, ref)).toBe(0.5);
    expect(requireRate('50 %', ref)).toBe(0.5);
    expect(requireRate(1, ref)).toBe(1);
  });
  it('suggests 50% for a rate typed as 50', () => {
    expect(() => requireRate(50, ref)).toThrow(
      'SLA_MQL_NEEDED: stage_rates must be a rate between 0 % and 100 % (got 50): write 50% (or 0.5) instead of 50',
    );
  });
  it('explains the division by zero of a 0 rate', () => {
    expect(() => requireRate(0, ref)).toThrow(
      /stage_rates must be above 0 % \(got 0\).*division by zero/,
    );
  });
  it('rejects negative rates', () => {
    expect(() => requireRate(-0.2, ref)).toThrow('must be above 0 % (got -0.2)');
  });
});

describe('ceilCount', () => {
  it('ignores floating noise but rounds real fractions up', () => {
    expect(ceilCount(800.0000001)).toBe(800);
    expect(ceilCount(799.9999999)).toBe(800);
    expect(ceilCount(800.01)).toBe(801);
    expect(ceilCount(0.5 * 3)).toBe(2);
    expect(ceilCount(100 / 0.3)).toBe(334);
  });
});
