import { distinctTexts } from './cellValues.ts';
import { readInstant } from './dates.ts';
import { findColumn, indexHeaders } from './headers.ts';
import { LEAD_HEADERS } from './leadColumns.ts';
import { type CapacityEstimate, estimateCapacity } from './plan.ts';
import { monthBounds, monthLabel } from './reviewData.ts';
import {
  compileScoring,
  previewQualification,
  type QualificationPreview,
  type UnknownColumn,
} from './scoring.ts';
import type { Settings } from './settings.ts';
import { toWall, type ZoneClock } from './zone.ts';

/** Counts of one set of leads under the rules being edited. */
export type RuleCounts = Omit<QualificationPreview, 'byGrade'>;

export interface RulesPreview extends QualificationPreview {
  /** The leads created this calendar month (spreadsheet zone), under the same rules. */
  thisMonth: RuleCounts & { label: string };
  unknownColumns: UnknownColumn[];
  capacity: CapacityEstimate;
}

/**
 * What the rules being edited would do to the Leads sheet, before they are saved: how many
 * leads become MQL or go to sales, in all and among this month's new leads, and how many MQL a
 * week the sales team can take.
 */
export function previewRules(
  settings: Settings,
  header: readonly unknown[],
  rows: readonly (readonly unknown[])[],
  nowMs: number,
  clock: ZoneClock,
): RulesPreview {
  const compiled = compileScoring(settings.scoring, header);
  const reader = (value: unknown): number | null => {
    const r = readInstant(value, clock);
    return r.kind === 'instant' ? r.ms : null;
  };
  const all = previewQualification(compiled, rows, nowMs, reader);
  const index = indexHeaders(header);
  const createdCol = findColumn(index, LEAD_HEADERS.createdAt);
  const wall = toWall(clock, nowMs);
  const month = { year: wall.year, month: wall.month };
  const { start, end } = monthBounds(clock, month);
  const created = (row: readonly unknown[]): boolean => {
    const ms = createdCol < 0 ? null : reader(row[createdCol]);
    return ms !== null && ms >= start && ms < end;
  };
  const { byGrade: _grades, ...monthCounts } = previewQualification(
    compiled,
    rows.filter(created),
    nowMs,
    reader,
  );
  const ownerCol = findColumn(index, LEAD_HEADERS.owner);
  const owners = ownerCol < 0 ? [] : distinctTexts(rows.map((r) => [r[ownerCol]]));
  return {
    ...all,
    thisMonth: { ...monthCounts, label: monthLabel(month) },
    unknownColumns: compiled.unknownColumns,
    capacity: estimateCapacity(settings.plan, owners.length),
  };
}
