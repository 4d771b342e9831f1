import type { Knex } from 'knex';
import type { Caller } from './caller';
import { hashToken } from './tokens';

export const SESSION_COOKIE = 'lf_session';
export const CSRF_COOKIE = 'lf_csrf';
export const CSRF_HEADER = 'x-csrf-token';
const SEEN_EVERY_MS = 60_000;

/**
 * Resolves a credential to its tenant and permissions. These lookups run before any tenant is known, so they use
 * knex on the token-hash indexes directly; everything after them goes through tenantScope.
 */
export async function callerFromSessionToken(knex: Knex, token: string): Promise<Caller | undefined> {
  const row = await knex('sessions as s')
    .join('users as u', function joinUser() {
      this.on('u.company_id', 's.company_id').andOn('u.id', 's.user_id');
    })
    .join('companies as c', 'c.id', 's.company_id')
    .where('s.token_hash', hashToken(token))
    .whereNull('s.revoked_at')
    .where('s.expires_at', '>', knex.fn.now())
    .where('u.status', 'active')
    .whereNull('c.deleted_at')
    .first('s.id', 's.company_id', 's.user_id', 's.last_seen_at');
  if (!row) return undefined;
  if (!row.last_seen_at || Date.now() - new Date(row.last_seen_at).getTime() > SEEN_EVERY_MS) {
    await knex('sessions').where({ id: row.id }).update({ last_seen_at: knex.fn.now() });
  }
  return { kind: 'session', companyId: row.company_id, userId: row.user_id, sessionId: row.id, permissions: await userPermissions(knex, row.company_id, row.user_id) };
}

export async function callerFromApiKey(knex: Knex, token: string): Promise<Caller | undefined> {
  const row = await knex('api_keys as k')
    .join('user_roles as r', function joinRole() {
      this.on('r.company_id', 'k.company_id').andOn('r.id', 'k.role_id');
    })
    .join('companies as c', 'c.id', 'k.company_id')
    .where('k.token_hash', hashToken(token))
    .whereNull('k.revoked_at')
    .whereNull('c.deleted_at')
    .first('k.id', 'k.company_id', 'k.last_used_at', 'r.permissions');
  if (!row) return undefined;
  if (!row.last_used_at || Date.now() - new Date(row.last_used_at).getTime() > SEEN_EVERY_MS) {
    await knex('api_keys').where({ id: row.id }).update({ last_used_at: knex.fn.now() });
  }
  return { kind: 'api_key', companyId: row.company_id, apiKeyId: row.id, permissions: row.permissions as string[] };
}

export async function userPermissions(knex: Knex, companyId: string, userId: string): Promise<string[]> {
  const roles: { permissions: string[] }[] = await knex('user_permissions as up')
    .join('user_roles as r', function joinRole() {
      this.on('r.company_id', 'up.company_id').andOn('r.id', 'up.role_id');
    })
    .where({ 'up.company_id': companyId, 'up.user_id': userId })
    .select('r.permissions');
  return [...new Set(roles.flatMap((role) => role.permissions))];
}
