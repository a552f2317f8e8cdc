/** LockService: document, script and user locks held per execution. */
import type { Env } from './env.ts';
import { signatureError } from './signatureError.ts';

/** Who holds one lock scope: an execution id, a negative id for "another execution", or null. */
export class LockState {
  holder: number | null = null;
  /** Total milliseconds scripts asked to wait on this lock while it was held elsewhere. */
  waitedMs = 0;
  attempts = 0;
}

export const EXTERNAL_HOLDER = -1;

export class FakeLock {
  constructor(
    private readonly env: Env,
    private readonly state: LockState,
    private readonly onAcquire: (state: LockState) => void,
  ) {}

  private acquire(): boolean {
    const me = this.env.executionId;
    this.state.attempts++;
    if (this.state.holder === null || this.state.holder === me) {
      this.state.holder = me;
      this.onAcquire(this.state);
      return true;
    }
    return false;
  }

  tryLock(timeoutInMillis: number): boolean {
    this.env.touch('Lock.tryLock', 'service');
    if (typeof timeoutInMillis !== 'number')
      throw signatureError('LockService.Lock.tryLock', [timeoutInMillis]);
    if (this.acquire()) return true;
    this.state.waitedMs += timeoutInMillis;
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    this.env.touch('Lock.waitLock', 'service');
    if (typeof timeoutInMillis !== 'number')
      throw signatureError('LockService.Lock.waitLock', [timeoutInMillis]);
    if (this.acquire()) return;
    this.state.waitedMs += timeoutInMillis;
    throw new Error('Lock timeout: another process was holding the lock for too long.');
  }

  releaseLock(): void {
    this.env.touch('Lock.releaseLock', 'service');
    if (this.state.holder === this.env.executionId) this.state.holder = null;
  }

  hasLock(): boolean {
    this.env.touch('Lock.hasLock', 'service');
    return this.state.holder === this.env.executionId;
  }
}

export class FakeLockService {
  constructor(
    private readonly env: Env,
    private readonly states: { document: LockState; script: LockState; user: LockState },
    private readonly onAcquire: (state: LockState) => void,
  ) {}
  getDocumentLock(): FakeLock {
    this.env.touch('LockService.getDocumentLock', 'service');
    return new FakeLock(this.env, this.states.document, this.onAcquire);
  }
  getScriptLock(): FakeLock {
    this.env.touch('LockService.getScriptLock', 'service');
    return new FakeLock(this.env, this.states.script, this.onAcquire);
  }
  getUserLock(): FakeLock {
    this.env.touch('LockService.getUserLock', 'service');
    return new FakeLock(this.env, this.states.user, this.onAcquire);
  }
}
