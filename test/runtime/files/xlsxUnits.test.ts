import { describe, expect, it } from 'vitest';
import { pxFromWidth, widthFromPx } from '../../../runtime/files/xlsxUnits.ts';

describe("column widths: pixels <-> the file's character widths", () => {
  it('follows ECMA-376 for Calibri 11 (7 px digits, padding included in the file width)', () => {
    // Excel's default column: 8.43 characters shown, 64 px, written 9.140625
    expect(widthFromPx(64)).toBe(9.140625);
    expect(pxFromWidth(9.140625)).toBe(64);
    // the spec's example: 8 characters + 5 px padding = 61 px, written 8.7109375
    expect(pxFromWidth(8.7109375)).toBe(61);
    expect(widthFromPx(130)).toBeCloseTo(130 / 7, 2);
  });

  it('gives every pixel width back after a write and a read', () => {
    for (let px = 0; px <= 2000; px++) expect(pxFromWidth(widthFromPx(px))).toBe(px);
  });

  it('reads a width another program wrote as whole pixels, a negative one as 0', () => {
    expect(pxFromWidth(14.43)).toBe(101);
    expect(widthFromPx(-3)).toBe(0);
  });
});
