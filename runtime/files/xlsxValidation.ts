/**
 * Data validation rules between ExcelJS and the runtime: a dropdown list, a list from a range,
 * number and date checks and custom formulas. A rule the runtime cannot express is not loaded
 * (the cell reads as unvalidated) and stays in the file as it was.
 */
import type ExcelJS from 'exceljs';
import { FakeDataValidation, type ValidationData } from '../appsScript/dataValidation.ts';
import { FakeRange } from '../appsScript/range.ts';

function quotedList(items: readonly unknown[]): string {
  return `"${items.map(String).join(',')}"`;
}

function criteriaFromExcel(
  dv: ExcelJS.DataValidation,
): Pick<ValidationData, 'criteria' | 'values'> | null {
  const f = dv.formulae ?? [];
  const first = String(f[0] ?? '');
  if (dv.type === 'list') {
    const list = /^"(.*)"$/s.exec(first);
    if (list) return { criteria: 'VALUE_IN_LIST', values: [list[1]!.split(','), true] };
    return { criteria: 'VALUE_IN_RANGE', values: [first.replace(/^=/, ''), true] };
  }
  if (dv.type === 'whole' || dv.type === 'decimal') {
    if (dv.operator === undefined || dv.operator === 'between')
      return { criteria: 'NUMBER_BETWEEN', values: [Number(f[0]), Number(f[1])] };
    if (dv.operator === 'greaterThan')
      return { criteria: 'NUMBER_GREATER_THAN', values: [Number(f[0])] };
    return null;
  }
  if (dv.type === 'date') return { criteria: 'DATE_IS_VALID_DATE', values: [] };
  if (dv.type === 'custom')
    return { criteria: 'CUSTOM_FORMULA', values: [`=${first.replace(/^=/, '')}`] };
  return null;
}

/** The runtime's rule for an ExcelJS rule (one per distinct rule object), null when unsupported. */
export function validationFromExcel(dv: ExcelJS.DataValidation): FakeDataValidation | null {
  const criteria = criteriaFromExcel(dv);
  if (criteria === null) return null;
  return new FakeDataValidation({
    ...criteria,
    allowInvalid: dv.showErrorMessage !== true,
    helpText: dv.prompt ?? '',
  });
}

function rangeFormula(v: unknown): string {
  if (v instanceof FakeRange) {
    const name = v.sheet.sheetName.replace(/'/g, "''");
    const a1 = v.a1Internal().replace(/([A-Z]+)(\d+)/g, '$$$1$$$2');
    return `'${name}'!${a1}`;
  }
  return String(v);
}

function excelCriteria(
  d: ValidationData,
): Pick<ExcelJS.DataValidation, 'type' | 'formulae' | 'operator'> | null {
  const [a, b] = d.values;
  switch (d.criteria) {
    case 'VALUE_IN_LIST':
      return { type: 'list', formulae: [quotedList(Array.isArray(a) ? a : [])] };
    case 'VALUE_IN_RANGE':
      return { type: 'list', formulae: [rangeFormula(a)] };
    case 'CHECKBOX':
      return { type: 'list', formulae: [quotedList(['TRUE', 'FALSE'])] };
    case 'NUMBER_BETWEEN':
      return { type: 'decimal', operator: 'between', formulae: [a, b] };
    case 'NUMBER_GREATER_THAN':
      return { type: 'decimal', operator: 'greaterThan', formulae: [a] };
    case 'DATE_IS_VALID_DATE':
      return { type: 'date', operator: 'greaterThan', formulae: [new Date(Date.UTC(1900, 0, 1))] };
    case 'CUSTOM_FORMULA':
      return { type: 'custom', formulae: [String(a ?? '').replace(/^=/, '')] };
    default:
      return null;
  }
}

/** The ExcelJS rule for a runtime rule, null when xlsx cannot express it. */
export function validationToExcel(v: FakeDataValidation): ExcelJS.DataValidation | null {
  const criteria = excelCriteria(v.data);
  if (criteria === null) return null;
  return {
    ...criteria,
    allowBlank: true,
    showErrorMessage: !v.data.allowInvalid,
    ...(v.data.helpText !== '' ? { showInputMessage: true, prompt: v.data.helpText } : {}),
  };
}
