import { headerKey } from '../common/headers.ts';
import {
  CLOCK_FIELDS,
  type ClockField,
  FIELD_IDS,
  FIELD_LABELS,
  type FieldId,
} from './fieldIds.ts';
import { ATTRIBUTE_SYNONYMS, FIELD_SYNONYMS } from './fieldSynonyms.ts';

/**
 * The SLA fields and where each is found in the user's sheet: the **field map**.
 *
 * A field is found, in this order: the user's choice in the sidebar (a header, or none);
 * else the canonical header (`Owner`); else the built-in synonyms of the CRMs' export labels
 * (`fieldSynonyms.ts`: `Lead Owner`, `Contact owner`, `Deal - Owner`…). Headers are compared
 * case, accents, punctuation and spacing ignored. When two columns claim one field, the
 * canonical header beats the synonyms, an earlier synonym beats a later one, and the leftmost
 * column wins a tie; the others are reported, never used silently. A column feeds one field.
 */

/** The user's choices: a header for the field, or '' for "this sheet has none". */
export type FieldChoices<F extends string = FieldId> = Partial<Record<F, string>>;

/**
 * A set of fields a sheet can feed, in the order they are placed: the leads sheet's SLA fields
 * (below), or an activity log's (activityLog.ts). Labels are the canonical headers; synonyms
 * the CRMs' labels, best first.
 */
export interface FieldSet<F extends string> {
  ids: readonly F[];
  labels: Readonly<Record<F, string>>;
  synonyms: Readonly<Partial<Record<F, readonly string[]>>>;
}

export const LEAD_FIELD_SET: FieldSet<FieldId> = {
  ids: FIELD_IDS,
  labels: FIELD_LABELS,
  synonyms: FIELD_SYNONYMS,
};

export interface FoundField<F extends string = FieldId> {
  field: F;
  /** 0-based column. */
  column: number;
  /** The header as written in row 1. */
  header: string;
  via: 'user' | 'canonical' | 'synonym';
}

export interface FieldConflict<F extends string = FieldId> {
  field: F;
  used: string;
  ignored: string[];
}

export interface FieldResolution<F extends string = FieldId> {
  /** 0-based column of each field, -1 when the sheet has none. */
  columns: Record<F, number>;
  found: Array<FoundField<F>>;
  /** Fields with no column (including those the user set to none). */
  missing: F[];
  conflicts: Array<FieldConflict<F>>;
  /** Headers the user chose that row 1 no longer has (the field was looked up as usual). */
  staleChoices: Array<{ field: F; header: string }>;
  /** Synonym columns left out because their values are not of the field's kind. */
  dropped: Array<{ field: F; header: string; example: string }>;
}

interface Candidate {
  column: number;
  rank: number;
}

function headerText(value: unknown): string {
  return String(value ?? '').trim();
}

const nameKeys = new WeakMap<object, Record<string, readonly string[]>>();

/** Each field's names as header keys, canonical first (computed once per field set). */
export function fieldNameKeys<F extends string = FieldId>(
  set: FieldSet<F> = LEAD_FIELD_SET as unknown as FieldSet<F>,
): Readonly<Record<F, readonly string[]>> {
  let keys = nameKeys.get(set);
  if (!keys) {
    keys = Object.fromEntries(
      set.ids.map((f) => [f, [set.labels[f], ...(set.synonyms[f] ?? [])].map(headerKey)]),
    );
    nameKeys.set(set, keys);
  }
  return keys as Record<F, readonly string[]>;
}

/** Every column whose header is one of the field's names, best first. */
function candidates<F extends string>(
  set: FieldSet<F>,
  field: F,
  keys: readonly string[],
): Candidate[] {
  const names = fieldNameKeys(set)[field];
  const found: Candidate[] = [];
  keys.forEach((key, column) => {
    const rank = key === '' ? -1 : names.indexOf(key);
    if (rank >= 0) found.push({ column, rank });
  });
  return found.sort((x, y) => x.rank - y.rank || x.column - y.column);
}

/** Finds every SLA field's column in a header row, with the user's choices first. */
export function resolveFields(
  header: readonly unknown[],
  choices: FieldChoices = {},
): FieldResolution {
  return resolveFieldSet(LEAD_FIELD_SET, header, choices);
}

/**
 * The last resolutions, by field set, header row and choices: a run reads row 1 once and every
 * part of it (the keys, the reader, the live rules, the summary) asks for the same resolution,
 * which is matched once. Each caller gets its own copy (the reader drops columns from it).
 */
const recent = new Map<string, FieldResolution<string>>();
const RECENT_MAX = 4;

function copyOf<F extends string>(r: FieldResolution<F>): FieldResolution<F> {
  return {
    columns: { ...r.columns },
    found: r.found.map((f) => ({ ...f })),
    missing: [...r.missing],
    conflicts: r.conflicts.map((c) => ({ ...c, ignored: [...c.ignored] })),
    staleChoices: r.staleChoices.map((c) => ({ ...c })),
    dropped: r.dropped.map((d) => ({ ...d })),
  };
}

/** Finds every field's column of a field set in a header row, with the user's choices first. */
export function resolveFieldSet<F extends string>(
  set: FieldSet<F>,
  header: readonly unknown[],
  choices: FieldChoices<F> = {},
): FieldResolution<F> {
  const key = `${set.ids.join()}\u0000${JSON.stringify(choices)}\u0000${header.map(headerText).join('\u0001')}`;
  const hit = recent.get(key) as FieldResolution<F> | undefined;
  if (hit) return copyOf(hit);
  const resolved = matchFieldSet(set, header, choices);
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value as string);
  recent.set(key, resolved as FieldResolution<string>);
  return copyOf(resolved);
}

function matchFieldSet<F extends string>(
  set: FieldSet<F>,
  header: readonly unknown[],
  choices: FieldChoices<F> = {},
): FieldResolution<F> {
  const keys = header.map(headerKey);
  const taken = new Set<number>();
  const columns = {} as Record<F, number>;
  const result: FieldResolution<F> = {
    columns,
    found: [],
    missing: [],
    conflicts: [],
    staleChoices: [],
    dropped: [],
  };
  const place = (field: F, column: number, via: FoundField['via']): void => {
    columns[field] = column;
    taken.add(column);
    result.found.push({ field, column, header: headerText(header[column]), via });
  };
  const auto: F[] = [];
  for (const field of set.ids) {
    columns[field] = -1;
    const choice = choices[field];
    if (choice === undefined) auto.push(field);
    else if (choice.trim() === '') continue;
    else {
      const column = keys.indexOf(headerKey(choice));
      if (column >= 0 && !taken.has(column)) place(field, column, 'user');
      else {
        result.staleChoices.push({ field, header: choice });
        auto.push(field);
      }
    }
  }
  for (const field of auto) {
    const all = candidates(set, field, keys).filter((c) => !taken.has(c.column));
    const best = all[0];
    if (!best) continue;
    place(field, best.column, best.rank === 0 ? 'canonical' : 'synonym');
    if (all.length > 1) {
      result.conflicts.push({
        field,
        used: headerText(header[best.column]),
        ignored: all.slice(1).map((c) => headerText(header[c.column])),
      });
    }
  }
  result.missing = set.ids.filter((f) => columns[f] < 0);
  result.found.sort((a, b) => set.ids.indexOf(a.field) - set.ids.indexOf(b.field));
  return result;
}

/** The clock field a sheet uses: the setting's, else the first of CLOCK_FIELDS it has. */
export function clockField(
  columns: Readonly<Record<FieldId, number>>,
  setting: ClockField | 'auto',
): ClockField | null {
  if (setting !== 'auto') return columns[setting] >= 0 ? setting : null;
  return CLOCK_FIELDS.find((f) => columns[f] >= 0) ?? null;
}

/**
 * The column a scoring criterion looks at: its header as named in the criterion, else the
 * CRMs' labels for that attribute (`Company size` → `Number of Employees`…), else -1.
 */
export function findAttributeColumn(header: readonly unknown[], name: string): number {
  const keys = header.map(headerKey);
  const exact = keys.indexOf(headerKey(name));
  if (exact >= 0 || headerKey(name) === '') return exact;
  for (const synonym of ATTRIBUTE_SYNONYMS[headerKey(name)] ?? []) {
    const c = keys.indexOf(headerKey(synonym));
    if (c >= 0) return c;
  }
  return -1;
}

/** Leaves a found field out (its values are not of its kind), saying so. */
export function dropField(resolution: FieldResolution, field: FieldId, example: string): void {
  const found = resolution.found.find((f) => f.field === field);
  if (!found) return;
  resolution.found = resolution.found.filter((f) => f !== found);
  resolution.columns[field] = -1;
  resolution.dropped.push({ field, header: found.header, example });
  resolution.missing = FIELD_IDS.filter((f) => resolution.columns[f] < 0);
}
