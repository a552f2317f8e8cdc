/**
 * The write-back: the result file is the input file as loaded, with only what the run changed
 * written onto it. Each sheet that came from the file is compared with a snapshot taken when it
 * was loaded, cell by cell and attribute by attribute; a changed attribute is the only thing
 * written to its cell, so everything the runtime does not model (borders, themes, filters,
 * defined names, other rule types...) stays exactly as it was. Sheets the run created are
 * written whole; sheets it deleted are removed.
 */
import type ExcelJS from 'exceljs';
import type { FakeSheet } from '../appsScript/sheet.ts';
import type { FakeSpreadsheet } from '../appsScript/spreadsheet.ts';
import { setTabOrder } from './excelInternals.ts';
import { noChanges, type SheetChanges, type WorkbookChanges } from './sheetChanges.ts';
import { heldState } from './streamedSplice.ts';
import {
  applyCells,
  applyLayout,
  applyRules,
  checkNoShift,
  type Snapshot,
  snapshot,
} from './writeBackSheet.ts';
import {
  applyStreamedCells,
  heldCells,
  type StreamedCells,
  streamedCells,
} from './writeBackStreamed.ts';
import { type RuleSources, writeWorksheet } from './xlsxSheet.ts';
import type { StreamedSheet } from './xlsxStreamOpen.ts';

interface Tracked {
  ws: ExcelJS.Worksheet;
  snapshot: Snapshot;
  /** Set for a sheet read in a stream: most of its cells are not in `ws` but in the model only. */
  streamed?: { sheet: StreamedSheet; cells: StreamedCells };
}

export class WriteBack {
  private readonly tracked = new Map<FakeSheet, Tracked>();
  /** The sheets that came from the file, and what the run changed in them. */
  private readonly fromFile = new Map<FakeSheet, SheetChanges>();
  private readonly removed = new Set<string>();

  constructor(
    private readonly wb: ExcelJS.Workbook,
    private readonly spreadsheet: FakeSpreadsheet,
    private readonly ruleSources: RuleSources,
  ) {}

  /** Records a sheet as loaded from `ws` (and from the stream, for a large sheet). */
  track(sheet: FakeSheet, ws: ExcelJS.Worksheet, streamed?: StreamedSheet): void {
    if (streamed) {
      streamed.held = heldState(sheet, heldCells(ws));
      const cells = streamedCells(sheet, ws);
      this.tracked.set(sheet, {
        ws,
        snapshot: snapshot(sheet, false),
        streamed: { sheet: streamed, cells },
      });
    } else this.tracked.set(sheet, { ws, snapshot: snapshot(sheet) });
    this.fromFile.set(sheet, noChanges(ws.name));
  }

  /** The charts read from the file (after tracking) are the sheets' charts as loaded. */
  chartsLoaded(): void {
    for (const [sheet, t] of this.tracked) t.snapshot.charts = sheet.charts.slice();
  }

  /** What the run changed in the file's sheets, since the file was loaded. */
  changes(): WorkbookChanges {
    return { sheets: this.fromFile, removed: this.removed, streamed: this.streamed() };
  }

  /** The file's sheets read in a stream, by the model's sheet. */
  private streamed(): Map<FakeSheet, StreamedSheet> {
    const out = new Map<FakeSheet, StreamedSheet>();
    for (const [sheet, t] of this.tracked) if (t.streamed) out.set(sheet, t.streamed.sheet);
    return out;
  }

  /** Writes every change since tracking onto the workbook, then tracks the result. */
  apply(): void {
    const zone = this.spreadsheet.timeZoneInternal;
    const live = this.spreadsheet.sheetList();
    for (const [sheet, t] of this.tracked) checkNoShift(sheet, t.snapshot);
    for (const [sheet, t] of this.tracked) {
      if (live.includes(sheet)) continue;
      this.wb.removeWorksheet(t.ws.id);
      this.tracked.delete(sheet);
      const record = this.fromFile.get(sheet);
      if (record) this.removed.add(record.fileName);
      this.fromFile.delete(sheet);
    }
    for (const [sheet, { ws, snapshot: snap, streamed }] of this.tracked) {
      const record = this.fromFile.get(sheet) ?? noChanges(sheet.sheetName);
      if (streamed) applyStreamedCells(ws, sheet, streamed.cells, zone, record);
      else applyCells(ws, sheet, snap, zone, record);
      applyLayout(ws, sheet, snap, record);
      applyRules(ws, sheet, snap, this.ruleSources, record);
    }
    for (const sheet of live) {
      if (this.tracked.has(sheet)) continue;
      const ws = this.wb.addWorksheet(sheet.sheetName);
      writeWorksheet(ws, sheet, zone, this.ruleSources);
      this.tracked.set(sheet, { ws, snapshot: snapshot(sheet) });
    }
    live.forEach((sheet, i) => {
      setTabOrder(this.tracked.get(sheet)!.ws, i + 1);
    });
    for (const [sheet, t] of this.tracked) {
      t.snapshot = snapshot(sheet, !t.streamed);
      if (t.streamed) t.streamed.cells = streamedCells(sheet, t.ws);
    }
  }
}
