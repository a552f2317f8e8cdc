import type * as z from 'zod/mini';
import type { Schemas } from './schema.ts';

export type TimeSpan = z.infer<Schemas['timeSpan']>;
export type Holiday = z.infer<Schemas['holiday']>;
export type CalendarSettings = z.infer<Schemas['calendar']>;
export type Criterion = z.infer<Schemas['criterion']>;
export type ScoringSettings = z.infer<Schemas['scoring']>;
export type HandoffSettings = z.infer<Schemas['handoff']>;
export type PlanSettings = z.infer<Schemas['plan']>;
export type Definitions = z.infer<Schemas['definitions']>;
export type MappingSettings = z.infer<Schemas['mapping']>;
export type AgreementSettings = z.infer<Schemas['agreement']>;
export type RequiredFields = AgreementSettings['requiredFields'];
export type Role = AgreementSettings['roles'][number];
export type ReturnReason = AgreementSettings['returnPath']['reasons'][number];
/** The one settings document of the add-in, shared by the server and the sidebar. */
export type Settings = z.infer<Schemas['settings']>;

export interface SettingsIssue {
  /** Dotted path of the field, e.g. `handoff.deadlineHours.Hot`, or '' for the whole document. */
  path: string;
  message: string;
}

export type SettingsResult =
  | { ok: true; settings: Settings; migratedFrom?: number }
  | { ok: false; issues: SettingsIssue[] };
