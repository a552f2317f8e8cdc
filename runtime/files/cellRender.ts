/**
 * The cells of a large sheet that the run changed, rendered from the model (the sheet was read
 * in a stream: ExcelJS does not hold its cells). Each is what ExcelJS writes for a cell it
 * loaded and the write-back changed: the file's style (the cell's own; for a cell the file did
 * not have, its row's or else its column's, as ExcelJS gives a new cell), with only the
 * attributes the run changed written over it (xlsxCells.ts), and the model's content. ExcelJS's
 * own cell writer renders it; its style and shared string are placed in the file's tables as
 * they come (pkgStyles.ts, pkgStrings.ts), so the XML is final.
 */
import ExcelJS from 'exceljs';
import { a1Notation } from '../appsScript/a1.ts';
import type { Layer } from '../appsScript/grid.ts';
import type { SheetGrid } from '../appsScript/sheetGrid.ts';
import {
  type CellModel,
  type CellRenderOptions,
  newStyleManager,
  type ParsedStyles,
  renderCell,
  renderSharedString,
  type StyleModel,
} from './excelXforms.ts';
import type { StringMerge } from './pkgStrings.ts';
import type { StyleMerge } from './pkgStyles.ts';
import { contentAt, setContent, writeContent, XLSX_ATTRIBUTES } from './xlsxCells.ts';

export interface RenderContext {
  sheet: SheetGrid;
  zone: string;
  date1904: boolean;
  /** The file's styles, as ExcelJS reads them. */
  fileStyles: ParsedStyles;
  /** The file's style index of each column that has one (`<col style>`), 1-based. */
  columnStyles: ReadonlyMap<number, number>;
  styles: StyleMerge;
  strings: StringMerge;
}

const STYLE_PARTS = ['numFmt', 'font', 'alignment', 'border', 'fill', 'protection'] as const;
const NONE: StyleModel = {};

export class CellRenderer {
  private readonly cell = new ExcelJS.Workbook().addWorksheet('cells').getCell(1, 1);
  private readonly manager = newStyleManager();
  private readonly options: CellRenderOptions;
  private readonly items = new Map<string, string>();
  private readonly merged = new Map<string, StyleModel>();
  private readonly layers: Layer<unknown>[];
  /**
   * Whether the cell being rendered writes its content: when only its style changed, the splice
   * keeps the file's content (and its string), so no string is added to the file's table.
   */
  private writesContent = true;

  constructor(private readonly ctx: RenderContext) {
    const { styles, manager } = { styles: ctx.styles, manager: this.manager };
    this.layers = XLSX_ATTRIBUTES.map((a) => a.layer(ctx.sheet) as Layer<unknown>);
    this.options = {
      styles: {
        addStyleModel: (style, type) =>
          styles.managedStyle(manager, manager.addStyleModel(style, type)),
      },
      sharedStrings: { add: (value) => (this.writesContent ? this.stringIndex(value) : 0) },
      hyperlinks: [],
      comments: [],
      merges: { add: () => undefined },
      formulae: {},
      siFormulae: 0,
      date1904: ctx.date1904,
    };
  }

  private stringIndex(value: unknown): number {
    if (typeof value !== 'string') return this.ctx.strings.indexOfItem(renderSharedString(value));
    let item = this.items.get(value);
    if (item === undefined) {
      item = renderSharedString(value);
      this.items.set(value, item);
    }
    return this.ctx.strings.indexOfItem(item);
  }

  /** The style ExcelJS loads for a cell style index of the file (`s="0"` is none). */
  fileStyle(s: number): StyleModel {
    return (s ? this.ctx.fileStyles.getStyleModel(s) : null) ?? NONE;
  }

  /** The style ExcelJS gives a cell the file lacks: each part from its row's style, else its column's. */
  newCellStyle(rowStyle: number, col: number): StyleModel {
    const colStyle = this.ctx.columnStyles.get(col) ?? 0;
    const key = `${rowStyle},${colStyle}`;
    let style = this.merged.get(key);
    if (!style) {
      const row = this.fileStyle(rowStyle) as Record<string, unknown>;
      const column = this.fileStyle(colStyle) as Record<string, unknown>;
      const parts: Record<string, unknown> = {};
      for (const part of STYLE_PARTS) {
        const v = row[part] || column[part];
        if (v) parts[part] = v;
      }
      style = parts as StyleModel;
      this.merged.set(key, style);
    }
    return style;
  }

  /**
   * The XML of the model's cell (0-based) starting from `style`, with the attributes of `mask`
   * (bits in XLSX_ATTRIBUTES' order) written over it and its content written when `content`;
   * undefined when ExcelJS writes no element for it (no value, no style).
   */
  render(
    r: number,
    c: number,
    style: StyleModel,
    content: boolean,
    mask: number,
  ): string | undefined {
    const { cell, ctx } = this;
    cell.style = style;
    for (let i = 0; mask >> i !== 0; i++)
      if ((mask >> i) & 1 && this.layers[i] !== (ctx.sheet.notes as Layer<unknown>))
        XLSX_ATTRIBUTES[i]!.write(cell as never, this.layers[i]!.get(r, c));
    const value = contentAt(ctx.sheet, r, c);
    this.writesContent = content;
    if (content) writeContent(cell, value, ctx.zone);
    else setContent(cell, value, ctx.zone);
    const model = cell.model as unknown as CellModel;
    model.address = a1Notation(r + 1, c + 1, 1, 1);
    this.options.hyperlinks.length = 0;
    this.options.comments.length = 0;
    this.options.formulae = {};
    const xml = renderCell(model, this.options);
    return xml === '' ? undefined : xml;
  }
}
