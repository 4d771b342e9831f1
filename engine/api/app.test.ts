import request from 'supertest';
import { createApp } from './app';
import { createTestDatabase, type TestDatabase } from '../../test/helpers/test-database';
import { createKnex } from '../db/knex-factory';
import { createSecretBox } from '../security/secret-box';
import { randomBytes } from 'node:crypto';

const secretBox = createSecretBox(randomBytes(32));

let db: TestDatabase;

beforeAll(async () => {
  db = await createTestDatabase();
});
afterAll(() => db.drop());

test('GET /health answers 200 ok', async () => {
  const response = await request(createApp({ knex: db.knex, secretBox }).callback()).get('/health');
  expect(response.status).toBe(200);
  expect(response.body).toEqual({ status: 'ok' });
});

test('GET /ready answers 200 when the database answers', async () => {
  const response = await request(createApp({ knex: db.knex, secretBox }).callback()).get('/ready');
  expect(response.status).toBe(200);
  expect(response.body.checks.database).toBe('ok');
});

test('GET /ready answers 503 when the database is unreachable', async () => {
  const unreachable = createKnex('postgres://postgres@127.0.0.1:1/none');
  try {
    const response = await request(createApp({ knex: unreachable, secretBox }).callback()).get('/ready');
    expect(response.status).toBe(503);
    expect(response.body).toEqual({ status: 'not_ready', checks: { database: 'unreachable' } });
  } finally {
    await unreachable.destroy();
  }
});

test('an unknown path answers 404, not 500', async () => {
  const response = await request(createApp({ knex: db.knex, secretBox }).callback()).get('/nowhere');
  expect(response.status).toBe(404);
});
