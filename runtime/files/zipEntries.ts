/**
 * The entries of a zip file (an .xlsx package) read from its central directory, without
 * inflating any: each entry's sizes and where its compressed bytes are. A large part can then
 * be inflated as a stream (node:zlib), a piece at a time, and the entries of a package copied
 * into another one as they are (zipWrite.ts). Zip64 archives are not read (null): an .xlsx that
 * needs one (over 4 GB) is beyond what the offline run opens.
 */
import { Readable } from 'node:stream';
import { createInflateRaw } from 'node:zlib';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated. */
  method: number;
  flags: number;
  crc: number;
  compressedSize: number;
  size: number;
  /** Where the entry's local header starts. */
  localOffset: number;
  /** The entry's record in the central directory, as the file has it. */
  central: Buffer;
}

const END_OF_CENTRAL = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

function endOfCentralDirectory(zip: Buffer): number {
  const earliest = Math.max(0, zip.length - 22 - 0xffff);
  for (let at = zip.length - 22; at >= earliest; at--)
    if (zip.readUInt32LE(at) === END_OF_CENTRAL) return at;
  return -1;
}

/** The entries of a zip, in the central directory's order; null when it is not one we read. */
export function zipEntries(zip: Buffer): ZipEntry[] | null {
  const end = zip.length >= 22 ? endOfCentralDirectory(zip) : -1;
  if (end < 0) return null;
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  if (count === 0xffff || at === ZIP64_MARK) return null;
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== CENTRAL) return null;
    const nameLength = zip.readUInt16LE(at + 28);
    const length = 46 + nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const entry: ZipEntry = {
      flags: zip.readUInt16LE(at + 8),
      method: zip.readUInt16LE(at + 10),
      crc: zip.readUInt32LE(at + 16),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString('utf8', at + 46, at + 46 + nameLength),
      central: zip.subarray(at, at + length),
    };
    if ([entry.compressedSize, entry.size, entry.localOffset].includes(ZIP64_MARK)) return null;
    entries.push(entry);
    at += length;
  }
  return entries;
}

/** The entry's local record: its header and its compressed bytes. */
export function localRecord(zip: Buffer, entry: ZipEntry): { header: Buffer; data: Buffer } {
  const at = entry.localOffset;
  if (zip.readUInt32LE(at) !== LOCAL) throw new Error(`zip entry ${entry.name} is damaged`);
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  return {
    header: zip.subarray(at, start),
    data: zip.subarray(start, start + entry.compressedSize),
  };
}

/** The entry's bytes, inflated as a stream. */
export function entryStream(zip: Buffer, entry: ZipEntry): Readable {
  const { data } = localRecord(zip, entry);
  const source = Readable.from([data]);
  if (entry.method === 0) return source;
  if (entry.method !== 8)
    throw new Error(`zip entry ${entry.name} uses compression method ${entry.method}`);
  return source.pipe(createInflateRaw({ chunkSize: 32 * 1024 }));
}

/** The entry's text, decoded as UTF-8 a piece at a time (a piece never splits a character). */
export async function* entryText(zip: Buffer, entry: ZipEntry): AsyncGenerator<string> {
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  for await (const chunk of entryStream(zip, entry))
    yield decoder.decode(chunk as Buffer, { stream: true });
  const rest = decoder.decode();
  if (rest !== '') yield rest;
}

/** The entry's whole text (for the small parts). */
export async function entryString(
  zip: Buffer,
  entry: ZipEntry | undefined,
): Promise<string | null> {
  if (!entry) return null;
  const pieces: string[] = [];
  for await (const piece of entryText(zip, entry)) pieces.push(piece);
  return pieces.join('');
}
