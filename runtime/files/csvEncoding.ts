/**
 * The text encoding of a CSV file: from its byte-order mark (UTF-8, UTF-16 LE or BE), else
 * UTF-8 when every byte sequence of the file is valid UTF-8, else Windows-1252 (what Excel
 * writes as "CSV" on a Western Windows, and a superset of Latin-1's printable characters).
 */
import { createReadStream } from 'node:fs';
import { open } from 'node:fs/promises';

export type CsvEncoding = 'UTF-8' | 'UTF-16 LE' | 'UTF-16 BE' | 'Windows-1252';

const DECODER_LABEL: Record<CsvEncoding, string> = {
  'UTF-8': 'utf-8',
  'UTF-16 LE': 'utf-16le',
  'UTF-16 BE': 'utf-16be',
  'Windows-1252': 'windows-1252',
};

/** A decoder for the encoding; it drops a leading byte-order mark. */
export function decoderFor(encoding: CsvEncoding): TextDecoder {
  return new TextDecoder(DECODER_LABEL[encoding]);
}

/** The encoding a byte-order mark at the start of `head` names, or null. */
export function bomEncoding(head: Uint8Array): CsvEncoding | null {
  if (head[0] === 0xef && head[1] === 0xbb && head[2] === 0xbf) return 'UTF-8';
  if (head[0] === 0xff && head[1] === 0xfe) return 'UTF-16 LE';
  if (head[0] === 0xfe && head[1] === 0xff) return 'UTF-16 BE';
  return null;
}

/** The first `size` bytes of a file (fewer when it is shorter). */
export async function readHead(path: string, size: number): Promise<Buffer> {
  const file = await open(path, 'r');
  try {
    const buffer = Buffer.alloc(size);
    const { bytesRead } = await file.read(buffer, 0, size, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await file.close();
  }
}

/** True when the chunks, in order, are valid UTF-8 (a character may span two chunks). */
async function isUtf8(chunks: AsyncIterable<Buffer> | Iterable<Buffer>): Promise<boolean> {
  const strict = new TextDecoder('utf-8', { fatal: true });
  try {
    for await (const chunk of chunks) strict.decode(chunk, { stream: true });
    strict.decode();
    return true;
  } catch {
    return false;
  }
}

/** The file's encoding, read in chunks (the whole file is checked before UTF-8 is chosen). */
export async function detectFileEncoding(path: string): Promise<CsvEncoding> {
  const bom = bomEncoding(await readHead(path, 3));
  if (bom) return bom;
  return (await isUtf8(createReadStream(path))) ? 'UTF-8' : 'Windows-1252';
}

/** The encoding of bytes held in memory, by the same rule. */
export async function detectEncoding(bytes: Buffer): Promise<CsvEncoding> {
  return bomEncoding(bytes) ?? ((await isUtf8([bytes])) ? 'UTF-8' : 'Windows-1252');
}
