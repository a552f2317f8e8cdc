import { describe, expect, it } from 'vitest';
import { createRuntime, type Runtime } from '../../runtime/index.ts';
import { defaultSettings } from '../../src/core/settings/index.ts';
import { CRM_EXPORTS, type CrmExport, exportRows, HUBSPOT, OLIST } from '../fixtures/crmExports.ts';
import { NOW, OWNED, userCells, workbookSheet } from './leadsHelpers.ts';

/** The check on sheets as CRMs export them: no renaming, no hand edits. */

function exportRuntime(e: CrmExport, fields = e.fields): Runtime {
  const rt = createRuntime({ timeZone: 'Europe/Paris', locale: e.locale });
  rt.addSheet(e.sheet, exportRows(e));
  rt.load();
  rt.setNow(NOW);
  if (fields) {
    const settings = defaultSettings();
    settings.mapping.fields = fields;
    rt.call('sidebarSave', JSON.stringify(settings));
  }
  return rt;
}

function statuses(rt: Runtime, e: CrmExport): string[] {
  const s = workbookSheet(rt, e.sheet);
  const col = s.values[0]!.indexOf('SLA status');
  return s.values.slice(1).map((r) => String(r?.[col] ?? ''));
}

function runLogNotes(rt: Runtime): string {
  const log = JSON.parse(rt.documentProperties.getProperty('sla.runLog') ?? '[]') as Array<{
    notes?: string[];
  }>;
  return (log[0]?.notes ?? []).join('\n');
}

function matches(actual: string, expected: string): boolean {
  if (expected.startsWith('^')) return new RegExp(expected).test(actual);
  return expected.includes(' · ') ? actual === expected : actual.startsWith(expected);
}

describe.each(CRM_EXPORTS.map((e) => [e.crm, e] as const))('a %s export as it is', (_crm, e) => {
  it('gives every lead the status its cells call for', () => {
    const rt = exportRuntime(e);
    rt.call('checkLeadsNow');
    const got = statuses(rt, e);
    e.leads.forEach((lead, i) => {
      expect(matches(got[i]!, lead.expect), `row ${i + 2}: ${got[i]} vs ${lead.expect}`).toBe(true);
    });
  });

  it('says which header fed each field', () => {
    const rt = exportRuntime(e);
    rt.call('checkLeadsNow');
    const notes = runLogNotes(rt);
    for (const read of e.reads) expect(notes).toContain(read);
  });

  it('names the columns it does not read, never guessing', () => {
    const rt = exportRuntime(e);
    rt.call('checkLeadsNow');
    const notes = runLogNotes(rt);
    const read = new Set(e.reads.map((r) => r.split('"')[1]!));
    const unread =
      /Columns not read \(yours, or map them in Fields\): (.*)\./.exec(notes)?.[1] ?? '';
    for (const header of read) expect(unread).not.toContain(`"${header}"`);
  });

  it('writes only its own columns', () => {
    const rt = exportRuntime(e);
    const before = userCells(rt, e.sheet);
    rt.call('checkLeadsNow');
    expect(userCells(rt, e.sheet)).toEqual(before);
    const header = workbookSheet(rt, e.sheet).values[0]!;
    expect(header.slice(e.header.length)).toEqual(OWNED);
  });
});

describe('honest messages on exports', () => {
  it('never says on time when no lead could be timed (X Education: no dates)', () => {
    const e = CRM_EXPORTS.find((x) => x.crm === 'X Education')!;
    const rt = exportRuntime(e);
    rt.call('checkLeadsNow');
    const toast = rt.ui.toasts.at(-1)!.message;
    expect(toast).toMatch(/none could be timed — no hand-off, MQL or creation date column/);
    expect(toast).not.toMatch(/on time/);
    expect(runLogNotes(rt)).toMatch(/"Last Activity" holds no Last attempt at values/);
  });

  it('names the order it read month-first dates in, against the locale', () => {
    const e = CRM_EXPORTS.find((x) => x.crm === 'Salesforce')!;
    const rt = exportRuntime(e);
    rt.call('checkLeadsNow');
    expect(runLogNotes(rt)).toMatch(
      /Dates in "Create Date": month-first \(from its values, e\.g\. 11\/23\/2026 9:05 AM\)/,
    );
  });

  it('leaves out a priority column whose values are not priorities (Zoho Rating)', () => {
    const e = CRM_EXPORTS.find((x) => x.crm === 'Zoho CRM')!;
    const rt = exportRuntime(e);
    rt.call('checkLeadsNow');
    expect(runLogNotes(rt)).toMatch(
      /"Rating" holds no Priority values \(e\.g\. "Active"\): not used/,
    );
  });

  it("says none could be timed before the team maps Olist's first_contact_date to MQL at", () => {
    const rt = exportRuntime(OLIST, {});
    rt.call('checkLeadsNow');
    expect(rt.ui.toasts.at(-1)!.message).toMatch(
      /none could be timed — no hand-off, MQL or creation date column/,
    );
    expect(runLogNotes(rt)).toContain('First contact at ← "first_contact_date"');
  });

  it('counts untracked, contacted-without-a-time and unmapped leads apart in the toast', () => {
    const e = CRM_EXPORTS.find((x) => x.crm === 'HubSpot')!;
    const rt = exportRuntime(e);
    rt.call('checkLeadsNow');
    expect(rt.ui.toasts.at(-1)!.message).toBe(
      'Checked 10 leads: 2 overdue, 1 row to check, 1 lead with no contact recorded, started over 60 days ago (not tracked), 1 contacted lead with no contact time (not judged), 1 lead with a value to map in Fields (no notice until then)',
    );
  });
});

describe('the monthly review of an export', () => {
  function reviewRows(rt: Runtime, month: string): string[][] {
    const sheet = rt.spreadsheet.getSheetByName(`SLA Review ${month}`)!;
    return sheet.getDataRange().getDisplayValues() as string[][];
  }

  it('gives no verdict on a figure whose column the export lacks (Zoho: no deal columns)', () => {
    const e = CRM_EXPORTS.find((x) => x.crm === 'Zoho CRM')!;
    const rt = exportRuntime(e);
    rt.call('runMonthlyReview', '2026-11');
    const rows = reviewRows(rt, '2026-11');
    const revenue = rows.slice(rows.findIndex((r) => r[0] === 'Revenue'));
    const value = revenue.find((r) => r[0] === 'Value won')!;
    expect(value[1]).toBe('no data');
    expect(value[3]).toBe('');
    expect(value[4]).toBe('no data (no Won at column)');
    // the headline says the same: no figure, no verdict, no change
    const headline = rows.find((r) => r[0] === 'Value won')!;
    expect(headline.slice(1, 4)).toEqual(['no data', '', 'no data']);
  });

  it('reads the export with the same maps and counts as the lead check', () => {
    const e = CRM_EXPORTS.find((x) => x.crm === 'HubSpot')!;
    const rt = exportRuntime(e);
    rt.call('checkLeadsNow');
    expect(runLogNotes(rt)).toContain('1 row with values that could not be read');
    expect(runLogNotes(rt)).toContain('Lead Status "Qualifying?" 1');
    rt.call('runMonthlyReview', '2026-11');
    const quality = reviewRows(rt, '2026-11').find((r) => r[0]!.startsWith('Data quality'))![0]!;
    expect(quality).toContain('the SLA clock starts at "Owner Assigned Date"');
    expect(quality).toContain('1 lead has values that could not be read');
    expect(quality).toContain('Lead Status "Qualifying?" (1)');
    const handoffs = reviewRows(rt, '2026-11').find((r) => r[0] === 'Hand-offs to sales')!;
    expect(Number(handoffs[1])).toBeGreaterThan(0);
  });
});

describe('a sheet without a Lead ID column: writes still follow their leads', () => {
  const header = HUBSPOT.header.filter((h) => h !== 'Record ID');
  /** HubSpot's leads told apart by a name of their own (the sheet has no ID to match on). */
  const leads = HUBSPOT.leads.map((l, i) => ({
    ...l,
    row: { ...l.row, 'First Name': `Lead ${String(i + 1).padStart(2, '0')}` } as Record<
      string,
      unknown
    >,
  }));
  const rows = [header, ...leads.map((l) => header.map((h) => (h in l.row ? l.row[h] : '')))];

  function statusByName(rt: Runtime): Map<string, string> {
    const s = workbookSheet(rt, HUBSPOT.sheet);
    const nameCol = s.values[0]!.indexOf('First Name');
    const col = s.values[0]!.indexOf('SLA status');
    return new Map(
      s.values.slice(1).map((r) => [String(r?.[nameCol] ?? ''), String(r?.[col] ?? '')]),
    );
  }

  function withHook(hook: (rt: Runtime) => void): Runtime {
    const rt = createRuntime({
      timeZone: 'Europe/Paris',
      locale: 'en_US',
      persistentGlobals: true,
    });
    // the team sorts the data under its frozen header row, as Sheets' "Sort sheet" does
    rt.addSheet(
      HUBSPOT.sheet,
      rows.map((r) => r.slice()),
    ).setFrozenRows(1);
    rt.load();
    rt.setNow(NOW);
    const sla = (rt.context() as unknown as { SLA: { checkHooks: { beforeWrite: unknown } } }).SLA;
    sla.checkHooks.beforeWrite = () => hook(rt);
    return rt;
  }

  it('a sort between the read and the write', () => {
    const rt = withHook((r) => r.spreadsheet.getSheetByName(HUBSPOT.sheet)!.sort(1, false));
    rt.call('checkLeadsNow');
    const got = statusByName(rt);
    leads.forEach((l) => {
      const name = String(l.row['First Name']);
      expect(matches(got.get(name)!, l.expect), `${name}: ${got.get(name)}`).toBe(true);
    });
    expect(workbookSheet(rt, HUBSPOT.sheet).values[1]![0]).toBe('Lead 10');
  });

  it('rows inserted, deleted and edited meanwhile: only the edited row keeps what it had', () => {
    const rt = withHook((r) => {
      const sheet = r.spreadsheet.getSheetByName(HUBSPOT.sheet)!;
      sheet.insertRowsBefore(3, 1);
      sheet.deleteRow(6); // Lead 04
      sheet.getRange(2, 3).setValue('ann.lee@acme.io'); // Lead 01's e-mail edited by a rep
    });
    rt.call('checkLeadsNow');
    const got = statusByName(rt);
    expect(got.has('Lead 04')).toBe(false);
    expect(got.get('Lead 01')).toBe('');
    leads.forEach((l) => {
      const name = String(l.row['First Name']);
      if (name === 'Lead 01' || name === 'Lead 04') return;
      expect(matches(got.get(name)!, l.expect), `${name}: ${got.get(name)}`).toBe(true);
    });
    expect(runLogNotes(rt)).toContain(
      'placed by Lead ID or row content (2 results not written: their rows were deleted or edited meanwhile; the next check fills them)',
    );
  });
});

describe('the SLA Agreement of an export', () => {
  it('says which column starts the clock', () => {
    const e = CRM_EXPORTS.find((x) => x.crm === 'Zoho CRM')!;
    const rt = exportRuntime(e);
    rt.call('setUpWorkbook');
    const rows = workbookSheet(rt, 'SLA Agreement').values.map((r) => r.map(String));
    const clock = rows.find((r) => r[0] === 'Start of the clock')!;
    expect(clock[1]).toBe(
      'The clock starts at the date in the "Created Time" column of the leads sheet.',
    );
  });
});
