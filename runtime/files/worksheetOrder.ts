/** CT_Worksheet's child elements, in the order the schema requires them. */
const WORKSHEET_ELEMENTS = [
  'sheetPr',
  'dimension',
  'sheetViews',
  'sheetFormatPr',
  'cols',
  'sheetData',
  'sheetCalcPr',
  'sheetProtection',
  'protectedRanges',
  'scenarios',
  'autoFilter',
  'sortState',
  'dataConsolidate',
  'customSheetViews',
  'mergeCells',
  'phoneticPr',
  'conditionalFormatting',
  'dataValidations',
  'hyperlinks',
  'printOptions',
  'pageMargins',
  'pageSetup',
  'headerFooter',
  'rowBreaks',
  'colBreaks',
  'customProperties',
  'cellWatches',
  'ignoredErrors',
  'smartTags',
  'drawing',
  'legacyDrawing',
  'legacyDrawingHF',
  'drawingHF',
  'picture',
  'oleObjects',
  'controls',
  'webPublishItems',
  'tableParts',
  'extLst',
] as const;

export type WorksheetElement = (typeof WORKSHEET_ELEMENTS)[number];

/** The elements that must come after `name`: a new `name` is inserted before the first found. */
export function elementsAfter(name: WorksheetElement): string[] {
  return WORKSHEET_ELEMENTS.slice(WORKSHEET_ELEMENTS.indexOf(name) + 1);
}
