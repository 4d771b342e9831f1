import { ApiKey, UserRole } from '../db/models';
import type { TenantScope } from '../db/tenant-scope';
import { ProblemError } from '../api/http/problem';
import { coversGrants } from './permissions';
import { hashToken, newToken } from './tokens';

/** Creates a key acting as one role of the tenant. The caller must already hold every grant of that role. */
export async function createApiKey(
  scope: TenantScope,
  creator: { userId?: string; permissions: string[] },
  input: { name: string; role: string },
): Promise<{ apiKey: ApiKey; token: string }> {
  const role = await scope.query(UserRole).findOne({ key: input.role });
  if (!role) throw new ProblemError(422, 'reference_not_found', `No role ${input.role} in this company`, [{ in: 'body', pointer: '#/role', message: 'is not a role of this company' }]);
  if (!coversGrants(creator.permissions, role.permissions)) throw new ProblemError(403, 'forbidden', `A key with role ${input.role} would hold permissions you do not have`);
  const token = newToken('lf_');
  const apiKey = await scope.query(ApiKey).insert({
    name: input.name,
    role_id: role.id,
    created_by_user_id: creator.userId ?? null,
    token_prefix: token.slice(0, 10),
    token_hash: hashToken(token),
  });
  return { apiKey, token };
}

export async function listApiKeys(scope: TenantScope): Promise<ApiKey[]> {
  return scope.query(ApiKey).orderBy('created_at', 'desc');
}

export async function revokeApiKey(scope: TenantScope, id: string): Promise<ApiKey | undefined> {
  const key = await scope.query(ApiKey).findById(id);
  if (!key) return undefined;
  if (!key.revoked_at) await scope.query(ApiKey).findById(id).patch({ revoked_at: new Date().toISOString() });
  return scope.query(ApiKey).findById(id);
}
