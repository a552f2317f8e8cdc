/**
 * The SLA Agreement as rows of four cells, each with a style; the shell writes them in one batch.
 * Texts the users typed are returned as they are: the writer makes them text cells.
 */

export type AgreementStyle =
  | 'title'
  | 'subtitle'
  | 'section'
  | 'header'
  | 'item'
  | 'note'
  | 'blank';

export interface AgreementRow {
  style: AgreementStyle;
  cells: [string, string, string, string];
}

export const AGREEMENT_WIDTH = 4;

/** Rows of the agreement being built, with a helper to add one. */
export class Rows {
  readonly rows: AgreementRow[] = [];
  add(style: AgreementStyle, a = '', b = '', c = '', d = ''): void {
    this.rows.push({ style, cells: [a, b, c, d] });
  }
}
