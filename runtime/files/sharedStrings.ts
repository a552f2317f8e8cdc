/**
 * The shared strings of a streamed workbook. ExcelJS's streaming writer keeps them in an object
 * used as a hash, keys every rich text as "[object Object]" (all rich texts but the first are
 * lost) and builds the whole `sharedStrings.xml` as one string when the workbook is committed
 * (hundreds of MB for 300,000 rows). This table keys rich text by its content and hands the
 * zip its part as a stream, rendered by ExcelJS's own shared-string xform, a batch at a time.
 */
import { createRequire } from 'node:module';
import { Readable } from 'node:stream';

interface XmlStream {
  readonly xml: string;
}

interface SharedStringXform {
  render(xml: XmlStream, value: unknown): void;
}

const require = createRequire(import.meta.url);
const XmlStreamClass = require('exceljs/lib/utils/xml-stream.js') as new () => XmlStream;
const SharedStringXformClass =
  require('exceljs/lib/xlsx/xform/strings/shared-string-xform.js') as new () => SharedStringXform;

const SST_OPEN = (refs: number, unique: number): string =>
  '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
  `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${refs}" uniqueCount="${unique}">`;

const PER_BATCH = 5000;

export class StreamedSharedStrings {
  readonly values: unknown[] = [];
  private readonly index = new Map<string, number>();
  private refs = 0;

  get count(): number {
    return this.values.length;
  }

  get totalRefs(): number {
    return this.refs;
  }

  getString(index: number): unknown {
    return this.values[index];
  }

  /** The index of a string (or rich text value), added when new. */
  add(value: unknown): number {
    const key = typeof value === 'string' ? value : `\u0000${JSON.stringify(value)}`;
    let at = this.index.get(key);
    if (at === undefined) {
      at = this.values.length;
      this.index.set(key, at);
      this.values.push(value);
    }
    this.refs++;
    return at;
  }

  private *chunks(): Generator<string> {
    yield SST_OPEN(this.refs, this.values.length);
    const xform = new SharedStringXformClass();
    for (let start = 0; start < this.values.length; start += PER_BATCH) {
      const xml = new XmlStreamClass();
      for (const value of this.values.slice(start, start + PER_BATCH)) xform.render(xml, value);
      yield xml.xml;
    }
    yield '</sst>';
  }

  /** The `sharedStrings.xml` part, as a stream. */
  stream(): Readable {
    return Readable.from(this.chunks());
  }
}
