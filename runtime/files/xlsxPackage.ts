/**
 * An .xlsx package (a zip of XML parts) opened for reading and editing parts: relationships,
 * content types, the worksheet part of each sheet. Used where ExcelJS does not go: charts.
 */
import JSZip from 'jszip';

export const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const REL_NS = 'http://schemas.openxmlformats.org/package/2006/relationships';

export const unescapeXml = (s: string): string =>
  s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');

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

const relsPathOf = (part: string): string => {
  const i = part.lastIndexOf('/');
  return `${part.slice(0, i)}/_rels/${part.slice(i + 1)}.rels`;
};

export class Package {
  constructor(private readonly zip: JSZip) {}

  static async open(buffer: Buffer): Promise<Package> {
    return new Package(await JSZip.loadAsync(buffer));
  }

  async text(path: string): Promise<string | null> {
    const file = this.zip.file(path);
    return file ? file.async('string') : null;
  }

  write(path: string, text: string): void {
    this.zip.file(path, text);
  }

  /** `xl/charts/chart3.xml`: the first free number. */
  freshPart(folder: string, stem: string): string {
    for (let n = 1; ; n++) {
      const path = `${folder}/${stem}${n}.xml`;
      if (!this.zip.file(path)) return path;
    }
  }

  async relationships(part: string): Promise<Map<string, { type: string; target: string }>> {
    const xml = (await this.text(relsPathOf(part))) ?? '';
    const rels = new Map<string, { type: string; target: string }>();
    for (const tag of xml.match(/<Relationship\b[^>]*>/g) ?? []) {
      const id = attr(tag, 'Id');
      if (id) rels.set(id, { type: attr(tag, 'Type') ?? '', target: attr(tag, 'Target') ?? '' });
    }
    return rels;
  }

  /** Adds a relationship from `part` to `target` (relative path); returns its id. */
  async relate(part: string, type: string, target: string): Promise<string> {
    const path = relsPathOf(part);
    const xml =
      (await this.text(path)) ??
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="${REL_NS}"></Relationships>`;
    let last = 0;
    for (const m of xml.matchAll(/\bId="rId(\d+)"/g)) last = Math.max(last, Number(m[1]));
    const id = `rId${last + 1}`;
    const rel = `<Relationship Id="${id}" Type="${REL}/${type}" Target="${target}"/>`;
    this.write(path, xml.replace('</Relationships>', `${rel}</Relationships>`));
    return id;
  }

  async declare(part: string, contentType: string): Promise<void> {
    const path = '[Content_Types].xml';
    const xml = (await this.text(path)) ?? '';
    const override = `<Override PartName="/${part}" ContentType="${contentType}"/>`;
    this.write(path, xml.replace('</Types>', `${override}</Types>`));
  }

  generate(): Promise<Buffer> {
    return this.zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
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
