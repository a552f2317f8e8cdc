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
} from './choices.ts';
export { defaultSettings, effectiveTimeZone } from './defaults.ts';
export { SETTINGS_VERSION } from './migrations.ts';
export { describeIssues, parseSettings } from './parse.ts';
export { settingsSchemas } from './schema.ts';
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
} from './types.ts';
