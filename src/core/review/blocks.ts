import type { Rag, Unit } from './kpis.ts';

/**
 * The cells of the review sheet (pure): a section is a Table (title, header, rows, their
 * formats and colours) placed as a rectangular SheetBlock, which the shell writes with one
 * setValues, one setBackgrounds and one setNumberFormats.
 */

export type CellValue = string | number | Date;

export interface SheetBlock {
  id: string;
  /** 1-based top-left cell. */
  row: number;
  col: number;
  values: CellValue[][];
  backgrounds: Array<Array<string | null>>;
  numberFormats: string[][];
  /** Rows from the top of the block shown in bold (section title, table header). */
  boldRows: number;
}

export interface Table {
  title: string;
  header: string[];
  rows: CellValue[][];
  /** Per data row; missing cells are `General`. */
  formats?: string[][];
  /** Per data row; missing cells have no colour. */
  backgrounds?: Array<Array<string | null>>;
}

export const RAG_COLOURS: Record<Rag, string | null> = {
  green: '#d9ead3',
  amber: '#fff2cc',
  red: '#f4cccc',
  none: null,
};

/** The number format of each unit. */
export const UNIT_FORMATS: Record<Unit, string> = {
  count: '#,##0',
  percent: '0%',
  hours: '0.0',
  days: '0',
  money: '#,##0',
  decimal: '0.00',
};

const HEADER_BG = '#efefef';
const SECTION_BG = '#cfe2f3';
const NO_DATA = 'no data';

/** A figure's cell: `no data` when there is none. */
export function figure(value: number | null): CellValue {
  return value === null ? NO_DATA : value;
}

/** The table as a block at (row, col): title and header rows, then the data, all as wide. */
export function block(id: string, row: number, col: number, t: Table): SheetBlock {
  const width = Math.max(t.header.length, 1);
  const pad = <T>(cells: T[], fill: T): T[] =>
    cells.length >= width
      ? cells.slice(0, width)
      : [...cells, ...Array(width - cells.length).fill(fill)];
  const values: CellValue[][] = [pad<CellValue>([t.title], ''), pad<CellValue>(t.header, '')];
  const backgrounds: Array<Array<string | null>> = [
    Array(width).fill(SECTION_BG),
    Array(width).fill(HEADER_BG),
  ];
  const formats: string[][] = [Array(width).fill('@'), Array(width).fill('@')];
  t.rows.forEach((r, i) => {
    values.push(pad(r, ''));
    backgrounds.push(pad(t.backgrounds?.[i] ?? [], null));
    formats.push(pad(t.formats?.[i] ?? [], 'General'));
  });
  return { id, row, col, values, backgrounds, numberFormats: formats, boldRows: 2 };
}
