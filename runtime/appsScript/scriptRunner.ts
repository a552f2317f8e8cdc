/**
 * The bundle in node:vm: loaded once, then each execution (a call, a trigger, a custom-function
 * cell) runs a top-level function in a fresh global scope, like Apps Script, with the services
 * as globals and the execution's auth mode enforced.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { type AuthModeName, type Execution, hostCopy, type Realm } from './env.ts';
import type { ServiceContext } from './options.ts';
import { AuthMode } from './scriptApp.ts';
import { realmOf } from './vmRealm.ts';

const AUTH_NAMES = new Set(['NONE', 'LIMITED', 'FULL', 'CUSTOM_FUNCTION']);

/** The auth mode an event names (`{ authMode: 'LIMITED' }`), or null. */
export function eventAuthMode(arg: unknown): AuthModeName | null {
  if (arg === null || typeof arg !== 'object' || !('authMode' in arg)) return null;
  const m = String((arg as { authMode: unknown }).authMode);
  return AUTH_NAMES.has(m) ? (m as AuthModeName) : null;
}

/** Event objects: `authMode: 'NONE'` becomes the ScriptApp.AuthMode.NONE enum, as in Apps Script. */
function normalizeEvent(arg: unknown): unknown {
  const m = eventAuthMode(arg);
  if (m === null || Array.isArray(arg)) return arg;
  return { ...(arg as Record<string, unknown>), authMode: AuthMode[m] };
}

interface Scope {
  context: vm.Context;
  realm: Realm;
}

export class ScriptRunner {
  private script: vm.Script | null = null;
  private last: Scope | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly globals: Record<string, unknown>,
    /** Called when an execution ends (what it held is released). */
    private readonly onEnd: (execution: Execution) => void,
  ) {}

  /** Loads the bundle (default <distDir>/Code.js) and runs it once in a fresh context. */
  load(bundlePath?: string): void {
    const path = bundlePath ?? join(this.ctx.distDir, 'Code.js');
    if (!existsSync(path))
      throw new Error(`Bundle not found: ${path} (run "npm run build" first).`);
    this.loadSource(readFileSync(path, 'utf8'), path);
  }

  loadSource(code: string, filename = 'Code.js'): void {
    this.script = new vm.Script(code, { filename });
    this.freshScope();
  }

  /** Runs a top-level function of the bundle in `mode`; its result is copied to the host. */
  run(mode: AuthModeName, fnName: string, args: unknown[]): unknown {
    if (this.script === null) this.load();
    const { context, realm } =
      this.ctx.options.persistentGlobals && this.last !== null ? this.last : this.freshScope();
    const fn: unknown = (context as Record<string, unknown>)[fnName];
    if (typeof fn !== 'function') {
      throw new Error(`Script function not found: ${fnName}`);
    }
    const env = this.ctx.env;
    const ex = env.begin(mode);
    const savedRealm = env.realm;
    env.realm = realm;
    try {
      const inArgs = args.map((a) => realm.copy(normalizeEvent(a)));
      const result: unknown = (fn as (...a: unknown[]) => unknown).apply(undefined, inArgs);
      return hostCopy(result);
    } finally {
      env.realm = savedRealm;
      env.end(ex);
      this.onEnd(ex);
    }
  }

  /** Names of the top-level functions declared by the loaded bundle. */
  globalNames(): string[] {
    if (this.script === null) this.load();
    const ctx = this.context() as Record<string, unknown> | null;
    if (ctx === null) return [];
    const services = new Set(Object.keys(this.globals));
    return Object.getOwnPropertyNames(ctx)
      .filter((k) => !services.has(k))
      .filter((k) => {
        const d = Object.getOwnPropertyDescriptor(ctx, k);
        return d !== undefined && 'value' in d && typeof d.value === 'function';
      })
      .sort();
  }

  /** The vm context of the last execution (or of load()). */
  context(): vm.Context | null {
    return this.last?.context ?? null;
  }

  private freshScope(): Scope {
    if (this.script === null) throw new Error('No bundle loaded: call rt.load() first.');
    const context = vm.createContext({ ...this.globals }, { name: 'apps-script' });
    const realm = realmOf(context);
    this.script.runInContext(context);
    this.last = { context, realm };
    return this.last;
  }
}
