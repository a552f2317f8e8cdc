import { type FieldChoices, resolveFields } from './fieldMap.ts';
import { GENERATED_SHEETS, LEADS_SHEET, REVIEW_SHEET_PREFIX } from './leadColumns.ts';

/**
 * Which sheet holds the leads: the one the settings name; else `Leads` (case and spacing
 * ignored); else the sheet whose row 1 names the most SLA fields (at least 3), so a CRM export
 * pasted as `Sheet1` or `hubspot-crm-exports-all-contacts` is found as it is.
 */

export interface SheetHeader {
  name: string;
  /** Row 1, or null when it was not read (asked lazily by the shell). */
  header: readonly unknown[];
}

export type SheetChoice =
  | { ok: true; name: string; note?: string }
  | { ok: false; message: string };

const MIN_FIELDS = 3;

function sameName(a: string, b: string): boolean {
  return a.trim().toLowerCase() === b.trim().toLowerCase();
}

/** The names of the sheets the add-in writes: the settings may not name one as the leads sheet. */
export function isOurSheetName(name: string): boolean {
  return (
    [...GENERATED_SHEETS, 'SLA Team', 'SLA Settings'].some((n) => sameName(n, name)) ||
    name.trim().startsWith(REVIEW_SHEET_PREFIX) ||
    // ours, written beside a user's sheet of the same name (ownedSheets.ts)
    /\(SLA Sheets(?: \d+)?\)$/.test(name.trim())
  );
}

/** Sheets the add-in writes itself, and hidden state sheets (`_meta`): never read as leads. */
export function isGeneratedSheetName(name: string): boolean {
  return isOurSheetName(name) || name.startsWith('_');
}

/** The configured or conventional name among the sheet names, when there is one. */
export function namedLeadsSheet(names: readonly string[], configured: string): SheetChoice | null {
  if (configured.trim()) {
    const name = names.find((n) => sameName(n, configured));
    return name
      ? { ok: true, name }
      : {
          ok: false,
          message: `The settings say the leads are in a sheet named "${configured}", and there is none: rename it back, or choose the sheet in Extensions › SLA Sheets › Open SLA settings › Fields.`,
        };
  }
  const name = names.find((n) => n === LEADS_SHEET) ?? names.find((n) => sameName(n, LEADS_SHEET));
  return name ? { ok: true, name } : null;
}

/** Among sheets with their row 1, the one that looks most like a leads table. */
export function likeliestLeadsSheet(
  sheets: readonly SheetHeader[],
  choices: FieldChoices = {},
): SheetChoice {
  let best: { name: string; fields: number } | null = null;
  for (const s of sheets) {
    if (isGeneratedSheetName(s.name)) continue;
    const fields = resolveFields(s.header, choices).found.length;
    if (fields >= MIN_FIELDS && (!best || fields > best.fields)) best = { name: s.name, fields };
  }
  if (best) {
    return {
      ok: true,
      name: best.name,
      note: `No "${LEADS_SHEET}" sheet: read the leads in "${best.name}" (its row 1 names ${best.fields} lead fields).`,
    };
  }
  return {
    ok: false,
    message: `No sheet holds leads: there is no "${LEADS_SHEET}" sheet and no sheet whose row 1 names lead fields (such as Email, Owner, Lead Status, Created at). Use Set up workbook to create "${LEADS_SHEET}", or choose your sheet in Fields.`,
  };
}
