import request from 'supertest';
import { addUser, createApiHarness, PASSWORD, signInAs, signUpCompany, type ApiHarness, type SignedIn } from './helpers/api-harness';

let h: ApiHarness;
let owner: SignedIn;
let admin: SignedIn;

beforeAll(async () => {
  h = await createApiHarness();
  owner = await signUpCompany(h.server, 'acme');
  await addUser(h.db.knex, owner.companyId, 'admin@acme.test', 'admin');
  admin = await signInAs(h.server, 'admin@acme.test', 'acme');
});
afterAll(() => h.close());

test('an invited user gets an e-mail link, chooses a password with it, and signs in with the role given', async () => {
  const invited = await owner.agent.post('/api/users').send({ email: 'vera@acme.test', name: 'Vera Viewer', role: 'viewer' });
  expect(invited.status).toBe(201);
  expect(invited.body).toMatchObject({ email: 'vera@acme.test', status: 'active', roles: ['viewer'] });
  const mail = h.sent[h.sent.length - 1];
  expect(mail).toMatchObject({ to: 'vera@acme.test', subject: 'You are invited to Ledgerflow' });
  const token = /lfr_[A-Za-z0-9_-]{43}/.exec(mail.text)![0];
  expect((await request(h.server).post('/api/auth/password-reset/complete').send({ token, password: 'vera chose this one' })).status).toBe(204);
  const vera = await signInAs(h.server, 'vera@acme.test', 'acme', 'vera chose this one');
  expect((await vera.agent.get('/api/auth/me')).body.permissions).toEqual(['*.read']);
});

test('a duplicate e-mail in the company is a 409 problem', async () => {
  const response = await owner.agent.post('/api/users').send({ email: 'ADMIN@acme.test', name: 'Again', role: 'viewer' });
  expect(response.status).toBe(409);
  expect(response.body.code).toBe('duplicate');
});

test('an admin can hand out operator but not owner, and cannot change the owner', async () => {
  expect((await admin.agent.post('/api/users').send({ email: 'otto@acme.test', name: 'Otto', role: 'operator' })).status).toBe(201);
  expect((await admin.agent.post('/api/users').send({ email: 'boss@acme.test', name: 'Boss', role: 'owner' })).status).toBe(403);
  const demote = await admin.agent.patch(`/api/users/${owner.userId}`).send({ role: 'viewer' });
  expect(demote.status).toBe(403);
  expect((await owner.agent.get(`/api/users/${owner.userId}`)).body.roles).toEqual(['owner']);
});

test('changing a role changes what the user may do at once', async () => {
  const userId = await addUser(h.db.knex, owner.companyId, 'rita@acme.test', 'viewer');
  const rita = await signInAs(h.server, 'rita@acme.test', 'acme');
  expect((await rita.agent.post('/api/contacts').send({ name: 'X' })).status).toBe(403);
  expect((await owner.agent.patch(`/api/users/${userId}`).send({ role: 'operator' })).body.roles).toEqual(['operator']);
  expect((await rita.agent.post('/api/contacts').send({ name: 'X' })).status).toBe(201);
});

test('disabling a user ends their sessions and stops their sign-in', async () => {
  const userId = await addUser(h.db.knex, owner.companyId, 'leaver@acme.test', 'operator');
  const leaver = await signInAs(h.server, 'leaver@acme.test', 'acme');
  expect((await owner.agent.patch(`/api/users/${userId}`).send({ status: 'disabled' })).body.status).toBe('disabled');
  expect((await leaver.agent.get('/api/auth/me')).status).toBe(401);
  expect((await request(h.server).post('/api/auth/sign-in').send({ email: 'leaver@acme.test', password: PASSWORD })).status).toBe(401);
});

test('the last active owner can be neither demoted nor disabled', async () => {
  for (const change of [{ role: 'admin' }, { status: 'disabled' }]) {
    const response = await owner.agent.patch(`/api/users/${owner.userId}`).send(change);
    expect(response.status).toBe(409);
    expect(response.body.detail).toBe('The company must keep at least one active owner');
  }
  expect((await owner.agent.get(`/api/users/${owner.userId}`)).body).toMatchObject({ status: 'active', roles: ['owner'] });
});

test('the user list shows everyone with their roles and no secrets', async () => {
  const listed = await admin.agent.get('/api/users');
  expect(listed.status).toBe(200);
  expect(listed.body.data.find((user: { email: string }) => user.email === 'owner@acme.test').roles).toEqual(['owner']);
  expect(listed.text).not.toMatch(/password_hash|argon2/);
  expect((await admin.agent.get('/api/roles')).body.data.map((role: { key: string }) => role.key)).toEqual(['admin', 'designer', 'operator', 'owner', 'viewer']);
});
