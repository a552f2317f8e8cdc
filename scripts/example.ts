import { join } from 'node:path';
import { REPO_ROOT } from '../runtime/index.ts';
import { LEAD_HEADERS, SCORING_ATTRIBUTE_HEADERS } from '../src/core/read/leadColumns.ts';

/** The bundled example workbook and the instant its leads are dated around (Monday 10:00, Paris). */
export const EXAMPLE_PATH = join(REPO_ROOT, 'examples', 'example.xlsx');
export const EXAMPLE_NOW = '2026-11-23T10:00:00+01:00';
export const EXAMPLE_TIME_ZONE = 'Europe/Paris';

/** The example's and the benchmark's Leads headers: the canonical ones, then a user column. */
export const LEADS_HEADER = [
  ...Object.values(LEAD_HEADERS),
  ...SCORING_ATTRIBUTE_HEADERS,
  'Notes',
] as const;
