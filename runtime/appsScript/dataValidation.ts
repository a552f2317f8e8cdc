/** Data validation rules: SpreadsheetApp.newDataValidation() and Range validations. */
import { makeEnum } from './env.ts';
import { signatureError } from './signatureError.ts';
import type { RangeLike } from './types.ts';

export const DataValidationCriteria = makeEnum([
  'VALUE_IN_LIST',
  'VALUE_IN_RANGE',
  'CHECKBOX',
  'NUMBER_BETWEEN',
  'NUMBER_GREATER_THAN',
  'DATE_IS_VALID_DATE',
  'CUSTOM_FORMULA',
  'TEXT_IS_VALID_EMAIL',
] as const);

export interface ValidationData {
  criteria: string;
  values: unknown[];
  allowInvalid: boolean;
  helpText: string;
}

export class FakeDataValidation {
  constructor(readonly data: ValidationData) {}
  getCriteriaType(): unknown {
    return DataValidationCriteria[this.data.criteria as keyof typeof DataValidationCriteria];
  }
  getCriteriaValues(): unknown[] {
    return this.data.values.slice();
  }
  getAllowInvalid(): boolean {
    return this.data.allowInvalid;
  }
  getHelpText(): string {
    return this.data.helpText;
  }
  copy(): FakeDataValidationBuilder {
    return new FakeDataValidationBuilder({ ...this.data });
  }
}

export class FakeDataValidationBuilder {
  private d: ValidationData;
  constructor(init?: ValidationData) {
    this.d = init ?? { criteria: 'VALUE_IN_LIST', values: [], allowInvalid: true, helpText: '' };
  }
  requireValueInList(values: unknown[], showDropdown = true): this {
    if (!Array.isArray(values))
      throw signatureError('SpreadsheetApp.DataValidationBuilder.requireValueInList', [values]);
    this.d.criteria = 'VALUE_IN_LIST';
    this.d.values = [values.map(String), showDropdown];
    return this;
  }
  requireValueInRange(range: RangeLike, showDropdown = true): this {
    this.d.criteria = 'VALUE_IN_RANGE';
    this.d.values = [range, showDropdown];
    return this;
  }
  requireCheckbox(): this {
    this.d.criteria = 'CHECKBOX';
    this.d.values = [];
    return this;
  }
  requireNumberBetween(a: number, b: number): this {
    this.d.criteria = 'NUMBER_BETWEEN';
    this.d.values = [a, b];
    return this;
  }
  requireNumberGreaterThan(a: number): this {
    this.d.criteria = 'NUMBER_GREATER_THAN';
    this.d.values = [a];
    return this;
  }
  requireDate(): this {
    this.d.criteria = 'DATE_IS_VALID_DATE';
    this.d.values = [];
    return this;
  }
  requireFormulaSatisfied(formula: string): this {
    this.d.criteria = 'CUSTOM_FORMULA';
    this.d.values = [formula];
    return this;
  }
  requireTextIsEmail(): this {
    this.d.criteria = 'TEXT_IS_VALID_EMAIL';
    this.d.values = [];
    return this;
  }
  setAllowInvalid(allow: boolean): this {
    this.d.allowInvalid = Boolean(allow);
    return this;
  }
  setHelpText(text: string): this {
    this.d.helpText = String(text);
    return this;
  }
  build(): FakeDataValidation {
    return new FakeDataValidation({ ...this.d, values: this.d.values.slice() });
  }
}
