import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openWorkbook } from '../../../runtime/index.ts';
import { decoratedWorkbook } from '../../fixtures/decoratedWorkbook.ts';
import { runtimeWithScript, tempDir } from '../fixtures.ts';

const SCRIPT = `
function richLink() {
  var sheet = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S');
  var bold = SpreadsheetApp.newTextStyle().setBold(true).build();
  var value = SpreadsheetApp.newRichTextValue()
    .setText('Ann Lee, site')
    .setTextStyle(0, 3, bold)
    .setLinkUrl(9, 13, 'https://example.com')
    .build();
  sheet.getRange('A1').setRichTextValue(value);
  var back = sheet.getRange('A1').getRichTextValue();
  return {
    value: sheet.getRange('A1').getValue(),
    runs: back.getRuns().map(function (r) {
      return [r.getText(), r.getStartIndex(), r.getTextStyle().isBold(), r.getLinkUrl()];
    }),
    wholeLink: back.getLinkUrl(),
    partLink: back.getLinkUrl(9, 13),
    wholeBold: back.getTextStyle().isBold(),
  };
}
function overwrite() {
  var range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange('A1');
  range.setValue('plain');
  var rich = range.getRichTextValue();
  return [rich.getText(), rich.getLinkUrl(), rich.getRuns().length];
}
function numberCell() {
  var range = SpreadsheetApp.getActiveSpreadsheet().getSheetByName('S').getRange('B1');
  range.setValue(42);
  return range.getRichTextValue();
}
`;

describe('rich text in the model', () => {
  it('builds, stores and reads runs, styles and links like RichTextValue', () => {
    const rt = runtimeWithScript(SCRIPT, {}, { S: [['']] });
    expect(rt.call('richLink')).toEqual({
      value: 'Ann Lee, site',
      runs: [
        ['Ann', 0, true, null],
        [' Lee, ', 3, null, null],
        ['site', 9, null, 'https://example.com'],
      ],
      wholeLink: null,
      partLink: 'https://example.com',
      wholeBold: null,
    });
  });

  it('a value written over rich text replaces it; numbers have no rich text', () => {
    const rt = runtimeWithScript(SCRIPT, {}, { S: [['']] });
    rt.call('richLink');
    expect(rt.call('overwrite')).toEqual(['plain', null, 1]);
    expect(rt.call('numberCell')).toBeNull();
  });
});

describe('a loaded workbook as the add-in sees it', () => {
  it('reads rich text, links, errors, validations and merges like Sheets', async () => {
    const file = join(tempDir(), 'team-book.xlsx');
    await decoratedWorkbook().xlsx.writeFile(file);
    const rt = (await openWorkbook(file)).runtime;
    const ss = rt.spreadsheet;
    const leads = ss.getSheetByName('Leads')!;
    const name = leads.getRange('B2').getRichTextValue()!;
    expect(name.getText()).toBe('Ann Lee');
    expect(name.getRuns().map((r) => [r.getText(), r.getTextStyle().isBold()])).toEqual([
      ['Ann ', true],
      ['Lee', null],
    ]);
    expect(name.getRuns()[1]!.getTextStyle().isItalic()).toBe(true);
    expect(leads.getRange('C2').getValue()).toBe('ann@example.com');
    expect(leads.getRange('C2').getRichTextValue()!.getLinkUrl()).toBe('mailto:ann@example.com');
    expect(leads.getRange('L2:L4').getValues()).toEqual([['#N/A'], ['#DIV/0!'], [2400]]);
    expect(leads.getRange('L2').getDisplayValue()).toBe('#N/A');
    expect(leads.errors.get(1, 11)).toBe('#N/A');
    expect(leads.getRange('L3').getFormula()).toBe('=J3/0');
    const source = leads.getRange('D3').getDataValidation()!;
    expect(String(source.getCriteriaType())).toBe('VALUE_IN_LIST');
    expect(source.getCriteriaValues()).toEqual([['Web', 'Event', 'Referral'], true]);
    const stage = leads.getRange('F2').getDataValidation()!;
    expect(String(stage.getCriteriaType())).toBe('VALUE_IN_RANGE');
    const list = stage.getCriteriaValues()[0] as { getA1Notation(): string; getSheet(): unknown };
    expect(list.getA1Notation()).toBe('A1:A8');
    expect(leads.getRange('A2').getNote()).toBe('Called twice, no answer');
    expect(leads.isRowHiddenByUser(7)).toBe(true);
    expect(leads.isColumnHiddenByUser(13)).toBe(true);
    expect(leads.getFrozenRows()).toBe(1);
    expect(leads.getFrozenColumns()).toBe(1);
    expect(leads.fontFamilies.get(1, 4)).toBe('Georgia');
    expect(leads.getRange('E2').getFontStyle()).toBe('italic');
    const cover = ss.getSheetByName('Cover')!;
    expect(cover.getRange('B1').isPartOfMerge()).toBe(true);
    expect(cover.getRange('A2:D2').isPartOfMerge()).toBe(false);
    expect(
      cover
        .getRange('C3')
        .getMergedRanges()
        .map((r) => r.getA1Notation()),
    ).toEqual(['B3:C3']);
    expect(cover.getRange('B1').getValue()).toBe('');
    expect(ss.getSheetByName('Lists')!.isSheetHidden()).toBe(true);
    expect(cover.getTabColor()).toBe('#00b050');
  });
});
