import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../../runtime/index.ts';

// Timing of these paths lives in `npm run bench`; this proves a big sheet round-trips intact.
describe('a 100,000 x 30 sheet', () => {
  it('reads and writes in one call each, keeping every value and type', () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 100_000; i++) {
      const r: unknown[] = [];
      for (let j = 0; j < 30; j++) {
        r.push(j === 5 ? new Date(1_700_000_000_000 + i * 60_000) : j % 2 ? `s${i}` : i * j);
      }
      rows.push(r);
    }
    const rt = createRuntime();
    rt.addSheet('Big', rows);
    rt.loadSource(`function run() {
      var r = SpreadsheetApp.getActive().getSheetByName('Big').getDataRange();
      var v = r.getValues();
      v[99999][1] = 'changed';
      r.setValues(v);
      var again = r.getValues();
      return [again.length, again[0].length, again[7][5] instanceof Date, again[7][5].getTime(), again[99999][1], again[99999][2]];
    }`);
    expect(rt.call('run')).toEqual([
      100_000,
      30,
      true,
      1_700_000_000_000 + 7 * 60_000,
      'changed',
      99_999 * 2,
    ]);
    expect(rt.calls.byMethod['Range.getValues']).toBe(2);
    expect(rt.calls.byMethod['Range.setValues']).toBe(1);
  }, 60_000);
});
