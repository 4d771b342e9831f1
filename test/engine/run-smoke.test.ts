import { createEngineHarness, type EngineHarness } from '../helpers/engine-harness';
import { eventSignal, stateQuery } from '../../workflows/run-messages';
import type { WorkflowDefinition } from '../../definitions/generated/definition';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';

installQuietWorkerRuntime();
let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness();
}, 60_000);
afterAll(() => h?.teardown());

const reminder: WorkflowDefinition = {
  key: 'reminder', name: 'Reminder', version: 1, triggers: [{ type: 'manual' }],
  inputSchema: { type: 'object', required: ['email'], properties: { email: { type: 'string' } } },
  start: 'mail',
  steps: [
    { id: 'mail', type: 'action', action: 'core.sendEmail', input: { to: { type: 'logic', rule: { var: 'input.email' } }, subject: { type: 'static', value: 'Your invoice' }, text: { type: 'static', value: 'Please pay.' } }, next: 'pause' },
    { id: 'pause', type: 'wait', duration: 'P30D', next: 'await' },
    { id: 'await', type: 'waitForEvent', event: 'payment.received', next: 'done' },
    { id: 'done', type: 'succeed', output: { paid: { type: 'logic', rule: { var: 'steps.await.result.amount' } } } },
  ],
} as WorkflowDefinition;

test('a run sends a real email, sleeps 30 days in time-skipped seconds, waits for an event and completes', async () => {
  await h.publish(reminder);
  const run = await h.start({ definitionKey: 'reminder', input: { email: 'ana@example.test' } });
  const handle = h.env.client.workflow.getHandle(run.workflowId);
  await h.env.sleep('31d');
  const state = await handle.query(stateQuery);
  expect(state.positions.map((p) => p.stepId)).toEqual(['await']);
  expect(h.smtp.received.map((m) => [m.to, m.subject])).toEqual([[['ana@example.test'], 'Your invoice']]);
  await handle.signal(eventSignal, { name: 'payment.received', payload: { amount: 12345 }, eventId: 'evt-1' });
  expect(await handle.result()).toEqual({ paid: 12345 });
  expect(await h.db.knex('workflow_runs').where({ workflow_id: run.workflowId }).first()).toMatchObject({ status: 'completed', definition_version: 1 });
});
