/** The document lock, or null when there is no document (or no LockService) to lock. */
function documentLock(): GoogleAppsScript.Lock.Lock | null {
  try {
    return LockService.getDocumentLock();
  } catch {
    return null;
  }
}

/**
 * Runs `body` holding the document lock, so two runs never write the same sheets at once.
 * When another execution holds it for longer than `waitMs`, returns `busy()` instead.
 */
export function withDocumentLock<T>(waitMs: number, body: () => T, busy: () => T): T {
  const lock = documentLock();
  if (lock && !lock.tryLock(waitMs)) return busy();
  try {
    return body();
  } finally {
    lock?.releaseLock();
  }
}
