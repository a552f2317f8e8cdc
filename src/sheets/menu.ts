/**
 * The add-on menu and the sidebar it opens. Each item names an entry point of the table in
 * entryPoints.ts; the type keeps a renamed or removed entry point out of the menu.
 */
import type { EntryPointName } from '../entryPoints.ts';

type MenuItem = readonly [label: string, entryPoint: EntryPointName] | 'separator';

const MENU: readonly MenuItem[] = [
  ['Open SLA settings', 'showSidebar'],
  ['Set up workbook', 'setUpWorkbook'],
  'separator',
  ['Check leads now', 'checkLeadsNow'],
  ['Start monitoring', 'startMonitoring'],
  ['Stop monitoring', 'stopMonitoring'],
  'separator',
  ['Run monthly review', 'runMonthlyReview'],
];

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
