/**
 * The per-cell attributes a Range reads and writes in blocks (getBackgrounds / setBackground...):
 * which sheet layer stores each one, and what is stored when a script writes a value.
 */
import { DEFAULT_BACKGROUND, DEFAULT_FONT_COLOR, normalizeColor } from './cells.ts';
import { FakeDataValidation } from './dataValidation.ts';
import { DEFAULT_NUMBER_FORMAT } from './format.ts';
import type { Layer } from './grid.ts';
import type { SheetGrid } from './sheetGrid.ts';

export interface CellAttribute<T> {
  layer(sheet: SheetGrid): Layer<T>;
  /** The stored value for a value a script writes. */
  normalize(v: unknown): T;
}

/** null / undefined become the fallback, anything else its text. */
function textOr(fallback: string): (v: unknown) => string {
  return (v) => (v === null || v === undefined ? fallback : String(v));
}

export const BACKGROUND: CellAttribute<string> = {
  layer: (s) => s.backgrounds,
  normalize: (c) => normalizeColor(c, DEFAULT_BACKGROUND),
};

export const FONT_COLOR: CellAttribute<string> = {
  layer: (s) => s.fontColors,
  normalize: (c) => normalizeColor(c, DEFAULT_FONT_COLOR),
};

export const NUMBER_FORMAT: CellAttribute<string> = {
  layer: (s) => s.numberFormats,
  normalize: (f) => (f === null || f === undefined || f === '' ? DEFAULT_NUMBER_FORMAT : String(f)),
};

export const NOTE: CellAttribute<string> = { layer: (s) => s.notes, normalize: textOr('') };

export const FONT_WEIGHT: CellAttribute<string> = {
  layer: (s) => s.fontWeights,
  normalize: (w) => (w === 'bold' ? 'bold' : 'normal'),
};

export const FONT_SIZE: CellAttribute<number> = { layer: (s) => s.fontSizes, normalize: Number };

export const FONT_STYLE: CellAttribute<string> = {
  layer: (s) => s.fontStyles,
  normalize: textOr('normal'),
};

export const FONT_FAMILY: CellAttribute<string> = {
  layer: (s) => s.fontFamilies,
  normalize: textOr('Arial'),
};

export const HORIZONTAL_ALIGNMENT: CellAttribute<string> = {
  layer: (s) => s.horizontalAlignments,
  normalize: textOr('general'),
};

export const VERTICAL_ALIGNMENT: CellAttribute<string> = {
  layer: (s) => s.verticalAlignments,
  normalize: textOr('bottom'),
};

export const WRAP: CellAttribute<boolean> = { layer: (s) => s.wraps, normalize: Boolean };

export const DATA_VALIDATION: CellAttribute<FakeDataValidation | null> = {
  layer: (s) => s.validations,
  normalize: (r) => (r instanceof FakeDataValidation ? r : null),
};
