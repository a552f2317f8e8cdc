/** PropertiesService: document, script and user properties with Apps Script quotas. */
import type { Env } from './env.ts';
import type { ServiceContext } from './options.ts';
import { signatureError } from './signatureError.ts';

export const PROPERTY_VALUE_LIMIT = 9 * 1024;
export const PROPERTY_STORE_LIMIT = 500 * 1024;

export function byteLength(s: string): number {
  return Buffer.byteLength(s, 'utf8');
}

export class FakeProperties {
  readonly map = new Map<string, string>();

  constructor(
    private readonly env: Env,
    private readonly label: string,
  ) {}

  private total(extraKey?: string, extraValue?: string): number {
    let n = 0;
    for (const [k, v] of this.map) if (k !== extraKey) n += byteLength(k) + byteLength(v);
    if (extraKey !== undefined && extraValue !== undefined)
      n += byteLength(extraKey) + byteLength(extraValue);
    return n;
  }

  private put(key: unknown, value: unknown): void {
    if (key === null || key === undefined) throw new Error('Invalid argument: key');
    const k = String(key);
    const v = String(value);
    if (byteLength(v) > PROPERTY_VALUE_LIMIT) throw new Error('Argument too large: value');
    if (this.total(k, v) > PROPERTY_STORE_LIMIT) {
      throw new Error(
        'You have exceeded the property storage quota. Please remove some properties and try again.',
      );
    }
    this.map.set(k, v);
  }

  getProperty(key: string): string | null {
    this.env.touch(`Properties.getProperty`, 'propsRead');
    return this.map.get(String(key)) ?? null;
  }

  setProperty(key: string, value: unknown): this {
    this.env.touch('Properties.setProperty', 'propsWrite');
    this.put(key, value);
    return this;
  }

  getProperties(): Record<string, string> {
    this.env.touch('Properties.getProperties', 'propsRead');
    return this.env.realm.copy(Object.fromEntries(this.map));
  }

  setProperties(properties: Record<string, unknown>, deleteAllOthers = false): this {
    this.env.touch('Properties.setProperties', 'propsWrite');
    if (properties === null || typeof properties !== 'object') {
      throw signatureError('PropertiesService.Properties.setProperties', [properties]);
    }
    const entries = Object.entries(properties);
    for (const [, v] of entries) {
      if (byteLength(String(v)) > PROPERTY_VALUE_LIMIT)
        throw new Error('Argument too large: value');
    }
    if (deleteAllOthers) this.map.clear();
    for (const [k, v] of entries) this.put(k, v);
    return this;
  }

  deleteProperty(key: string): this {
    this.env.touch('Properties.deleteProperty', 'propsWrite');
    this.map.delete(String(key));
    return this;
  }

  deleteAllProperties(): this {
    this.env.touch('Properties.deleteAllProperties', 'propsWrite');
    this.map.clear();
    return this;
  }

  getKeys(): string[] {
    this.env.touch('Properties.getKeys', 'propsRead');
    return this.env.realm.copy([...this.map.keys()]);
  }

  toString(): string {
    return `Properties(${this.label})`;
  }
}

export interface PropertyStores {
  document: FakeProperties;
  script: FakeProperties;
  user: FakeProperties;
}

export class FakePropertiesService {
  constructor(
    private readonly env: Env,
    readonly stores: PropertyStores,
  ) {}
  getDocumentProperties(): FakeProperties {
    this.env.touch('PropertiesService.getDocumentProperties', 'propsRead');
    return this.stores.document;
  }
  getScriptProperties(): FakeProperties {
    this.env.touch('PropertiesService.getScriptProperties', 'propsRead');
    return this.stores.script;
  }
  getUserProperties(): FakeProperties {
    this.env.touch('PropertiesService.getUserProperties', 'propsRead');
    return this.stores.user;
  }
}

/** PropertiesService and its three stores; the document's start as the workbook kept them. */
export function makePropertiesService(ctx: ServiceContext): FakePropertiesService {
  const { env, options } = ctx;
  const stores: PropertyStores = {
    document: new FakeProperties(env, 'document'),
    script: new FakeProperties(env, 'script'),
    user: new FakeProperties(env, 'user'),
  };
  for (const [k, v] of Object.entries(options.workbook?.documentProperties ?? {}))
    stores.document.map.set(k, v);
  return new FakePropertiesService(env, stores);
}
