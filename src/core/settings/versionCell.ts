/**
 * Custom functions recalculate only when their arguments change. Those that read the settings
 * (SLA_SCORE, SLA_DEADLINE, SLA_BUSINESS_HOURS) take an optional last argument, the named cell
 * SLA_SETTINGS_VERSION, whose number every settings save bumps: passing it makes Sheets compute
 * them again with the new rules.
 */

/** The named range formulas pass as their last argument. */
export const SETTINGS_VERSION_NAME = 'SLA_SETTINGS_VERSION';
/** The small hidden sheet holding that cell (B1); one of the add-in's generated sheets. */
export const SETTINGS_VERSION_SHEET = 'SLA Settings';

/** The sheet's two rows: a label and the number (B1), and why it is there. */
export function settingsVersionRows(version: number): unknown[][] {
  return [
    ['Settings version', version],
    [
      `Raised by SLA Sheets at every settings save. Formulas such as =SLA_SCORE(Leads!A1:Z1, Leads!A2:Z, ${SETTINGS_VERSION_NAME}) pass it as their last argument so that Sheets recalculates them with the new settings.`,
      '',
    ],
  ];
}

/** The next version after what the cell holds (a number, else 0). */
export function nextSettingsVersion(current: unknown): number {
  return typeof current === 'number' && Number.isFinite(current) ? Math.floor(current) + 1 : 1;
}

/**
 * The cell each lead check stamps with its time (`SLA Settings`!B3): SLA_SCORE takes it as
 * `as_of`, so that recency points are counted at the check's time and the formula gives each
 * row the score the check wrote, and recalculates after every check.
 */
export const CHECKED_AT_NAME = 'SLA_CHECKED_AT';
export const CHECKED_AT_LABEL = 'Last lead check';

export const AS_OF_PARAM = {
  name: 'as_of',
  description: `Optional. ${CHECKED_AT_NAME}: the time of the last lead check, so that points for recent activity are counted as the check counts them; any date-time works. Blank: now.`,
  optional: true,
  type: 'Date',
} as const;

/** The optional parameter each settings-dependent custom function ends with. */
export const SETTINGS_VERSION_PARAM = {
  name: 'settings_version',
  description: `Optional. ${SETTINGS_VERSION_NAME}: the cell the add-in changes at every settings save, so that the result follows the settings.`,
  optional: true,
} as const;
