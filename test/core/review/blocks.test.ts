import { describe, expect, it } from 'vitest';
import { block, figure } from '../../../src/core/review/blocks.ts';

describe('a table as a block of cells', () => {
  const b = block('t', 4, 2, {
    title: 'Title',
    header: ['A', 'B', 'C'],
    rows: [[1], [1, 2, 3, 4]],
    formats: [['0']],
    backgrounds: [[null, '#fff']],
  });

  it('places the title and the header above the rows', () => {
    expect(b.values.slice(0, 2)).toEqual([
      ['Title', '', ''],
      ['A', 'B', 'C'],
    ]);
    expect([b.row, b.col, b.boldRows]).toEqual([4, 2, 2]);
  });

  it('pads short rows and cuts long ones to the header width', () => {
    expect(b.values.slice(2)).toEqual([
      [1, '', ''],
      [1, 2, 3],
    ]);
  });

  it('writes the title and header as text, the data as General unless formatted', () => {
    expect(b.numberFormats).toEqual([
      ['@', '@', '@'],
      ['@', '@', '@'],
      ['0', 'General', 'General'],
      ['General', 'General', 'General'],
    ]);
  });

  it('colours the title and header rows, the data only where asked', () => {
    expect(b.backgrounds[0]![0]).toBe('#cfe2f3');
    expect(b.backgrounds[1]![0]).toBe('#efefef');
    expect(b.backgrounds.slice(2)).toEqual([
      [null, '#fff', null],
      [null, null, null],
    ]);
  });

  it('writes a missing figure as "no data"', () => {
    expect(figure(null)).toBe('no data');
    expect(figure(0)).toBe(0);
  });
});
