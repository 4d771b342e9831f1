import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import request from 'supertest';
import { createApp } from '../../engine/api/app';
import { createSignInLimiter } from '../../engine/auth/sign-in-limiter';
import { coreActionCatalogue } from '../../engine/definition-store/core-catalogue';
import { definitionStore } from '../../engine/definition-store/definition-store';
import { dispatchPendingEvents } from '../../engine/events';
import { createSecretBox } from '../../engine/security/secret-box';
import { createEngineHarness, type EngineHarness } from '../helpers/engine-harness';
import { eventually } from '../helpers/eventually';
import { untilRunWaits } from '../helpers/run-state';
import { flow, literal, logic } from '../engine/definitions';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { signUpCompany, type SignedIn } from './helpers/api-harness';

installQuietWorkerRuntime();
let h: EngineHarness;
let server: Server;
let acme: SignedIn;

function listen(withTemporal: boolean, temporalUiUrl?: string): Promise<Server> {
  const temporal = temporalUiUrl ? { ...h.engine, uiUrl: temporalUiUrl } : h.engine;
  const app = createApp({ knex: h.db.knex, secretBox: createSecretBox(randomBytes(32)), signInLimiter: createSignInLimiter(10_000), ...(withTemporal ? { temporal } : {}) });
  const listening = app.listen(0, '127.0.0.1');
  return new Promise((resolve) => listening.once('listening', () => resolve(listening)));
}

async function close(listening: Server) {
  listening.closeAllConnections();
  await new Promise<void>((resolve) => listening.close(() => resolve()));
}

beforeAll(async () => {
  // The API around the engine harness's database and Temporal test server, so its worker runs what the API starts.
  h = await createEngineHarness();
  server = await listen(true);
  acme = await signUpCompany(server, 'runs-acme');
}, 60_000);
afterAll(async () => {
  await close(server);
  await h?.teardown();
});

async function publish(definition: object): Promise<void> {
  const created = await acme.agent.post('/api/definitions').send({ definition });
  expect(created.status).toBe(201);
  expect((await acme.agent.post(`/api/definitions/${created.body.id}/publish`)).status).toBe(200);
}

const handleOf = (workflowId: string) => h.env.client.workflow.getHandle(workflowId);
const runRow = (id: string) => h.db.knex('workflow_runs').where({ id }).first();

test("a run started by a signed-in person is recorded as manual, and one started with an integration's API key as api", async () => {
  await publish(flow('trigger-kinds', [{ id: 'await', type: 'waitForEvent', event: 'never.sent', next: 'done' }, { id: 'done', type: 'succeed' }]));
  const byPerson = await acme.agent.post('/api/runs').send({ definition_key: 'trigger-kinds', input: {} });
  const minted = await acme.agent.post('/api/api-keys').send({ name: 'billing integration', role: 'operator' });
  expect(minted.status).toBe(201);
  const byKey = await request(server).post('/api/runs').set('authorization', `Bearer ${minted.body.token}`).send({ definition_key: 'trigger-kinds', input: {} });
  expect([byPerson.status, byPerson.body.trigger, byKey.status, byKey.body.trigger]).toEqual([201, 'manual', 201, 'api']);
  expect((await runRow(byKey.body.id)).trigger_kind).toBe('api');
  for (const run of [byPerson.body, byKey.body]) await handleOf(run.workflow_id).cancel();
});

test('a run started through the API waits for its event, takes the signal, sleeps and completes; its detail has the timeline and state', async () => {
  await publish(flow('api-collect', [
    { id: 'await', type: 'waitForEvent', event: 'payment.received', next: 'pause' },
    { id: 'pause', type: 'wait', duration: 'P2D', next: 'done' },
    { id: 'done', type: 'succeed', output: { paid: logic({ var: 'steps.await.result.amount' }) } },
  ]));
  const started = await acme.agent.post('/api/runs').send({ definition_key: 'api-collect', input: {} });
  expect(started.status).toBe(201);
  expect(started.body).toMatchObject({ definition_key: 'api-collect', definition_version: 1, trigger: 'manual', status: 'running', created: true });
  const handle = handleOf(started.body.workflow_id);
  await untilRunWaits(handle);

  const waiting = await acme.agent.get(`/api/runs/${started.body.id}`);
  expect(waiting.status).toBe(200);
  expect(waiting.body).toMatchObject({ engine: 'connected', execution: { status: 'RUNNING' } });
  expect(waiting.body.state.positions.map((p: { stepId: string }) => p.stepId)).toEqual(['await']);
  expect(waiting.body.timeline[0].kind).toBe('started');

  const signalled = await acme.agent.post(`/api/runs/${started.body.id}/signal`).send({ name: 'payment.received', payload: { amount: 12_345 }, event_id: 'evt-1' });
  expect(signalled.status).toBe(202);
  await eventually(() => handle.query('state') as Promise<{ positions: { stepId: string }[] }>, (state) => state.positions.some((p) => p.stepId === 'pause'));
  await h.env.sleep('3d');
  expect(await handle.result()).toEqual({ paid: 12_345 });

  const done = await acme.agent.get(`/api/runs/${started.body.id}`);
  const kinds: string[] = done.body.timeline.map((entry: { kind: string }) => entry.kind);
  expect(kinds[0]).toBe('started');
  expect(kinds).toEqual(expect.arrayContaining(['signal_received', 'timer_started', 'timer_fired', 'activity_scheduled', 'activity_completed']));
  expect(kinds.at(-1)).toBe('completed');
  expect(done.body.timeline.find((entry: { kind: string }) => entry.kind === 'signal_received').name).toBe('event');
  expect(done.body.timeline.find((entry: { kind: string }) => entry.kind === 'signal_received').event).toBe('payment.received');
  const timer = done.body.timeline.find((entry: { kind: string }) => entry.kind === 'timer_started');
  expect((Date.parse(timer.due_at) - Date.parse(timer.at)) / 86_400_000).toBe(2);
  expect(done.body.timeline.find((entry: { kind: string }) => entry.kind === 'activity_completed').attempt).toBe(1);

  await eventually(() => runRow(started.body.id), (row) => row.status === 'completed');
  const listed = await acme.agent.get('/api/runs?definition=api-collect&status=completed');
  expect(listed.body.data.map((run: { id: string }) => run.id)).toEqual([started.body.id]);
  expect((await acme.agent.get('/api/runs?definition=api-collect&status=running')).body.data).toEqual([]);
});

test('start refuses input that does not fit the definition (422 with pointers under #/input) and an unknown definition (404)', async () => {
  await publish(flow('api-needs-email', [{ id: 'done', type: 'succeed' }], { inputSchema: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } } }));
  const bad = await acme.agent.post('/api/runs').send({ definition_key: 'api-needs-email', input: {} });
  expect(bad.status).toBe(422);
  expect(bad.body.code).toBe('run_input_invalid');
  expect(bad.body.errors[0].pointer).toMatch(/^#\/input/);
  expect((await acme.agent.post('/api/runs').send({ definition_key: 'no-such-flow', input: {} })).status).toBe(404);
  expect(await h.db.knex('workflow_runs').where({ definition_key: 'api-needs-email' })).toHaveLength(0);
});

test('an entity-bound run starts once; the list filters by entity; cancel ends it in Temporal', async () => {
  await publish(flow('api-hold', [{ id: 'pause', type: 'wait', duration: 'P30D', next: 'done' }, { id: 'done', type: 'succeed' }]));
  const body = { definition_key: 'api-hold', input: {}, entity: { type: 'invoice', id: 'inv-7' } };
  const first = await acme.agent.post('/api/runs').send(body);
  const again = await acme.agent.post('/api/runs').send(body);
  expect([first.status, again.status]).toEqual([201, 200]);
  expect(again.body.id).toBe(first.body.id);
  expect((await acme.agent.get('/api/runs?entity_type=invoice&entity_id=inv-7')).body.data.map((run: { id: string }) => run.id)).toEqual([first.body.id]);
  await untilRunWaits(handleOf(first.body.workflow_id));
  expect((await acme.agent.post(`/api/runs/${first.body.id}/cancel`)).status).toBe(202);
  await eventually(async () => (await handleOf(first.body.workflow_id).describe()).status.name, (status) => status === 'CANCELLED');
  await eventually(() => runRow(first.body.id), (row) => row.status === 'canceled');
  expect((await acme.agent.get(`/api/runs/${first.body.id}`)).body.timeline.at(-1).kind).toBe('canceled');
  const late = await acme.agent.post(`/api/runs/${first.body.id}/signal`).send({ name: 'payment.received' });
  expect([late.status, late.body.code]).toEqual([409, 'run_closed']);
});

test('POST /api/events goes through the outbox: once dispatched, the run bound to the entity receives it', async () => {
  await publish(flow('api-dispute', [
    { id: 'await', type: 'waitForEvent', event: 'invoice.disputed', next: 'done' },
    { id: 'done', type: 'succeed', output: { reason: logic({ var: 'steps.await.result.reasonCode' }) } },
  ]));
  const started = await acme.agent.post('/api/runs').send({ definition_key: 'api-dispute', input: {}, entity: { type: 'invoice', id: 'inv-9' } });
  const handle = handleOf(started.body.workflow_id);
  await untilRunWaits(handle);
  const sent = await acme.agent.post('/api/events').send({ name: 'invoice.disputed', entity: { type: 'invoice', id: 'inv-9' }, payload: { reasonCode: 'R7' }, event_id: 'dispute-1' });
  expect(sent.status).toBe(202);
  expect(sent.body).toEqual({ event_id: 'dispute-1', created: true });
  expect((await acme.agent.post('/api/events').send({ name: 'invoice.disputed', entity: { type: 'invoice', id: 'inv-9' }, payload: { reasonCode: 'R7' }, event_id: 'dispute-1' })).body.created).toBe(false);
  expect(await h.db.knex('domain_events').where({ company_id: acme.companyId, name: 'invoice.disputed' })).toHaveLength(1);
  await dispatchPendingEvents(h.db.knex, { engine: h.engine, storeFor: (scope) => definitionStore(scope, coreActionCatalogue()) });
  expect(await handle.result()).toEqual({ reason: 'R7' });
});

test('an approval decided through the API reaches the waiting run once; a second decision is a 409', async () => {
  await publish(flow('api-approve', [
    { id: 'ask', type: 'approval', assignee: { role: 'admin' }, title: 'Write off?', timeout: 'P7D', onApproved: 'yes', onRejected: 'no', onTimeout: 'no' },
    { id: 'yes', type: 'succeed', output: { decision: logic({ var: 'steps.ask.result.decision' }), by: logic({ var: 'steps.ask.result.decidedBy' }) } },
    { id: 'no', type: 'fail', error: { kind: 'Rejected', message: 'no' } },
  ]));
  const started = await acme.agent.post('/api/runs').send({ definition_key: 'api-approve', input: {} });
  const task = await eventually(() => h.db.knex('tasks').where({ company_id: acme.companyId, workflow_id: started.body.workflow_id }).first(), (row) => row !== undefined);
  const decided = await acme.agent.post(`/api/tasks/${task.id}/decision`).send({ decision: 'approved', comment: 'ok' });
  expect(decided.status).toBe(200);
  expect(await handleOf(started.body.workflow_id).result()).toEqual({ decision: 'approved', by: acme.userId });
  const twice = await acme.agent.post(`/api/tasks/${task.id}/decision`).send({ decision: 'rejected' });
  expect([twice.status, twice.body.code]).toEqual([409, 'approval_already_decided']);
});

test('without Temporal, starting a run is a 503 problem while the run record still reads', async () => {
  const plain = await listen(false);
  try {
    const owner = request.agent(plain);
    const signedIn = await owner.post('/api/auth/sign-in').send({ email: 'owner@runs-acme.test', password: 'correct horse battery staple', company: 'runs-acme' });
    owner.set('x-csrf-token', signedIn.body.csrf_token);
    const refused = await owner.post('/api/runs').send({ definition_key: 'api-hold', input: {} });
    expect([refused.status, refused.body.code, refused.headers['content-type']]).toEqual([503, 'engine_unavailable', expect.stringMatching(/^application\/problem\+json/)]);
    const run = await h.db.knex('workflow_runs').where({ company_id: acme.companyId, definition_key: 'api-hold' }).first('id');
    const detail = await owner.get(`/api/runs/${run.id}`);
    expect(detail.status).toBe(200);
    expect(detail.body).toMatchObject({ id: run.id, engine: 'unavailable', timeline: null, state: null });
  } finally {
    await close(plain);
  }
});

async function signalAndFinish(runId: string, workflowId: string): Promise<unknown> {
  const handle = handleOf(workflowId);
  await untilRunWaits(handle);
  expect((await acme.agent.post(`/api/runs/${runId}/signal`).send({ name: 'go.ahead' })).status).toBe(202);
  return handle.result();
}

const echoFlow = (key: string) => flow(key, [
  { id: 'await', type: 'waitForEvent', event: 'go.ahead', next: 'done' },
  { id: 'done', type: 'succeed', output: { tag: logic({ var: 'input.tag' }) } },
], { inputSchema: { type: 'object', properties: { tag: { type: 'string' } } } });

test('retry starts a canceled unbound run again as a new run with the same definition version and input; a running run is not retried (409)', async () => {
  await publish(echoFlow('api-retry'));
  const first = await acme.agent.post('/api/runs').send({ definition_key: 'api-retry', input: { tag: 'T-42' } });
  await untilRunWaits(handleOf(first.body.workflow_id));
  expect((await acme.agent.post(`/api/runs/${first.body.id}/cancel`)).status).toBe(202);
  await eventually(() => runRow(first.body.id), (row) => row.status === 'canceled');

  const retried = await acme.agent.post(`/api/runs/${first.body.id}/retry`);
  expect(retried.status).toBe(201);
  expect(retried.body).toMatchObject({ definition_key: 'api-retry', definition_version: 1, status: 'running', entity: null, retried_from: first.body.id });
  expect(retried.body.id).not.toBe(first.body.id);
  expect(await signalAndFinish(retried.body.id, retried.body.workflow_id)).toEqual({ tag: 'T-42' });

  await eventually(() => runRow(retried.body.id), (row) => row.status === 'completed');
  const completed = await acme.agent.post(`/api/runs/${retried.body.id}/retry`);
  expect([completed.status, completed.body.code]).toEqual([409, 'run_not_retryable']);
  expect((await runRow(first.body.id)).status).toBe('canceled');
});

test('retry reopens a canceled entity-bound run under the same record and workflow id with a new execution; a second retry while it runs is a 409', async () => {
  await publish(echoFlow('api-retry-entity'));
  const entity = { type: 'invoice', id: 'inv-retry' };
  const first = await acme.agent.post('/api/runs').send({ definition_key: 'api-retry-entity', input: { tag: 'E-7' }, entity });
  const firstExecution = (await handleOf(first.body.workflow_id).describe()).runId;
  await untilRunWaits(handleOf(first.body.workflow_id));
  await acme.agent.post(`/api/runs/${first.body.id}/cancel`);
  await eventually(() => runRow(first.body.id), (row) => row.status === 'canceled');

  const retried = await acme.agent.post(`/api/runs/${first.body.id}/retry`);
  expect(retried.status).toBe(201);
  expect(retried.body).toMatchObject({ id: first.body.id, workflow_id: first.body.workflow_id, status: 'running', closed_at: null, entity, retried_from: first.body.id });
  expect((await handleOf(first.body.workflow_id).describe()).runId).not.toBe(firstExecution);
  const again = await acme.agent.post(`/api/runs/${first.body.id}/retry`);
  expect([again.status, again.body.code]).toEqual([409, 'run_not_retryable']);
  expect(await signalAndFinish(first.body.id, first.body.workflow_id)).toEqual({ tag: 'E-7' });
  await eventually(() => runRow(first.body.id), (row) => row.status === 'completed');
  expect(await h.db.knex('workflow_runs').where({ company_id: acme.companyId, definition_key: 'api-retry-entity' })).toHaveLength(1);
});

test('the run detail links to the run in the Temporal UI when the app knows its address, and leaves the link out otherwise', async () => {
  await publish(flow('api-ui-link', [{ id: 'pause', type: 'wait', duration: 'P30D', next: 'done' }, { id: 'done', type: 'succeed' }]));
  const withUi = await listen(true, 'http://127.0.0.1:8233/');
  try {
    const owner = request.agent(withUi);
    const signedIn = await owner.post('/api/auth/sign-in').send({ email: 'owner@runs-acme.test', password: 'correct horse battery staple', company: 'runs-acme' });
    owner.set('x-csrf-token', signedIn.body.csrf_token);
    const started = await owner.post('/api/runs').send({ definition_key: 'api-ui-link', input: {} });
    const detail = await owner.get(`/api/runs/${started.body.id}`);
    expect(detail.body.temporal_ui_url).toBe(`http://127.0.0.1:8233/namespaces/default/workflows/${encodeURIComponent(started.body.workflow_id)}`);
    expect((await acme.agent.get(`/api/runs/${started.body.id}`)).body).not.toHaveProperty('temporal_ui_url');
  } finally {
    await close(withUi);
  }
});

test('the timeline names the action and the step of each action a definition runs, not only the executeAction activity', async () => {
  const contact = await acme.agent.post('/api/contacts').send({ kind: 'person', name: 'Timeline Person' });
  expect(contact.status).toBe(201);
  await publish(flow('api-action-names', [
    { id: 'file', type: 'action', action: 'core.createTask', input: { title: literal('Call back'), entityType: literal('contact'), entityId: literal(contact.body.id) }, next: 'done' },
    { id: 'done', type: 'succeed' },
  ]));
  const started = await acme.agent.post('/api/runs').send({ definition_key: 'api-action-names', input: {} });
  await handleOf(started.body.workflow_id).result();
  const detail = await acme.agent.get(`/api/runs/${started.body.id}`);
  const actions = detail.body.timeline.filter((entry: { name?: string }) => entry.name === 'executeAction');
  expect(actions.map((entry: { kind: string; action?: string; step?: string; attempt?: number }) => [entry.kind, entry.action, entry.step, entry.attempt]))
    .toEqual([['activity_scheduled', 'core.createTask', 'file', undefined], ['activity_completed', 'core.createTask', 'file', 1]]);
});
