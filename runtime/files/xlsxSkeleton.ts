/**
 * The package ExcelJS reads when some sheets are read in a stream (xlsxStreamOpen.ts): the
 * input with each streamed part holding only the rows of the cells ExcelJS reads, and a shared
 * strings table of only the strings the package's cells then use, the cells renumbered to it.
 * With the file's whole table, ExcelJS would parse every string again into objects of its own
 * (800 MB for a 300,000-row export, held until it is done) while the stream has them already.
 */
import JSZip from 'jszip';
import { renderSharedString } from './excelXforms.ts';
import { attribute, elementPattern, rootPrefix, startTag } from './pkgXml.ts';
import { entryString, type ZipEntry } from './zipEntries.ts';

const SHARED_STRINGS = 'xl/sharedStrings.xml';
/** A shared string index no table holds: ExcelJS fails on it as it would have on the file's. */
const MISSING = 2 ** 31 - 1;

/** The sheet's XML with each shared string index replaced by its place in `used` (added). */
function renumbered(xml: string, used: Map<number, number>, strings: readonly unknown[]): string {
  const p = rootPrefix(xml, 'worksheet');
  const value = new RegExp(`(<${p}v>)\\s*(\\d+)\\s*(</${p}v>)`);
  return xml.replace(elementPattern(p, 'c'), (cell) => {
    if (attribute(startTag(cell), 't') !== 's') return cell;
    return cell.replace(value, (_, open: string, index: string, close: string) => {
      const old = Number(index);
      let at = used.get(old);
      if (at === undefined) {
        at = strings[old] === undefined ? MISSING : used.size;
        if (at !== MISSING) used.set(old, at);
      }
      return `${open}${at}${close}`;
    });
  });
}

function sharedStringsXml(used: ReadonlyMap<number, number>, strings: readonly unknown[]): string {
  const items = [...used.keys()].map((old) => renderSharedString(strings[old]));
  return (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n' +
    `<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="${items.length}" uniqueCount="${items.length}">` +
    `${items.join('')}</sst>`
  );
}

/**
 * The skeleton: `streamed` (part → its text without the cells the stream read) and the other
 * worksheet parts renumbered to a table of the strings they use.
 */
export async function skeletonOf(
  input: Buffer,
  entries: ReadonlyMap<string, ZipEntry>,
  streamed: ReadonlyMap<string, string>,
  others: readonly string[],
  strings: readonly unknown[],
): Promise<Buffer> {
  const zip = await JSZip.loadAsync(input);
  const used = new Map<number, number>();
  for (const [part, xml] of streamed) zip.file(part, renumbered(xml, used, strings));
  for (const part of others) {
    const xml = await entryString(input, entries.get(part));
    if (xml !== null) zip.file(part, renumbered(xml, used, strings));
  }
  if (entries.has(SHARED_STRINGS)) zip.file(SHARED_STRINGS, sharedStringsXml(used, strings));
  return zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
}
