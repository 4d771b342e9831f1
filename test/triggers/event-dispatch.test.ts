import { randomUUID } from 'node:crypto';
import { Client, Connection } from '@temporalio/client';
import type { WorkflowDefinition } from '../../definitions/generated/definition';
import { emitDomainEvent, dispatchPendingEvents, runEventDispatcher, type EventDispatchDeps } from '../../engine/events';
import { workflowIdFor } from '../../engine/runs/workflow-ids';
import { createKnex } from '../../engine/db/knex-factory';
import { stateQuery } from '../../workflows/run-messages';
import { createEngineHarness, type EngineHarness } from '../helpers/engine-harness';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { eventually } from '../helpers/eventually';
import { untilRunWaits } from '../helpers/run-state';

installQuietWorkerRuntime();
let h: EngineHarness;
let deps: EventDispatchDeps;
// Failed rows are due again at once, so a test can retry without waiting out the production backoff.
const retryAtOnce = { retryDelayMs: () => 0 };
beforeAll(async () => {
  h = await createEngineHarness();
  deps = { engine: h.engine, storeFor: () => h.store };
  await Promise.all([awaitsPayment, countsDisputes, chasesLargeInvoices].map((definition) => h.publish(definition)));
}, 60_000);
afterAll(() => h?.teardown());

const awaitsPayment = {
  key: 'awaits-payment', name: 'Awaits payment', version: 1, triggers: [{ type: 'manual' }],
  start: 'await',
  steps: [
    { id: 'await', type: 'waitForEvent', event: 'payment.received', next: 'done' },
    { id: 'done', type: 'succeed', output: { amount: { type: 'logic', rule: { var: 'steps.await.result.amount' } } } },
  ],
} as WorkflowDefinition;

// Counts every invoice.disputed it receives, and keeps the last one's sequence number.
const countsDisputes = {
  key: 'counts-disputes', name: 'Counts disputes', version: 1, triggers: [{ type: 'domainEvent', event: 'invoice.disputed' }],
  variables: { receipts: { initial: 0 }, last: { initial: null } },
  start: 'await',
  steps: [
    { id: 'await', type: 'waitForEvent', event: 'invoice.disputed', next: 'count' },
    { id: 'count', type: 'set', assign: { receipts: { '+': [{ var: 'vars.receipts' }, 1] }, last: { var: 'steps.await.result.sequence' } }, next: 'await' },
  ],
} as WorkflowDefinition;

const chasesLargeInvoices = {
  key: 'chases-large', name: 'Chases large invoices', version: 1,
  triggers: [{
    type: 'domainEvent', event: 'invoice.overdue',
    filter: { '>=': [{ var: 'event.amount' }, 10000] },
    entity: { var: 'event.invoiceId' },
    input: { invoiceId: { type: 'logic', rule: { var: 'event.invoiceId' } }, amount: { type: 'logic', rule: { var: 'event.amount' } } },
  }],
  inputSchema: { type: 'object', required: ['invoiceId', 'amount'], properties: { invoiceId: { type: 'string' }, amount: { type: 'integer' } } },
  start: 'done',
  steps: [{ id: 'done', type: 'succeed', output: { chased: { type: 'logic', rule: { var: 'input.invoiceId' } }, amount: { type: 'logic', rule: { var: 'input.amount' } } } }],
} as WorkflowDefinition;

const invoice = () => ({ type: 'invoice', id: randomUUID() });
const emit = (name: string, entity: { type: string; id: string }, payload: Record<string, unknown>, eventId?: string) =>
  h.db.knex.transaction((trx) => emitDomainEvent(trx, h.companyId, { name, entity, payload, ...(eventId ? { eventId } : {}) }));
const outboxRow = (eventId: string) => h.db.knex('domain_events').where({ company_id: h.companyId, event_id: eventId }).first();

test('an event emitted in a transaction that rolls back is never stored, so nothing is dispatched to the waiting run', async () => {
  const entity = invoice();
  const run = await h.start({ definitionKey: 'awaits-payment', input: {}, entity });
  const eventId = randomUUID();
  const rolledBack = h.db.knex.transaction(async (trx) => {
    await emitDomainEvent(trx, h.companyId, { name: 'payment.received', entity, payload: { amount: 100 }, eventId });
    throw new Error('the payment insert failed');
  });
  await expect(rolledBack).rejects.toThrow('the payment insert failed');
  expect(await outboxRow(eventId)).toBeUndefined();
  expect(await dispatchPendingEvents(h.db.knex, deps)).toEqual({ dispatched: 0, failed: 0 });
  const state = await untilRunWaits(h.env.client.workflow.getHandle(run.workflowId));
  expect(state.positions.map((p) => p.stepId)).toEqual(['await']);
  expect(state.status).toBe('waiting');
});

test('a committed event reaches the waiting run bound to its entity, which completes with the payload', async () => {
  const entity = invoice();
  const run = await h.start({ definitionKey: 'awaits-payment', input: {}, entity });
  const { eventId } = await emit('payment.received', entity, { invoiceId: entity.id, amount: 12345 });
  expect(await dispatchPendingEvents(h.db.knex, deps)).toEqual({ dispatched: 1, failed: 0 });
  expect(await h.env.client.workflow.getHandle(run.workflowId).result()).toEqual({ amount: 12345 });
  expect(await outboxRow(eventId)).toMatchObject({ attempts: 0, last_error: null, dispatched_at: expect.any(Date) });
});

test('an event dispatched twice starts one run and is received by it once', async () => {
  const entity = invoice();
  const first = await emit('invoice.disputed', entity, { invoiceId: entity.id, sequence: 1 });
  await dispatchPendingEvents(h.db.knex, deps);
  // A dispatcher that crashed after delivering, before marking the row, delivers it again.
  await h.db.knex('domain_events').where({ event_id: first.eventId }).update({ dispatched_at: null });
  expect(await dispatchPendingEvents(h.db.knex, deps)).toEqual({ dispatched: 1, failed: 0 });
  await emit('invoice.disputed', entity, { invoiceId: entity.id, sequence: 2 });
  await dispatchPendingEvents(h.db.knex, deps);

  const runs = await h.db.knex('workflow_runs').where({ company_id: h.companyId, definition_key: 'counts-disputes', entity_id: entity.id });
  expect(runs.map((r) => [r.workflow_id, r.trigger_kind])).toEqual([[workflowIdFor(h.companyId, 'counts-disputes', entity), 'event']]);
  // Signals are handled in order, so once the second event is in, the redelivered first one has been handled too.
  const handle = h.env.client.workflow.getHandle(runs[0].workflow_id);
  const state = await eventually(() => handle.query(stateQuery), (s) => s.vars.last === 2);
  expect(state.vars.receipts).toBe(2);
});

test('an event passing a trigger filter starts a run bound to the entity the trigger names; one failing the filter starts nothing', async () => {
  const large = invoice();
  const small = invoice();
  const customer = { type: 'contact', id: randomUUID() };
  await emit('invoice.overdue', customer, { invoiceId: large.id, amount: 25000 });
  await emit('invoice.overdue', customer, { invoiceId: small.id, amount: 500 });
  expect(await dispatchPendingEvents(h.db.knex, deps)).toEqual({ dispatched: 2, failed: 0 });

  const runs = await h.db.knex('workflow_runs').where({ company_id: h.companyId, definition_key: 'chases-large' });
  // The entity logic gives an id of the event's entity type unless it says type:id; here the event is about a contact.
  expect(runs.map((r) => [r.entity_type, r.entity_id, r.trigger_kind])).toEqual([['contact', large.id, 'event']]);
  expect(await h.env.client.workflow.getHandle(runs[0].workflow_id).result()).toEqual({ chased: large.id, amount: 25000 });
});

test('a failed dispatch keeps the event pending with one more attempt and its error, and a later dispatch delivers it', async () => {
  const entity = invoice();
  const run = await h.start({ definitionKey: 'awaits-payment', input: {}, entity });
  const { eventId } = await emit('payment.received', entity, { amount: 700 });
  const connection = await Connection.connect({ address: h.env.address });
  const closedClient = new Client({ connection });
  await connection.close();

  const failed = await dispatchPendingEvents(h.db.knex, { ...deps, engine: { ...h.engine, client: closedClient } }, retryAtOnce);
  expect(failed).toEqual({ dispatched: 0, failed: 1 });
  expect(await outboxRow(eventId)).toMatchObject({ dispatched_at: null, attempts: 1, last_error: expect.stringContaining('Channel has been shut down') });

  expect(await dispatchPendingEvents(h.db.knex, deps, retryAtOnce)).toEqual({ dispatched: 1, failed: 0 });
  expect(await outboxRow(eventId)).toMatchObject({ dispatched_at: expect.any(Date), attempts: 1, last_error: null });
  expect(await h.env.client.workflow.getHandle(run.workflowId).result()).toEqual({ amount: 700 });
});

test('the polling dispatcher delivers an event committed while it runs, and stop() ends it', async () => {
  const entity = invoice();
  const run = await h.start({ definitionKey: 'awaits-payment', input: {}, entity });
  const dispatcher = runEventDispatcher(h.db.knex, deps, { intervalMs: 20 });
  try {
    const { eventId } = await emit('payment.received', entity, { amount: 42 });
    // Waiting on the row, not the run: under time skipping, result() would skip time past a run that is still waiting.
    await eventually(() => outboxRow(eventId), (row) => row.dispatched_at !== null);
    expect(await h.env.client.workflow.getHandle(run.workflowId).result()).toEqual({ amount: 42 });
  } finally {
    await dispatcher.stop();
  }
});

test('on a one-connection pool (the embedded database) the dispatcher delivers without holding a lock it cannot share', async () => {
  const single = createKnex(h.db.url, { maxConnections: 1 });
  try {
    const entity = invoice();
    const run = await h.start({ definitionKey: 'awaits-payment', input: {}, entity });
    await emit('payment.received', entity, { invoiceId: entity.id, amount: 777 });
    expect(await dispatchPendingEvents(single, deps)).toEqual({ dispatched: 1, failed: 0 });
    expect(await h.env.client.workflow.getHandle(run.workflowId).result()).toEqual({ amount: 777 });
  } finally {
    await single.destroy();
  }
});
