/**
 * Per-client-address throttle for sign-in and sign-up, in memory (one API process; a shared store would be needed
 * behind several). Account lockout (users.failed_sign_in_count / locked_until) is the durable second line.
 */
export interface SignInLimiter {
  /** Counts one attempt; returns the seconds to wait when the address is over its budget, else 0. */
  take(address: string, now?: number): number;
}

export function createSignInLimiter(maxAttempts = 30, windowMs = 60_000): SignInLimiter {
  const windows = new Map<string, { startedAt: number; count: number }>();
  return {
    take(address, now = Date.now()) {
      const current = windows.get(address);
      if (!current || now - current.startedAt >= windowMs) {
        if (windows.size > 10_000) windows.clear();
        windows.set(address, { startedAt: now, count: 1 });
        return 0;
      }
      current.count += 1;
      return current.count > maxAttempts ? Math.ceil((current.startedAt + windowMs - now) / 1000) : 0;
    },
  };
}

/** After this many wrong passwords in a row the account is locked for LOCKOUT_MS, whatever address tries. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60_000;
