/**
 * The sheets the add-in generates (Planning, SLA Agreement, SLA Review YYYY-MM, SLA History,
 * SLA Team...) carry a mark that they are ours. A sheet with one of these names but without the
 * mark is the user's (or was made by a version of the add-in that did not mark its sheets): it
 * is never cleared or written, and the add-in writes its own sheet beside it under the next of
 * these names.
 */

/** The developer-metadata key of the mark; its value is the generated sheet's base name. */
export const OWNED_SHEET_KEY = 'sla-sheets:generated';

/**
 * The developer-metadata key of our columns of the leads sheet (on the whole column); its value
 * names the column (`score`, `status`...). A column of the team's with one of our names has none.
 */
export const OWNED_COLUMN_KEY = 'sla-sheets:column';

/** How many names beside a user's sheet are tried (`(SLA Sheets)`, `(SLA Sheets 2)`...). */
const MAX_BESIDE = 20;

/**
 * The names a generated sheet (or one of our columns) may have, in the order they are tried: its
 * own, then beside the user's of that name.
 */
export function ownedSheetNames(base: string): string[] {
  const names = [base, `${base} (SLA Sheets)`];
  for (let n = 2; n <= MAX_BESIDE; n++) names.push(`${base} (SLA Sheets ${n})`);
  return names;
}

/** What the user is told, once per sheet name, when the add-in writes beside their sheet. */
export function besideNotice(userSheet: string, ours: string): string {
  return (
    `"${userSheet}" was not made by SLA Sheets (it is yours, or an older version of the add-in ` +
    `made it before sheets were marked): it is left as it is, and SLA Sheets writes "${ours}" ` +
    `instead. Rename or delete your sheet to give the name back to the add-in.`
  );
}
