/**
 * The offline run's file: an .xlsx or a .csv opened into a spreadsheet of the runtime, and
 * saved as .xlsx. An .xlsx is saved as its own package with only the parts the run changed
 * replaced (keptPackage.ts: the run's changes are first written back onto the file as ExcelJS
 * loaded it, writeBack.ts); a CSV by writing the whole spreadsheet (csvWorkbook.ts).
 */
import { extname } from 'node:path';
import type { FakeProperties } from '../appsScript/properties.ts';
import type { FakeSpreadsheet } from '../appsScript/spreadsheet.ts';
import { type CsvInfo, openCsvFile } from './csvWorkbook.ts';
import { keptPackage } from './keptPackage.ts';
import {
  fitToWidth,
  loadWorkbookInto,
  packageBuilt,
  readXlsxFile,
  type SaveHooks,
  stateOf,
  writeFileAtomically,
} from './xlsx.ts';
import { readChartsInto } from './xlsxChartsRead.ts';
import { applyDefinedNames } from './xlsxNames.ts';
import { writeState } from './xlsxState.ts';

export interface WorkbookFile {
  /** For a CSV input, the sheet holding its rows (named after the file); null for an .xlsx. */
  dataSheet: string | null;
  /** For a CSV input, how it was read (encoding, delimiter, rows); null for an .xlsx. */
  csv: CsvInfo | null;
  /** Writes the result as .xlsx: the input with the run's changes and the state sheet. */
  save(path: string, hooks?: SaveHooks): Promise<void>;
}

export function isCsvPath(path: string): boolean {
  return ['.csv', '.tsv'].includes(extname(path).toLowerCase());
}

/**
 * Opens `path` (.xlsx, or .csv/.tsv) into `ss`, replacing its sheets, and restores the document
 * properties the state sheet kept. `timeZone` overrides the file's time zone.
 */
export async function openWorkbookFile(
  path: string,
  ss: FakeSpreadsheet,
  properties: FakeProperties,
  timeZone?: string,
): Promise<WorkbookFile> {
  if (isCsvPath(path)) return openCsvFile(path, ss, properties, timeZone);
  const { input, wb, streamed } = await readXlsxFile(path);
  const loaded = loadWorkbookInto(ss, wb, path, timeZone, streamed ?? undefined);
  const { state, writeBack, namedRanges: fileNames } = loaded;
  let namedRanges = fileNames;
  await readChartsInto(input, ss);
  writeBack.chartsLoaded();
  for (const [key, value] of Object.entries(state.documentProperties))
    properties.map.set(key, value);
  return {
    dataSheet: null,
    csv: null,
    async save(out, hooks) {
      writeBack.apply();
      namedRanges = applyDefinedNames(wb, ss, namedRanges);
      writeState(wb, stateOf(ss, properties.map));
      fitToWidth(wb, hooks?.fitToWidth ?? []);
      const build = async () =>
        keptPackage({
          input,
          output: Buffer.from(await wb.xlsx.writeBuffer()),
          changes: writeBack.changes(),
          names: { before: fileNames, now: namedRanges },
          ss,
          ...(streamed
            ? { streamed: { styles: streamed.styles, date1904: streamed.date1904 } }
            : {}),
        });
      await writeFileAtomically(out, await packageBuilt(out, build), hooks);
    },
  };
}
