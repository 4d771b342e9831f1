import { stateQuery } from '../../workflows/run-messages';
import { createEngineHarness, type EngineHarness } from '../helpers/engine-harness';
import { TEST_ACTIONS } from '../helpers/test-actions';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { flow, logic } from './definitions';

installQuietWorkerRuntime();
let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness(TEST_ACTIONS);
}, 60_000);
afterAll(() => h?.teardown());

test('a definition that waits 90 days finishes in seconds under time skipping, on day 90 of its own clock', async () => {
  await h.publish(flow('ninety-days', [
    { id: 'wait', type: 'wait', duration: 'P90D', next: 'done' },
    { id: 'done', type: 'succeed', output: { today: logic({ var: 'today' }) } },
  ]));
  const wallStart = Date.now();
  const started = await h.start({ definitionKey: 'ninety-days', input: {} });
  const handle = h.env.client.workflow.getHandle(started.workflowId);
  const startedOn = (await handle.describe()).startTime;
  expect(await handle.result()).toEqual({ today: new Date(startedOn.getTime() + 90 * 86_400_000).toISOString().slice(0, 10) });
  expect(Date.now() - wallStart).toBeLessThan(20_000);
});

test('continue-as-new: a long daily loop carries its variables into new runs transparently and finishes', async () => {
  h.engine.historyLimit = 40;
  try {
    await h.publish(flow('daily-counter', [
      { id: 'tick', type: 'set', assign: { days: { '+': [{ var: 'vars.days' }, 1] } }, next: 'more' },
      { id: 'more', type: 'choice', when: [{ condition: { '<': [{ var: 'vars.days' }, 60] }, next: 'sleep' }], default: 'done' },
      { id: 'sleep', type: 'wait', duration: 'P1D', next: 'tick' },
      { id: 'done', type: 'succeed', output: { days: logic({ var: 'vars.days' }) } },
    ], { variables: { days: { initial: 0 } } }));
    const started = await h.start({ definitionKey: 'daily-counter', input: {} });
    const handle = h.env.client.workflow.getHandle(started.workflowId);
    const firstRunId = (await handle.describe()).runId;
    expect(await handle.result()).toEqual({ days: 60 });
    const last = await handle.describe();
    expect(last.runId).not.toBe(firstRunId);
    const history = await handle.fetchHistory();
    expect(history.events?.length ?? 0).toBeLessThan(200);
    expect(await handle.query(stateQuery)).toMatchObject({ status: 'succeeded', vars: { days: 60 } });
  } finally {
    delete h.engine.historyLimit;
  }
});

test('continue-as-new inside a forEach: 360 installments, each waiting for its due date, finish with every result', async () => {
  h.engine.historyLimit = 200;
  try {
    await h.publish(flow('three-sixty', [
      { id: 'each', type: 'forEach', items: { var: 'input.installments' }, itemVariable: 'installment', mode: 'sequential', next: 'done',
        body: { start: 'due', steps: [
          { id: 'due', type: 'wait', duration: 'P1D', next: 'collect' },
          { id: 'collect', type: 'set', assign: { collected: { money_add: [{ var: 'vars.collected' }, { var: 'item.installment' }] } } },
        ] } },
      { id: 'done', type: 'succeed', output: { collected: logic({ var: 'vars.collected' }) } },
    ], { variables: { collected: { initial: 0 } }, inputSchema: { type: 'object', properties: { installments: { type: 'array' } } } }));
    const installments = Array.from({ length: 360 }, (_, index) => 1000 + index);
    const started = await h.start({ definitionKey: 'three-sixty', input: { installments } });
    const handle = h.env.client.workflow.getHandle(started.workflowId);
    const firstRunId = (await handle.describe()).runId;
    expect(await handle.result()).toEqual({ collected: installments.reduce((sum, amount) => sum + amount, 0) });
    expect((await handle.describe()).runId).not.toBe(firstRunId);
  } finally {
    delete h.engine.historyLimit;
  }
}, 120_000);
