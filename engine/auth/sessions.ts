import { Session } from '../db/models';
import type { TenantScope } from '../db/tenant-scope';
import { hashToken, newToken } from './tokens';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60_000;

export interface NewSession {
  id: string;
  token: string;
  expiresAt: Date;
}

/** Starts a session; the token is returned once, for the cookie, and only its hash is kept. */
export async function startSession(scope: TenantScope, userId: string, client: { userAgent?: string; ip?: string }, ttlMs = SESSION_TTL_MS): Promise<NewSession> {
  const token = newToken('lfs_');
  const expiresAt = new Date(Date.now() + ttlMs);
  const session = await scope.query(Session).insert({
    user_id: userId,
    token_hash: hashToken(token),
    user_agent: client.userAgent?.slice(0, 512) ?? null,
    ip_address: client.ip?.slice(0, 64) || null,
    expires_at: expiresAt.toISOString(),
  });
  return { id: session.id, token, expiresAt };
}

/** A user's own live sessions, newest first. */
export async function listOwnSessions(scope: TenantScope, userId: string): Promise<Session[]> {
  return scope.query(Session).where({ user_id: userId }).whereNull('revoked_at').where('expires_at', '>', new Date().toISOString()).orderBy('created_at', 'desc');
}

/** Revokes one of the user's own sessions; false when it is not theirs or not live, which the API answers as 404. */
export async function revokeOwnSession(scope: TenantScope, userId: string, sessionId: string): Promise<boolean> {
  const changed = await scope.query(Session).where({ id: sessionId, user_id: userId }).whereNull('revoked_at').patch({ revoked_at: new Date().toISOString() });
  return changed > 0;
}
