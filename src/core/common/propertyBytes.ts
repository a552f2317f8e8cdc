/**
 * Apps Script's property stores are limited in UTF-8 bytes, not in characters: 9 KB a value and
 * 500 KB a store (the Quotas for Google Services page; a store's size counts keys and values).
 * A Japanese character is 3 bytes, an emoji 4: text is measured and cut here, never by length.
 */

/** The documented quota of one property value. */
export const PROPERTY_VALUE_LIMIT = 9 * 1024;
/** The documented quota of one property store (keys and values). */
export const PROPERTY_STORE_LIMIT = 500 * 1024;
/** What the add-in writes in one value at most: under the quota, with room to spare. */
export const VALUE_BUDGET = 8 * 1024;

/** Bytes of `text` in UTF-8 (a lone surrogate counts 3, as it is stored as U+FFFD). */
export function utf8Bytes(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1))) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

function isLowSurrogate(c: number): boolean {
  return c >= 0xdc00 && c <= 0xdfff;
}

/** Where the longest prefix of `text` from `start` within `maxBytes` ends (never inside a pair). */
function cutIndex(text: string, start: number, maxBytes: number): number {
  let bytes = 0;
  let i = start;
  while (i < text.length) {
    const c = text.charCodeAt(i);
    const pair = c >= 0xd800 && c <= 0xdbff && isLowSurrogate(text.charCodeAt(i + 1));
    const size = c < 0x80 ? 1 : c < 0x800 ? 2 : pair ? 4 : 3;
    if (bytes + size > maxBytes) break;
    bytes += size;
    i += pair ? 2 : 1;
  }
  return i;
}

/** `text` cut into pieces of at most `maxBytes` UTF-8 bytes each, on character boundaries. */
export function utf8Chunks(text: string, maxBytes: number): string[] {
  if (maxBytes < 4)
    throw new RangeError(`utf8Chunks: maxBytes must be at least 4 (got ${maxBytes})`);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const end = cutIndex(text, i, maxBytes);
    chunks.push(text.slice(i, end));
    i = end;
  }
  return chunks;
}

/** `text` within `maxBytes` UTF-8 bytes: as it is when it fits, else cut and ended with `…`. */
export function utf8Truncate(text: string, maxBytes: number): string {
  if (utf8Bytes(text) <= maxBytes) return text;
  return `${text.slice(0, cutIndex(text, 0, Math.max(0, maxBytes - 3)))}…`;
}

/** `1.5 KB`, `200 KB`: a byte count as the messages show it. */
export function kilobytes(bytes: number): string {
  const kb = bytes / 1024;
  return `${kb < 10 ? Math.ceil(kb * 10) / 10 : Math.ceil(kb)} KB`;
}
