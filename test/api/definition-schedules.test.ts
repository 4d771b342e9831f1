import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { ScheduleNotFoundError } from '@temporalio/client';
import { createApp } from '../../engine/api/app';
import { createSignInLimiter } from '../../engine/auth/sign-in-limiter';
import { scheduleIdFor } from '../../engine/schedules';
import { createSecretBox } from '../../engine/security/secret-box';
import { createDevServerEngine, type DevServerEngine } from '../triggers/dev-server-engine';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { signUpCompany, type SignedIn } from './helpers/api-harness';

installQuietWorkerRuntime();
let e: DevServerEngine;
let server: Server;
let acme: SignedIn;

beforeAll(async () => {
  // The dev server, not the time-skipping one: only it has the Schedule API.
  e = await createDevServerEngine();
  const app = createApp({ knex: e.db.knex, secretBox: createSecretBox(randomBytes(32)), signInLimiter: createSignInLimiter(10_000), temporal: { client: e.client, taskQueue: e.taskQueue, searchAttributes: true } });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  acme = await signUpCompany(server, 'sched-acme');
}, 60_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await e?.teardown();
});

const nightly = {
  key: 'api-nightly', name: 'Nightly', version: 1,
  triggers: [{ type: 'manual' }, { type: 'schedule', cron: '0 9 * * 1-5', timeZone: 'Europe/Lisbon', overlapPolicy: 'skip', catchupWindow: 'PT10M' }],
  start: 'done',
  steps: [{ id: 'done', type: 'succeed' }],
};

test('publishing through the API creates the Temporal Schedule of its schedule trigger; archiving the only version deletes it', async () => {
  const created = await acme.agent.post('/api/definitions').send({ definition: nightly });
  expect(created.status).toBe(201);
  const scheduleId = scheduleIdFor(acme.companyId, 'api-nightly', 1);
  const published = await acme.agent.post(`/api/definitions/${created.body.id}/publish`);
  expect(published.status).toBe(200);
  expect(published.body.schedules).toEqual({ upserted: [scheduleId], deleted: [] });
  const schedule = await e.client.schedule.getHandle(scheduleId).describe();
  expect(schedule.spec.timezone).toBe('Europe/Lisbon');

  const version = (await acme.agent.get(`/api/definitions/${created.body.id}/versions`)).body.data[0];
  expect((await acme.agent.post(`/api/definition-versions/${version.id}/archive`)).status).toBe(200);
  await expect(e.client.schedule.getHandle(scheduleId).describe()).rejects.toBeInstanceOf(ScheduleNotFoundError);
});
