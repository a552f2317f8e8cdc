/** Session: time zone, user email and temporary user key. */
import type { Env } from './env.ts';

export class FakeSession {
  constructor(
    private readonly env: Env,
    private readonly opts: { scriptTimeZone: string; userEmail: string; userKey: string },
  ) {}
  getScriptTimeZone(): string {
    this.env.touch('Session.getScriptTimeZone', 'free');
    return this.opts.scriptTimeZone;
  }
  getActiveUser(): { getEmail(): string } {
    this.env.touch('Session.getActiveUser', 'free');
    const email = this.env.mode === 'FULL' ? this.opts.userEmail : '';
    return { getEmail: () => email };
  }
  getEffectiveUser(): { getEmail(): string } {
    this.env.touch('Session.getEffectiveUser', 'free');
    const email = this.env.mode === 'FULL' ? this.opts.userEmail : '';
    return { getEmail: () => email };
  }
  getTemporaryActiveUserKey(): string {
    this.env.touch('Session.getTemporaryActiveUserKey', 'free');
    return this.opts.userKey;
  }
  getActiveUserLocale(): string {
    this.env.touch('Session.getActiveUserLocale', 'free');
    return 'en';
  }
}
