import type { WorkflowHandle } from '@temporalio/client';
import { DefinitionInvalidError } from '../../engine/definition-store/definition-errors';
import { RunInputError } from '../../engine/runs/run-errors';
import { createEngineHarness, type EngineHarness } from '../helpers/engine-harness';
import { attempts, TEST_ACTIONS } from '../helpers/test-actions';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { flow, literal, logic } from './definitions';

installQuietWorkerRuntime();
let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness(TEST_ACTIONS);
}, 60_000);
afterAll(() => h?.teardown());

const run = (definition: ReturnType<typeof flow>, input: unknown = {}) => h.publishAndStart(definition, input);

const attemptsOf = (handle: WorkflowHandle) => [...attempts.entries()].filter(([key]) => key.startsWith(handle.workflowId)).map(([, n]) => n);
const fastRetry = { maximumAttempts: 3, initialInterval: 'PT1S', backoffCoefficient: 1 };

test('a retryable failure is retried by Temporal and the step succeeds on a later attempt', async () => {
  const handle = await run(flow('retry-then-succeed', [
    { id: 'call', type: 'action', action: 'testkit@1.flaky', input: { succeedOnAttempt: literal(3) }, retry: fastRetry, next: 'done' },
    { id: 'done', type: 'succeed', output: { attempt: logic({ var: 'steps.call.result.attempt' }) } },
  ]));
  expect(await handle.result()).toEqual({ attempt: 3 });
  expect(attemptsOf(handle)).toEqual([3]);
});

test('retries exhausted: after maximumAttempts the run takes the onError route with the error kind and message', async () => {
  const handle = await run(flow('retries-exhausted', [
    { id: 'call', type: 'action', action: 'testkit@1.fail', input: { retryable: literal(true) }, retry: fastRetry, onError: 'recover', next: 'done' },
    { id: 'recover', type: 'succeed', output: { error: logic({ var: 'steps.call.error' }) } },
    { id: 'done', type: 'succeed' },
  ]));
  expect(await handle.result()).toEqual({ error: { kind: 'ConnectorApiError', message: 'refused on attempt 3', stepId: 'call' } });
  expect(attemptsOf(handle)).toEqual([3]);
});

test('a non-retryable failure goes to onError after one attempt', async () => {
  const handle = await run(flow('non-retryable', [
    { id: 'call', type: 'action', action: 'testkit@1.fail', input: { retryable: literal(false) }, retry: { maximumAttempts: 5 }, onError: 'recover', next: 'done' },
    { id: 'recover', type: 'succeed', output: { kind: logic({ var: 'steps.call.error.kind' }) } },
    { id: 'done', type: 'succeed' },
  ]));
  expect(await handle.result()).toEqual({ kind: 'ConnectorApiError' });
  expect(attemptsOf(handle)).toEqual([1]);
});

test('an error kind listed in nonRetryableErrorTypes is not retried', async () => {
  const handle = await run(flow('listed-non-retryable', [
    { id: 'call', type: 'action', action: 'testkit@1.fail', input: { retryable: literal(true) }, retry: { maximumAttempts: 5, nonRetryableErrorTypes: ['ConnectorApiError'] }, onError: 'recover', next: 'done' },
    { id: 'recover', type: 'succeed', output: { handled: literal(true) } },
    { id: 'done', type: 'succeed' },
  ]));
  expect(await handle.result()).toEqual({ handled: true });
  expect(attemptsOf(handle)).toEqual([1]);
});

test('retries exhausted without onError fails the run with the action error', async () => {
  const handle = await run(flow('no-error-route', [
    { id: 'call', type: 'action', action: 'testkit@1.fail', input: { retryable: literal(false) }, next: 'done' },
    { id: 'done', type: 'succeed' },
  ]));
  await expect(handle.result()).rejects.toMatchObject({ cause: { type: 'ConnectorApiError' } });
});

test('action input that breaks the action schema fails without retrying, as InvalidActionInput', async () => {
  const handle = await run(flow('bad-action-input', [
    { id: 'mail', type: 'action', action: 'core.sendEmail', input: { to: literal('not-an-address') , subject: literal('x'), text: literal('y') }, onError: 'recover', next: 'done' },
    { id: 'recover', type: 'succeed', output: { kind: logic({ var: 'steps.mail.error.kind' }) } },
    { id: 'done', type: 'succeed' },
  ]));
  expect(await handle.result()).toEqual({ kind: 'InvalidActionInput' });
  expect(h.smtp.received).toHaveLength(0);
});

test('waitForEvent timeout: with no event the run takes onTimeout after the timeout, on the workflow clock', async () => {
  const handle = await run(flow('event-timeout', [
    { id: 'await', type: 'waitForEvent', event: 'payment.received', timeout: 'P10D', onTimeout: 'late', next: 'paid' },
    { id: 'paid', type: 'succeed', output: { outcome: literal('paid') } },
    { id: 'late', type: 'succeed', output: { outcome: literal('timed out'), today: logic({ var: 'today' }) } },
  ]));
  const startedOn = (await handle.describe()).startTime;
  expect(await handle.result()).toEqual({ outcome: 'timed out', today: new Date(startedOn.getTime() + 10 * 86_400_000).toISOString().slice(0, 10) });
});

test('an invalid definition is rejected at publish, before anything runs, with pointers to the problems', async () => {
  const broken = flow('broken', [{ id: 'first', type: 'wait', duration: 'P1X', next: 'nowhere' }]);
  await h.store.saveDraft(broken);
  const attempt = h.store.publish('broken');
  await expect(attempt).rejects.toBeInstanceOf(DefinitionInvalidError);
  const error = (await attempt.catch((e) => e)) as DefinitionInvalidError;
  expect(error.errors.map((e) => e.pointer)).toEqual(expect.arrayContaining(['/steps/0/duration']));
  await expect(h.start({ definitionKey: 'broken', input: {} })).rejects.toThrow(/No published version of broken/);
});

test('run input that breaks the definition input schema is refused before the run starts', async () => {
  await h.publish(flow('needs-input', [{ id: 'done', type: 'succeed' }], { inputSchema: { type: 'object', required: ['invoiceId'], properties: { invoiceId: { type: 'string' } } } }));
  await expect(h.start({ definitionKey: 'needs-input', input: { invoiceId: 7 } })).rejects.toBeInstanceOf(RunInputError);
  expect(await h.db.knex('workflow_runs').where({ definition_key: 'needs-input' })).toHaveLength(0);
});
