import { distinctTexts } from '../common/cellValues.ts';
import { type CapacityEstimate, estimateCapacity } from '../plan/plan.ts';
import type { ActivityLog } from '../read/activityLog.ts';
import type { DateOrder } from '../read/dateOrder.ts';
import { type FieldsReport, fieldsReport } from '../read/fieldsReport.ts';
import { monthBounds, monthLabel } from '../review/leadFacts.ts';
import {
  compileScoring,
  previewQualification,
  type QualificationPreview,
  type UnknownColumn,
} from '../scoring/scoring.ts';
import { scoringDates } from '../scoring/scoringDates.ts';
import type { Settings } from '../settings/index.ts';
import { type ActivityReport, activityReport, joinActivities } from '../sla/activityJoin.ts';
import { readLeadTable } from '../sla/leadCheck.ts';
import { toWall, type ZoneClock } from '../time/zone.ts';

/** Counts of one set of leads under the rules being edited. */
export type RuleCounts = Omit<QualificationPreview, 'byGrade'>;

export interface RulesPreview extends QualificationPreview {
  /** The leads created this calendar month (spreadsheet zone), under the same rules. */
  thisMonth: RuleCounts & { label: string };
  unknownColumns: UnknownColumn[];
  capacity: CapacityEstimate;
  /** The field and value maps at work on the sheet (the Fields tab). */
  fields: FieldsReport;
  /** The activity log read with these settings and joined to the leads, when there is one. */
  activities: ActivityReport | null;
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
  localeOrder: DateOrder = 'dmy',
  log: { sheet: string; log: ActivityLog } | null = null,
): RulesPreview {
  const compiled = compileScoring(settings.scoring, header);
  // every date column in its own order, as the check reads it
  const reader = scoringDates(compiled, header, rows, { clock, localeOrder }).read;
  const all = previewQualification(compiled, rows, nowMs, reader);
  // created dates and owners are read as the check reads them (field map, date order)
  const read = readLeadTable(header, rows, { settings, clock, nowMs, localeOrder });
  const wall = toWall(clock, nowMs);
  const month = { year: wall.year, month: wall.month };
  const { start, end } = monthBounds(clock, month);
  const created = (_row: readonly unknown[], i: number): boolean => {
    const ms = read.records[i]?.dates.createdAt ?? null;
    return ms !== null && ms >= start && ms < end;
  };
  const { byGrade: _grades, ...monthCounts } = previewQualification(
    compiled,
    rows.filter(created),
    nowMs,
    reader,
  );
  const owners = distinctTexts(read.records.map((r) => [r?.owner ?? '']));
  const values = { stage: settings.mapping.stageValues, priority: settings.mapping.priorityValues };
  return {
    ...all,
    thisMonth: { ...monthCounts, label: monthLabel(month) },
    unknownColumns: compiled.unknownColumns,
    capacity: estimateCapacity(settings.plan, owners.length),
    fields: fieldsReport(header, rows, read, values),
    activities: log
      ? activityReport(
          log.sheet,
          log.log,
          joinActivities(log.log, read.records, settings.handoff.firstContact),
        )
      : null,
  };
}
