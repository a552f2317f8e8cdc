import { describe, expect, it } from 'vitest';
import { countText, plural, pluralWord } from '../../../src/core/common/plural.ts';

describe('plural', () => {
  it('is singular for exactly 1', () => {
    expect(plural(1, 'lead')).toBe('1 lead');
  });

  it('is plural for 0, for several and for fractions', () => {
    expect(plural(0, 'lead')).toBe('0 leads');
    expect(plural(12, 'lead')).toBe('12 leads');
    expect(plural(1.5, 'hour')).toBe('1.5 hours');
  });

  it('takes an irregular plural', () => {
    expect(plural(3, 'reply', 'replies')).toBe('3 replies');
  });

  it('groups the thousands of a whole count, as every message does', () => {
    expect(plural(300_000, 'lead')).toBe('300,000 leads');
    expect(plural(1_234_567, 'lead')).toBe('1,234,567 leads');
  });
});

describe('countText', () => {
  it('groups whole counts and leaves other numbers as written', () => {
    expect(countText(999)).toBe('999');
    expect(countText(6000)).toBe('6,000');
    expect(countText(-2500)).toBe('-2,500');
    expect(countText(1234.5)).toBe('1234.5');
  });
});

describe('pluralWord', () => {
  it('is the word alone, in the form the count needs', () => {
    expect(pluralWord(1, 'column')).toBe('column');
    expect(pluralWord(2, 'column')).toBe('columns');
  });

  it('takes an irregular plural', () => {
    expect(pluralWord(1, 'it', 'them')).toBe('it');
    expect(pluralWord(2, 'has', 'have')).toBe('have');
  });
});
