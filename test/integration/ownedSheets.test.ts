/**
 * A user's sheet that has the name of one the add-in generates is never cleared or written, on
 * any path (menu, timer, sidebar save, set-up), and the add-in's own sheet goes beside it. The
 * figure of issue 12: user cells changed across every name collision, which must be 0.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createRuntime, openWorkbook, type Runtime, saveWorkbook } from '../../runtime/index.ts';
import { OWNED_SHEET_KEY } from '../../src/core/common/ownedSheetNames.ts';
import { defaultSettings } from '../../src/core/settings/index.ts';
import type { SidebarSaveResult } from '../../src/sidebarContract.ts';
import { rowOf } from '../fixtures/leads.ts';
import { runLog } from '../fixtures/properties.ts';
import { tempDir } from '../runtime/fixtures.ts';
import { EVERY_STATUS, HEADER, leadsRuntime, NOW, userCells } from './leadsHelpers.ts';

/** Every sheet the add-in generates, by the name it would take. */
const GENERATED = [
  'Planning',
  'SLA Agreement',
  'SLA Review 2026-10',
  'SLA History',
  'SLA Settings',
];

function leadRows(): unknown[][] {
  return [HEADER, ...EVERY_STATUS.map((s) => rowOf(HEADER, s.row))];
}

/** A user's own sheet: six values, a formula-looking text, a colour and a note. */
function addUserSheet(rt: Runtime, name: string): void {
  const sheet = rt.addSheet(name, [
    ['My notes', 'Owner', 42],
    ['=not ours', new Date('2026-10-05T08:00:00Z'), 'keep me'],
  ]);
  sheet.backgrounds.set(0, 0, '#ffff00');
  sheet.notes.set(1, 2, 'a note of mine');
}

function snapshot(rt: Runtime): Map<string, Map<string, string>> {
  return new Map(GENERATED.map((name) => [name, userCells(rt, name)]));
}

/** User cells changed (altered, removed or added) between two snapshots. */
function changedCells(a: Map<string, Map<string, string>>, b: Map<string, Map<string, string>>) {
  let changed = 0;
  for (const [name, before] of a) {
    const after = b.get(name)!;
    for (const key of new Set([...before.keys(), ...after.keys()]))
      if (before.get(key) !== after.get(key)) changed++;
  }
  return changed;
}

const marks = (rt: Runtime, name: string) =>
  rt.spreadsheet.findSheet(name)!.developerMetadata.map((m) => [m.key, m.value]);

const save = (rt: Runtime): SidebarSaveResult =>
  rt.call('sidebarSave', JSON.stringify(defaultSettings())) as SidebarSaveResult;

describe("a user's sheet with the name of a generated one", () => {
  it('is never written, on any path: the add-in writes beside it and says so once', () => {
    const { rt } = leadsRuntime(leadRows());
    for (const name of GENERATED) addUserSheet(rt, name);
    const before = snapshot(rt);

    rt.call('setUpWorkbook'); // menu
    const told = rt.ui.toasts.at(-1)!.message;
    for (const name of ['Planning', 'SLA Agreement', 'SLA Settings'])
      expect(told).toContain(`"${name}" was not made by SLA Sheets`);
    rt.call('runMonthlyReview', '2026-10'); // menu
    rt.call('startMonitoring');
    rt.fireTimeTriggers(NOW); // the timer's check and its monthly review of 2026-10
    const saved = save(rt); // the sidebar's save regenerates the agreement
    rt.call('runMonthlyReview', '2026-10');
    rt.call('setUpWorkbook');
    save(rt);

    const changed = changedCells(before, snapshot(rt));
    console.log(
      `[figure] user cells changed across ${GENERATED.length} name collisions, 6 paths: ${changed}`,
    );
    expect(changed).toBe(0);
    for (const name of GENERATED) {
      expect(marks(rt, name)).toEqual([]);
      expect(marks(rt, `${name} (SLA Sheets)`)).toEqual([[OWNED_SHEET_KEY, name]]);
    }
    // each beside sheet holds the add-in's output
    const review = rt.spreadsheet.findSheet('SLA Review 2026-10 (SLA Sheets)')!;
    expect(String(review.values.get(0, 0))).toBe('SLA monthly review · October 2026');
    // said once per name: set-up told of the agreement, the second review adds no notice
    expect(saved.warning).toBeUndefined();
    const reviewNotes = runLog(rt, 'review').map((e) => (e.notes ?? []).join(' '));
    expect(reviewNotes.filter((n) => n.includes('was not made by SLA Sheets'))).toHaveLength(1);
    expect(save(rt).warning).toBeUndefined();
  });

  it("carries the sign-off rows of an older version's agreement into the add-in's new one", () => {
    const { rt } = leadsRuntime(leadRows());
    rt.call('setUpWorkbook');
    // as an older version left it: the same sheet without the mark, signed by sales
    const agreement = rt.spreadsheet.findSheet('SLA Agreement')!;
    agreement.developerMetadata.splice(0);
    const signRow = agreement.values.rows.findIndex((r) => r?.[0] === 'Sales');
    agreement.getRange(signRow + 1, 2, 1, 3).setValues([['Sam', 'Sam', '2026-04-02']]);
    const before = userCells(rt, 'SLA Agreement');
    expect(save(rt).warning).toMatch(/^Saved\. "SLA Agreement" was not made by SLA Sheets/);
    expect(userCells(rt, 'SLA Agreement')).toEqual(before);
    const ours = rt.spreadsheet.findSheet('SLA Agreement (SLA Sheets)')!;
    const signed = ours.values.rows.find((r) => r?.[0] === 'Sales')!;
    expect(signed.slice(1, 4)).toEqual(['Sam', 'Sam', '2026-04-02']);
  });

  it('offline: the next run on a result file knows its own sheets and rewrites them in place', async () => {
    const dir = tempDir();
    const book = createRuntime({ timeZone: 'Europe/Paris' });
    book.addSheet('Leads', leadRows());
    book.addSheet('SLA History', [['My own history']]);
    await saveWorkbook(book, join(dir, 'book.xlsx'));
    let path = join(dir, 'book.xlsx');
    const names: string[][] = [];
    for (let run = 0; run < 2; run++) {
      const opened = await openWorkbook(path, { timeZone: 'Europe/Paris' });
      opened.runtime.load();
      opened.runtime.setNow(NOW);
      opened.runtime.call('setUpWorkbook');
      opened.runtime.call('runMonthlyReview', '2026-10');
      path = join(dir, `result-${run}.xlsx`);
      await opened.save(path);
      names.push(opened.runtime.spreadsheet.sheetList().map((s) => s.sheetName));
    }
    expect(names[1]).toEqual(names[0]);
    expect(names[1]).toContain('SLA History (SLA Sheets)');
    expect(names[1]!.filter((n) => n.includes('(SLA Sheets 2)'))).toEqual([]);
    const last = await openWorkbook(path);
    expect(last.runtime.spreadsheet.findSheet('SLA History')!.values.get(0, 0)).toBe(
      'My own history',
    );
  });
});
