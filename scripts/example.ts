import { join } from 'node:path';
import { REPO_ROOT } from '../runtime/index.ts';

/** The bundled example workbook and the instant its leads are dated around (Monday 10:00, Paris). */
export const EXAMPLE_PATH = join(REPO_ROOT, 'examples', 'example.xlsx');
export const EXAMPLE_NOW = '2026-11-23T10:00:00+01:00';
export const EXAMPLE_TIME_ZONE = 'Europe/Paris';
