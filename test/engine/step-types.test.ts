import { decideApproval } from '../../engine/runs/decide-approval';
import { eventSignal } from '../../workflows/run-messages';
import { untilRunWaits } from '../helpers/run-state';
import { createEngineHarness, type EngineHarness } from '../helpers/engine-harness';
import { TEST_ACTIONS } from '../helpers/test-actions';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { flow, literal, logic } from './definitions';

installQuietWorkerRuntime();
let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness(TEST_ACTIONS);
}, 60_000);
afterAll(() => h?.teardown());

const run = (definition: ReturnType<typeof flow>, input: unknown = {}) => h.publishAndStart(definition, input);

test('action: calls the action with templated input and exposes its result to later steps', async () => {
  const handle = await run(flow('action-step', [
    { id: 'echo', type: 'action', action: 'testkit@1.echo', input: { amount: logic({ '*': [{ var: 'input.units' }, 250] }), fixed: literal({ var: 'not evaluated' }) }, next: 'done' },
    { id: 'done', type: 'succeed', output: { echoed: logic({ var: 'steps.echo.result' }) } },
  ], { inputSchema: { type: 'object', properties: { units: { type: 'integer' } } } }), { units: 4 });
  expect(await handle.result()).toEqual({ echoed: { amount: 1000, fixed: { var: 'not evaluated' } } });
});

test('wait: a P14D duration and an until-date both resume on the right day of the workflow clock', async () => {
  const handle = await run(flow('wait-step', [
    { id: 'pause', type: 'wait', duration: 'P14D', next: 'until' },
    { id: 'until', type: 'wait', until: { date: { date_add_days: [{ var: 'today' }, 3] }, time: '09:00' }, next: 'done' },
    { id: 'done', type: 'succeed', output: { today: logic({ var: 'today' }) } },
  ]));
  const startedOn = (await handle.describe()).startTime;
  const expected = new Date(startedOn.getTime() + 17 * 86_400_000).toISOString().slice(0, 10);
  expect(await handle.result()).toEqual({ today: expected });
});

test('waitForEvent: ignores an event whose payload does not match, then takes the matching one', async () => {
  const handle = await run(flow('event-step', [
    { id: 'paid', type: 'waitForEvent', event: 'payment.received', match: { '==': [{ var: 'event.invoiceId' }, 'inv-7'] }, next: 'done' },
    { id: 'done', type: 'succeed', output: { amount: logic({ var: 'steps.paid.result.amount' }) } },
  ]));
  await handle.signal(eventSignal, { name: 'payment.received', payload: { invoiceId: 'inv-other', amount: 1 }, eventId: 'e1' });
  await handle.signal(eventSignal, { name: 'payment.received', payload: { invoiceId: 'inv-7', amount: 4200 }, eventId: 'e2' });
  expect(await handle.result()).toEqual({ amount: 4200 });
});

test('choice and set: the first true condition wins and set assigns variables', async () => {
  const handle = await run(flow('choice-step', [
    { id: 'decide', type: 'choice', when: [{ condition: { '>': [{ var: 'input.total' }, 1000] }, next: 'big' }, { condition: { '>': [{ var: 'input.total' }, 10] }, next: 'medium' }], default: 'small' },
    { id: 'big', type: 'set', assign: { size: 'big' }, next: 'done' },
    { id: 'medium', type: 'set', assign: { size: 'medium' }, next: 'done' },
    { id: 'small', type: 'set', assign: { size: 'small' }, next: 'done' },
    { id: 'done', type: 'succeed', output: { size: logic({ var: 'vars.size' }) } },
  ], { variables: { size: { initial: null } }, inputSchema: { type: 'object', properties: { total: { type: 'integer' } } } }), { total: 500 });
  expect(await handle.result()).toEqual({ size: 'medium' });
});

test('forEach: sequential and bounded-concurrent loops collect outputs in item order', async () => {
  const body = { start: 'double', steps: [
    { id: 'double', type: 'action', action: 'testkit@1.echo', input: { value: logic({ '*': [{ var: 'item.n' }, 2] }) }, next: 'emit' },
    { id: 'emit', type: 'succeed', output: { value: logic({ var: 'steps.double.result.value' }) } },
  ] };
  const handle = await run(flow('foreach-step', [
    { id: 'seq', type: 'forEach', items: { var: 'input.numbers' }, itemVariable: 'n', mode: 'sequential', body, next: 'conc' },
    { id: 'conc', type: 'forEach', items: { var: 'input.numbers' }, itemVariable: 'n', mode: 'concurrent', maxConcurrency: 2,
      body: { start: 'triple', steps: [{ id: 'triple', type: 'succeed', output: { value: logic({ '*': [{ var: 'item.n' }, 3] }) } }] }, next: 'done' },
    { id: 'done', type: 'succeed', output: { seq: logic({ var: 'steps.seq.result' }), conc: logic({ var: 'steps.conc.result' }) } },
  ], { inputSchema: { type: 'object', properties: { numbers: { type: 'array' } } } }), { numbers: [1, 2, 3] });
  expect(await handle.result()).toEqual({ seq: [{ value: 2 }, { value: 4 }, { value: 6 }], conc: [{ value: 3 }, { value: 6 }, { value: 9 }] });
});

test('parallel: join all waits for every branch; join any continues after the first and withdraws the rest', async () => {
  const branches = [
    { start: 'fast', steps: [{ id: 'fast', type: 'wait', duration: 'P1D', next: 'fastDone' }, { id: 'fastDone', type: 'succeed', output: { b: literal('fast') } }] },
    { start: 'slow', steps: [{ id: 'slow', type: 'wait', duration: 'P5D', next: 'slowDone' }, { id: 'slowDone', type: 'succeed', output: { b: literal('slow') } }] },
  ];
  const anyBranches = JSON.parse(JSON.stringify(branches).replace(/"(fast|slow)(Done)?"/g, '"$1$2Any"'));
  const handle = await run(flow('parallel-step', [
    { id: 'all', type: 'parallel', join: 'all', branches, next: 'any' },
    { id: 'any', type: 'parallel', join: 'any', branches: anyBranches, next: 'done' },
    { id: 'done', type: 'succeed', output: { all: logic({ var: 'steps.all.result' }), today: logic({ var: 'today' }) } },
  ]));
  const startedOn = (await handle.describe()).startTime;
  const result = (await handle.result()) as { all: unknown; today: string };
  expect(result.all).toEqual([{ b: 'fast' }, { b: 'slow' }]);
  // 5 days for "all" (the slow branch), then 1 day for "any" (the fast branch): 6 days, not 10.
  expect(result.today).toBe(new Date(startedOn.getTime() + 6 * 86_400_000).toISOString().slice(0, 10));
});

test('subflow: starts another published definition as a child and awaits its output', async () => {
  await h.publish(flow('child-flow', [{ id: 'done', type: 'succeed', output: { doubled: logic({ '*': [{ var: 'input.n' }, 2] }) } }]));
  const handle = await run(flow('parent-flow', [
    { id: 'child', type: 'subflow', definition: 'child-flow', input: { n: literal(21) }, next: 'done' },
    { id: 'done', type: 'succeed', output: { fromChild: logic({ var: 'steps.child.result.doubled' }) } },
  ]));
  expect(await handle.result()).toEqual({ fromChild: 42 });
});

test('approval: creates a task for the role and continues on the decision signalled back', async () => {
  const handle = await run(flow('approval-step', [
    { id: 'ask', type: 'approval', assignee: { role: 'collections' }, title: 'Write off?', timeout: 'P7D', onApproved: 'yes', onRejected: 'no', onTimeout: 'no' },
    { id: 'yes', type: 'succeed', output: { decision: logic({ var: 'steps.ask.result.decision' }), by: logic({ var: 'steps.ask.result.decidedBy' }) } },
    { id: 'no', type: 'fail', error: { kind: 'Rejected', message: 'no' } },
  ]));
  let task: { id: string; title: string; assigned_role_key: string } | undefined;
  for (let i = 0; i < 50 && !task; i++) {
    task = await h.db.knex('tasks').where({ company_id: h.companyId, workflow_id: handle.workflowId }).first();
    if (!task) await new Promise((resolve) => setTimeout(resolve, 100));
  }
  expect(task).toMatchObject({ title: 'Write off?', assigned_role_key: 'collections' });
  await decideApproval(h.scope, h.env.client, { taskId: task!.id, decision: 'approved', decidedBy: 'user-1' });
  expect(await handle.result()).toEqual({ decision: 'approved', by: 'user-1' });
  await expect(decideApproval(h.scope, h.env.client, { taskId: task!.id, decision: 'rejected', decidedBy: 'user-2' })).rejects.toThrow(/already decided/);
});

test('succeed and fail: fail ends the run with its kind and message', async () => {
  const handle = await run(flow('fail-step', [{ id: 'stop', type: 'fail', error: { kind: 'PolicyViolation', message: 'Limit exceeded' } }]));
  await expect(handle.result()).rejects.toMatchObject({ cause: { type: 'PolicyViolation', message: 'Limit exceeded' } });
  expect(await h.db.knex('workflow_runs').where({ workflow_id: handle.workflowId }).first()).toMatchObject({ status: 'failed' });
});

test('the state query shows the current step, the variables and the timer a run waits on', async () => {
  const handle = await run(flow('query-step', [
    { id: 'count', type: 'set', assign: { reminders: 1 }, next: 'pause' },
    { id: 'pause', type: 'wait', duration: 'P30D', next: 'done' },
    { id: 'done', type: 'succeed' },
  ], { variables: { reminders: { initial: 0 } } }));
  const state = await untilRunWaits(handle);
  expect(state.vars).toEqual({ reminders: 1 });
  expect(state.positions).toEqual([expect.objectContaining({ stepId: 'pause', stepType: 'wait', waitingFor: expect.objectContaining({ kind: 'timer', fireAt: expect.any(String) }) })]);
  expect(state.definitionKey).toBe('query-step');
  await handle.terminate();
});
