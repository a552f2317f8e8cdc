/** Developer metadata, named ranges and their place in the offline .xlsx state. */
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { createRuntime, openWorkbook, saveWorkbook } from '../../../runtime/index.ts';
import { runtimeWithScript, tempDir } from '../fixtures.ts';

const SCRIPT = `
var SLA = {};
function mark(name, key, value, visibility) {
  var sheet = SpreadsheetApp.getActive().getSheetByName(name);
  if (visibility) sheet.addDeveloperMetadata(key, value, SpreadsheetApp.DeveloperMetadataVisibility[visibility]);
  else if (value !== undefined) sheet.addDeveloperMetadata(key, value);
  else sheet.addDeveloperMetadata(key);
  return sheet.getName();
}
function marks(name) {
  return SpreadsheetApp.getActive().getSheetByName(name).getDeveloperMetadata().map(function (m) {
    return [m.getKey(), m.getValue(), String(m.getVisibility()), String(m.getLocation().getLocationType())];
  });
}
function unmark(name) {
  SpreadsheetApp.getActive().getSheetByName(name).getDeveloperMetadata().forEach(function (m) { m.remove(); });
}
function rename(from, to) { SpreadsheetApp.getActive().getSheetByName(from).setName(to); }
function name(n, a1) {
  var ss = SpreadsheetApp.getActive();
  ss.setNamedRange(n, ss.getRange(a1));
}
function byName(n) { var r = SpreadsheetApp.getActive().getRangeByName(n); return r ? r.getSheet().getName() + '!' + r.getA1Notation() : null; }
function names() { return SpreadsheetApp.getActive().getNamedRanges().map(function (r) { return r.getName(); }); }
function bad(call) { try { call(); return null; } catch (e) { return e.message; } }
function badName() { return bad(function () { name('A1', 'Data!A1'); }); }
function badKey() { return bad(function () { SpreadsheetApp.getActive().getSheetByName('Data').addDeveloperMetadata(''); }); }
`;

function rt() {
  return runtimeWithScript(SCRIPT, {}, { Data: [['head'], [1]], Other: [['x']] });
}

describe('developer metadata on sheets', () => {
  it('adds and reads marks in the four call forms, DOCUMENT by default', () => {
    const r = rt();
    r.call('mark', 'Data', 'a');
    r.call('mark', 'Data', 'b', 'v');
    r.call('mark', 'Data', 'c', 'w', 'PROJECT');
    expect(r.call('marks', 'Data')).toEqual([
      ['a', null, 'DOCUMENT', 'SHEET'],
      ['b', 'v', 'DOCUMENT', 'SHEET'],
      ['c', 'w', 'PROJECT', 'SHEET'],
    ]);
    expect(r.call('marks', 'Other')).toEqual([]);
    expect(r.call('badKey')).toMatch(/parameters .* don't match/);
  });

  it('follows the sheet when renamed, and is removed by remove()', () => {
    const r = rt();
    r.call('mark', 'Data', 'ours', 'Data');
    r.call('rename', 'Data', 'Renamed');
    expect(r.call('marks', 'Renamed')).toEqual([['ours', 'Data', 'DOCUMENT', 'SHEET']]);
    r.call('unmark', 'Renamed');
    expect(r.call('marks', 'Renamed')).toEqual([]);
  });

  it('hides PROJECT marks from another script project', () => {
    const r = rt();
    r.call('mark', 'Data', 'doc', 'x', 'DOCUMENT');
    r.call('mark', 'Data', 'mine', 'y', 'PROJECT');
    r.spreadsheet.projectId = 'another-project';
    expect(r.call('marks', 'Data')).toEqual([['doc', 'x', 'DOCUMENT', 'SHEET']]);
  });

  it('is kept in the offline state: the next run on the result file sees its marks', async () => {
    const dir = tempDir();
    const first = createRuntime();
    first.addSheet('Ours', [['Title'], [1]]);
    first.addSheet('Mine', [['Mine']]);
    first.loadSource(SCRIPT);
    first.call('mark', 'Ours', 'sla', 'Ours');
    await saveWorkbook(first, join(dir, 'a.xlsx'));
    const opened = await openWorkbook(join(dir, 'a.xlsx'));
    opened.runtime.loadSource(SCRIPT);
    expect(opened.runtime.call('marks', 'Ours')).toEqual([['sla', 'Ours', 'DOCUMENT', 'SHEET']]);
    expect(opened.runtime.call('marks', 'Mine')).toEqual([]);
    // written back onto the file by the write-back path too
    await opened.save(join(dir, 'b.xlsx'));
    const again = await openWorkbook(join(dir, 'b.xlsx'));
    again.runtime.loadSource(SCRIPT);
    expect(again.runtime.call('marks', 'Ours')).toEqual([['sla', 'Ours', 'DOCUMENT', 'SHEET']]);
  });

  it('gives no mark back to a sheet of that name that was replaced outside the runtime', async () => {
    const dir = tempDir();
    const first = createRuntime();
    first.addSheet('Ours', [['Title']]);
    first.loadSource(SCRIPT);
    first.call('mark', 'Ours', 'sla', 'Ours');
    await saveWorkbook(first, join(dir, 'a.xlsx'));
    // in Excel, the user deletes that sheet and makes their own of the same name (A1 differs)
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(join(dir, 'a.xlsx'));
    wb.getWorksheet('Ours')!.getCell('A1').value = 'My own';
    await wb.xlsx.writeFile(join(dir, 'b.xlsx'));
    const replaced = await openWorkbook(join(dir, 'b.xlsx'));
    replaced.runtime.loadSource(SCRIPT);
    expect(replaced.runtime.call('marks', 'Ours')).toEqual([]);
  });
});

describe('named ranges', () => {
  it('names a range, finds it ignoring case, lists and refuses cell-like names', () => {
    const r = rt();
    r.call('name', 'My_Cell', 'Data!A2');
    expect(r.call('byName', 'my_cell')).toBe('Data!A2');
    expect(r.call('names')).toEqual(['My_Cell']);
    expect(r.call('byName', 'nope')).toBeNull();
    expect(r.call('badName')).toMatch(/cell reference/);
  });

  it('no longer resolves once its sheet is deleted', () => {
    const r = rt();
    r.call('name', 'Gone', 'Other!A1');
    r.spreadsheet.deleteSheet(r.spreadsheet.findSheet('Other')!);
    expect(r.call('byName', 'Gone')).toBeNull();
  });

  it('is written to the file as a defined name and read back', async () => {
    const dir = tempDir();
    const first = createRuntime();
    first.addSheet('My data', [['v'], [7]]);
    first.loadSource(SCRIPT);
    first.call('name', 'Seven', "'My data'!A2");
    await saveWorkbook(first, join(dir, 'a.xlsx'));
    const opened = await openWorkbook(join(dir, 'a.xlsx'));
    opened.runtime.loadSource(SCRIPT);
    expect(opened.runtime.call('byName', 'Seven')).toBe('My data!A2');
    opened.runtime.call('name', 'Seven', "'My data'!A1");
    await opened.save(join(dir, 'b.xlsx'));
    const again = await openWorkbook(join(dir, 'b.xlsx'));
    again.runtime.loadSource(SCRIPT);
    expect(again.runtime.call('byName', 'Seven')).toBe('My data!A1');
  });
});
