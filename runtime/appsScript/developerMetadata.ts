/**
 * Developer metadata on sheets: key/value marks a script attaches to a sheet, invisible in the
 * grid, kept when the sheet is renamed or moved and deleted with it. `PROJECT` metadata is seen
 * only by the project that created it; `DOCUMENT` metadata by every project with access.
 */
import { type EnumValue, type Env, enumName, makeEnum } from './env.ts';
import { signatureError } from './signatureError.ts';

export const DeveloperMetadataVisibility = makeEnum(['DOCUMENT', 'PROJECT'] as const);
export const DeveloperMetadataLocationType = makeEnum([
  'SPREADSHEET',
  'SHEET',
  'ROW',
  'COLUMN',
] as const);

type Visibility = keyof typeof DeveloperMetadataVisibility;

/** One mark as stored (plain data: what the offline state keeps). */
export interface MetadataItem {
  id: number;
  key: string;
  value: string | null;
  visibility: Visibility;
  /** The script project that created it (what PROJECT visibility compares). */
  project: string;
}

/** Where a sheet keeps its marks, and who is asking. */
export interface MetadataHost {
  readonly env: Env;
  /** The sheet's marks, changed in place. */
  readonly items: MetadataItem[];
  /** The running script's project id. */
  project: string;
  nextId(): number;
  checkAlive(): void;
  /** The sheet, for `getLocation().getSheet()`. */
  sheet: unknown;
}

function visibilityOf(v: unknown, method: string, args: unknown[]): Visibility {
  const name = enumName(v);
  if (name === 'DOCUMENT' || name === 'PROJECT') return name;
  throw signatureError(method, args);
}

function isVisibility(v: unknown): boolean {
  return v !== null && typeof v === 'object' && ['DOCUMENT', 'PROJECT'].includes(String(v));
}

/** `(key)`, `(key, visibility)`, `(key, value)`, `(key, value, visibility)`, as Apps Script reads them. */
export function addMetadata(host: MetadataHost, method: string, args: unknown[]): MetadataItem {
  const [key, second, third] = args;
  if (typeof key !== 'string' || key === '' || args.length > 3) throw signatureError(method, args);
  let value: string | null = null;
  let visibility: Visibility = 'DOCUMENT';
  if (args.length === 2 && isVisibility(second)) visibility = visibilityOf(second, method, args);
  else if (args.length >= 2) {
    if (typeof second !== 'string') throw signatureError(method, args);
    value = second;
    if (args.length === 3) visibility = visibilityOf(third, method, args);
  }
  host.checkAlive();
  const item = { id: host.nextId(), key, value, visibility, project: host.project };
  host.items.push(item);
  return item;
}

/** The marks the running project may see. */
export function visibleMetadata(host: MetadataHost): FakeDeveloperMetadata[] {
  return host.items
    .filter((m) => m.visibility === 'DOCUMENT' || m.project === host.project)
    .map((m) => new FakeDeveloperMetadata(host, m));
}

export class FakeDeveloperMetadata {
  constructor(
    private readonly host: MetadataHost,
    private readonly item: MetadataItem,
  ) {}
  private touch(method: string, access: 'read' | 'write'): void {
    this.host.env.touch(`DeveloperMetadata.${method}`, access);
  }
  getId(): number {
    this.touch('getId', 'read');
    return this.item.id;
  }
  getKey(): string {
    this.touch('getKey', 'read');
    return this.item.key;
  }
  getValue(): string | null {
    this.touch('getValue', 'read');
    return this.item.value;
  }
  getVisibility(): EnumValue {
    this.touch('getVisibility', 'read');
    return DeveloperMetadataVisibility[this.item.visibility];
  }
  getLocation(): { getLocationType(): EnumValue; getSheet(): unknown } {
    this.touch('getLocation', 'read');
    return {
      getLocationType: () => DeveloperMetadataLocationType.SHEET,
      getSheet: () => this.host.sheet,
    };
  }
  setKey(key: string): this {
    this.touch('setKey', 'write');
    if (typeof key !== 'string' || key === '')
      throw signatureError('DeveloperMetadata.setKey', [key]);
    this.item.key = key;
    return this;
  }
  setValue(value: string): this {
    this.touch('setValue', 'write');
    if (typeof value !== 'string') throw signatureError('DeveloperMetadata.setValue', [value]);
    this.item.value = value;
    return this;
  }
  setVisibility(visibility: unknown): this {
    this.touch('setVisibility', 'write');
    this.item.visibility = visibilityOf(visibility, 'DeveloperMetadata.setVisibility', [
      visibility,
    ]);
    return this;
  }
  remove(): void {
    this.touch('remove', 'write');
    const i = this.host.items.indexOf(this.item);
    if (i >= 0) this.host.items.splice(i, 1);
  }
  toString(): string {
    return 'DeveloperMetadata';
  }
}
