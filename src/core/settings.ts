/**
 * The settings document: the one import path for the rest of the code. The parts live in
 * `settings/`: `choices` (fixed lists), `fields` + `sections` + `schema` (zod/mini, built on
 * first use), `types`, `defaults`, `migrations` (one step per version) and `parse` (validation).
 */
export {
  MONITORING_FREQUENCIES,
  OPERATORS,
  type Operator,
  PRIORITIES,
  type Priority,
  WEEKDAYS,
  type Weekday,
} from './settings/choices.ts';
export { defaultSettings, effectiveTimeZone } from './settings/defaults.ts';
export { SETTINGS_VERSION } from './settings/migrations.ts';
export { describeIssues, parseSettings } from './settings/parse.ts';
export { settingsSchemas } from './settings/schema.ts';
export type {
  CalendarSettings,
  Criterion,
  Definitions,
  HandoffSettings,
  Holiday,
  MappingSettings,
  PlanSettings,
  ScoringSettings,
  Settings,
  SettingsIssue,
  SettingsResult,
  TimeSpan,
} from './settings/types.ts';
