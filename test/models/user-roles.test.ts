import { CrossTenantWriteError } from '../../engine/db/errors/tenant-errors';
import { User, UserRole } from '../../engine/db/models';
import { tenantScope, type TenantScope } from '../../engine/db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let acme: TenantScope;
let globex: TenantScope;

beforeAll(async () => {
  db = await createTestDatabase();
  acme = tenantScope(db.knex, (await createTenant(db.knex, 'acme')).companyId);
  globex = tenantScope(db.knex, (await createTenant(db.knex, 'globex')).companyId);
});
afterAll(() => db.drop());

/** Same user and role names in both tenants, so a join that ignored company_id would pair across them. */
async function userAndRole(scope: TenantScope, key: string) {
  const user = await scope.query(User).insert({ email: `${key}@example.com`, name: key });
  const role = await scope.query(UserRole).insert({ key, name: key });
  return { user, role };
}

function joinRows(userId: string) {
  return db.knex('user_permissions').where({ user_id: userId }).select('company_id', 'user_id', 'role_id');
}

test('relating a role to a user writes one join row carrying the tenant company_id', async () => {
  const { user, role } = await userAndRole(acme, 'relate');
  await userAndRole(globex, 'relate');
  await user.$relatedQuery('roles', db.knex).relate(role);
  expect(await joinRows(user.id)).toEqual([{ company_id: acme.companyId, user_id: user.id, role_id: role.id }]);
});

test('a role can be related by its composite key [company_id, id]', async () => {
  const { user, role } = await userAndRole(acme, 'by-key');
  await user.$relatedQuery('roles', db.knex).relate([acme.companyId, role.id]);
  expect((await joinRows(user.id)).map((row) => row.role_id)).toEqual([role.id]);
});

test('unrelating removes only that user-role pair of that tenant', async () => {
  const { user, role } = await userAndRole(acme, 'unrelate');
  const other = await acme.query(UserRole).insert({ key: 'unrelate-keep', name: 'Keep' });
  await user.$relatedQuery('roles', db.knex).relate(role);
  await user.$relatedQuery('roles', db.knex).relate(other);
  const removed = await user.$relatedQuery('roles', db.knex).unrelate().where('user_roles.id', role.id);
  expect(removed).toBe(1);
  expect(await joinRows(user.id)).toEqual([{ company_id: acme.companyId, user_id: user.id, role_id: other.id }]);
});

test('relating another tenant role is refused before any row is written', async () => {
  const { user } = await userAndRole(acme, 'foreign');
  const { role: foreignRole } = await userAndRole(globex, 'foreign-role');
  await expect(user.$relatedQuery('roles', db.knex).relate(foreignRole)).rejects.toBeInstanceOf(CrossTenantWriteError);
  expect(await joinRows(user.id)).toEqual([]);
});

test('roles and users load each other through user_permissions, each within its tenant', async () => {
  const { user, role } = await userAndRole(acme, 'both-ways');
  const twin = await userAndRole(globex, 'both-ways');
  await user.$relatedQuery('roles', db.knex).relate(role);
  await twin.user.$relatedQuery('roles', db.knex).relate(twin.role);

  const loadedUser = await acme.query(User).findById(user.id).withGraphFetched('roles');
  const loadedRole = await acme.query(UserRole).findById(role.id).withGraphFetched('users');
  expect(loadedUser?.roles?.map((r) => r.id)).toEqual([role.id]);
  expect(loadedRole?.users?.map((u) => u.id)).toEqual([user.id]);
});

test('the role side relates users too, with the same company_id', async () => {
  const { user, role } = await userAndRole(acme, 'from-role');
  await role.$relatedQuery('users', db.knex).relate(user);
  expect(await joinRows(user.id)).toEqual([{ company_id: acme.companyId, user_id: user.id, role_id: role.id }]);
});
