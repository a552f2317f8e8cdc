/** Rich text as a Range reads and writes it (the storage is in SheetGrid layers). */
import { FakeRichTextValue, plainRichText, type TextStyleData } from './richText.ts';
import type { SheetGrid } from './sheetGrid.ts';

/** What getRichTextValue gives for one cell (0-based): null for numbers, dates and booleans. */
export function richTextAt(sheet: SheetGrid, r: number, c: number): FakeRichTextValue | null {
  const stored = sheet.richTexts.get(r, c);
  if (stored !== null) return stored;
  const v = sheet.cellInternal(r, c);
  if (typeof v !== 'string') return null;
  const style: Partial<TextStyleData> = {
    bold: sheet.fontWeights.get(r, c) === 'bold',
    italic: sheet.fontStyles.get(r, c) === 'italic',
    underline: false,
    strikethrough: false,
    fontSize: sheet.fontSizes.get(r, c),
    fontFamily: sheet.fontFamilies.get(r, c),
    foregroundColor: sheet.fontColors.get(r, c),
  };
  return plainRichText(v, style);
}

/** Stores rich text values (null clears the cell's content) from 0-based (r, c). */
export function writeRichTexts(
  sheet: SheetGrid,
  r: number,
  c: number,
  block: readonly (readonly (FakeRichTextValue | null)[])[],
): void {
  block.forEach((row, i) => {
    row.forEach((v, j) => {
      sheet.values.set(r + i, c + j, v === null ? '' : v.getText());
      sheet.richTexts.set(r + i, c + j, v);
      sheet.formulas.set(r + i, c + j, '');
      sheet.errors.set(r + i, c + j, '');
      sheet.dateMs.set(r + i, c + j, Number.NaN);
    });
  });
}

/** True when `v` is a rich text value built by this runtime. */
export function isRichText(v: unknown): v is FakeRichTextValue {
  return v instanceof FakeRichTextValue;
}
