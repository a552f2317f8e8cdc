import { isBlank } from '../common/cell.ts';
import { normalizeText } from '../common/cellValues.ts';
import type { Priority } from '../common/choices.ts';
import { FIELD_IDS, FIELD_LABELS, type FieldId } from './fieldIds.ts';
import type { StageChoice } from './leadColumns.ts';
import type { LeadSheet } from './leadRecords.ts';
import { knownPriority, knownStageChoice, type ValueChoices } from './valueMap.ts';

/**
 * What the Fields tab shows: for each SLA field, the column it reads and how many lead rows it
 * reads correctly; for the stage, status and priority columns, every distinct value with its
 * count and what it means. Pure.
 */

export interface FieldRow {
  field: FieldId;
  label: string;
  /** The header read, null when none. */
  header: string | null;
  via: 'user' | 'canonical' | 'synonym' | 'none';
  /** Lead rows whose cell was read, could not be read, holds a value nobody mapped, or is blank. */
  read: number;
  unreadable: number;
  unmapped: number;
  blank: number;
  /** Why a column was left out, or a conflict. */
  note?: string;
}

export interface ValueRow {
  /** As first typed. */
  value: string;
  count: number;
  /** What it means now (null: unknown, its rows are read as open leads until it is mapped). */
  meaning: StageChoice | Priority | null;
  /** The user mapped it in Fields (else built in, or unknown). */
  mapped: boolean;
  /** What it means without the user's entry: a canonical or CRM word, else null. */
  builtIn: StageChoice | Priority | null;
}

export interface FieldsReport {
  headers: string[];
  leads: number;
  fields: FieldRow[];
  /** The header that starts the clock, null when none. */
  clock: string | null;
  stageValues: ValueRow[];
  priorityValues: ValueRow[];
}

/** Distinct values listed per column kind. */
export const MAX_VALUES = 100;

function headerText(h: unknown): string {
  return String(h ?? '').trim();
}

function fieldRow(
  field: FieldId,
  read: LeadSheet,
  rows: ReadonlyArray<readonly unknown[]>,
): FieldRow {
  const found = read.fields.found.find((f) => f.field === field);
  const row: FieldRow = {
    field,
    label: FIELD_LABELS[field],
    header: found?.header ?? null,
    via: found?.via ?? 'none',
    read: 0,
    unreadable: 0,
    unmapped: 0,
    blank: 0,
  };
  const dropped = read.fields.dropped.find((d) => d.field === field);
  if (dropped) row.note = `"${dropped.header}" left out: no such values (e.g. ${dropped.example})`;
  const conflict = read.fields.conflicts.find((c) => c.field === field);
  if (conflict) {
    row.note = `Also found: ${conflict.ignored.map((h) => `"${h}"`).join(', ')} (not read)`;
  }
  if (!found) return row;
  read.records.forEach((record, i) => {
    if (!record) return;
    if (record.problems.some((p) => p.field === field)) row.unreadable++;
    else if (record.unmapped.some((u) => u.field === field)) row.unmapped++;
    else if (isBlank(rows[i]![found.column])) row.blank++;
    else row.read++;
  });
  return row;
}

function distinct(
  read: LeadSheet,
  rows: ReadonlyArray<readonly unknown[]>,
  columns: readonly number[],
): Array<{ value: string; count: number }> {
  const seen = new Map<string, { value: string; count: number }>();
  read.records.forEach((record, i) => {
    if (!record) return;
    for (const c of columns) {
      const v = rows[i]![c];
      if (isBlank(v) || (typeof v !== 'string' && typeof v !== 'number')) continue;
      const value = String(v).trim();
      const key = normalizeText(value);
      const entry = seen.get(key);
      if (entry) entry.count++;
      else seen.set(key, { value, count: 1 });
    }
  });
  return [...seen.values()].sort((a, b) => b.count - a.count).slice(0, MAX_VALUES);
}

function mappedKeys(map: Readonly<Record<string, unknown>> | undefined): Set<string> {
  return new Set(Object.keys(map ?? {}).map(normalizeText));
}

export function fieldsReport(
  header: readonly unknown[],
  rows: ReadonlyArray<readonly unknown[]>,
  read: LeadSheet,
  values: ValueChoices,
): FieldsReport {
  const col = read.fields.columns;
  const stageCols = [col.stage, col.leadStatus].filter((c) => c >= 0);
  const userStages = mappedKeys(values.stage);
  const userPriorities = mappedKeys(values.priority);
  return {
    headers: header.map(headerText).filter((h) => h !== ''),
    leads: read.quality.rows,
    fields: FIELD_IDS.map((f) => fieldRow(f, read, rows)),
    clock: read.clock?.header ?? null,
    stageValues: distinct(read, rows, stageCols).map((v) => ({
      ...v,
      meaning: knownStageChoice(v.value, values),
      mapped: userStages.has(normalizeText(v.value)),
      builtIn: knownStageChoice(v.value),
    })),
    priorityValues: distinct(read, rows, col.priority >= 0 ? [col.priority] : []).map((v) => ({
      ...v,
      meaning: knownPriority(v.value, values),
      mapped: userPriorities.has(normalizeText(v.value)),
      builtIn: knownPriority(v.value),
    })),
  };
}
