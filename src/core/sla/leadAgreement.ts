import { cellAt } from '../common/cell.ts';
import { cellText } from '../common/cellValues.ts';
import type { FieldId } from '../read/fieldIds.ts';
import type { LeadRecord } from '../read/leadRecords.ts';
import type { Settings } from '../settings/index.ts';
import {
  compileRequired,
  type MissingField,
  missingRequired,
  missingText,
  REQUIRED_AT,
  type RequiredCheck,
} from './requiredFields.ts';
import { type ReturnedLead, type ReturnRules, returnedLead } from './returnPath.ts';
import type { LeadSlaResult } from './status.ts';

/**
 * The agreement's rules on one sheet as read: the data each stage requires and where a returned
 * lead goes. The lead check applies them to each lead's SLA result (`apply`, its one hook); the
 * review asks the same facts per lead (`missing`, `returned`).
 */
export interface LeadAgreement {
  required: RequiredCheck;
  /** For the run log: required names the sheet has no column for. */
  notes: string[];
  /** The required values the lead lacks at the stage it has reached. */
  missing(record: LeadRecord, row: readonly unknown[]): readonly MissingField[];
  /** Its return to marketing, or null. `attempts`: the attempts counted (default: the sheet's). */
  returned(
    record: LeadRecord,
    row: readonly unknown[],
    attempts?: number | null,
  ): ReturnedLead | null;
  /** The SLA result as the agreement shows it: Check data for missing data, the track of a Recycle. */
  apply(result: LeadSlaResult, record: LeadRecord, row: readonly unknown[]): LeadSlaResult;
}

const SEP = ' · ';

function notesOf(check: RequiredCheck): string[] {
  if (check.unknown.length === 0) return [];
  const names = check.unknown.map((u) => `"${u.name}" (${REQUIRED_AT[u.stage]})`);
  return [
    `Required fields the leads sheet has no column for, not checked: ${names.join(', ')}. Add the column, or change the agreement in the sidebar (Terms).`,
  ];
}

/** The agreement's rules for a sheet: `fieldColumns` from the field map of the read. */
export function leadAgreement(
  settings: Settings,
  header: readonly unknown[],
  fieldColumns: Readonly<Record<FieldId, number>>,
): LeadAgreement {
  const required = compileRequired(settings.agreement.requiredFields, header, fieldColumns);
  const rules: ReturnRules = {
    returnPath: settings.agreement.returnPath,
    maxAttempts: settings.handoff.maxAttempts,
  };
  const valueTexts = (row: readonly unknown[]) =>
    [cellAt(row, fieldColumns.stage), cellAt(row, fieldColumns.leadStatus)]
      .map((v) => cellText(v) ?? '')
      .filter((t) => t !== '');
  const missing = (record: LeadRecord, row: readonly unknown[]) =>
    missingRequired(required, record, row);
  const returned = (record: LeadRecord, row: readonly unknown[], attempts?: number | null) =>
    returnedLead(
      record,
      rules,
      attempts === undefined ? record.attempts : attempts,
      // only a Recycled lead's words are read for a reason (the review asks of every lead)
      record.stage === 'Recycled' ? valueTexts(row) : [],
    );
  return {
    required,
    notes: notesOf(required),
    missing,
    returned,
    apply(result, record, row) {
      if (result.status === 'Closed' || result.status === 'Check data' || result.untracked)
        return result;
      const lacking = missing(record, row);
      if (lacking.length) return checkData(result, missingText(lacking));
      if (result.status !== 'Recycle') return result;
      // Recycle is the no-answer return: attempts used up, the stage still open, no reason
      const track = rules.returnPath.noAnswerTrack;
      return { ...result, detail: `${result.detail}${SEP}nurture track: ${track}` };
    },
  };
}

/** Check data naming the missing values; the SLA as computed stays readable, and its deadline. */
function checkData(result: LeadSlaResult, problem: string): LeadSlaResult {
  return {
    ...result,
    status: 'Check data',
    detail: `Check data${SEP}${problem}${SEP}SLA: ${result.detail}`,
    problem,
  };
}
