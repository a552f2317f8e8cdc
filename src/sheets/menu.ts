/** Builds the add-on menu. Needs no authorization, so it also runs when authMode is NONE. */
export function buildMenu(): void {
  SpreadsheetApp.getUi()
    .createAddonMenu()
    .addItem('Open SLA settings', 'showSidebar')
    .addItem('Set up workbook', 'setUpWorkbook')
    .addSeparator()
    .addItem('Check leads now', 'checkLeadsNow')
    .addItem('Start monitoring', 'startMonitoring')
    .addItem('Stop monitoring', 'stopMonitoring')
    .addSeparator()
    .addItem('Run monthly review', 'runMonthlyReview')
    .addToUi();
}
