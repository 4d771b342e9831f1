import { eventSignal } from '../../workflows/run-messages';
import { createEngineHarness, type EngineHarness } from '../helpers/engine-harness';
import { TEST_ACTIONS } from '../helpers/test-actions';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { flow, literal } from './definitions';

installQuietWorkerRuntime();
let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness(TEST_ACTIONS);
}, 60_000);
afterAll(() => h?.teardown());

const versioned = (marker: string) =>
  flow('pinned', [
    { id: 'wait', type: 'wait', duration: 'P10D', next: 'done' },
    { id: 'done', type: 'succeed', output: { ranOn: literal(marker) } },
  ]);

test('version pinning: a run started on v1 finishes on v1 after v2 is published, and new runs get v2', async () => {
  expect(await h.publish(versioned('v1'))).toBe(1);
  const first = await h.start({ definitionKey: 'pinned', input: {} });
  expect(await h.publish(versioned('v2'))).toBe(2);
  const second = await h.start({ definitionKey: 'pinned', input: {} });
  expect([first.definitionVersion, second.definitionVersion]).toEqual([1, 2]);
  expect(await h.env.client.workflow.getHandle(first.workflowId).result()).toEqual({ ranOn: 'v1' });
  expect(await h.env.client.workflow.getHandle(second.workflowId).result()).toEqual({ ranOn: 'v2' });
});

test('a run can be started on an older published version on request', async () => {
  const older = await h.start({ definitionKey: 'pinned', version: 1, input: {} });
  expect(await h.env.client.workflow.getHandle(older.workflowId).result()).toEqual({ ranOn: 'v1' });
});

test('an entity-bound run has a deterministic id and the same trigger twice yields one run', async () => {
  await h.publish(flow('dunning-like', [{ id: 'await', type: 'waitForEvent', event: 'payment.received', next: 'done' }, { id: 'done', type: 'succeed' }]));
  const entity = { type: 'invoice', id: '6f1c7a52-1d1e-4c55-9a43-0b6a1f1d2a11' };
  const [a, b] = await Promise.all([h.start({ definitionKey: 'dunning-like', input: {}, entity }), h.start({ definitionKey: 'dunning-like', input: {}, entity })]);
  expect(a.workflowId).toBe(`lf/${h.companyId}/dunning-like/invoice/${entity.id}`);
  expect(b.workflowId).toBe(a.workflowId);
  expect([a.created, b.created].sort()).toEqual([false, true]);
  expect(await h.db.knex('workflow_runs').where({ definition_key: 'dunning-like' })).toHaveLength(1);
});

test('after the entity-bound run has finished, the database still refuses a second run for that entity', async () => {
  const entity = { type: 'invoice', id: '6f1c7a52-1d1e-4c55-9a43-0b6a1f1d2a11' };
  const handle = h.env.client.workflow.getHandle(`lf/${h.companyId}/dunning-like/invoice/${entity.id}`);
  await handle.signal(eventSignal, { name: 'payment.received', payload: {}, eventId: 'paid-1' });
  await handle.result();
  const again = await h.start({ definitionKey: 'dunning-like', input: {}, entity });
  expect(again).toMatchObject({ workflowId: handle.workflowId, created: false });
  expect((await handle.describe()).status.name).toBe('COMPLETED');
});

test('a run survives its worker stopping mid-wait: an event sent meanwhile is kept, and a new worker completes the run', async () => {
  await h.publish(flow('survivor', [
    { id: 'wait', type: 'wait', duration: 'P3D', next: 'await' },
    { id: 'await', type: 'waitForEvent', event: 'test.go', next: 'done' },
    { id: 'done', type: 'succeed', output: { survived: literal(true) } },
  ]));
  await h.stopWorker();
  await h.startWorker({ cache: false });
  const started = await h.start({ definitionKey: 'survivor', input: {} });
  const handle = h.env.client.workflow.getHandle(started.workflowId);
  await h.stopWorker();
  // While no worker runs, the event arrives before the run even waits for it: the run keeps it for its waitForEvent.
  await handle.signal(eventSignal, { name: 'test.go', payload: {}, eventId: 'go-1' });
  await h.startWorker({ cache: false });
  expect(await handle.result()).toEqual({ survived: true });
});
