import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../runtime/index.ts';
import { STATUS_WORDS } from '../../src/core/sla/status.ts';
import { paris } from '../fixtures/dates.ts';
import { rowOf } from '../fixtures/leads.ts';
import { runLog } from '../fixtures/properties.ts';
import {
  byLeadId,
  EVERY_STATUS,
  HEADER,
  leadsRuntime,
  NOW,
  OWNED,
  userCells,
  workbookSheet,
} from './leadsHelpers.ts';

function everyStatusRows(header = HEADER): unknown[][] {
  return [header, ...EVERY_STATUS.map((s) => rowOf(header, s.row))];
}

describe('checkLeadsNow on the Leads sheet', () => {
  it('creates our columns, writes every status word with its colour and a summary toast', () => {
    const { rt, sheet } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    const s = workbookSheet(rt);
    expect(s.values[0]).toEqual([...HEADER, ...OWNED]);
    const status = byLeadId(rt);
    for (const { expect: word, row } of EVERY_STATUS) {
      const text = String(status.get(String(row['Lead ID'])));
      expect(text.startsWith(word), `${row['Lead ID']}: ${text}`).toBe(true);
    }
    expect(String(status.get('L-004'))).toMatch(/^Overdue · 1 h late$/);
    expect(String(status.get('L-009'))).toMatch(/^Check data · Handed off at: /);

    // colours of the status cells
    const statusCol = s.values[0]!.indexOf('SLA status');
    const colorOf = (id: string): string => {
      const r = s.values.findIndex((row) => row?.[0] === id);
      return s.backgrounds?.[r]?.[statusCol] ?? '#ffffff';
    };
    expect(colorOf('L-004')).toBe('#ea9999');
    expect(colorOf('L-003')).toBe('#fce8b2');
    expect(colorOf('L-006')).toBe('#f4cccc');
    expect(colorOf('L-007')).toBe('#d9d9d9');
    expect(colorOf('L-009')).toBe('#f9cb9c');
    expect(colorOf('L-001')).toBe('#ffffff');
    for (const id of ['L-004', 'L-006']) {
      const hex = colorOf(id);
      const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
      expect(r! - Math.max(g!, b!)).toBeGreaterThanOrEqual(40);
    }

    // deadlines are dates with a date-time format; next attempt too
    const deadlineCol = s.values[0]!.indexOf('SLA deadline');
    const nextCol = s.values[0]!.indexOf('Next attempt due');
    const r4 = s.values.findIndex((row) => row?.[0] === 'L-004');
    expect(s.values[r4]![deadlineCol]).toEqual(paris('2026-11-20T18:00'));
    expect(s.values[r4]![nextCol]).toEqual(paris('2026-11-20T18:00'));
    expect(s.numberFormats?.[r4]?.[deadlineCol]).toBe('yyyy-mm-dd hh:mm');
    expect(s.numberFormats?.[r4]?.[nextCol]).toBe('yyyy-mm-dd hh:mm');
    const r1 = s.values.findIndex((row) => row?.[0] === 'L-001');
    expect(s.values[r1]![deadlineCol]).toBe('');

    // score and qualification for every lead
    const scoreCol = s.values[0]!.indexOf('Score');
    const qualCol = s.values[0]!.indexOf('Qualification');
    for (const row of s.values.slice(1)) {
      expect(typeof row![scoreCol]).toBe('number');
      expect(['Lead', 'MQL', 'Hand off']).toContain(row![qualCol]);
    }

    const toast = rt.ui.toasts.at(-1)!;
    expect(toast.message).toBe(
      'Checked 10 leads: 1 overdue, 1 at risk, 1 to recycle, 1 row to check, 1 contacted lead with no contact time (not judged)',
    );
    const log = runLog(rt);
    expect(log[0]).toMatchObject({ kind: 'check', trigger: 'manual', rows: 10 });
    const counts = log[0]!.counts as Record<string, number>;
    for (const word of STATUS_WORDS) expect(counts[word], word).toBe(1);
    expect(sheet.getName()).toBe('Leads');
  });

  it('says "all leads on time" when nothing needs attention', () => {
    const rows = [HEADER, rowOf(HEADER, EVERY_STATUS[4]!.row), rowOf(HEADER, EVERY_STATUS[1]!.row)];
    const { rt } = leadsRuntime(rows);
    rt.call('checkLeadsNow');
    expect(rt.ui.toasts.at(-1)!.message).toBe('Checked 2 leads: all leads on time');
  });

  it('finds headers in any order, with other case, accents and spacing', () => {
    const header = [
      'Notes',
      '  first   CONTACT at ',
      'Stâge',
      'lead_id',
      'Prïority',
      'HANDED OFF AT',
      'attempts',
      'Last attempt at',
      'Name',
    ];
    const rows = EVERY_STATUS.map((s) =>
      rowOf(header, {
        lead_id: s.row['Lead ID'],
        Stâge: s.row.Stage,
        Prïority: s.row.Priority,
        'HANDED OFF AT': s.row['Handed off at'],
        '  first   CONTACT at ': s.row['First contact at'],
        attempts: s.row.Attempts,
        'Last attempt at': s.row['Last attempt at'],
        Notes: 'keep me',
      }),
    );
    const { rt } = leadsRuntime([header, ...rows]);
    rt.call('checkLeadsNow');
    const s = workbookSheet(rt);
    expect(s.values[0]).toEqual([...header, ...OWNED]);
    const statusCol = s.values[0]!.indexOf('SLA status');
    EVERY_STATUS.forEach((st, i) => {
      expect(String(s.values[i + 1]![statusCol]).startsWith(st.expect)).toBe(true);
      expect(s.values[i + 1]![0]).toBe('keep me');
    });
  });

  it('never changes a user cell: values, formulas, backgrounds, notes, formats', () => {
    const rt = createRuntime({ timeZone: 'Europe/Paris' });
    const values = everyStatusRows();
    const width = HEADER.length;
    const notesCol = HEADER.indexOf('Notes');
    const formulas = values.map((_, r) =>
      Array.from({ length: width + 2 }, (_, c) =>
        r > 0 && c === width + 1 ? `=LEN(B${r + 1})` : '',
      ),
    );
    const backgrounds = values.map((_, r) =>
      Array.from({ length: width + 2 }, (_, c) => (r % 2 === 0 && c < 3 ? '#cfe2f3' : '#ffffff')),
    );
    const notes = values.map((_, r) =>
      Array.from({ length: width + 2 }, (_, c) => (c === notesCol && r > 0 ? `note ${r}` : '')),
    );
    const withExtras = values.map((row, r) => [
      ...row,
      r === 0 ? 'My col' : `=1+${r}`,
      r === 0 ? 'Len' : 3,
    ]);
    rt.loadWorkbook({
      name: 'Book',
      timeZone: 'Europe/Paris',
      sheets: [
        {
          name: 'Leads',
          values: withExtras as never,
          formulas,
          backgrounds,
          notes,
          conditionalFormats: [
            {
              ranges: ['A2:A100'],
              criteria: 'CUSTOM_FORMULA',
              values: ['=$B2="Alice"'],
              background: '#00ff00',
              fontColor: null,
              bold: null,
            },
          ],
        },
        { name: 'Other', values: [['untouched', 1]] },
      ],
    });
    rt.load();
    rt.setNow(NOW);
    const before = userCells(rt);
    const otherBefore = JSON.stringify(workbookSheet(rt, 'Other'));
    rt.call('checkLeadsNow');
    rt.call('checkLeadsNow');
    const after = userCells(rt);
    expect([...after.entries()]).toEqual([...before.entries()]);
    expect(JSON.stringify(workbookSheet(rt, 'Other'))).toBe(otherBefore);
    // our columns were appended after the user's last column, and formula-looking text stays text
    const s = workbookSheet(rt);
    expect(s.values[0]!.slice(width, width + 2)).toEqual(['My col', 'Len']);
    expect(s.values[0]!.slice(width + 2)).toEqual(OWNED);
    expect(rt.formulaWrites.length).toBe(0);

    // conditional formatting: the user's rule kept first, ours installed once after it
    const cf = s.conditionalFormats ?? [];
    expect(cf[0]!.values[0]).toBe('=$B2="Alice"');
    const ours = cf.filter((r) => /N\("SLA Sheets/.test(String(r.values[0])));
    expect(ours).toHaveLength(3);
    expect(cf).toHaveLength(4);
    const statusLetter = String.fromCharCode(65 + s.values[0]!.indexOf('SLA status'));
    const deadlineLetter = String.fromCharCode(65 + s.values[0]!.indexOf('SLA deadline'));
    expect(ours[0]!.values[0]).toContain(`LEFT($${statusLetter}2,7)="Overdue"`);
    expect(ours[0]!.values[0]).toContain(`NOW()>$${deadlineLetter}2`);
    expect(ours[0]!.background).toBe('#f4cccc');
    expect(ours[0]!.ranges.join(',')).toMatch(/^A2:/);
    expect(ours.slice(1).map((r) => r.ranges.join(','))).toEqual([
      `${statusLetter}2:${statusLetter}1000`,
      `${statusLetter}2:${statusLetter}1000`,
    ]);
  });

  it('refreshes its own rules when the status column moves, keeping the user rules', () => {
    const { rt, sheet } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    sheet.insertColumnsBefore(1, 2);
    rt.call('checkLeadsNow');
    const cf = workbookSheet(rt).conditionalFormats ?? [];
    const ours = cf.filter((r) => /Overdue|At risk/.test(String(r.values[0])));
    expect(ours).toHaveLength(3);
    const s = workbookSheet(rt);
    const statusCol = s.values[0]!.indexOf('SLA status');
    const letter = String.fromCharCode(65 + statusCol);
    for (const rule of ours) expect(rule.values[0]).toContain(`LEFT($${letter}2,`);
  });

  it('flags both rows of a duplicate Lead ID; a row without ID still gets its status', () => {
    const rows = everyStatusRows();
    rows.push(rowOf(HEADER, { ...EVERY_STATUS[3]!.row, Name: 'Dup of L-004' }));
    rows.push(rowOf(HEADER, { Name: 'No id', Stage: 'Lead' }));
    const { rt } = leadsRuntime(rows);
    rt.call('checkLeadsNow');
    const s = workbookSheet(rt);
    const statusCol = s.values[0]!.indexOf('SLA status');
    const dups = s.values.filter((r) => r?.[0] === 'L-004').map((r) => r![statusCol]);
    expect(dups).toEqual(['Check data · duplicate Lead ID', 'Check data · duplicate Lead ID']);
    expect(s.values.at(-1)![statusCol]).toBe('Waiting');
  });

  it('skips blank rows (cells stay blank) and clears stale results on rows emptied since', () => {
    const rows = everyStatusRows();
    rows.splice(
      3,
      0,
      HEADER.map(() => ''),
    );
    const { rt, sheet } = leadsRuntime(rows);
    rt.call('checkLeadsNow');
    const s = workbookSheet(rt);
    const statusCol = s.values[0]!.indexOf('SLA status');
    expect(s.values[3]!.slice(HEADER.length)).toEqual(['', '', '', '', '']);
    // the user clears lead L-002's own cells: our cells of that row get cleared too
    sheet.getRange(3, 1, 1, HEADER.length).clearContent();
    rt.call('checkLeadsNow');
    const after = workbookSheet(rt);
    expect(after.values[2]!.slice(HEADER.length).every((v) => v === '')).toBe(true);
    expect(String(after.values[4]![statusCol])).toMatch(/^At risk/);
  });

  it('a row with only the user own columns (notes, formulas filled down) is not a lead', () => {
    const rows = everyStatusRows();
    for (let i = 0; i < 5; i++) rows.push(rowOf(HEADER, { Notes: `=ROW()*${i}` }));
    const { rt } = leadsRuntime(rows);
    rt.call('checkLeadsNow');
    const s = workbookSheet(rt);
    const statusCol = s.values[0]!.indexOf('SLA status');
    for (const row of s.values.slice(EVERY_STATUS.length + 1)) expect(row![statusCol]).toBe('');
    expect(rt.ui.toasts.at(-1)!.message).toMatch(/^Checked 10 leads/);
  });

  it('writes nothing when row 1 names no lead field, and says so', () => {
    const rows = [
      ['Notes', 'Whatever'],
      ['a', 'b'],
    ];
    const { rt } = leadsRuntime(rows);
    const before = JSON.stringify(rt.toWorkbook());
    rt.call('checkLeadsNow');
    expect(JSON.stringify(rt.toWorkbook())).toBe(before);
    const message = rt.ui.toasts.at(-1)!.message;
    expect(message).toContain('names no column we know');
    expect(message).toContain('Nothing was written');
    expect(String(runLog(rt)[0]!.error)).toContain('names no column we know');
  });

  it('runs without a First contact at column and says the column was not found', () => {
    const header = HEADER.filter((h) => h !== 'First contact at');
    const rows = [header, ...EVERY_STATUS.map((s) => rowOf(header, s.row))];
    const { rt } = leadsRuntime(rows);
    rt.call('checkLeadsNow');
    expect(rt.ui.toasts.at(-1)!.message).toMatch(/^Checked 10 leads/);
    const notes = (runLog(rt)[0]!.notes as string[]).join(' ');
    expect(notes).toMatch(/Not found: [^.]*First contact at/);
  });

  it('explains a missing Leads sheet instead of failing', () => {
    const rt = createRuntime({ timeZone: 'Europe/Paris' });
    rt.load();
    expect(() => rt.call('checkLeadsNow')).not.toThrow();
    expect(rt.ui.toasts.at(-1)!.message).toMatch(
      /no "Leads" sheet and no sheet whose row 1 names lead fields.*Set up workbook/,
    );
  });

  it('falls back to the default settings on corrupt settings and says so', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    rt.documentProperties.setProperty('sla.settings', '{not json');
    rt.call('checkLeadsNow');
    const messages = rt.ui.toasts.map((t) => t.message);
    expect(messages.some((m) => /not valid JSON; using the defaults/.test(m))).toBe(true);
    expect(messages.at(-1)).toMatch(/^Checked 10 leads/);
    expect((runLog(rt)[0]!.notes as string[]).join(' ')).toMatch(/using the defaults/);
  });

  it('notes scoring criteria on columns the sheet does not have', () => {
    const { rt } = leadsRuntime(everyStatusRows());
    rt.call('checkLeadsNow');
    const notes = (runLog(rt)[0]!.notes as string[]).join('\n');
    expect(notes).toMatch(
      /Scoring ignored the criteria on columns Leads does not have: "Company size" \(Company of 50 to 1,000\), "Industry" \(Target industry\)/,
    );
  });

  it('uses a small constant number of Sheets calls: 10 rows = 1,000 rows', () => {
    const callsFor = (n: number): number => {
      const rows: unknown[][] = [HEADER];
      for (let i = 0; i < n; i++) {
        const s = EVERY_STATUS[i % EVERY_STATUS.length]!;
        rows.push(rowOf(HEADER, { ...s.row, 'Lead ID': `X-${i}` }));
      }
      const { rt } = leadsRuntime(rows);
      rt.call('checkLeadsNow'); // first run creates the headers
      rt.calls.reset();
      rt.call('checkLeadsNow');
      return rt.calls.sheets;
    };
    const small = callsFor(10);
    const large = callsFor(1000);
    expect(large).toBe(small);
    // the sheet read and written in batches, our columns found by their marks, the live rules,
    // row 1 of the other sheets (is one an activity log?) and the check's time stamped for
    // SLA_SCORE: a constant, whatever the rows
    expect(small).toBeLessThan(50);
  });
});

describe('writes land on the right lead when rows move during the run', () => {
  function expectStatusesByLeadId(rt: ReturnType<typeof createRuntime>): void {
    const status = byLeadId(rt);
    for (const { expect: word, row } of EVERY_STATUS) {
      const text = status.get(String(row['Lead ID']));
      if (text === undefined) continue; // deleted meanwhile
      expect(String(text).startsWith(word), `${row['Lead ID']}: ${String(text)}`).toBe(true);
    }
  }

  function withHook(hook: (sheet: ReturnType<typeof leadsRuntime>['sheet']) => void) {
    const lr = leadsRuntime(everyStatusRows(), { persistentGlobals: true });
    const sla = (lr.rt.context() as unknown as { SLA: { checkHooks: { beforeWrite: unknown } } })
      .SLA;
    sla.checkHooks.beforeWrite = () => hook(lr.sheet);
    return lr;
  }

  it('a sort by Lead ID (descending) between the read and the write', () => {
    const { rt } = withHook((sheet) => {
      sheet.sort(1, false);
    });
    rt.call('checkLeadsNow');
    expectStatusesByLeadId(rt);
    const s = workbookSheet(rt);
    // the sort really moved rows
    expect(s.values[1]![0]).not.toBe('L-001');
  });

  it('rows inserted and deleted meanwhile: new rows stay blank, deleted leads are skipped', () => {
    const { rt } = withHook((sheet) => {
      sheet.insertRowsBefore(3, 2);
      sheet.getRange(3, 1, 1, 2).setValues([['L-NEW', 'Newcomer']]);
      sheet.deleteRow(8); // L-005 (row 6 before the insert)
    });
    rt.call('checkLeadsNow');
    expectStatusesByLeadId(rt);
    const status = byLeadId(rt);
    expect(status.has('L-005')).toBe(false);
    expect(status.get('L-NEW')).toBe('');
    expect((runLog(rt)[0]!.notes as string[]).join(' ')).toMatch(
      /placed by Lead ID \(1 lead no longer/,
    );
  });

  it('keeps our previous results on rows it cannot match (re-run after a move)', () => {
    const lr = leadsRuntime(everyStatusRows(), { persistentGlobals: true });
    lr.rt.call('checkLeadsNow');
    const sla = (lr.rt.context() as unknown as { SLA: { checkHooks: { beforeWrite: unknown } } })
      .SLA;
    sla.checkHooks.beforeWrite = () => {
      lr.sheet.sort(2, true);
      lr.sheet.getRange(2, 1).setValue('L-RENAMED');
    };
    lr.rt.call('checkLeadsNow');
    const s = workbookSheet(lr.rt);
    const statusCol = s.values[0]!.indexOf('SLA status');
    // the renamed row keeps the status it had (its own row's previous result moved with it)
    expect(String(s.values[1]![statusCol])).not.toBe('');
    expectStatusesByLeadId(lr.rt);
  });
});
