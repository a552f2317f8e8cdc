import { defineConfig } from 'vitest/config';

/**
 * The tests of the .xlsx round trip, run again with every sheet read in a stream
 * (runtime/files/xlsxStreamOpen.ts): below its threshold a sheet goes through ExcelJS, so
 * without this the small fixtures would never take the path a large export takes.
 */
const STREAMED = [
  'test/runtime/files/keptPackage.test.ts',
  'test/runtime/files/writeBack.test.ts',
  'test/runtime/files/xlsx.test.ts',
  'test/integration/roundTrip.test.ts',
  'test/integration/secondRun.test.ts',
  'test/integration/ownedSheets.test.ts',
];

export default defineConfig({
  test: {
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    reporters: ['default', './test/closingLine.ts'],
    projects: [
      { extends: true, test: { name: 'all', include: ['test/**/*.test.ts'] } },
      {
        extends: true,
        test: { name: 'streamed', include: STREAMED, env: { SLA_STREAM_SHEET_BYTES: '0' } },
      },
    ],
  },
});
