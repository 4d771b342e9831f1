import request from 'supertest';
import { addUser, createApiHarness, signInAs, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let acme: SignedIn;
let globex: SignedIn;
beforeAll(async () => {
  h = await createApiHarness();
  acme = await signUpCompany(h.server, 'me-roles-acme');
  globex = await signUpCompany(h.server, 'me-roles-globex');
});
afterAll(() => h.close());

test("the caller's role keys come with /api/auth/me, sorted, so the tasks inbox needs no users.read", async () => {
  const userId = await addUser(h.db.knex, acme.companyId, 'ops@me-roles-acme.test', 'operator');
  const designer = await h.db.knex('user_roles').where({ company_id: acme.companyId, key: 'designer' }).first('id');
  await h.db.knex('user_permissions').insert({ company_id: acme.companyId, user_id: userId, role_id: designer.id });
  const signedIn = await signInAs(h.server, 'ops@me-roles-acme.test', 'me-roles-acme');

  const me = await signedIn.agent.get('/api/auth/me');
  expect([me.status, me.body.user.id, me.body.roles]).toEqual([200, userId, ['designer', 'operator']]);
});

test("the owner's roles are the owner's own and none of another tenant's", async () => {
  await addUser(h.db.knex, globex.companyId, 'viewer@me-roles-globex.test', 'viewer');
  expect((await acme.agent.get('/api/auth/me')).body.roles).toEqual(['owner']);
  expect((await globex.agent.get('/api/auth/me')).body.roles).toEqual(['owner']);
});

test('an API key holds no user roles, so its /api/auth/me names none', async () => {
  const created = await acme.agent.post('/api/api-keys').send({ name: 'Inbox sync', role: 'operator' });
  expect(created.status).toBe(201);
  const me = await request(h.server).get('/api/auth/me').set('authorization', `Bearer ${created.body.token}`);
  expect([me.status, me.body.kind, me.body.roles]).toEqual([200, 'api_key', []]);
});
