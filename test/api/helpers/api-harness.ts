import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import type { Knex } from 'knex';
import type { Mailer, OutgoingEmail } from '../../../activities/mailer';
import request from 'supertest';
import type TestAgent from 'supertest/lib/agent';
import { createApp, type AppDependencies } from '../../../engine/api/app';
import { hashPassword } from '../../../engine/auth/passwords';
import { createSignInLimiter } from '../../../engine/auth/sign-in-limiter';
import { createSecretBox } from '../../../engine/security/secret-box';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';

export interface ApiHarness {
  db: TestDatabase;
  server: Server;
  /** Messages the app sent through the default recording mailer. */
  sent: OutgoingEmail[];
  close(): Promise<void>;
}

/** The real app on a real, migrated per-file database, listening on an ephemeral port (so supertest agents share one server). */
export async function createApiHarness(options: Partial<AppDependencies> = {}): Promise<ApiHarness> {
  const db = await createTestDatabase();
  const sent: OutgoingEmail[] = [];
  const recordingMailer: Mailer = { send: async (email) => (sent.push(email), { messageId: `<${sent.length}@test>` }) };
  const app = createApp({ knex: db.knex, secretBox: createSecretBox(randomBytes(32)), signInLimiter: createSignInLimiter(10_000), mailer: recordingMailer, ...options });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return {
    db,
    server,
    sent,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.drop();
    },
  };
}

export interface SignedIn {
  agent: TestAgent;
  companyId: string;
  userId: string;
  csrf: string;
  slug: string;
}

export const PASSWORD = 'correct horse battery staple';

/** Signs a new company up through the API; the agent keeps the session cookie and sends the CSRF header. */
export async function signUpCompany(server: Server, slug: string, email = `owner@${slug}.test`): Promise<SignedIn> {
  const agent = request.agent(server);
  const response = await agent.post('/api/auth/sign-up').send({ company_name: `Company ${slug}`, company_slug: slug, email, name: 'Owner', password: PASSWORD });
  if (response.status !== 201) throw new Error(`sign-up failed: ${response.status} ${JSON.stringify(response.body)}`);
  agent.set('x-csrf-token', response.body.csrf_token);
  return { agent, companyId: response.body.company.id, userId: response.body.user.id, csrf: response.body.csrf_token, slug };
}

/** Signs an existing user in through the API. */
export async function signInAs(server: Server, email: string, company: string, password = PASSWORD): Promise<SignedIn> {
  const agent = request.agent(server);
  const response = await agent.post('/api/auth/sign-in').send({ email, password, company });
  if (response.status !== 200) throw new Error(`sign-in failed: ${response.status} ${JSON.stringify(response.body)}`);
  agent.set('x-csrf-token', response.body.csrf_token);
  return { agent, companyId: response.body.company.id, userId: response.body.user.id, csrf: response.body.csrf_token, slug: company };
}

/** Adds a user holding one of the company's roles, with PASSWORD, straight in the database. */
export async function addUser(knex: Knex, companyId: string, email: string, roleKey: string): Promise<string> {
  const passwordHash = await hashPassword(PASSWORD);
  return knex.transaction(async (trx) => {
    const [user] = await trx('users').insert({ company_id: companyId, email, name: roleKey, password_hash: passwordHash }).returning('id');
    const role = await trx('user_roles').where({ company_id: companyId, key: roleKey }).first('id');
    await trx('user_permissions').insert({ company_id: companyId, user_id: user.id, role_id: role.id });
    return user.id as string;
  });
}
