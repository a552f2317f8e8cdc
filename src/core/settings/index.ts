/**
 * The settings document: the one import path for the rest of the code. The parts live in
 * `settings/`: `fieldSchemas` + `sectionSchemas` + `schema` (zod/mini, built on
 * first use), `types`, `defaults`, `migrations` (one step per version) and `parse` (validation).
 */
export { defaultSettings, effectiveTimeZone } from './defaults.ts';
export { describeIssues, parseSettings } from './parse.ts';
export { settingsSchemas } from './schema.ts';
export type {
  AgreementSettings,
  CalendarSettings,
  Criterion,
  Definitions,
  HandoffSettings,
  Holiday,
  MappingSettings,
  PlanSettings,
  RequiredFields,
  ReturnReason,
  Role,
  ScoringSettings,
  Settings,
  SettingsIssue,
  SettingsResult,
  TimeSpan,
} from './types.ts';
export { SETTINGS_VERSION } from './version.ts';
