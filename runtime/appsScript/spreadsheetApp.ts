/** SpreadsheetApp: the active spreadsheet, the UI, rule builders and the enums scripts read. */
import { BooleanCriteria, FakeConditionalFormatRuleBuilder } from './conditionalFormat.ts';
import { DataValidationCriteria, FakeDataValidationBuilder } from './dataValidation.ts';
import { DeveloperMetadataLocationType, DeveloperMetadataVisibility } from './developerMetadata.ts';
import type { Env } from './env.ts';
import { makeEnum } from './env.ts';
import type { ServiceContext } from './options.ts';
import { FakeRichTextValueBuilder, FakeTextStyleBuilder } from './richText.ts';
import { type FakeSpreadsheet, RecalculationInterval } from './spreadsheet.ts';
import { FakeUi, type UiRecorder } from './ui.ts';

export class FakeSpreadsheetApp {
  readonly BooleanCriteria = BooleanCriteria;
  readonly DataValidationCriteria = DataValidationCriteria;
  readonly WrapStrategy = makeEnum(['WRAP', 'OVERFLOW', 'CLIP'] as const);
  readonly BorderStyle = makeEnum([
    'DOTTED',
    'DASHED',
    'SOLID',
    'SOLID_MEDIUM',
    'SOLID_THICK',
    'DOUBLE',
  ] as const);
  readonly ProtectionType = makeEnum(['RANGE', 'SHEET'] as const);
  readonly RecalculationInterval = RecalculationInterval;
  readonly DeveloperMetadataVisibility = DeveloperMetadataVisibility;
  readonly DeveloperMetadataLocationType = DeveloperMetadataLocationType;
  readonly flushes: number[] = [];

  constructor(
    private readonly env: Env,
    private readonly ss: () => FakeSpreadsheet,
    private readonly recorder: UiRecorder,
  ) {}

  getActiveSpreadsheet(): FakeSpreadsheet {
    this.env.touch('SpreadsheetApp.getActiveSpreadsheet', 'read');
    return this.ss();
  }
  getActive(): FakeSpreadsheet {
    this.env.touch('SpreadsheetApp.getActive', 'read');
    return this.ss();
  }
  getActiveSheet(): unknown {
    this.env.touch('SpreadsheetApp.getActiveSheet', 'read');
    const ss = this.ss();
    return ss.activeSheetInternal ?? ss.sheetList()[0];
  }
  getUi(): FakeUi {
    this.env.touch('SpreadsheetApp.getUi', 'ui');
    return new FakeUi(this.env, this.recorder, () => 'SLA Sheets');
  }
  flush(): void {
    this.env.touch('SpreadsheetApp.flush', 'free');
    this.flushes.push(this.env.nowMs());
  }
  newConditionalFormatRule(): FakeConditionalFormatRuleBuilder {
    this.env.touch('SpreadsheetApp.newConditionalFormatRule', 'free');
    return new FakeConditionalFormatRuleBuilder(this.env);
  }
  newDataValidation(): FakeDataValidationBuilder {
    this.env.touch('SpreadsheetApp.newDataValidation', 'free');
    return new FakeDataValidationBuilder();
  }
  newRichTextValue(): FakeRichTextValueBuilder {
    this.env.touch('SpreadsheetApp.newRichTextValue', 'free');
    return new FakeRichTextValueBuilder();
  }
  newTextStyle(): FakeTextStyleBuilder {
    this.env.touch('SpreadsheetApp.newTextStyle', 'free');
    return new FakeTextStyleBuilder();
  }
  openById(_id: string): never {
    this.env.touch('SpreadsheetApp.openById', 'trigger');
    throw new Error(
      'You do not have permission to call SpreadsheetApp.openById (spreadsheets.currentonly scope).',
    );
  }
}

/** SpreadsheetApp, bound to the runtime's spreadsheet. */
export function makeSpreadsheetApp(ctx: ServiceContext): FakeSpreadsheetApp {
  const { env, spreadsheet } = ctx;
  return new FakeSpreadsheetApp(env, () => spreadsheet, spreadsheet.ctx.ui);
}
