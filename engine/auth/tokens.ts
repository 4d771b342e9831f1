import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** A bearer secret with a readable prefix (`lfs_` session, `lf_` API key); 32 random bytes, base64url. */
export function newToken(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

/** Tokens are stored only as this hash: a database leak does not hand out sessions or keys. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Compares two secrets in time independent of where they differ (both are hashed first, so lengths match). */
export function sameSecret(a: string, b: string): boolean {
  return timingSafeEqual(createHash('sha256').update(a).digest(), createHash('sha256').update(b).digest());
}

/** The CSRF token of a session: derived from the HttpOnly session token, so only a reader of our pages can learn it. */
export function csrfTokenFor(sessionToken: string): string {
  return createHash('sha256').update(`csrf:${sessionToken}`, 'utf8').digest('base64url');
}
