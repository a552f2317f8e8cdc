/** LockService: document, script and user locks held per execution. */
import type { Env } from './env.ts';
import type { ServiceContext } from './options.ts';
import { signatureError } from './signatureError.ts';

/** Who holds one lock scope: an execution id, a negative id for "another execution", or null. */
export class LockState {
  holder: number | null = null;
  /** Total milliseconds scripts asked to wait on this lock while it was held elsewhere. */
  waitedMs = 0;
  attempts = 0;
}

const EXTERNAL_HOLDER = -1;

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

export type LockScope = 'document' | 'script' | 'user';

/**
 * The three lock scopes of one runtime and the executions holding them: a lock is released
 * when the execution that took it ends, as in Apps Script.
 */
export class LockTable {
  readonly states: Record<LockScope, LockState> = {
    document: new LockState(),
    script: new LockState(),
    user: new LockState(),
  };
  private readonly heldByExecution = new Map<number, Set<LockState>>();

  constructor(private readonly env: Env) {}

  /** Records that the running execution took `state` (released when it ends). */
  readonly onAcquire = (state: LockState): void => {
    const id = this.env.executionId;
    let held = this.heldByExecution.get(id);
    if (!held) {
      held = new Set();
      this.heldByExecution.set(id, held);
    }
    held.add(state);
  };

  /** Releases what an execution still held once it ended. */
  releaseHeldBy(executionId: number): void {
    const held = this.heldByExecution.get(executionId);
    if (!held) return;
    for (const s of held) if (s.holder === executionId) s.holder = null;
    this.heldByExecution.delete(executionId);
  }

  /** Makes "another execution" hold a scope; returns the release function. */
  holdElsewhere(scope: LockScope): () => void {
    const state = this.states[scope];
    if (state.holder !== null && state.holder !== EXTERNAL_HOLDER) {
      throw new Error('The lock is already held by a running execution.');
    }
    state.holder = EXTERNAL_HOLDER;
    return () => {
      if (state.holder === EXTERNAL_HOLDER) state.holder = null;
    };
  }

  /** Milliseconds scripts were told to wait on locks held elsewhere, every scope summed. */
  waitedMs(): number {
    const { document, script, user } = this.states;
    return document.waitedMs + script.waitedMs + user.waitedMs;
  }
}

export class FakeLockService {
  constructor(
    private readonly env: Env,
    readonly table: LockTable,
  ) {}
  getDocumentLock(): FakeLock {
    this.env.touch('LockService.getDocumentLock', 'service');
    return this.lockOf('document');
  }
  getScriptLock(): FakeLock {
    this.env.touch('LockService.getScriptLock', 'service');
    return this.lockOf('script');
  }
  getUserLock(): FakeLock {
    this.env.touch('LockService.getUserLock', 'service');
    return this.lockOf('user');
  }
  private lockOf(scope: LockScope): FakeLock {
    return new FakeLock(this.env, this.table.states[scope], this.table.onAcquire);
  }
}

/** LockService with its table of the runtime's locks. */
export function makeLockService(ctx: ServiceContext): FakeLockService {
  return new FakeLockService(ctx.env, new LockTable(ctx.env));
}
