import { describe, expect, it } from 'vitest';
import { plural, pluralWord } from '../../../src/core/common/plural.ts';

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
