import { isBlank, isBlankRow, isDate } from '../common/cell.ts';
import {
  cellText,
  NO_WORDS,
  normalizeText,
  readCellNumber,
  readPlainNumber,
  readYesNo,
  YES_WORDS,
} from '../common/cellValues.ts';
import { headerKey } from '../common/headers.ts';
import { pluralWord } from '../common/plural.ts';
import { findAttributeColumn } from '../read/fieldMap.ts';
import type { Criterion, ScoringSettings } from '../settings/index.ts';

/**
 * Lead scoring: fit (who they are) + interest (what they did), thresholds to MQL and hand-off.
 *
 * Compile once per run (`compileScoring`: columns resolved by header, values normalised, one
 * test function per criterion), then score many rows (`scoreRow`). Pure; never throws on cell
 * content.
 *
 * Rules (the sidebar and the SLA Agreement describe them the same way):
 * - A kind's total is the sum of the points of its matched criteria. Negative points are allowed
 *   and negative totals are kept (a student who requests a demo stays low on fit).
 * - Caps clamp the top only: fit ≤ fitCap, interest ≤ interestCap (null = no cap).
 * - Decay: when the date in `decay.column` is MORE than `afterDays` × 24 h before `now`, a
 *   positive interest total (after its cap) loses `percent` %, rounded to 1 decimal. Exactly
 *   `afterDays` old does not decay. A blank/unreadable/future date does not decay.
 * - score = fit + interest (totals rounded to 2 decimals to drop float noise).
 * - Hand off when score ≥ handoffThreshold OR a criterion with `handoff: true` matched
 *   (whatever the score). Otherwise MQL when score ≥ mqlThreshold (mode `total`) or when
 *   fit ≥ mqlFitThreshold and interest ≥ mqlInterestThreshold (mode `separate`). Else Lead.
 * - Grade from fit: A if fit ≥ grades.A, B if ≥ grades.B, C if ≥ grades.C, else D.
 *
 * Cell semantics (see cellValues.ts): text is compared trimmed, case- and accent-insensitive,
 * whitespace collapsed. Text that looks like a formula (`=1+1`) is plain text.
 * - equals / oneOf: a value that is a yes/no word (`yes`, `oui`, `true`, `x`… / `no`, `non`,
 *   `false`…) tests the cell's yes/no reading (TRUE checkbox, `Yes`, `oui`, `x`, `1`, any number
 *   above 0 are yes; FALSE, `No`, `non`, 0 are no). A numeric value (`100`) matches a cell with
 *   the same number (`100`, `"100"`, `"100.0"`; `equals 1000` matches `"1 000"`). Any other value matches the
 *   cell's normalised text exactly. oneOf also splits a text cell on `;` `,` `/` `|` and line
 *   breaks (`Software; SaaS` is one of [Software]) after trying the whole cell.
 * - contains: substring of the normalised text (numbers as written, checkboxes as true/false).
 * - atLeast / atMost / between (inclusive): numbers or numeric text (`1 000`, `1,000`, `250+`
 *   → 250, ranges `50-200` → lower bound 50, `10k` → 10000).
 * - withinDays: the date (read by the caller's `readInstant`, in its column's day/month order:
 *   scoringDates.ts) is at most `days` × 24 h from now,
 *   before or after (a meeting booked next week counts as recent).
 * - Blank cells match only isBlank. A Date cell never matches equals / oneOf / contains. A cell
 *   that cannot be read for the operator just doesn't match. FALSE is a value, not a blank.
 */

export type Grade = 'A' | 'B' | 'C' | 'D';
export type Qualification = 'Lead' | 'MQL' | 'Hand off';
/** Reads a date cell of a 0-based column (each column in its own day/month order). */
export type InstantReader = (value: unknown, col: number) => number | null;

export interface ScoreResult {
  score: number;
  fit: number;
  interest: number;
  grade: Grade;
  qualification: Qualification;
  /** Ids of the matched criteria, in settings order. */
  matched: string[];
}

export interface UnknownColumn {
  /** The criterion id, or `decay` for the decay column. */
  criterionId: string;
  label: string;
  column: string;
}

type CellTest = (cell: unknown, nowMs: number, readInstant: InstantReader, col: number) => boolean;

export interface CompiledCriterion {
  readonly id: string;
  readonly label: string;
  readonly kind: 'fit' | 'interest';
  /** 0-based column in the row. */
  readonly col: number;
  readonly points: number;
  readonly handoff: boolean;
  /** Its column holds dates (`withinDays`): read in the column's own day/month order. */
  readonly readsDate: boolean;
  readonly test: CellTest;
}

export interface CompiledScoring {
  readonly settings: ScoringSettings;
  /** Criteria whose column was found, in settings order. */
  readonly criteria: readonly CompiledCriterion[];
  readonly decay: { readonly col: number; readonly afterMs: number; readonly keep: number } | null;
  /** Criteria (and the decay column) naming a column absent from the header row: ignored. */
  readonly unknownColumns: UnknownColumn[];
}

export interface QualificationPreview {
  /** Non-blank rows scored. */
  leads: number;
  /** Rows whose qualification is exactly `Lead`, `MQL`, `Hand off` (they add up to `leads`). */
  lead: number;
  mql: number;
  handoff: number;
  /** MQL + Hand off: leads at MQL or beyond. */
  qualified: number;
  byGrade: Record<Grade, number>;
}

const DAY_MS = 86_400_000;
/** Distinct text values remembered per criterion (categorical columns hit the memo). */
const MEMO_LIMIT = 5000;
const LIST_SEPARATORS = /[;,/|\n]/;

/** The column names the criteria and the decay rule look at (deduplicated, settings order). */
export function scoringColumns(settings: ScoringSettings): string[] {
  const names = settings.criteria.map((c) => c.column);
  if (settings.decay) names.push(settings.decay.column);
  const seen = new Set<string>();
  return names.filter((n) => {
    const key = headerKey(n);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/**
 * Resolves columns by header (case, accents, spacing ignored) and prepares each criterion.
 * A criterion whose column is missing is ignored and listed in `unknownColumns`; so is a decay
 * column that is missing (no decay then).
 */
export function compileScoring(
  settings: ScoringSettings,
  headerRow: readonly unknown[],
  findColumnOf: (header: readonly unknown[], name: string) => number = findAttributeColumn,
): CompiledScoring {
  const criteria: CompiledCriterion[] = [];
  const unknownColumns: UnknownColumn[] = [];
  for (const c of settings.criteria) {
    const col = findColumnOf(headerRow, c.column);
    if (col < 0) {
      unknownColumns.push({ criterionId: c.id, label: c.label, column: c.column });
      continue;
    }
    criteria.push({
      id: c.id,
      label: c.label,
      kind: c.kind === 'interest' ? 'interest' : 'fit',
      col,
      points: Number.isFinite(c.points) ? c.points : 0,
      handoff: c.handoff === true,
      readsDate: c.operator === 'withinDays',
      test: compileTest(c),
    });
  }
  let decay: CompiledScoring['decay'] = null;
  if (settings.decay) {
    const col = findColumnOf(headerRow, settings.decay.column);
    if (col < 0) {
      unknownColumns.push({
        criterionId: 'decay',
        label: 'Interest decay',
        column: settings.decay.column,
      });
    } else if (settings.decay.percent > 0 && Number.isFinite(settings.decay.afterDays)) {
      decay = {
        col,
        afterMs: settings.decay.afterDays * DAY_MS,
        keep: 1 - Math.min(100, settings.decay.percent) / 100,
      };
    }
  }
  return { settings, criteria, decay, unknownColumns };
}

/**
 * No criterion's column is in the sheet: there is nothing to score on, and a score of 0 (grade
 * D, "Lead") would claim a measure the data does not hold. The check leaves Score and
 * Qualification blank and SLA_SCORE says why.
 */
export function scoresNothing(compiled: CompiledScoring): boolean {
  return compiled.criteria.length === 0;
}

/** Scores one data row (not the header). Never throws on cell content. */
export function scoreRow(
  compiled: CompiledScoring,
  row: readonly unknown[],
  nowMs: number,
  readInstant: InstantReader,
): ScoreResult {
  const s = compiled.settings;
  const criteria = compiled.criteria;
  let fitSum = 0;
  let interestSum = 0;
  let handoffMatched = false;
  const matched: string[] = [];
  for (let i = 0; i < criteria.length; i++) {
    const c = criteria[i]!;
    if (!c.test(row[c.col], nowMs, readInstant, c.col)) continue;
    matched.push(c.id);
    if (c.kind === 'fit') fitSum += c.points;
    else interestSum += c.points;
    if (c.handoff) handoffMatched = true;
  }
  let fit = round2(fitSum);
  let interest = round2(interestSum);
  if (s.fitCap !== null && fit > s.fitCap) fit = s.fitCap;
  if (s.interestCap !== null && interest > s.interestCap) interest = s.interestCap;
  const decay = compiled.decay;
  if (decay && interest > 0) {
    const t = safeInstant(readInstant, row[decay.col], decay.col);
    if (t !== null && nowMs - t > decay.afterMs) interest = round1(interest * decay.keep);
  }
  const score = round2(fit + interest);
  let qualification: Qualification = 'Lead';
  if (handoffMatched || score >= s.handoffThreshold) qualification = 'Hand off';
  else if (
    s.mqlMode === 'separate'
      ? fit >= s.mqlFitThreshold && interest >= s.mqlInterestThreshold
      : score >= s.mqlThreshold
  ) {
    qualification = 'MQL';
  }
  return { score, fit, interest, grade: gradeOf(fit, s.grades), qualification, matched };
}

/**
 * Scores data rows. Entirely blank rows (trailing rows of a sheet) give null, so the caller
 * can leave their cells blank.
 */
export function scoreRows(
  compiled: CompiledScoring,
  rows: readonly (readonly unknown[])[],
  nowMs: number,
  readInstant: InstantReader,
): Array<ScoreResult | null> {
  const out: Array<ScoreResult | null> = new Array(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i]!;
    out[i] = isBlankRow(row) ? null : scoreRow(compiled, row, nowMs, readInstant);
  }
  return out;
}

/** Counts for the sidebar's live preview ("with these rules: 142 MQL, 37 to hand off"). */
export function previewQualification(
  compiled: CompiledScoring,
  rows: readonly (readonly unknown[])[],
  nowMs: number,
  readInstant: InstantReader,
): QualificationPreview {
  const p: QualificationPreview = {
    leads: 0,
    lead: 0,
    mql: 0,
    handoff: 0,
    qualified: 0,
    byGrade: { A: 0, B: 0, C: 0, D: 0 },
  };
  for (const row of rows) {
    if (isBlankRow(row)) continue;
    const r = scoreRow(compiled, row, nowMs, readInstant);
    p.leads++;
    p.byGrade[r.grade]++;
    if (r.qualification === 'Hand off') p.handoff++;
    else if (r.qualification === 'MQL') p.mql++;
    else p.lead++;
  }
  p.qualified = p.mql + p.handoff;
  return p;
}

/**
 * One line explaining a score, for a cell note or the sidebar:
 * `Fit 35 (Decision maker +15, Served country +5, …) · Interest 22.5 (Asked for a demo +40;
 * capped at 30; -25 % after 30 days without activity) · Grade B · Hand off (Asked for a demo)`.
 */
export function explainScore(compiled: CompiledScoring, result: ScoreResult): string {
  const s = compiled.settings;
  const byId = new Map<string, CompiledCriterion>();
  for (const c of compiled.criteria) if (!byId.has(c.id)) byId.set(c.id, c);
  const parts: Record<'fit' | 'interest', string[]> = { fit: [], interest: [] };
  const raw = { fit: 0, interest: 0 };
  const handoffs: string[] = [];
  for (const id of result.matched) {
    const c = byId.get(id);
    if (!c) continue;
    parts[c.kind].push(`${c.label} ${signed(c.points)}`);
    raw[c.kind] += c.points;
    if (c.handoff) handoffs.push(c.label);
  }
  const fitNotes = [...parts.fit];
  const fitRaw = round2(raw.fit);
  if (s.fitCap !== null && fitRaw > s.fitCap) fitNotes.push(`capped at ${fmt(s.fitCap)}`);
  const interestNotes = [...parts.interest];
  const interestRaw = round2(raw.interest);
  let interestCapped = interestRaw;
  if (s.interestCap !== null && interestRaw > s.interestCap) {
    interestCapped = s.interestCap;
    interestNotes.push(`capped at ${fmt(s.interestCap)}`);
  }
  if (s.decay && result.interest !== interestCapped) {
    interestNotes.push(
      `-${fmt(s.decay.percent)} % after ${fmt(s.decay.afterDays)} ${pluralWord(s.decay.afterDays, 'day')} without activity`,
    );
  }
  const block = (name: string, total: number, notes: string[]) =>
    notes.length ? `${name} ${fmt(total)} (${notes.join(', ')})` : `${name} ${fmt(total)}`;
  let text = `${block('Fit', result.fit, fitNotes)} · ${block('Interest', result.interest, interestNotes)} · Grade ${result.grade}`;
  if (result.qualification === 'Hand off') {
    text +=
      handoffs.length > 0
        ? ` · Hand off (${handoffs.join(', ')})`
        : ` · Hand off (score ${fmt(result.score)} ≥ ${fmt(s.handoffThreshold)})`;
  } else if (result.qualification === 'MQL') {
    text += ' · MQL';
  }
  return text;
}

// ---------------------------------------------------------------------------------------------

function gradeOf(fit: number, g: ScoringSettings['grades']): Grade {
  if (fit >= g.A) return 'A';
  if (fit >= g.B) return 'B';
  if (fit >= g.C) return 'C';
  return 'D';
}

function round2(x: number): number {
  return Math.round(x * 100) / 100;
}

function round1(x: number): number {
  return Math.round(x * 10) / 10;
}

function fmt(n: number): string {
  return String(round2(n));
}

function signed(n: number): string {
  return n >= 0 ? `+${fmt(n)}` : fmt(n);
}

/** Calls the caller's date reader defensively: a throw or a non-finite result is "no date". */
function safeInstant(readInstant: InstantReader, value: unknown, col: number): number | null {
  if (isBlank(value)) return null;
  try {
    const t = readInstant(value, col);
    return typeof t === 'number' && Number.isFinite(t) ? t : null;
  } catch {
    return null;
  }
}

const never: CellTest = () => false;

function compileTest(c: Criterion): CellTest {
  switch (c.operator) {
    case 'isBlank':
      return (v) => isBlank(v);
    case 'notBlank':
      return (v) => !isBlank(v);
    case 'equals': {
      const target = compileTarget(c.value ?? '');
      return target ? memoized((v) => matchesTarget(target, v)) : never;
    }
    case 'oneOf': {
      const targets = (c.values ?? []).map(compileTarget).filter((t) => t !== null);
      return targets.length ? memoized((v) => matchesAny(targets, v)) : never;
    }
    case 'contains': {
      const needle = normalizeText(c.value ?? '');
      if (needle === '') return never;
      return memoized((v) => {
        const t = cellText(v);
        return t?.includes(needle) === true;
      });
    }
    case 'atLeast':
    case 'atMost':
    case 'between': {
      const min = c.operator === 'atMost' ? Number.NEGATIVE_INFINITY : (c.min ?? Number.NaN);
      const max = c.operator === 'atLeast' ? Number.POSITIVE_INFINITY : (c.max ?? Number.NaN);
      if (Number.isNaN(min) || Number.isNaN(max)) return never;
      return memoized((v) => {
        const n = readCellNumber(v);
        return n !== null && n >= min && n <= max;
      });
    }
    case 'withinDays': {
      const days = c.days;
      if (days === undefined || !Number.isFinite(days) || days <= 0) return never;
      const windowMs = days * DAY_MS;
      return (v, nowMs, readInstant, col) => {
        const t = safeInstant(readInstant, v, col);
        return t !== null && Math.abs(nowMs - t) <= windowMs;
      };
    }
    default:
      return never;
  }
}

/** Remembers results for text cells (sheets repeat the same few values down a column). */
function memoized(test: (v: unknown) => boolean): CellTest {
  const memo = new Map<string, boolean>();
  return (v) => {
    if (typeof v !== 'string') return test(v);
    const hit = memo.get(v);
    if (hit !== undefined) return hit;
    const result = test(v);
    if (memo.size < MEMO_LIMIT) memo.set(v, result);
    return result;
  };
}

type Target = { kind: 'yes' } | { kind: 'no' } | { kind: 'text'; text: string; num: number | null };

function compileTarget(raw: string): Target | null {
  const text = normalizeText(raw);
  if (text === '') return null;
  if (YES_WORDS.has(text)) return { kind: 'yes' };
  if (NO_WORDS.has(text)) return { kind: 'no' };
  return { kind: 'text', text, num: readPlainNumber(text) };
}

function matchesTarget(t: Target, v: unknown): boolean {
  if (isBlank(v) || isDate(v)) return false;
  if (t.kind === 'yes') return readYesNo(v) === true;
  if (t.kind === 'no') return readYesNo(v) === false;
  if (typeof v === 'number') {
    return t.num !== null ? v === t.num : cellText(v) === t.text;
  }
  const text = cellText(v);
  if (text === null) return false;
  if (text === t.text) return true;
  return t.num !== null && typeof v === 'string' && readPlainNumber(text) === t.num;
}

function matchesAny(targets: readonly Target[], v: unknown): boolean {
  for (const t of targets) if (matchesTarget(t, v)) return true;
  if (typeof v !== 'string' || !LIST_SEPARATORS.test(v)) return false;
  for (const part of v.split(LIST_SEPARATORS)) {
    if (isBlank(part)) continue;
    for (const t of targets) if (matchesTarget(t, part)) return true;
  }
  return false;
}
