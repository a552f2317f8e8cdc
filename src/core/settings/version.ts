/**
 * The settings version this add-in reads and writes: one above the last entry of `MIGRATIONS`
 * (migrations.ts; a test holds them together). Written here as a number, not derived from the
 * table, so that the schema does not depend on the migrations, which depend on its types.
 */
export const SETTINGS_VERSION = 8;
