/**
 * An .xlsx package (a zip of XML parts) opened for reading and editing parts: relationships,
 * content types, the worksheet part of each sheet. Used where ExcelJS does not go: charts.
 */
import JSZip from 'jszip';
import { type DeflatedBody, type SplicedPart, withSplicedParts } from './zipWrite.ts';

export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const unescapeXml = (s: string): string =>
  !s.includes('&')
    ? s
    : s
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&');

/** The relationships part of a part: `xl/_rels/workbook.xml.rels`. */
export const relsPathOf = (part: string): string => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};

const escapeAttr = (s: string): string =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

export const attr = (tag: string, name: string): string | null => {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(tag);
  return m ? unescapeXml(m[1]!) : null;
};

/** A part's path from a relationship target, relative to the part that holds the relationship. */
export function resolvePart(from: string, target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = from.split('/').slice(0, -1);
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

export interface Relationship {
  type: string;
  target: string;
  /** A link outside the package (a URL): no part to follow. */
  external: boolean;
}

/** Stands in a spliced part's text for its rows, which are already compressed. */
export const SPLICED_ROWS = '<!--sla-sheets:rows-->';

export class Package {
  /** Parts too large to hold as text: their text around the rows, and the rows deflated. */
  private readonly spliced = new Map<string, SplicedPart>();

  constructor(private readonly zip: JSZip) {}

  static async open(buffer: Buffer): Promise<Package> {
    return new Package(await JSZip.loadAsync(buffer));
  }

  /** A part's text (a spliced part's with SPLICED_ROWS in place of its rows). */
  async text(path: string): Promise<string | null> {
    const spliced = this.spliced.get(path);
    if (spliced) return spliced.text;
    const file = this.zip.file(path);
    return file ? file.async('string') : null;
  }

  write(path: string, text: string): void {
    const spliced = this.spliced.get(path);
    if (spliced) {
      if (!text.includes(SPLICED_ROWS))
        throw new Error(`part ${path} was rewritten without its rows`);
      spliced.text = text;
      return;
    }
    this.zip.file(path, text, { createFolders: false });
  }

  /**
   * Writes a part from its text with SPLICED_ROWS in place of its rows, and the rows deflated:
   * the text stays editable (text, write) until the package is generated.
   */
  writeSpliced(path: string, text: string, rows: DeflatedBody): void {
    this.zip.file(path, '', { createFolders: false });
    this.spliced.set(path, { text, marker: SPLICED_ROWS, body: rows });
  }

  has(path: string): boolean {
    return this.zip.file(path) !== null;
  }

  remove(path: string): void {
    this.spliced.delete(path);
    this.zip.remove(path);
  }

  async bytes(path: string): Promise<Uint8Array | null> {
    const file = this.zip.file(path);
    return file ? file.async('uint8array') : null;
  }

  writeBytes(path: string, bytes: Uint8Array): void {
    this.zip.file(path, bytes, { createFolders: false });
  }

  /** Every part's path. */
  paths(): string[] {
    return Object.keys(this.zip.files).filter((p) => !this.zip.files[p]!.dir);
  }

  /** `xl/charts/chart3.xml`: the first free number. */
  freshPart(folder: string, stem: string, extension = 'xml'): string {
    for (let n = 1; ; n++) {
      const path = `${folder}/${stem}${n}.${extension}`;
      if (!this.zip.file(path)) return path;
    }
  }

  async relationships(part: string): Promise<Map<string, Relationship>> {
    const xml = (await this.text(relsPathOf(part))) ?? '';
    const rels = new Map<string, Relationship>();
    for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
      const id = attr(tag, 'Id');
      if (!id) continue;
      const external = attr(tag, 'TargetMode') === 'External';
      rels.set(id, { type: attr(tag, 'Type') ?? '', target: attr(tag, 'Target') ?? '', external });
    }
    return rels;
  }

  /** Adds a relationship from `part` to `target` (relative path); returns its id. */
  relate(part: string, type: string, target: string): Promise<string> {
    return this.relateAs(part, `${REL}/${type}`, target);
  }

  /** Adds a relationship of a full type URI (`external` for a URL); returns its id. */
  async relateAs(part: string, type: string, target: string, external = false): Promise<string> {
    const path = relsPathOf(part);
    const xml =
      (await this.text(path)) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
    let last = 0;
    for (const m of xml.matchAll(/\bId="rId(\d+)"/g)) last = Math.max(last, Number(m[1]));
    const id = `rId${last + 1}`;
    const mode = external ? ' TargetMode="External"' : '';
    const rel = `<Relationship Id="${id}" Type="${type}" Target="${escapeAttr(target)}"${mode}/>`;
    this.write(path, xml.replace('</Relationships>', `${rel}</Relationships>`));
    return id;
  }

  /** Removes the relationship `id` of `part`. */
  async unrelate(part: string, id: string): Promise<void> {
    const path = relsPathOf(part);
    const xml = await this.text(path);
    if (xml === null) return;
    this.write(path, xml.replace(new RegExp(`<Relationship\\b[^>]*\\bId="${id}"[^>]*>`), ''));
  }

  async declare(part: string, contentType: string): Promise<void> {
    const path = '[Content_Types].xml';
    const xml = (await this.text(path)) ?? '';
    const override = `<Override PartName="/${part}" ContentType="${contentType}"/>`;
    this.write(path, xml.replace('</Types>', `${override}</Types>`));
  }

  /** Removes the content type override of `part`. */
  async undeclare(part: string): Promise<void> {
    const path = '[Content_Types].xml';
    const xml = (await this.text(path)) ?? '';
    const override = new RegExp(
      `<Override\\b[^>]*\\bPartName="/${part.replace(/[.[\]]/g, '\\$&')}"[^>]*>`,
    );
    if (override.test(xml)) this.write(path, xml.replace(override, ''));
  }

  /** The content type of `part`: its override, else its extension's default. */
  async contentTypeOf(part: string): Promise<{ type: string; byDefault: boolean } | null> {
    const xml = (await this.text('[Content_Types].xml')) ?? '';
    for (const tag of xml.match(/<Override\b[^>]*>/g) ?? [])
      if (attr(tag, 'PartName') === `/${part}`)
        return { type: attr(tag, 'ContentType') ?? '', byDefault: false };
    const ext = part.slice(part.lastIndexOf('.') + 1).toLowerCase();
    for (const tag of xml.match(/<Default\b[^>]*>/g) ?? [])
      if (attr(tag, 'Extension')?.toLowerCase() === ext)
        return { type: attr(tag, 'ContentType') ?? '', byDefault: true };
    return null;
  }

  /** Declares the default content type of an extension, unless the package has one. */
  async declareDefault(extension: string, contentType: string): Promise<void> {
    const path = '[Content_Types].xml';
    const xml = (await this.text(path)) ?? '';
    const has = (xml.match(/<Default\b[^>]*>/g) ?? []).some(
      (t) => attr(t, 'Extension')?.toLowerCase() === extension.toLowerCase(),
    );
    if (has) return;
    const entry = `<Default Extension="${extension}" ContentType="${contentType}"/>`;
    this.write(path, xml.replace(/(<Types\b[^>]*>)/, `$1${entry}`));
  }

  async generate(): Promise<Buffer> {
    const zip = await this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    return this.spliced.size === 0 ? zip : withSplicedParts(zip, this.spliced);
  }

  /**
   * The drawing part a worksheet part links to, or null. A sheet has at most one: its
   * relationships say which, without reading the (possibly large) sheet part.
   */
  async drawingOf(sheetPart: string): Promise<string | null> {
    const rels = [...(await this.relationships(sheetPart)).values()];
    const rel = rels.find((r) => r.type === `${REL}/drawing`);
    return rel ? resolvePart(sheetPart, rel.target) : null;
  }

  /** Worksheet part of each sheet, by sheet name. */
  async worksheets(): Promise<Map<string, string>> {
    const workbook = (await this.text('xl/workbook.xml')) ?? '';
    const rels = await this.relationships('xl/workbook.xml');
    const out = new Map<string, string>();
    for (const tag of workbook.match(/<sheet\b[^>]*>/g) ?? []) {
      const name = attr(tag, 'name');
      const rel = rels.get(attr(tag, 'r:id') ?? '');
      if (name !== null && rel) out.set(name, resolvePart('xl/workbook.xml', rel.target));
    }
    return out;
  }
}
