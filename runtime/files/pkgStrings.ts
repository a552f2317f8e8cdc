/**
 * The input's shared strings, with the strings our written cells use appended (created when
 * the file had none): the file's own strings keep their indices, so its cells keep pointing at
 * them. Each appended string is the output's `<si>` as ExcelJS wrote it (rich text included).
 */
import { elements, firstElement, rootPrefix, withAttribute, withPrefix } from './pkgXml.ts';

const EMPTY_SST =
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"></sst>';

export class StringMerge {
  private readonly prefix: string;
  private readonly inputCount: number;
  private readonly outputItems: string[];
  private readonly added: string[] = [];
  private readonly byItem = new Map<string, number>();
  private refs = 0;

  constructor(
    private readonly inputXml: string | null,
    outputXml: string | null,
  ) {
    const input = inputXml ?? EMPTY_SST;
    this.prefix = rootPrefix(input, 'sst');
    this.inputCount = elements(input, this.prefix, 'si').length;
    const out = outputXml ?? EMPTY_SST;
    this.outputItems = elements(out, rootPrefix(out, 'sst'), 'si').map((s) => s.text);
  }

  /** The file's index for the output's shared string `index`. */
  index(outputIndex: number): number {
    return this.indexOfItem(this.outputItems[outputIndex] ?? '<si><t></t></si>');
  }

  /** The file's index for a shared string given as its `<si>` (appended when new). */
  indexOfItem(item: string): number {
    this.refs++;
    let at = this.byItem.get(item);
    if (at === undefined) {
      at = this.inputCount + this.added.length;
      this.added.push(item);
      this.byItem.set(item, at);
    }
    return at;
  }

  /** sharedStrings.xml with the appended strings, or null when it is the input's as it was. */
  xml(): string | null {
    if (this.added.length === 0) return null;
    const input = this.inputXml ?? EMPTY_SST;
    const p = this.prefix;
    const root = firstElement(input, p, 'sst');
    if (!root) return null;
    const open = /^<[^>]*>/.exec(root.text)![0].replace(/\/>$/, '>');
    const count = Number(/\scount="(\d+)"/.exec(open)?.[1] ?? this.inputCount) + this.refs;
    let tag = withAttribute(open, 'count', String(count));
    tag = withAttribute(tag, 'uniqueCount', String(this.inputCount + this.added.length));
    const body = root.text.endsWith('/>') ? '' : root.text.slice(open.length, -`</${p}sst>`.length);
    const items = withPrefix(this.added.join(''), p);
    return `${input.slice(0, root.start)}${tag}${body}${items}</${p}sst>${input.slice(root.end)}`;
  }
}
