/** One definition that uses every step type, nested lists included: the round-trip tests' witness. */
import type { WorkflowDefinition } from '../../../../definitions/generated/definition';

export const ALL_STEP_TYPES: WorkflowDefinition = {
  key: 'every-step',
  name: 'Every step type',
  version: 1,
  triggers: [{ type: 'manual' }],
  variables: { total: { initial: 0 } },
  start: 'charge',
  steps: [
    { id: 'charge', type: 'action', action: 'core.sendEmail', input: { to: { type: 'static', value: 'a@example.com' } }, retry: { maximumAttempts: 2 }, onError: 'oops', next: 'pause' },
    { id: 'pause', type: 'wait', duration: 'P7D', next: 'awaitPaid' },
    { id: 'awaitPaid', type: 'waitForEvent', event: 'payment.received', match: { '==': [{ var: 'event.id' }, 1] }, timeout: 'P30D', onTimeout: 'decide', next: 'done' },
    { id: 'decide', type: 'choice', when: [{ condition: { '>': [{ var: 'vars.total' }, 3] }, next: 'ask' }, { condition: true, next: 'each' }], default: 'done' },
    { id: 'each', type: 'forEach', items: [1, 2], itemVariable: 'n', mode: 'concurrent', maxConcurrency: 2, next: 'race',
      body: { name: 'per item', start: 'add', steps: [
        { id: 'add', type: 'set', assign: { total: { '+': [{ var: 'vars.total' }, { var: 'item.n' }] } }, next: 'until' },
        { id: 'until', type: 'wait', until: { date: '2024-01-01', time: '09:00' } },
      ] } },
    { id: 'race', type: 'parallel', join: 'any', next: 'child', branches: [
      { start: 'left', steps: [{ id: 'left', type: 'waitForEvent', event: 'dispute.opened' }] },
      { name: 'right side', start: 'right', steps: [{ id: 'right', type: 'wait', duration: 'P1D', next: 'rightDone' }, { id: 'rightDone', type: 'succeed' }] },
    ] },
    { id: 'child', type: 'subflow', definition: 'other', version: 2, await: true, onError: 'oops', next: 'ask' },
    { id: 'ask', type: 'approval', assignee: { role: 'ops' }, title: 'OK?', timeout: 'P7D', onApproved: 'done', onRejected: 'oops', onTimeout: 'done' },
    { id: 'done', type: 'succeed', output: { total: { type: 'logic', rule: { var: 'vars.total' } } } },
    { id: 'oops', type: 'fail', error: { kind: 'Broken', message: 'It broke.' } },
  ],
};
