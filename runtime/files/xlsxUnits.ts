/**
 * Sizes in an .xlsx file and in pixels (what Apps Script's setColumnWidth / setRowHeight take).
 *
 * A column's `width` in the file counts characters of the workbook's default font *including*
 * the cell padding (ECMA-376 Part 1, 18.3.1.13): for Calibri 11, whose digits are 7 px wide,
 *   file width = Truncate(px / 7 * 256) / 256
 *   px         = Truncate(((256 * width + Truncate(128 / 7)) / 256) * 7)
 * so a 130 px column is written 18.57 and read back as 130 px. (Excel's dialog shows the width
 * without the padding, (px - 5) / 7: the file does not.)
 */

/** Width in pixels of a digit of the default font (Calibri 11) in Excel's column units. */
const DIGIT_PX = 7;

export function widthFromPx(px: number): number {
  return Math.max(0, Math.trunc((px / DIGIT_PX) * 256) / 256);
}

export function pxFromWidth(width: number): number {
  return Math.trunc(((256 * width + Math.trunc(128 / DIGIT_PX)) / 256) * DIGIT_PX);
}

/** Row heights are points in the file, pixels in Apps Script (96 px = 72 pt). */
export const pxFromPoints = (pt: number): number => Math.round((pt * 4) / 3);
export const pointsFromPx = (px: number): number => (px * 3) / 4;
