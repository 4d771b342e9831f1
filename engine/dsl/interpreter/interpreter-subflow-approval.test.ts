import type { Step } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { runHarness, T0 } from '../testing/run-harness';

const outcome = (id: string): Step => ({ id, type: 'succeed', output: { outcome: { type: 'static', value: id } } });

describe('interpreter: subflow', () => {
  const child = (awaited: boolean): Step => ({
    id: 'collect', type: 'subflow', definition: 'collect-payment', version: 2, await: awaited,
    input: { invoiceId: { type: 'logic', rule: { var: 'input.invoiceId' } } }, resultVariable: 'collected', onError: 'failed', next: 'ok',
  });
  const flow = (awaited: boolean) => definitionWith([child(awaited), outcome('ok'), outcome('failed')], { variables: { collected: { initial: null } }, inputSchema: { type: 'object' } });

  it('starts the pinned child with evaluated input and waits for it', () => {
    const run = runHarness(flow(true));
    run.start({ invoiceId: 'inv_9' });
    expect(run.last('startChild')).toEqual({ type: 'startChild', token: 'collect#2', stepId: 'collect', definition: 'collect-payment', version: 2, input: { invoiceId: 'inv_9' }, await: true });
    const result = run.send({ type: 'childCompleted', token: 'collect#2', outcome: { status: 'succeeded', output: { paid: true } }, now: T0 });
    expect(result.state.vars.collected).toEqual({ paid: true });
    expect(result.state.output).toEqual({ outcome: 'ok' });
  });

  it('routes a failed child to onError', () => {
    const run = runHarness(flow(true));
    run.start({ invoiceId: 'inv_9' });
    const result = run.send({ type: 'childCompleted', token: 'collect#2', outcome: { status: 'failed', error: { kind: 'Timeout', message: 'child timed out' } }, now: T0 });
    expect(result.state.output).toEqual({ outcome: 'failed' });
    expect(result.state.steps.collect.error).toEqual({ kind: 'Timeout', message: 'child timed out', stepId: 'collect' });
  });

  it('does not wait for a child that is not awaited', () => {
    const run = runHarness(flow(false));
    const result = run.start({ invoiceId: 'inv_9' });
    expect(result.commands.map((command) => command.type)).toEqual(['startChild', 'complete']);
    expect(result.state.output).toEqual({ outcome: 'ok' });
  });
});

describe('interpreter: approval', () => {
  const approval: Step = {
    id: 'refund', type: 'approval', assignee: { role: 'finance' }, title: 'Refund 42.00?', details: { amount: { type: 'logic', rule: { var: 'input.amount' } } },
    timeout: 'P3D', onApproved: 'approved', onRejected: 'rejected', onTimeout: 'expired', resultVariable: 'decision',
  };
  const started = () => {
    const run = runHarness(definitionWith([approval, outcome('approved'), outcome('rejected'), outcome('expired')], { variables: { decision: { initial: null } }, inputSchema: { type: 'object' } }));
    run.start({ amount: 4200 });
    return run;
  };

  it('creates a task for the role with details and a timeout instant', () => {
    expect(started().last('createApprovalTask')).toEqual({
      type: 'createApprovalTask', token: 'refund#2', stepId: 'refund', assignee: { role: 'finance' }, title: 'Refund 42.00?', details: { amount: 4200 }, timeoutAt: '2024-02-03T09:00:00.000Z',
    });
  });

  it.each([['approved', 'approved'], ['rejected', 'rejected']] as const)('a decision of %s goes to its branch and is recorded', (decision, branch) => {
    const run = started();
    const result = run.send({ type: 'approvalDecided', token: 'refund#2', decision, decidedBy: 'user_7', now: T0 });
    expect(result.state.output).toEqual({ outcome: branch });
    expect(result.state.vars.decision).toEqual({ decision, decidedBy: 'user_7', comment: null });
    expect(result.commands[0]).toEqual({ type: 'cancelWait', token: 'refund#2', kind: 'approval' });
  });

  it('takes onTimeout when no one decides in time, and ignores a late decision', () => {
    const run = started();
    expect(run.send({ type: 'timerFired', token: 'refund#2', now: '2024-02-03T09:00:00.000Z' }).state.output).toEqual({ outcome: 'expired' });
    expect(run.send({ type: 'approvalDecided', token: 'refund#2', decision: 'approved', decidedBy: 'user_7', now: T0 }).ignored).toBeDefined();
  });
});
