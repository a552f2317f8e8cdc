/** CacheService: document, script and user caches with expiry on the runtime clock. */
import type { Env } from './env.ts';
import type { ServiceContext } from './options.ts';
import { byteLength } from './properties.ts';

export class FakeCache {
  private readonly map = new Map<string, { value: string; expires: number }>();
  constructor(private readonly env: Env) {}

  private live(key: string): string | null {
    const e = this.map.get(key);
    if (!e) return null;
    if (e.expires <= this.env.nowMs()) {
      this.map.delete(key);
      return null;
    }
    return e.value;
  }

  private store(key: string, value: unknown, ttl?: number): void {
    const v = String(value);
    if (key.length > 250) throw new Error('Argument too large: key');
    if (byteLength(v) > 100 * 1024) throw new Error('Argument too large: value');
    const seconds = Math.min(Math.max(ttl ?? 600, 1), 21600);
    this.map.set(key, { value: v, expires: this.env.nowMs() + seconds * 1000 });
  }

  get(key: string): string | null {
    this.env.touch('Cache.get', 'service');
    return this.live(String(key));
  }
  getAll(keys: string[]): Record<string, string> {
    this.env.touch('Cache.getAll', 'service');
    const out: Record<string, string> = {};
    for (const k of keys) {
      const v = this.live(String(k));
      if (v !== null) out[k] = v;
    }
    return this.env.realm.copy(out);
  }
  put(key: string, value: unknown, expirationInSeconds?: number): void {
    this.env.touch('Cache.put', 'service');
    this.store(String(key), value, expirationInSeconds);
  }
  putAll(values: Record<string, unknown>, expirationInSeconds?: number): void {
    this.env.touch('Cache.putAll', 'service');
    for (const [k, v] of Object.entries(values)) this.store(k, v, expirationInSeconds);
  }
  remove(key: string): void {
    this.env.touch('Cache.remove', 'service');
    this.map.delete(String(key));
  }
  removeAll(keys: string[]): void {
    this.env.touch('Cache.removeAll', 'service');
    for (const k of keys) this.map.delete(String(k));
  }
}

export class FakeCacheService {
  constructor(
    private readonly env: Env,
    private readonly caches: { document: FakeCache; script: FakeCache; user: FakeCache },
  ) {}
  getDocumentCache(): FakeCache {
    this.env.touch('CacheService.getDocumentCache', 'service');
    return this.caches.document;
  }
  getScriptCache(): FakeCache {
    this.env.touch('CacheService.getScriptCache', 'service');
    return this.caches.script;
  }
  getUserCache(): FakeCache {
    this.env.touch('CacheService.getUserCache', 'service');
    return this.caches.user;
  }
}

/** CacheService with empty document, script and user caches. */
export function makeCacheService(ctx: ServiceContext): FakeCacheService {
  const { env } = ctx;
  return new FakeCacheService(env, {
    document: new FakeCache(env),
    script: new FakeCache(env),
    user: new FakeCache(env),
  });
}
