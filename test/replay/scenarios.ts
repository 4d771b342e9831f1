import type { WorkflowHandle } from '@temporalio/client';
import type { WorkflowDefinition } from '../../definitions/generated/definition';
import { decideApproval } from '../../engine/runs/decide-approval';
import { eventSignal } from '../../workflows/run-messages';
import type { EngineHarness } from '../helpers/engine-harness';
import { flow, literal, logic } from '../engine/definitions';
import { dunningScenario } from './dunning-scenario';
import { installmentScenario } from './installment-scenario';
import { subscriptionScenario } from './subscription-scenario';

/** A run whose history is recorded once and replayed on every CI run against the current workflow code. */
export interface ReplayScenario {
  name: string;
  definitions: WorkflowDefinition[];
  input?: unknown;
  historyLimit?: number;
  /** Writes the rows the run reads before it starts, and returns its input (instead of `input`). */
  prepare?(h: EngineHarness): Promise<unknown>;
  drive?(handle: WorkflowHandle, h: EngineHarness): Promise<void>;
}

async function waitForApprovalTask(h: EngineHarness, workflowId: string): Promise<string> {
  for (let i = 0; i < 100; i++) {
    const task = await h.db.knex('tasks').where({ company_id: h.companyId, workflow_id: workflowId }).first('id');
    if (task) return task.id;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error('no approval task appeared');
}

export const REPLAY_SCENARIOS: ReplayScenario[] = [
  {
    name: 'reminder-with-email-wait-and-payment',
    input: { email: 'replay@example.test' },
    definitions: [flow('replay-reminder', [
      { id: 'mail', type: 'action', action: 'core.sendEmail', input: { to: logic({ var: 'input.email' }), subject: literal('Reminder'), text: literal('Please pay') }, next: 'pause' },
      { id: 'pause', type: 'wait', duration: 'P7D', next: 'await' },
      { id: 'await', type: 'waitForEvent', event: 'payment.received', timeout: 'P30D', onTimeout: 'late', next: 'paid' },
      { id: 'paid', type: 'succeed', output: { outcome: literal('paid') } },
      { id: 'late', type: 'fail', error: { kind: 'Unpaid', message: 'not paid' } },
    ], { inputSchema: { type: 'object', properties: { email: { type: 'string' } } } })],
    async drive(handle) {
      await handle.signal(eventSignal, { name: 'payment.received', payload: { amount: 100 }, eventId: 'replay-1' });
    },
  },
  {
    name: 'retries-then-error-route',
    definitions: [flow('replay-retries', [
      { id: 'call', type: 'action', action: 'testkit@1.fail', input: { retryable: literal(true) }, retry: { maximumAttempts: 2, initialInterval: 'PT1S' }, onError: 'recover', next: 'done' },
      { id: 'recover', type: 'set', assign: { recovered: true }, next: 'done' },
      { id: 'done', type: 'succeed', output: { recovered: logic({ var: 'vars.recovered' }) } },
    ], { variables: { recovered: { initial: false } } })],
  },
  {
    name: 'choice-foreach-parallel',
    input: { numbers: [1, 2, 3] },
    definitions: [flow('replay-structures', [
      { id: 'each', type: 'forEach', items: { var: 'input.numbers' }, itemVariable: 'n', mode: 'concurrent', maxConcurrency: 2,
        body: { start: 'echo', steps: [{ id: 'echo', type: 'action', action: 'testkit@1.echo', input: { n: logic({ var: 'item.n' }) } }] }, next: 'both' },
      { id: 'both', type: 'parallel', join: 'all', next: 'pick', branches: [
        { start: 'a', steps: [{ id: 'a', type: 'wait', duration: 'P1D' }] },
        { start: 'b', steps: [{ id: 'b', type: 'wait', duration: 'P2D' }] },
      ] },
      { id: 'pick', type: 'choice', when: [{ condition: { '>': [{ var: 'input.numbers.length' }, 2] }, next: 'many' }], default: 'few' },
      { id: 'many', type: 'succeed', output: { size: literal('many') } },
      { id: 'few', type: 'succeed', output: { size: literal('few') } },
    ], { inputSchema: { type: 'object', properties: { numbers: { type: 'array' } } } })],
  },
  {
    name: 'subflow-and-approval',
    definitions: [
      flow('replay-child', [{ id: 'done', type: 'succeed', output: { ok: literal(true) } }]),
      flow('replay-parent', [
        { id: 'child', type: 'subflow', definition: 'replay-child', next: 'ask' },
        { id: 'ask', type: 'approval', assignee: { role: 'finance' }, title: 'Approve?', timeout: 'P3D', onApproved: 'yes', onRejected: 'no', onTimeout: 'no' },
        { id: 'yes', type: 'succeed', output: { approved: literal(true) } },
        { id: 'no', type: 'succeed', output: { approved: literal(false) } },
      ]),
    ],
    async drive(handle, h) {
      const taskId = await waitForApprovalTask(h, handle.workflowId);
      await decideApproval(h.scope, h.env.client, { taskId, decision: 'approved', decidedBy: 'replay-user' });
    },
  },
  {
    name: 'continue-as-new-loop',
    historyLimit: 20,
    definitions: [flow('replay-loop', [
      { id: 'tick', type: 'set', assign: { days: { '+': [{ var: 'vars.days' }, 1] } }, next: 'more' },
      { id: 'more', type: 'choice', when: [{ condition: { '<': [{ var: 'vars.days' }, 15] }, next: 'sleep' }], default: 'done' },
      { id: 'sleep', type: 'wait', duration: 'P1D', next: 'tick' },
      { id: 'done', type: 'succeed', output: { days: logic({ var: 'vars.days' }) } },
    ], { variables: { days: { initial: 0 } } })],
  },
  dunningScenario,
  installmentScenario,
  subscriptionScenario,
];
