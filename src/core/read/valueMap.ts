import { isBlank, showValue } from '../common/cell.ts';
import { normalizeText } from '../common/cellValues.ts';
import { PRIORITIES, type Priority } from '../common/choices.ts';
import { STAGE_CHOICES, type Stage, type StageChoice } from './leadColumns.ts';
import { BUILTIN_PRIORITY_WORDS, BUILTIN_STAGE_WORDS } from './valueVocabulary.ts';

/**
 * The **value map**: what a Stage (or lead status) and a Priority cell mean, whatever the CRM
 * wrote. A value is looked up, case, accents and spacing ignored: in the user's entries first
 * (the Fields tab), then the canonical words, then the CRMs' vocabularies
 * (`valueVocabulary.ts`). A value nobody knows is not guessed: the row is `Check data`, naming
 * the value and the fix.
 *
 * A stage value means one of the eight stages, or an open lead (not progressed, like `Lead`)
 * that sales has touched even when no time was recorded: `Contacted` (`Working - Contacted`,
 * `Connected`) or `Attempted` (`Attempted to Contact`). `SQL` is the hand-off to sales, not a
 * contact; `Opportunity` implies one. What a recorded contact proves is the status engine's
 * (sla/contact.ts): without a time, no verdict on the deadline.
 */

export { STAGE_CHOICES, type StageChoice };

export interface StageMeaning {
  /** null: open and not progressed (blank, `Contacted` or `Attempted`). */
  stage: Stage | null;
  /** The value says sales touched the lead (also true for Opportunity, not for SQL). */
  contacted: boolean;
  /** …by trying to reach it, without an answer yet (`Attempted to Contact`). */
  attemptOnly: boolean;
}

export interface ValueChoices {
  stage?: Readonly<Record<string, StageChoice>>;
  priority?: Readonly<Record<string, Priority>>;
}

export type ValueRead<T> = { ok: true; value: T } | { ok: false; reason: string };

/** Lookup tables built once per run from the user's entries and the built-ins. */
export interface ValueMap {
  stage(value: unknown): ValueRead<StageMeaning | null>;
  priority(value: unknown, fallback: Priority): ValueRead<Priority>;
}

const CONTACTED_STAGES: ReadonlySet<Stage> = new Set(['Opportunity']);

export function stageMeaning(choice: StageChoice): StageMeaning {
  if (choice === 'Contacted') return { stage: null, contacted: true, attemptOnly: false };
  if (choice === 'Attempted') return { stage: null, contacted: true, attemptOnly: true };
  return { stage: choice, contacted: CONTACTED_STAGES.has(choice), attemptOnly: false };
}

function table<T>(
  canonical: readonly T[],
  builtIn: Readonly<Record<string, T>>,
  user: Readonly<Record<string, T>> | undefined,
): Map<string, T> {
  const map = new Map<string, T>();
  for (const [word, value] of Object.entries(builtIn)) map.set(normalizeText(word), value);
  for (const word of canonical) map.set(normalizeText(String(word)), word);
  for (const [word, value] of Object.entries(user ?? {})) map.set(normalizeText(word), value);
  return map;
}

/** A cell as the text the map compares: strings and numbers (a status code such as 3). */
function valueKey(value: unknown): string | null {
  if (typeof value === 'string') return normalizeText(value);
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return null;
}

/** Bitrix24 prefixes the stages of its other pipelines: `C1:NEW` is the `NEW` stage. */
function unprefixed(key: string): string {
  return key.replace(/^c\d+:/, '');
}

export const UNKNOWN_VALUE_FIX = 'map it in Extensions › SLA Sheets › Open SLA settings › Fields';

export function createValueMap(choices: ValueChoices = {}): ValueMap {
  const stages = table<StageChoice>(STAGE_CHOICES, BUILTIN_STAGE_WORDS, choices.stage);
  const priorities = table<Priority>(PRIORITIES, BUILTIN_PRIORITY_WORDS, choices.priority);
  const meanings = new Map<StageChoice, StageMeaning>(
    STAGE_CHOICES.map((c) => [c, stageMeaning(c)]),
  );
  return {
    stage(value) {
      if (isBlank(value)) return { ok: true, value: null };
      const key = valueKey(value);
      const choice = key === null ? undefined : (stages.get(key) ?? stages.get(unprefixed(key)));
      if (choice) return { ok: true, value: meanings.get(choice)! };
      return {
        ok: false,
        reason: `${showValue(value)} is not a stage we know: ${UNKNOWN_VALUE_FIX}`,
      };
    },
    priority(value, fallback) {
      if (isBlank(value)) return { ok: true, value: fallback };
      const key = valueKey(value);
      const p = key === null ? undefined : priorities.get(key);
      if (p) return { ok: true, value: p };
      return {
        ok: false,
        reason: `${showValue(value)} is not a priority we know (Hot, Warm or Cold): ${UNKNOWN_VALUE_FIX}`,
      };
    },
  };
}

/** The built-in (or user) meaning of a value, for the Fields tab: null when unknown. */
export function knownStageChoice(value: string, choices: ValueChoices = {}): StageChoice | null {
  return (
    table<StageChoice>(STAGE_CHOICES, BUILTIN_STAGE_WORDS, choices.stage).get(
      normalizeText(value),
    ) ?? null
  );
}

export function knownPriority(value: string, choices: ValueChoices = {}): Priority | null {
  return (
    table<Priority>(PRIORITIES, BUILTIN_PRIORITY_WORDS, choices.priority).get(
      normalizeText(value),
    ) ?? null
  );
}
