import type { TenantScope } from '../../db/tenant-scope';

/** The keys of the roles a user holds in the tenant, sorted so the answer is stable. */
export async function userRoleKeys(scope: TenantScope, userId: string): Promise<string[]> {
  const rows: { key: string }[] = await scope.knex('user_permissions as up')
    .join('user_roles as r', function joinRole() {
      this.on('r.company_id', 'up.company_id').andOn('r.id', 'up.role_id');
    })
    .where({ 'up.company_id': scope.companyId, 'up.user_id': userId })
    .orderBy('r.key')
    .select('r.key');
  return rows.map((row) => row.key);
}
