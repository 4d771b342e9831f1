import { createHash } from 'node:crypto';
import type { Knex } from 'knex';

/**
 * Per-client-address throttle for sign-in, sign-up and the token endpoints: a fixed-window counter in PostgreSQL (a
 * window opens at an address's first attempt), so every API process over one database counts the same attempts. It
 * keeps no state of its own. Account lockout (users.failed_sign_in_count / locked_until) is the durable second line.
 */
export interface SignInLimiter {
  readonly maxAttempts: number;
  readonly windowMs: number;
  /** Counts one attempt; resolves to the seconds to wait when the address is over its budget, else 0. */
  take(knex: Knex, address: string): Promise<number>;
}

/** The address is hashed before it reaches the table, so the counters never hold a client's IP. */
export function rateLimitKey(address: string): Buffer {
  return createHash('sha256').update(`ledgerflow:sign-in:${address}`).digest();
}

// One statement, so processes racing on one address never lose a count: ON CONFLICT … DO UPDATE locks the address's
// row, then opens a new window (the old one has ended) or counts one more attempt in it. Windows of other addresses
// that have ended are pruned on the way. Times come from the database clock, which every process shares.
const TAKE_SQL = `
  WITH pruned AS (
    DELETE FROM ledgerflow_runtime.rate_limit_windows WHERE window_ends_at <= now() AND key_hash <> :keyHash
  )
  INSERT INTO ledgerflow_runtime.rate_limit_windows AS counted (key_hash, window_ends_at, attempts)
  VALUES (:keyHash, now() + :window, 1)
  ON CONFLICT (key_hash) DO UPDATE SET
    window_ends_at = CASE WHEN counted.window_ends_at <= now() THEN excluded.window_ends_at ELSE counted.window_ends_at END,
    attempts = CASE WHEN counted.window_ends_at <= now() THEN 1 ELSE counted.attempts + 1 END
  RETURNING attempts, ceil(extract(epoch FROM window_ends_at - now()))::integer AS seconds_left`;

export function createSignInLimiter(maxAttempts = 30, windowMs = 60_000): SignInLimiter {
  return {
    maxAttempts,
    windowMs,
    async take(knex, address) {
      const { rows } = await knex.raw(TAKE_SQL, { keyHash: rateLimitKey(address), window: knex.raw('make_interval(secs => ?::numeric / 1000)', [windowMs]) });
      const [{ attempts, seconds_left: secondsLeft }] = rows as { attempts: number; seconds_left: number }[];
      return attempts > maxAttempts ? Math.max(1, secondsLeft) : 0;
    },
  };
}

/** After this many wrong passwords in a row the account is locked for LOCKOUT_MS, whatever address tries. */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MS = 15 * 60_000;
