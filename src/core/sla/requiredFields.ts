import { isBlank } from '../common/cell.ts';
import { headerKey } from '../common/headers.ts';
import { FIELD_IDS, FIELD_LABELS, type FieldId } from '../read/fieldIds.ts';
import { type FieldChoices, findAttributeColumn, resolveFields } from '../read/fieldMap.ts';
import { SCORING_ATTRIBUTE_HEADERS, type Stage } from '../read/leadColumns.ts';
import type { LeadRecord } from '../read/leadRecords.ts';
import type { RequiredFields, Settings, SettingsIssue } from '../settings/index.ts';

/**
 * The data each stage requires (the agreement's required fields): which column each required
 * name stands for in the team's sheet, and which required values a lead lacks at the stage it
 * has reached. Pure.
 *
 * A name is a field of the field map (`Phone`, `Owner`: found through the CRM synonyms and the
 * user's choices, like every field) or a header of the sheet (`Company size`, also found under
 * the CRMs' labels of that attribute). Requirements add up: a hand-off must also have what an
 * MQL and a lead must have.
 */

export const REQUIRED_STAGES = ['lead', 'mql', 'handoff'] as const;
export type RequiredStage = (typeof REQUIRED_STAGES)[number];

/** How each stage is named in messages and in the Agreement. */
export const REQUIRED_STAGE_NAMES: Readonly<Record<RequiredStage, string>> = {
  lead: 'Lead',
  mql: 'MQL',
  handoff: 'hand-off',
};

/** `required of every lead`, `required at MQL`, `required at hand-off`. */
export const REQUIRED_AT: Readonly<Record<RequiredStage, string>> = {
  lead: 'required of every lead',
  mql: 'required at MQL',
  handoff: 'required at hand-off',
};

/** A required name and where the sheet holds it. */
export interface RequiredColumn {
  stage: RequiredStage;
  /** As the agreement names it. */
  name: string;
  /** 0-based column. */
  column: number;
}

export interface RequiredCheck {
  /** Each column once, at the earliest stage that requires it. */
  columns: RequiredColumn[];
  /** Required names the sheet has no column for: not checked. */
  unknown: Array<{ stage: RequiredStage; name: string }>;
}

/** A value a lead lacks: the name as the agreement says it, and the stage that requires it. */
export interface MissingField {
  name: string;
  stage: RequiredStage;
}

/** The field a name stands for (`phone` for "Phone", `owner` for "owner"), or null. */
export function fieldNamed(name: string): FieldId | null {
  const key = headerKey(name);
  return FIELD_IDS.find((f) => headerKey(FIELD_LABELS[f]) === key) ?? null;
}

/** The column a required name stands for in a header row (-1 when none). */
export function requiredColumn(
  name: string,
  header: readonly unknown[],
  fieldColumns: Readonly<Record<FieldId, number>>,
): number {
  const field = fieldNamed(name);
  return field ? fieldColumns[field] : findAttributeColumn(header, name);
}

/** Finds each required name's column in the sheet read. */
export function compileRequired(
  required: RequiredFields,
  header: readonly unknown[],
  fieldColumns: Readonly<Record<FieldId, number>>,
): RequiredCheck {
  const check: RequiredCheck = { columns: [], unknown: [] };
  for (const stage of REQUIRED_STAGES) {
    for (const name of required[stage]) {
      const column = requiredColumn(name, header, fieldColumns);
      if (column < 0) check.unknown.push({ stage, name: name.trim() });
      else if (!check.columns.some((c) => c.column === column))
        check.columns.push({ stage, name: name.trim(), column });
    }
  }
  return check;
}

/** Stages at which a lead has been handed to sales (or gone further). */
const HANDED_OFF: ReadonlySet<Stage> = new Set<Stage>([
  'SQL',
  'Opportunity',
  'Customer',
  'Lost',
  'Rejected',
  'Recycled',
]);

/**
 * The furthest stage a lead has reached, as far as the required data goes: handed off once its
 * SLA clock started (or its stage, or a contact, says so), an MQL from its stage or MQL date.
 */
export function stageReached(record: LeadRecord): RequiredStage {
  const stage = record.stage;
  if (record.clockStartAt !== null || record.contacted || (stage && HANDED_OFF.has(stage)))
    return 'handoff';
  if (stage === 'MQL' || record.dates.mqlAt !== null) return 'mql';
  return 'lead';
}

const NOTHING_MISSING: readonly MissingField[] = Object.freeze([]);

/** The required values a lead lacks at the stage it has reached (each column once). */
export function missingRequired(
  check: RequiredCheck,
  record: LeadRecord,
  row: readonly unknown[],
): readonly MissingField[] {
  if (check.columns.length === 0) return NOTHING_MISSING;
  let reached: RequiredStage | null = null;
  let missing: MissingField[] | null = null;
  for (const c of check.columns) {
    if (!isBlank(row[c.column])) continue;
    reached ??= stageReached(record);
    if (!reaches(reached, c.stage)) continue;
    missing ??= [];
    missing.push({ name: c.name, stage: c.stage });
  }
  return missing ?? NOTHING_MISSING;
}

/** A lead at `reached` is asked what `stage` requires. */
function reaches(reached: RequiredStage, stage: RequiredStage): boolean {
  return stage === 'lead' || stage === reached || reached === 'handoff';
}

/** `Phone, Company size: blank, required at hand-off` (stages apart: `; `). */
export function missingText(missing: readonly MissingField[]): string {
  return REQUIRED_STAGES.flatMap((stage) => {
    const names = missing.filter((m) => m.stage === stage).map((m) => m.name);
    return names.length ? [`${names.join(', ')}: blank, ${REQUIRED_AT[stage]}`] : [];
  }).join('; ');
}

/** The names a sheet is checked against when there is none: every field and usual attribute. */
function knownNames(settings: Settings): string[] {
  return [
    ...FIELD_IDS.map((f) => FIELD_LABELS[f]),
    ...SCORING_ATTRIBUTE_HEADERS,
    ...settings.scoring.criteria.map((c) => c.column),
  ];
}

/**
 * Required names the leads sheet has no column for, as settings issues (the sidebar shows them
 * beside the field, the server refuses to save them). `header` is row 1 of the leads sheet, or
 * null when there is none: then a name must be a field or a usual scoring attribute.
 */
export function requiredFieldIssues(
  settings: Settings,
  header: readonly unknown[] | null,
): SettingsIssue[] {
  const row = header ?? knownNames(settings);
  const choices: FieldChoices = header ? settings.mapping.fields : {};
  const columns = resolveFields(row, choices).columns;
  const issues: SettingsIssue[] = [];
  for (const stage of REQUIRED_STAGES) {
    settings.agreement.requiredFields[stage].forEach((name, i) => {
      if (name.trim() === '' || requiredColumn(name, row, columns) >= 0) return;
      const field = fieldNamed(name);
      const message = header
        ? field
          ? `The leads sheet has no column for ${FIELD_LABELS[field]}: choose its column in Fields, or remove it`
          : `The leads sheet has no column "${name.trim()}": name a header of its row 1, or remove it`
        : `"${name.trim()}" is not a field the add-in knows, and no leads sheet was found to look for it: name a field such as Phone or Email, or remove it`;
      issues.push({ path: `agreement.requiredFields.${stage}.${i}`, message });
    });
  }
  return issues;
}
