/**
 * A worksheet part's XML read as a stream of text: the text before its cells (up to and
 * including `<sheetData>`), each `<row>` element's text, then the text from `</sheetData>` to the
 * end. Only the rows are ever cut out of the stream; nothing holds the whole part. Whatever
 * stands between two rows (white space, a comment) is not a row and is left out, as the
 * splice of a sheet's cells leaves it out (pkgCells.ts).
 */

export interface SheetVisitor {
  /** The text up to and including the `<sheetData>` start tag, and the part's prefix (`x:`). */
  head(text: string, prefix: string): void;
  /** Complete rows, in order (`<row ...>...</row>` or `<row .../>`). */
  rows(rows: string[]): void | Promise<void>;
  /** From `</sheetData>` (or after `<sheetData/>`) to the end of the part. */
  tail(text: string): void;
}

const SHEET_DATA = /<(\w+:)?sheetData(?=[\s/>])[^>]*>/;
const ROOT = /<(\w+:)?worksheet[\s>]/;

/** After a name in a tag: white space, `>` or `/`. */
function endsName(code: number): boolean {
  return code === 32 || code === 62 || code === 47 || code === 9 || code === 10 || code === 13;
}

class Scanner {
  private pending = '';
  private state: 'head' | 'rows' | 'tail' = 'head';
  private rowOpen = '<row';
  private rowClose = '</row>';
  private dataClose = '</sheetData>';
  private tailText: string[] = [];

  constructor(
    private readonly visit: SheetVisitor,
    private readonly skipRows: boolean,
  ) {}

  async push(chunk: string): Promise<void> {
    this.pending += chunk;
    if (this.state === 'head') this.findHead();
    if (this.state === 'rows') await this.takeRows();
    if (this.state === 'tail') {
      this.tailText.push(this.pending);
      this.pending = '';
    }
  }

  private findHead(): void {
    const m = SHEET_DATA.exec(this.pending);
    if (!m) return;
    const p = ROOT.exec(this.pending)?.[1] ?? m[1] ?? '';
    this.rowOpen = `<${p}row`;
    this.rowClose = `</${p}row>`;
    this.dataClose = `</${p}sheetData>`;
    const end = m.index + m[0].length;
    this.visit.head(this.pending.slice(0, end), p);
    this.pending = this.pending.slice(end);
    this.state = m[0].endsWith('/>') ? 'tail' : 'rows';
  }

  private async takeRows(): Promise<void> {
    if (this.skipRows) {
      const close = this.pending.indexOf(this.dataClose);
      if (close < 0) {
        // keep what could be the start of the closing tag
        this.pending = this.pending.slice(Math.max(0, this.pending.length - this.dataClose.length));
        return;
      }
      this.pending = this.pending.slice(close);
      this.state = 'tail';
      return;
    }
    const text = this.pending;
    const rows: string[] = [];
    let at = 0;
    for (;;) {
      const lt = text.indexOf('<', at);
      if (lt < 0) {
        at = text.length;
        break;
      }
      if (
        text.startsWith(this.rowOpen, lt) &&
        endsName(text.charCodeAt(lt + this.rowOpen.length))
      ) {
        const gt = text.indexOf('>', lt);
        if (gt < 0) break;
        if (text.charCodeAt(gt - 1) === 47) {
          rows.push(text.slice(lt, gt + 1));
          at = gt + 1;
          continue;
        }
        const close = text.indexOf(this.rowClose, gt);
        if (close < 0) break;
        at = close + this.rowClose.length;
        rows.push(text.slice(lt, at));
        continue;
      }
      if (text.startsWith(this.dataClose, lt)) {
        this.state = 'tail';
        at = lt;
        break;
      }
      const gt = text.indexOf('>', lt);
      if (gt < 0) break;
      at = gt + 1;
    }
    this.pending = text.slice(at);
    if (rows.length > 0) await this.visit.rows(rows);
  }

  end(): void {
    if (this.state === 'head') throw new Error('the sheet has no <sheetData>');
    if (this.state === 'rows') throw new Error('the sheet ends inside <sheetData>');
    this.visit.tail(this.tailText.join(''));
  }
}

/** Reads a worksheet part's text, calling `visit` for its head, its rows and its tail. */
export async function scanSheet(
  text: AsyncIterable<string>,
  visit: SheetVisitor,
  opts: { skipRows?: boolean } = {},
): Promise<void> {
  const scanner = new Scanner(visit, opts.skipRows === true);
  for await (const chunk of text) await scanner.push(chunk);
  scanner.end();
}
