/**
 * English plurals for the add-in's messages: singular for exactly 1, plural otherwise
 * (`0 leads`, `1 lead`, `1.5 hours`).
 */

/** `pluralWord(1, 'lead')` = `lead`; `pluralWord(2, 'lead')` = `leads`; irregular: `pluralWord(2, 'has', 'have')`. */
export function pluralWord(n: number, singular: string, pluralForm = `${singular}s`): string {
  return n === 1 ? singular : pluralForm;
}

/** The count and its noun: `plural(1, 'lead')` = `1 lead`; `plural(2, 'lead')` = `2 leads`. */
export function plural(n: number, singular: string, pluralForm?: string): string {
  return `${n} ${pluralWord(n, singular, pluralForm)}`;
}
