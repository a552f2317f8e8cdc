/**
 * English plurals for the add-in's messages: singular for exactly 1, plural otherwise
 * (`0 leads`, `1 lead`, `1.5 hours`).
 */

/** `pluralWord(1, 'lead')` = `lead`; `pluralWord(2, 'lead')` = `leads`; irregular: `pluralWord(2, 'has', 'have')`. */
export function pluralWord(n: number, singular: string, pluralForm = `${singular}s`): string {
  return n === 1 ? singular : pluralForm;
}

/** A whole count with its thousands grouped (`300,000`), any other number as written (`1.5`). */
export function countText(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString('en-US') : String(n);
}

/** The count and its noun: `plural(1, 'lead')` = `1 lead`; `plural(2000, 'lead')` = `2,000 leads`. */
export function plural(n: number, singular: string, pluralForm?: string): string {
  return `${countText(n)} ${pluralWord(n, singular, pluralForm)}`;
}
