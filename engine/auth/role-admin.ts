import { ProblemError } from '../api/http/problem';
import { RowInUseError } from '../db/errors/constraint-errors';
import { UserRole } from '../db/models';
import type { TenantScope } from '../db/tenant-scope';
import { coversGrants, DEFAULT_ROLE_KEYS } from './permissions';

export interface RoleInput {
  key: string;
  name: string;
  permissions: string[];
}

/** Nobody may write a role that would hold a grant they lack: that would be a way to hand it to themselves. */
function requireCovered(callerPermissions: string[], grants: string[]): void {
  if (!coversGrants(callerPermissions, grants)) throw new ProblemError(403, 'forbidden', 'The role would hold permissions you do not have');
}

/** The built-in roles are what every tenant and the docs rely on: they are read-only. */
function requireCustom(role: UserRole): void {
  if (DEFAULT_ROLE_KEYS.includes(role.key)) throw new ProblemError(409, 'built_in_role', `The built-in ${role.key} role cannot be changed or deleted; create a role of your own`);
}

export async function createRole(scope: TenantScope, callerPermissions: string[], input: RoleInput): Promise<UserRole> {
  requireCovered(callerPermissions, input.permissions);
  return scope.query(UserRole).insert({ key: input.key, name: input.name, permissions: input.permissions });
}

/** Changes a custom role's name or grants; its holders have the new grants from their next request on. */
export async function updateRole(scope: TenantScope, callerPermissions: string[], id: string, changes: Partial<Omit<RoleInput, 'key'>>): Promise<UserRole | undefined> {
  return scope.transaction(async (tx) => {
    const role = await tx.query(UserRole).findById(id).forUpdate();
    if (!role) return undefined;
    requireCustom(role);
    requireCovered(callerPermissions, [...role.permissions, ...(changes.permissions ?? [])]);
    return tx.query(UserRole).patchAndFetchById(id, changes);
  });
}

/** Deletes a custom role that nobody holds: the database would quietly take it from its users, so that is refused first. */
export async function deleteRole(scope: TenantScope, callerPermissions: string[], id: string): Promise<boolean> {
  return scope.transaction(async (tx) => {
    const role = await tx.query(UserRole).findById(id).forUpdate();
    if (!role) return false;
    requireCustom(role);
    requireCovered(callerPermissions, role.permissions);
    const held = await tx.knex('user_permissions').where({ company_id: tx.companyId, role_id: id }).first('id');
    if (held) throw new RowInUseError('user_roles', 'user_permissions', 'user_permissions_role_id');
    // API keys acting as the role hold it by a RESTRICT reference, which answers the same 409.
    await tx.query(UserRole).deleteById(id);
    return true;
  });
}
