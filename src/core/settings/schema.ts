import * as z from 'zod/mini';
import {
  agreementSchema,
  calendarSchemas,
  criterionSchema,
  definitionsSchema,
  handoffSchema,
  mappingSchema,
  monitoringSchema,
  planSchema,
  scoringSchema,
} from './sectionSchemas.ts';
import { SETTINGS_VERSION } from './version.ts';

function buildSchemas() {
  const { timeSpan, holiday, calendar } = calendarSchemas();
  const criterion = criterionSchema();
  const scoring = scoringSchema(criterion);
  const handoff = handoffSchema();
  const plan = planSchema();
  const definitions = definitionsSchema();
  const monitoring = monitoringSchema();
  const mapping = mappingSchema();
  const agreement = agreementSchema();
  // The key order here is the order of a parsed (and so of a stored) document.
  const settings = z.strictObject({
    version: z.literal(SETTINGS_VERSION),
    /**
     * The team saved its own settings (the sidebar's Save, `npm start --settings`): until then
     * the plan and the targets are the sample's, and nothing is judged against them.
     */
    agreed: z.boolean(),
    plan,
    handoff,
    calendar,
    scoring,
    definitions,
    monitoring,
    mapping,
    agreement,
  });
  return {
    mapping,
    timeSpan,
    holiday,
    calendar,
    criterion,
    scoring,
    handoff,
    plan,
    definitions,
    monitoring,
    agreement,
    settings,
  };
}

export type Schemas = ReturnType<typeof buildSchemas>;
let built: Schemas | null = null;

/**
 * The zod schemas, built on first use: building them costs a few milliseconds, and every
 * custom-function call cold-loads the bundle, most of them never needing settings.
 */
export function settingsSchemas(): Schemas {
  built ??= buildSchemas();
  return built;
}
