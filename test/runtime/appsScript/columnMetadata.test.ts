/** Developer metadata on whole columns: added, found, moved with its column, kept offline. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createRuntime, openWorkbook, saveWorkbook } from '../../../runtime/index.ts';
import { runtimeWithScript, tempDir } from '../fixtures.ts';

const SCRIPT = `
var SLA = {};
function sheet(name) { return SpreadsheetApp.getActive().getSheetByName(name || 'Data'); }
function markColumn(letter, value) {
  sheet().getRange(letter + ':' + letter).addDeveloperMetadata('col', value);
}
function markPart(a1) {
  try { sheet().getRange(a1).addDeveloperMetadata('col', 'x'); return null; } catch (e) { return e.message; }
}
function found(name) {
  return sheet(name).createDeveloperMetadataFinder().withKey('col').find().map(function (m) {
    var where = m.getLocation();
    return [m.getValue(), String(where.getLocationType()), where.getColumn().getColumn()];
  });
}
function ofColumn(letter) {
  return sheet().getRange(letter + ':' + letter).getDeveloperMetadata().map(function (m) { return m.getValue(); });
}
function sheetMarks() { return sheet().getDeveloperMetadata().length; }
function insertBefore(col, n) { sheet().insertColumnsBefore(col, n); }
function remove(col) { sheet().deleteColumn(col); }
`;

function rt() {
  return runtimeWithScript(
    SCRIPT,
    {},
    { Data: [['A', 'B', 'C', 'D']], Copy: [['A', 'B', 'C', 'D']] },
  );
}

describe('developer metadata on whole columns', () => {
  it('marks a whole column only, and is found by key with its column', () => {
    const r = rt();
    r.call('markColumn', 'C', 'score');
    expect(r.call('found')).toEqual([['score', 'COLUMN', 3]]);
    expect(r.call('ofColumn', 'C')).toEqual(['score']);
    expect(r.call('ofColumn', 'B')).toEqual([]);
    // a column mark is not a mark of the sheet, and another sheet has none
    expect(r.call('sheetMarks')).toBe(0);
    expect(r.call('found', 'Copy')).toEqual([]);
    expect(r.call('markPart', 'C1:C5')).toMatch(/arbitrary ranges is not currently supported/);
  });

  it('moves with its column when columns are inserted before it, and goes with it', () => {
    const r = rt();
    r.call('markColumn', 'C', 'score');
    r.call('markColumn', 'D', 'status');
    r.call('insertBefore', 1, 2);
    expect(r.call('found')).toEqual([
      ['score', 'COLUMN', 5],
      ['status', 'COLUMN', 6],
    ]);
    r.call('remove', 5);
    expect(r.call('found')).toEqual([['status', 'COLUMN', 5]]);
  });

  it('is kept in the offline file and follows its header when Excel moved the columns', async () => {
    const dir = tempDir();
    const first = createRuntime();
    first.addSheet('Data', [['Name', 'Score', 'Notes']]);
    first.loadSource(SCRIPT);
    first.call('markColumn', 'B', 'score');
    await saveWorkbook(first, join(dir, 'a.xlsx'));
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    const ws = wb.getWorksheet('Data')!;
    ws.getCell('B1').value = 'Notes';
    ws.getCell('C1').value = 'Score';
    await wb.xlsx.writeFile(join(dir, 'b.xlsx'));
    const opened = await openWorkbook(join(dir, 'b.xlsx'));
    opened.runtime.loadSource(SCRIPT);
    expect(opened.runtime.call('found')).toEqual([['score', 'COLUMN', 3]]);
  });
});

describe('planted failures', () => {
  const FAULTS = `
var SLA = {};
function writeTwice() {
  var out = [];
  for (var i = 0; i < 3; i++) {
    try { PropertiesService.getDocumentProperties().setProperty('k' + i, 'v'); out.push('ok'); }
    catch (e) { out.push(e.message); }
  }
  return out;
}
function readThenWrite() {
  var props = PropertiesService.getDocumentProperties();
  var out = [];
  props.setProperty('a', '1');
  props.getProperty('a');
  try { props.setProperty('b', '2'); out.push('ok'); } catch (e) { out.push(e.message); }
  return out;
}
`;
  it('throws once at the planned call', () => {
    const r = runtimeWithScript(FAULTS);
    r.failCall('Properties.setProperty', { after: 1 });
    expect(r.call('writeTwice')).toEqual(['ok', 'Service error: try again later.', 'ok']);
  });

  it('counts only the calls made after the arming call', () => {
    const r = runtimeWithScript(FAULTS);
    r.failCall('Properties.setProperty', { armedBy: 'Properties.getProperty' });
    expect(r.call('writeTwice')).toEqual(['ok', 'ok', 'ok']); // never armed: no read
    expect(r.call('readThenWrite')).toEqual(['Service error: try again later.']);
  });

  it('cuts the execution off: every later call of it throws, the next execution runs', () => {
    const r = runtimeWithScript(FAULTS);
    r.failCall('Properties.setProperty', { after: 1, kill: true });
    const limit = 'Exceeded maximum execution time';
    expect(r.call('writeTwice')).toEqual(['ok', limit, limit]);
    expect(r.documentProperties.getKeys().sort()).toEqual(['k0']);
    expect(r.call('writeTwice')).toEqual(['ok', 'ok', 'ok']);
  });
});
