/** Session: time zone, user email and temporary user key. */
import type { Env } from './env.ts';

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
