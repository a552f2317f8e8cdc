import { describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../runtime/index.ts';
import { defaultSettings } from '../../src/core/settings/index.ts';
import type { CheckOutcome } from '../../src/sidebarContract.ts';
import { LOG_EXPORTS, type LogExport, rowsOf, ZOHO_CALLS } from '../fixtures/activityExports.ts';
import { NOW, workbookSheet } from './leadsHelpers.ts';

/** The activity log exported apart, read beside the leads: the check, the review, the notes. */

function logRuntime(e: LogExport, withLog = true): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris', locale: 'en_US' });
  rt.addSheet(
    e.leadsSheet,
    rowsOf(
      e.leadHeader,
      e.leads.map((l) => l.row),
    ),
  );
  if (withLog) rt.addSheet(e.logSheet, rowsOf(e.logHeader, e.activities));
  rt.load();
  rt.setNow(NOW);
  return rt;
}

function statuses(rt: Runtime, e: LogExport): string[] {
  const s = workbookSheet(rt, e.leadsSheet);
  const col = s.values[0]!.indexOf('SLA status');
  return s.values.slice(1).map((r) => String(r?.[col] ?? ''));
}

describe.each(LOG_EXPORTS.map((e) => [e.crm, e] as const))('a %s activity log', (_crm, e) => {
  it('gives each lead the first contact its activities prove', () => {
    const rt = logRuntime(e);
    const outcome = rt.call('checkLeadsNow') as CheckOutcome;
    const got = statuses(rt, e);
    e.leads.forEach((lead, i) => {
      expect(got[i]!.startsWith(lead.expect), `row ${i + 2}: ${got[i]}`).toBe(true);
    });
    expect(outcome.read?.activities?.sheet).toBe(e.logSheet);
    expect(outcome.read?.activities?.fields).toMatchObject(e.reads);
  });

  it('never says Met from the leads sheet alone when only the log has the time', () => {
    const rt = logRuntime(e, false);
    rt.call('checkLeadsNow');
    for (const status of statuses(rt, e)) expect(status).not.toMatch(/activity log/);
  });

  it('is only read: the log sheet is unchanged', () => {
    const rt = logRuntime(e);
    const before = JSON.stringify(workbookSheet(rt, e.logSheet));
    rt.call('checkLeadsNow');
    rt.call('runMonthlyReview', '2026-11');
    expect(JSON.stringify(workbookSheet(rt, e.logSheet))).toBe(before);
  });
});

describe('the Zoho Calls export beside its Leads export', () => {
  it('says in the run log which log was read and how many activities found a lead', () => {
    const rt = logRuntime(ZOHO_CALLS);
    const outcome = rt.call('checkLeadsNow') as CheckOutcome;
    expect(outcome.notes).toContain(
      'Activity log "Calls_2026_11_23": 5 activities read; 3 done matched to 2 leads; 1 matched no lead (e.g. "5725767000009999999"); 1 planned or open, not counted.',
    );
    expect(outcome.read?.activities).toMatchObject({
      read: 5,
      matched: 3,
      unmatched: 1,
      notDone: 1,
      leadsWithActivity: 2,
    });
  });

  it('gives the review the same first contacts as the check', () => {
    const rt = logRuntime(ZOHO_CALLS);
    rt.call('checkLeadsNow');
    rt.call('runMonthlyReview', '2026-11');
    const review = rt.spreadsheet.getSheetByName('SLA Review 2026-11')!;
    const rows = review.getDataRange().getDisplayValues() as string[][];
    const onTime = rows.find((r) => r[0] === 'Contacted within deadline')!;
    // of the four hand-offs: one on time, one late (from the log), one never, one untimed
    expect(onTime[1]).toBe('33%');
  });

  it('reads no log when the team says so in Fields', () => {
    const rt = logRuntime(ZOHO_CALLS);
    const settings = defaultSettings();
    settings.mapping.activitySheet = null;
    rt.call('sidebarSave', JSON.stringify(settings));
    const outcome = rt.call('checkLeadsNow') as CheckOutcome;
    expect(outcome.read?.activities).toBeNull();
    expect(statuses(rt, ZOHO_CALLS)[0]).toMatch(/^Contacted/);
  });

  it('says so when the log chosen in Fields is not in the spreadsheet', () => {
    const rt = logRuntime(ZOHO_CALLS);
    const settings = defaultSettings();
    settings.mapping.activitySheet = 'Calls 2025';
    rt.call('sidebarSave', JSON.stringify(settings));
    const outcome = rt.call('checkLeadsNow') as CheckOutcome;
    expect(outcome.notes.join('\n')).toContain(
      'The activity log "Calls 2025" chosen in Fields is not in this spreadsheet',
    );
  });
});
