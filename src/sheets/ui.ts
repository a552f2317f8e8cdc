/** Shows a toast when a spreadsheet UI is there; silently does nothing from a trigger. */
export function toast(message: string, title = 'SLA Sheets', seconds = 5): void {
  try {
    SpreadsheetApp.getActiveSpreadsheet().toast(message, title, seconds);
  } catch {
    // No UI (time-driven trigger): the run log keeps the message.
  }
}

export function alert(message: string): void {
  try {
    SpreadsheetApp.getUi().alert(message);
  } catch {
    toast(message);
  }
}
