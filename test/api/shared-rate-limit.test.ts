import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import request from 'supertest';
import { createApp } from '../../engine/api/app';
import { createSignInLimiter, rateLimitKey } from '../../engine/auth/sign-in-limiter';
import { createSecretBox } from '../../engine/security/secret-box';
import type { Knex } from 'knex';
import { createKnex } from '../../engine/db/knex-factory';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let db: TestDatabase;
const servers: Server[] = [];
const pools: Knex[] = [];

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(async () => {
  for (const server of servers) {
    server.closeAllConnections();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
  for (const pool of pools) await pool.destroy();
  await db.drop();
});

/** A separate API process in all but the OS process: its own app, limiter and connection pool, over the shared database. */
async function apiProcess(maxAttempts: number, windowMs: number): Promise<Server> {
  const knex = createKnex(db.url);
  pools.push(knex);
  const app = createApp({ knex, secretBox: createSecretBox(randomBytes(32)), signInLimiter: createSignInLimiter(maxAttempts, windowMs), trustProxy: true });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  servers.push(server);
  return server;
}

const signIn = (server: Server, address: string) =>
  request(server).post('/api/auth/sign-in').set('X-Forwarded-For', address).send({ email: 'nobody@example.test', password: 'not the password' });

test('two API processes share one budget: after the first spends it, the second refuses the address with a 429 problem and Retry-After', async () => {
  const first = await apiProcess(3, 60_000);
  const second = await apiProcess(3, 60_000);
  const spent = [];
  for (let attempt = 0; attempt < 3; attempt += 1) spent.push((await signIn(first, '203.0.113.7')).status);
  expect(spent).toEqual([401, 401, 401]);
  const refused = await signIn(second, '203.0.113.7');
  expect(refused.status).toBe(429);
  expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
  expect(refused.body.code).toBe('rate_limited');
  const wait = Number(refused.headers['retry-after']);
  expect(wait).toBeGreaterThanOrEqual(59);
  expect(wait).toBeLessThanOrEqual(60);
  expect(refused.body.detail).toBe(`Too many attempts from this address; wait ${wait} seconds`);
  // Another address still has its own budget.
  expect((await signIn(second, '198.51.100.4')).status).toBe(401);
});

test('sign-up and the password-reset request draw on the same per-address budget as sign-in', async () => {
  const server = await apiProcess(2, 60_000);
  expect((await signIn(server, '203.0.113.20')).status).toBe(401);
  const reset = await request(server).post('/api/auth/password-reset').set('X-Forwarded-For', '203.0.113.20').send({ email: 'nobody@example.test', company: 'none' });
  // Counted, then answered as this app answers without a mailer.
  expect([reset.status, reset.body.code]).toEqual([503, 'mail_unavailable']);
  const signUp = await request(server).post('/api/auth/sign-up').set('X-Forwarded-For', '203.0.113.20')
    .send({ company_name: 'Late Co', company_slug: 'late-co', email: 'owner@late.test', name: 'Owner', password: 'correct horse battery staple' });
  expect(signUp.status).toBe(429);
});

test('the window resets: once it has ended the address may try again, counted from one', async () => {
  const server = await apiProcess(1, 1_500);
  expect((await signIn(server, '203.0.113.30')).status).toBe(401);
  expect((await signIn(server, '203.0.113.30')).status).toBe(429);
  await new Promise((resolve) => setTimeout(resolve, 1_600));
  expect((await signIn(server, '203.0.113.30')).status).toBe(401);
  const row = await db.knex('ledgerflow_runtime.rate_limit_windows').where({ key_hash: rateLimitKey('203.0.113.30') }).first('attempts');
  expect(row.attempts).toBe(1);
});

test('the table keys addresses by hash only, and ended windows of other addresses are pruned by the next attempt', async () => {
  const server = await apiProcess(5, 1_000);
  await signIn(server, '203.0.113.40');
  const rows = await db.knex('ledgerflow_runtime.rate_limit_windows').select('key_hash');
  expect(rows.some((row: { key_hash: Buffer }) => row.key_hash.equals(rateLimitKey('203.0.113.40')))).toBe(true);
  expect(JSON.stringify(await db.knex('ledgerflow_runtime.rate_limit_windows').select('*'))).not.toContain('203.0.113');
  await new Promise((resolve) => setTimeout(resolve, 1_100));
  await signIn(server, '203.0.113.41');
  // Ask about the ended window of .40 by its key: .41's own window may end too before this query on a busy machine.
  const keys = (await db.knex('ledgerflow_runtime.rate_limit_windows').select('key_hash')).map((row: { key_hash: Buffer }) => row.key_hash);
  expect(keys.some((key) => key.equals(rateLimitKey('203.0.113.40')))).toBe(false);
  expect(keys.some((key) => key.equals(rateLimitKey('203.0.113.41')))).toBe(true);
});

test('concurrent attempts on one address are each counted exactly once', async () => {
  const server = await apiProcess(1_000, 60_000);
  await Promise.all(Array.from({ length: 20 }, () => signIn(server, '203.0.113.50')));
  const row = await db.knex('ledgerflow_runtime.rate_limit_windows').where({ key_hash: rateLimitKey('203.0.113.50') }).first('attempts');
  expect(row.attempts).toBe(20);
});
