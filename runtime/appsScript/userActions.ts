/** What a user does in the spreadsheet and sees there: an edit (and its onEdit), a cell's colour. */
import type { ScriptRunner } from './scriptRunner.ts';
import type { FakeSheet } from './sheet.ts';
import type { FakeSpreadsheet } from './spreadsheet.ts';

/** What a user's edit did: the simple onEdit trigger's run (`ran` false when the bundle has none). */
export interface EditRun {
  ran: boolean;
  error: unknown;
}

function sheetNamed(spreadsheet: FakeSpreadsheet, sheetName: string): FakeSheet {
  const sheet = spreadsheet.findSheet(sheetName);
  if (sheet === null) throw new Error(`No sheet named ${sheetName}`);
  return sheet;
}

/**
 * A user types or pastes `values` into `a1`: the cells change (uncounted), then the bundle's
 * simple `onEdit(e)` runs in AuthMode.LIMITED with the event Sheets passes. Its error is
 * returned, as Sheets only logs it.
 */
export function userEdit(
  spreadsheet: FakeSpreadsheet,
  runner: ScriptRunner,
  edit: { sheetName: string; a1: string; values: unknown[][] },
): EditRun {
  const { sheetName, a1, values } = edit;
  const sheet = sheetNamed(spreadsheet, sheetName);
  const range = sheet.rangeFromA1Internal(a1);
  const single = range.numRows === 1 && range.numCols === 1;
  const oldValue = single ? range.readValues()[0]![0] : undefined;
  sheet.writeValues(range.row, range.col, values, 'user edit');
  if (!runner.globalNames().includes('onEdit')) return { ran: false, error: null };
  const event: Record<string, unknown> = {
    authMode: 'LIMITED',
    range,
    source: spreadsheet,
    user: { getEmail: () => '', getNickname: () => '' },
  };
  if (single) {
    event.value = values[0]?.[0];
    if (oldValue !== '' && oldValue !== undefined) event.oldValue = oldValue;
  }
  try {
    runner.run('LIMITED', 'onEdit', [event]);
    return { ran: true, error: null };
  } catch (error) {
    return { ran: true, error };
  }
}

/** The background a user sees in a cell at `nowMs`: conditional-format rules evaluated. */
export function shownBackground(
  spreadsheet: FakeSpreadsheet,
  sheetName: string,
  a1: string,
  nowMs: number,
): string {
  const sheet = sheetNamed(spreadsheet, sheetName);
  const range = sheet.rangeFromA1Internal(a1);
  return sheet.shownBackgroundInternal(range.row, range.col, nowMs);
}
