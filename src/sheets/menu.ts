/**
 * The add-on menu and the sidebar it opens. Each item names an entry point of the table in
 * entryPoints.ts, which checks the names (a renamed or removed entry point fails tsc there).
 */

/** A menu item: its label and the entry point it calls, or a separator. */
export type MenuItem<Name extends string = string> =
  | readonly [label: string, entryPoint: Name]
  | 'separator';

export const MENU = [
  ['Open SLA settings', 'showSidebar'],
  ['Set up workbook', 'setUpWorkbook'],
  'separator',
  ['Check leads now', 'checkLeadsNow'],
  ['Start monitoring', 'startMonitoring'],
  ['Stop monitoring', 'stopMonitoring'],
  'separator',
  ['Run monthly review', 'runMonthlyReview'],
] as const satisfies readonly MenuItem[];

/** onOpen and onInstall: builds the menu. Needs no authorization, so it also runs when authMode is NONE. */
export function onOpen(_e?: { authMode?: unknown }): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  for (const item of MENU) {
    if (item === 'separator') menu.addSeparator();
    else menu.addItem(item[0], item[1]);
  }
  menu.addToUi();
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle('SLA Sheets').setWidth(300);
  SpreadsheetApp.getUi().showSidebar(html);
}
