/** Automatic attempts per delivery before it is marked failed; a replay always makes one more. */
export const DEFAULT_MAX_ATTEMPTS = 8;

const MINUTE_MS = 60_000;
const MAX_DELAY_MS = 12 * 60 * MINUTE_MS;

/**
 * Wait after failed attempt `attempt` (1-based): 1 min, 4, 16, 64 min, ~4 h, then 12 h twice — the eight attempts span
 * about thirty hours, long enough to ride out a receiver's overnight outage.
 */
export function defaultRetryDelayMs(attempt: number): number {
  return Math.min(MINUTE_MS * 4 ** Math.max(attempt - 1, 0), MAX_DELAY_MS);
}
