import { addUser, createApiHarness, signInAs, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let owner: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  h = await createApiHarness();
  owner = await signUpCompany(h.server, 'roles');
  await addUser(h.db.knex, owner.companyId, 'admin@roles.test', 'admin');
  admin = await signInAs(h.server, 'admin@roles.test', 'roles');
});
afterAll(() => h.close());

const roleRow = (key: string) => h.db.knex('user_roles').where({ company_id: owner.companyId, key }).first();

test('an admin creates a role from grants they hold; its holder may do exactly what it grants', async () => {
  const created = await admin.agent.post('/api/roles').send({ key: 'auditor', name: 'Auditor', permissions: ['invoices.read', 'payments.read'] });
  expect(created.status).toBe(201);
  expect(created.body).toMatchObject({ key: 'auditor', name: 'Auditor', permissions: ['invoices.read', 'payments.read'] });
  expect((await admin.agent.get(`/api/roles/${created.body.id}`)).body.permissions).toEqual(['invoices.read', 'payments.read']);
  await addUser(h.db.knex, owner.companyId, 'auditor@roles.test', 'auditor');
  const auditor = await signInAs(h.server, 'auditor@roles.test', 'roles');
  expect((await auditor.agent.get('/api/invoices')).status).toBe(200);
  expect((await auditor.agent.get('/api/contacts')).body.code).toBe('forbidden');
});

test('a role holding a grant its creator lacks is a 403 and is not created; a taken key is a 409', async () => {
  const above = await admin.agent.post('/api/roles').send({ key: 'superuser', name: 'Superuser', permissions: ['*'] });
  expect([above.status, above.body.code]).toEqual([403, 'forbidden']);
  expect(await roleRow('superuser')).toBeUndefined();
  const taken = await admin.agent.post('/api/roles').send({ key: 'viewer', name: 'Another viewer', permissions: ['contacts.read'] });
  expect([taken.status, taken.body.code]).toEqual([409, 'duplicate']);
});

test('a grant that is not <area>.<verb> is a 400 pointing at it', async () => {
  const response = await admin.agent.post('/api/roles').send({ key: 'odd', name: 'Odd', permissions: ['contacts.read', 'contacts'] });
  expect([response.status, response.body.errors[0].pointer]).toEqual([400, '#/permissions/1']);
});

test("changing a role's grants changes what its holders may do at once", async () => {
  const created = await admin.agent.post('/api/roles').send({ key: 'clerk', name: 'Clerk', permissions: ['contacts.read'] });
  await addUser(h.db.knex, owner.companyId, 'clerk@roles.test', 'clerk');
  const clerk = await signInAs(h.server, 'clerk@roles.test', 'roles');
  expect((await clerk.agent.post('/api/contacts').send({ name: 'Before' })).status).toBe(403);
  const changed = await admin.agent.patch(`/api/roles/${created.body.id}`).send({ name: 'Contacts clerk', permissions: ['contacts.read', 'contacts.write'] });
  expect(changed.body).toMatchObject({ name: 'Contacts clerk', permissions: ['contacts.read', 'contacts.write'] });
  expect((await clerk.agent.post('/api/contacts').send({ name: 'After' })).status).toBe(201);
});

test('built-in roles are read-only: PATCH and DELETE are 409 built_in_role and leave them as they were', async () => {
  const viewer = await roleRow('viewer');
  const patched = await owner.agent.patch(`/api/roles/${viewer.id}`).send({ permissions: ['*'] });
  const deleted = await owner.agent.delete(`/api/roles/${viewer.id}`);
  expect([patched.status, patched.body.code, deleted.status, deleted.body.code]).toEqual([409, 'built_in_role', 409, 'built_in_role']);
  expect(await roleRow('viewer')).toEqual(viewer);
});

test('a role still held by a user or an API key is a 409 naming what holds it; once nobody holds it, it is deleted', async () => {
  const byUser = await admin.agent.post('/api/roles').send({ key: 'held', name: 'Held', permissions: ['deals.read'] });
  await addUser(h.db.knex, owner.companyId, 'holder@roles.test', 'held');
  const refused = await admin.agent.delete(`/api/roles/${byUser.body.id}`);
  expect([refused.status, refused.body.code, refused.body.dependentTable]).toEqual([409, 'row_in_use', 'user_permissions']);
  expect(await h.db.knex('user_permissions').where({ role_id: byUser.body.id })).toHaveLength(1);

  const byKey = await admin.agent.post('/api/roles').send({ key: 'integration', name: 'Integration', permissions: ['contacts.read'] });
  expect((await admin.agent.post('/api/api-keys').send({ name: 'CRM sync', role: 'integration' })).status).toBe(201);
  const keyRefused = await admin.agent.delete(`/api/roles/${byKey.body.id}`);
  expect([keyRefused.status, keyRefused.body.code, keyRefused.body.dependentTable]).toEqual([409, 'row_in_use', 'api_keys']);

  const unheld = await admin.agent.post('/api/roles').send({ key: 'unheld', name: 'Unheld', permissions: ['deals.read'] });
  expect((await admin.agent.delete(`/api/roles/${unheld.body.id}`)).status).toBe(204);
  expect(await roleRow('unheld')).toBeUndefined();
});
