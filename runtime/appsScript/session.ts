/** Session: time zone, user email and temporary user key. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Env } from './env.ts';
import type { ServiceContext } from './options.ts';
import { REPO_ROOT } from './paths.ts';

export class FakeSession {
  constructor(
    private readonly env: Env,
    private readonly opts: { scriptTimeZone: string; userKey: string },
  ) {}
  getScriptTimeZone(): string {
    this.env.touch('Session.getScriptTimeZone', 'free');
    return this.opts.scriptTimeZone;
  }
  /** The user at the keyboard; the trigger's owner in a time-driven run (`rt.setUser`). */
  getActiveUser(): { getEmail(): string } {
    this.env.touch('Session.getActiveUser', 'free');
    const email = this.env.mode === 'FULL' ? this.env.user : '';
    return { getEmail: () => email };
  }
  /** Whose authority the script runs under: the same user here (no web apps). */
  getEffectiveUser(): { getEmail(): string } {
    this.env.touch('Session.getEffectiveUser', 'free');
    const email = this.env.mode === 'FULL' ? this.env.user : '';
    return { getEmail: () => email };
  }
  getTemporaryActiveUserKey(): string {
    this.env.touch('Session.getTemporaryActiveUserKey', 'free');
    return `${this.opts.userKey}-${this.env.user}`;
  }
  getActiveUserLocale(): string {
    this.env.touch('Session.getActiveUserLocale', 'free');
    return 'en';
  }
}

/** The script's time zone as appsscript.json sets it, else Europe/Paris. */
function manifestTimeZone(): string {
  try {
    const manifest: unknown = JSON.parse(readFileSync(join(REPO_ROOT, 'appsscript.json'), 'utf8'));
    if (manifest !== null && typeof manifest === 'object' && 'timeZone' in manifest) {
      const tz = (manifest as { timeZone: unknown }).timeZone;
      if (typeof tz === 'string') return tz;
    }
  } catch {
    // no manifest: default below
  }
  return 'Europe/Paris';
}

export function makeSession(ctx: ServiceContext): FakeSession {
  return new FakeSession(ctx.env, {
    scriptTimeZone: ctx.options.scriptTimeZone ?? manifestTimeZone(),
    userKey: 'fake-temporary-user-key',
  });
}
