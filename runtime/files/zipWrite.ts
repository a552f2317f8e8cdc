/**
 * Large parts of a package compressed as they are produced, and put into a zip. A part too
 * large to hold as text (a sheet of 300,000 rows is about 250 MB of XML) is deflated a piece at
 * a time while its rows are written (`DeflatedText`); its text before and after those rows stays
 * editable until the package is written (`withSplicedParts`), then is deflated on its own and
 * joined to the rest: separately deflated pieces, each but the last ended by a sync flush, make
 * one valid deflate stream, and their CRC-32s combine into the part's. Every other entry of the
 * zip is copied as it is.
 */
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { localRecord, zipEntries } from './zipEntries.ts';

const PIECE = 1024 * 1024;

export interface DeflatedBody {
  chunks: Buffer[];
  crc: number;
  /** Bytes before and after compression. */
  size: number;
  compressedSize: number;
}

/**
 * Text deflated as it is written: the middle of a part (no final block). The text is encoded
 * into one buffer, deflated a megabyte at a time, each piece ended by a sync flush.
 */
export class DeflatedText {
  private readonly buffer = Buffer.allocUnsafe(PIECE);
  private used = 0;
  private readonly chunks: Buffer[] = [];
  private crc = 0;
  private size = 0;
  private compressedSize = 0;

  write(text: string): void {
    // a UTF-16 unit is at most 3 bytes of UTF-8
    if (this.used + text.length * 3 > PIECE) this.flush();
    if (text.length * 3 > PIECE) this.deflate(Buffer.from(text));
    else this.used += this.buffer.write(text, this.used);
  }

  private flush(): void {
    if (this.used === 0) return;
    this.deflate(this.buffer.subarray(0, this.used));
    this.used = 0;
  }

  private deflate(bytes: Buffer): void {
    this.crc = crc32(bytes, this.crc);
    this.size += bytes.length;
    const piece = deflateRawSync(bytes, { finishFlush: constants.Z_SYNC_FLUSH });
    this.chunks.push(piece);
    this.compressedSize += piece.length;
  }

  end(): DeflatedBody {
    this.flush();
    const { chunks, crc, size, compressedSize } = this;
    return { chunks, crc, size, compressedSize };
  }
}

// CRC-32 of two pieces joined, from each one's (zlib's crc32_combine)
function gf2Times(matrix: Uint32Array, vector: number): number {
  let sum = 0;
  let v = vector >>> 0;
  for (let i = 0; v !== 0; i++, v >>>= 1) if (v & 1) sum ^= matrix[i]!;
  return sum >>> 0;
}

function gf2Square(square: Uint32Array, matrix: Uint32Array): void {
  for (let n = 0; n < 32; n++) square[n] = gf2Times(matrix, matrix[n]!);
}

export function crc32Combine(crc1: number, crc2: number, length2: number): number {
  if (length2 <= 0) return crc1 >>> 0;
  const even = new Uint32Array(32);
  const odd = new Uint32Array(32);
  odd[0] = 0xedb88320;
  for (let n = 1, row = 1; n < 32; n++, row *= 2) odd[n] = row;
  gf2Square(even, odd);
  gf2Square(odd, even);
  let crc = crc1 >>> 0;
  let length = length2;
  for (;;) {
    gf2Square(even, odd);
    if (length % 2 === 1) crc = gf2Times(even, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
    gf2Square(odd, even);
    if (length % 2 === 1) crc = gf2Times(odd, crc);
    length = Math.floor(length / 2);
    if (length === 0) break;
  }
  return (crc ^ crc2) >>> 0;
}

/** A part made of text, deflated rows, text: the text on each side of `marker`. */
export interface SplicedPart {
  text: string;
  marker: string;
  body: DeflatedBody;
}

interface Entry {
  crc: number;
  size: number;
  data: Buffer[];
  compressedSize: number;
}

function splicedEntry(part: SplicedPart): Entry {
  const at = part.text.indexOf(part.marker);
  if (at < 0) throw new Error('a spliced part lacks the marker where its rows go');
  const before = Buffer.from(part.text.slice(0, at));
  const after = Buffer.from(part.text.slice(at + part.marker.length));
  const head = deflateRawSync(before, { finishFlush: constants.Z_SYNC_FLUSH });
  const tail = deflateRawSync(after);
  let crc = crc32Combine(crc32(before), part.body.crc, part.body.size);
  crc = crc32Combine(crc, crc32(after), after.length);
  const size = before.length + part.body.size + after.length;
  const compressedSize = head.length + part.body.compressedSize + tail.length;
  if (size > 0xfffffffe || compressedSize > 0xfffffffe)
    throw new Error('a sheet is larger than 4 GB, which needs ZIP64');
  return { crc, size, compressedSize, data: [head, ...part.body.chunks, tail] };
}

function localHeader(central: Buffer, name: Buffer, e: Entry): Buffer {
  const h = Buffer.alloc(30);
  h.writeUInt32LE(0x04034b50, 0);
  h.writeUInt16LE(20, 4);
  h.writeUInt16LE(central.readUInt16LE(8) & 0x0800, 6); // only the UTF-8 name flag
  h.writeUInt16LE(8, 8);
  h.writeUInt32LE(central.readUInt32LE(12), 10); // time and date
  h.writeUInt32LE(e.crc, 14);
  h.writeUInt32LE(e.compressedSize, 18);
  h.writeUInt32LE(e.size, 22);
  h.writeUInt16LE(name.length, 26);
  h.writeUInt16LE(0, 28);
  return Buffer.concat([h, name]);
}

function centralRecord(central: Buffer, e: Entry | null, offset: number): Buffer {
  const record = Buffer.from(central);
  if (e) {
    const name = central.subarray(46, 46 + central.readUInt16LE(28));
    const fixed = Buffer.from(record.subarray(0, 46));
    fixed.writeUInt16LE(central.readUInt16LE(8) & 0x0800, 8);
    fixed.writeUInt16LE(8, 10);
    fixed.writeUInt32LE(e.crc, 16);
    fixed.writeUInt32LE(e.compressedSize, 20);
    fixed.writeUInt32LE(e.size, 24);
    fixed.writeUInt16LE(0, 30);
    fixed.writeUInt16LE(0, 32);
    fixed.writeUInt32LE(offset, 42);
    return Buffer.concat([fixed, name]);
  }
  record.writeUInt32LE(offset, 42);
  return record;
}

/** The zip with each part of `spliced` (present in it as a placeholder) written in full. */
export function withSplicedParts(zip: Buffer, spliced: ReadonlyMap<string, SplicedPart>): Buffer {
  const entries = zipEntries(zip);
  if (entries === null) throw new Error('the package written is not a zip we read');
  const out: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const part = spliced.get(entry.name);
    let pieces: Buffer[];
    let record: Buffer;
    if (part) {
      const e = splicedEntry(part);
      const name = entry.central.subarray(46, 46 + entry.central.readUInt16LE(28));
      pieces = [localHeader(entry.central, name, e), ...e.data];
      record = centralRecord(entry.central, e, offset);
    } else {
      if (entry.flags & 8) throw new Error(`zip entry ${entry.name} has a data descriptor`);
      const { header, data } = localRecord(zip, entry);
      pieces = [header, data];
      record = centralRecord(entry.central, null, offset);
    }
    out.push(...pieces);
    for (const p of pieces) offset += p.length;
    central.push(record);
  }
  const directory = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  if (offset > 0xfffffffe) throw new Error('the workbook is larger than 4 GB, which needs ZIP64');
  return Buffer.concat([...out, directory, end]);
}
