import { describe, expect, it } from 'vitest';
import { createRuntime } from '../../runtime/index.ts';

describe('performance on 100,000 x 30', () => {
  it('reads and writes a 100,000-row sheet in one call each, quickly', () => {
    const rows: unknown[][] = [];
    for (let i = 0; i < 100_000; i++) {
      const r: unknown[] = [];
      for (let j = 0; j < 30; j++) {
        r.push(j === 5 ? new Date(1_700_000_000_000 + i * 60_000) : j % 2 ? `s${i}` : i * j);
      }
      rows.push(r);
    }
    const rt = createRuntime({ now: () => new Date(performance.timeOrigin + performance.now()) });
    rt.addSheet('Big', rows);
    rt.loadSource(`function run() {
      var r = SpreadsheetApp.getActive().getSheetByName('Big').getDataRange();
      var t0 = Date.now(); var v = r.getValues(); var t1 = Date.now();
      r.setValues(v); var t2 = Date.now();
      return [v.length, v[0].length, t1 - t0, t2 - t1, v[7][5] instanceof Date];
    }`);
    const [n, m, readMs, writeMs, isDate] = rt.call('run') as [
      number,
      number,
      number,
      number,
      boolean,
    ];
    expect([n, m, isDate]).toEqual([100_000, 30, true]);
    // Target is well under 200 ms each on an idle machine; the bound is loose for busy CI.
    expect(readMs).toBeLessThan(1000);
    expect(writeMs).toBeLessThan(1000);
    expect(rt.calls.byMethod['Range.getValues']).toBe(1);
  }, 60_000);
});
