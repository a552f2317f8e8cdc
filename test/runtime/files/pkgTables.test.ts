import { describe, expect, it } from 'vitest';
import { StringMerge } from '../../../runtime/files/pkgStrings.ts';
import { StyleMerge } from '../../../runtime/files/pkgStyles.ts';
import { keptWorkbook } from '../../../runtime/files/pkgWorkbook.ts';

const MAIN = 'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
const FILE_STYLES = `<styleSheet ${MAIN}><numFmts count="1"><numFmt numFmtId="164" formatCode="0.0%"/></numFmts><fonts count="1"><font><sz val="11"/></font></fonts><fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills><borders count="1"><border/></borders><cellStyleXfs count="1"><xf/></cellStyleXfs><cellXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0"/></cellStyles><tableStyles count="0"/></styleSheet>`;
const OUTPUT_STYLES = `<styleSheet ${MAIN}><numFmts count="2"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/><numFmt numFmtId="165" formatCode="0.0%"/></numFmts><fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts><fills count="3"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill><fill><patternFill patternType="solid"><fgColor rgb="FFFF0000"/></patternFill></fill></fills><borders count="1"><border/></borders><cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="164" fontId="1" fillId="2" borderId="0"/><xf numFmtId="165" fontId="0" fillId="0" borderId="0"/></cellXfs><dxfs count="1"><dxf><font><b/></font></dxf></dxfs></styleSheet>`;

describe('StyleMerge: the output styles appended to the file table', () => {
  it('keeps the file bytes when no style is needed', () => {
    expect(new StyleMerge(FILE_STYLES, OUTPUT_STYLES).xml()).toBe(FILE_STYLES);
  });

  it('appends a style with its font, fill and number format, reusing what the file has', () => {
    const merge = new StyleMerge(FILE_STYLES, OUTPUT_STYLES);
    expect(merge.cellStyle(1)).toBe(1);
    expect(merge.cellStyle(2)).toBe(2);
    expect(merge.cellStyle(1)).toBe(1);
    expect(merge.differentialStyle(0)).toBe(0);
    const xml = merge.xml();
    // the file's own entries keep their places; the date format gets a free id
    expect(xml).toContain(
      '<numFmts count="2"><numFmt numFmtId="164" formatCode="0.0%"/><numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></numFmts>',
    );
    expect(xml).toContain(
      '<fonts count="2"><font><sz val="11"/></font><font><b/><sz val="11"/></font></fonts>',
    );
    expect(xml).toContain(
      '<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><xf numFmtId="165" fontId="1" fillId="2" borderId="0"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0"/></cellXfs>',
    );
    // a list the file lacked goes where the schema puts it: dxfs after cellStyles
    expect(xml).toMatch(
      /<\/cellStyles><dxfs count="1"><dxf><font><b\/><\/font><\/dxf><\/dxfs><tableStyles/,
    );
  });

  it("appends in the file's namespace prefix, and finds the file's own prefixed entries", () => {
    const prefixed = FILE_STYLES.replace(/<(\/?)(?=\w)/g, '<$1x:').replace(`xmlns="`, `xmlns:x="`);
    const merge = new StyleMerge(prefixed, OUTPUT_STYLES);
    // the 0.0% format is the file's own (id 164), found though the file writes it prefixed
    expect(merge.cellStyle(2)).toBe(1);
    expect(merge.xml()).toContain(
      '<x:cellXfs count="2"><x:xf numFmtId="0" fontId="0" fillId="0" borderId="0"/><x:xf numFmtId="164" fontId="0" fillId="0" borderId="0"/></x:cellXfs>',
    );
    // the bold font and the date format are new: appended with the prefix
    expect(merge.cellStyle(1)).toBe(2);
    expect(merge.xml()).toContain(
      '<x:fonts count="2"><x:font><x:sz val="11"/></x:font><x:font><x:b/><x:sz val="11"/></x:font></x:fonts>',
    );
    expect(merge.xml()).toContain('<x:numFmt numFmtId="165" formatCode="yyyy-mm-dd"/></x:numFmts>');
    expect(merge.xml()).not.toMatch(/<(font|xf|numFmt|fill)\b/);
  });
});

describe('StringMerge: the output strings appended to the file table', () => {
  const file = `<sst ${MAIN} count="3" uniqueCount="2"><si><t>Ann</t></si><si><t>Bob</t></si></sst>`;
  const output = `<sst ${MAIN} count="9" uniqueCount="3"><si><t>Met</t></si><si><r><t>Over</t></r></si><si><t>Ann</t></si></sst>`;

  it('appends each string once after the file strings, the counts updated', () => {
    const merge = new StringMerge(file, output);
    expect([merge.index(0), merge.index(1), merge.index(0)]).toEqual([2, 3, 2]);
    expect(merge.xml()).toBe(
      `<sst ${MAIN} count="6" uniqueCount="4"><si><t>Ann</t></si><si><t>Bob</t></si><si><t>Met</t></si><si><r><t>Over</t></r></si></sst>`,
    );
  });

  it('is null (the file part as it was) when nothing is needed, and made when the file had none', () => {
    expect(new StringMerge(file, output).xml()).toBeNull();
    const created = new StringMerge(null, output);
    expect(created.index(0)).toBe(0);
    expect(created.xml()).toMatch(/count="1" uniqueCount="1"><si><t>Met<\/t><\/si><\/sst>$/);
  });
});

describe('keptWorkbook', () => {
  const R = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
  const workbook = `<workbook ${MAIN} ${R}><workbookProtection lockStructure="1"/><bookViews><workbookView activeTab="2"/></bookViews><sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="B" sheetId="4" r:id="rId2"/><sheet name="C" sheetId="3" r:id="rId3"/></sheets><definedNames><definedName name="Total">A!$A$1</definedName><definedName name="_xlnm.Print_Area" localSheetId="1">B!$A$1:$B$2</definedName><definedName name="_xlnm.Print_Area" localSheetId="2">C!$A$1</definedName></definedNames><calcPr calcId="191029"/></workbook>`;

  it('keeps the file sheets and their names, follows removals and renames, adds new sheets', () => {
    const xml = keptWorkbook(
      workbook,
      [
        { name: 'A', state: 'visible', fileName: 'A', relId: null },
        { name: 'C2', state: 'hidden', fileName: 'C', relId: null },
        { name: 'New', state: 'veryHidden', fileName: null, relId: 'rId9' },
      ],
      { before: new Map([['Total', 'A!$A$1']]), now: new Map([['Total', 'A!$B$1']]) },
    );
    expect(xml).toContain(
      '<sheets><sheet name="A" sheetId="1" r:id="rId1"/><sheet name="C2" sheetId="3" r:id="rId3" state="hidden"/><sheet name="New" sheetId="5" state="veryHidden" r:id="rId9"/></sheets>',
    );
    // B went with its print area; C's moved from position 2 to 1; the changed name rewritten
    expect(xml).toContain(
      '<definedNames><definedName name="_xlnm.Print_Area" localSheetId="1">C!$A$1</definedName><definedName name="Total">A!$B$1</definedName></definedNames>',
    );
    expect(xml).toContain('<workbookView activeTab="1"/>');
    expect(xml).toContain('<workbookProtection lockStructure="1"/>');
    expect(xml).toContain('<calcPr calcId="191029"/>');
  });
});
