/**
 * The straightforward implementation the benchmark compares against: the same SLA logic,
 * but one getValue per input cell and one setValue / setBackground per output cell.
 */

import type { Runtime } from '../runtime/index.ts';
import { headerKey } from '../src/core/common/headers.ts';
import { defaultSettings } from '../src/core/settings/index.ts';
import { createCalendar } from '../src/core/sla/calendar.ts';
import { statusColor } from '../src/core/sla/status.ts';
import { intlZoneClock } from '../src/core/time/zone.ts';
import { evaluateLead } from '../test/fixtures/slaStatus.ts';

export function naiveCheck(rt: Runtime): void {
  const sheet = rt.spreadsheet.getSheetByName('Leads')!;
  const settings = defaultSettings();
  const clock = intlZoneClock('Europe/Paris');
  const calendar = createCalendar(settings.calendar, clock);
  const lastColumn = sheet.getLastColumn();
  const col = (name: string): number => {
    for (let c = 1; c <= lastColumn; c++)
      if (headerKey(sheet.getRange(1, c).getValue()) === headerKey(name)) return c;
    return -1;
  };
  const cols = {
    leadId: col('Lead ID'),
    priority: col('Priority'),
    stage: col('Stage'),
    handedOffAt: col('Handed off at'),
    firstContactAt: col('First contact at'),
    attempts: col('Attempts'),
    lastAttemptAt: col('Last attempt at'),
  };
  sheet.insertColumnsAfter(sheet.getMaxColumns(), 2);
  const statusCol = lastColumn + 1;
  const deadlineCol = lastColumn + 2;
  const nowMs = rt.now().getTime();
  for (let row = 2; row <= sheet.getLastRow(); row++) {
    const get = (c: number): unknown => sheet.getRange(row, c).getValue();
    const result = evaluateLead(
      {
        leadId: get(cols.leadId),
        priority: get(cols.priority),
        stage: get(cols.stage),
        handedOffAt: get(cols.handedOffAt),
        firstContactAt: get(cols.firstContactAt),
        attempts: get(cols.attempts),
        lastAttemptAt: get(cols.lastAttemptAt),
      },
      { handoff: settings.handoff, calendar, clock, nowMs },
    );
    sheet.getRange(row, statusCol).setValue(result.detail);
    sheet.getRange(row, statusCol).setBackground(statusColor(result.status));
    sheet
      .getRange(row, deadlineCol)
      .setValue(result.deadlineMs === null ? '' : new Date(result.deadlineMs));
  }
}
