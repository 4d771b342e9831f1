import { randomBytes } from 'node:crypto';
import request from 'supertest';
import { DEFAULT_DEMO_PASSWORD } from '../../engine/db/seed/demo-tenants';
import { seedDemo } from '../../engine/db/seed/seed-demo';
import { createSecretBox } from '../../engine/security/secret-box';
import { createApiHarness, type ApiHarness } from './helpers/api-harness';

let h: ApiHarness;
beforeAll(async () => {
  h = await createApiHarness();
  await seedDemo(h.db.knex, createSecretBox(randomBytes(32)), undefined, DEFAULT_DEMO_PASSWORD);
});
afterAll(() => h.close());

async function signIn(email: string, company: string) {
  const agent = request.agent(h.server);
  const response = await agent.post('/api/auth/sign-in').send({ email, password: DEFAULT_DEMO_PASSWORD, company });
  return { agent, response };
}

test('every demo user signs in with the printed demo password', async () => {
  for (const [email, company] of [['owner@acme.test', 'acme'], ['operator@acme.test', 'acme'], ['viewer@globex.test', 'globex']]) {
    expect((await signIn(email, company)).response.status).toBe(200);
  }
});

test("a demo viewer reads its own tenant's contacts through the API, and cannot write them", async () => {
  const { agent, response } = await signIn('viewer@globex.test', 'globex');
  const list = await agent.get('/api/contacts');
  expect(list.status).toBe(200);
  expect(list.body.data.map((c: { name: string }) => c.name).sort()).toEqual(['Cypress Creek Inc', 'Hank Scorpio', 'Lisa Park', 'Springfield Power LLC']);
  const attempt = await agent.post('/api/contacts').set('x-csrf-token', response.body.csrf_token).send({ name: 'Not allowed' });
  expect(attempt.status).toBe(403);
});
