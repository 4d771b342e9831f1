import type { Step, StepList } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { runHarness, T0, type RunHarness } from '../testing/run-harness';

const remindEach = (mode: 'sequential' | 'concurrent', maxConcurrency?: number): Step => ({
  id: 'each', type: 'forEach', items: { var: 'input.installments' }, itemVariable: 'installment', indexVariable: 'n', mode,
  ...(maxConcurrency ? { maxConcurrency } : {}), resultVariable: 'sent', next: 'done',
  body: {
    start: 'remind',
    steps: [
      { id: 'remind', type: 'action', action: 'core.sendEmail', input: { amount: { type: 'logic', rule: { var: 'item.installment.amount' } }, n: { type: 'logic', rule: { var: 'item.n' } } }, next: 'ok' },
      { id: 'ok', type: 'succeed', output: { n: { type: 'logic', rule: { var: 'item.n' } } } },
    ],
  },
});
const done: Step = { id: 'done', type: 'succeed', output: { sent: { type: 'logic', rule: { var: 'vars.sent' } } } };
const installments = [{ amount: 100 }, { amount: 200 }, { amount: 300 }, { amount: 400 }, { amount: 500 }];
const forEachRun = (step: Step) => {
  const run = runHarness(definitionWith([step, done], { variables: { sent: { initial: [] } }, inputSchema: { type: 'object' } }));
  run.start({ installments });
  return run;
};
const outstanding = (run: RunHarness) => Object.values(run.state.pending).filter((pending) => pending.kind === 'activity');
const completeActivity = (run: RunHarness, token: string) => run.send({ type: 'activityCompleted', token, result: null, now: T0 });

describe('interpreter: forEach', () => {
  it('runs a sequential body one item at a time, in order, with item and index variables', () => {
    const run = forEachRun(remindEach('sequential'));
    const seen: unknown[] = [];
    for (let i = 0; i < installments.length; i += 1) {
      expect(outstanding(run)).toHaveLength(1);
      const command = run.last('scheduleActivity');
      seen.push(command.input);
      completeActivity(run, command.token);
    }
    expect(seen).toEqual(installments.map((installment, n) => ({ amount: installment.amount, n })));
    expect(run.state.output).toEqual({ sent: [0, 1, 2, 3, 4].map((n) => ({ n })) });
  });

  it('never has more than maxConcurrency iterations in flight, and fills free slots as they finish', () => {
    const run = forEachRun(remindEach('concurrent', 2));
    expect(run.all('scheduleActivity').map((command) => command.input.n)).toEqual([0, 1]);
    completeActivity(run, run.all('scheduleActivity')[1].token);
    expect(outstanding(run)).toHaveLength(2);
    expect(run.all('scheduleActivity').map((command) => command.input.n)).toEqual([0, 1, 2]);
    while (outstanding(run).length > 0) {
      expect(outstanding(run).length).toBeLessThanOrEqual(2);
      completeActivity(run, outstanding(run)[0].token);
    }
    expect(run.state.status).toBe('succeeded');
    expect((run.state.output as { sent: unknown[] }).sent).toHaveLength(5);
  });

  it('goes straight to next over an empty list', () => {
    const run = runHarness(definitionWith([remindEach('sequential'), done], { variables: { sent: { initial: null } }, inputSchema: { type: 'object' } }));
    expect(run.start({ installments: [] }).state.output).toEqual({ sent: [] });
  });

  it('fails with ExpressionError when items is not a list', () => {
    const run = runHarness(definitionWith([remindEach('sequential'), done], { variables: { sent: { initial: null } }, inputSchema: { type: 'object' } }));
    expect(run.start({ installments: 'five' }).state.error).toMatchObject({ kind: 'ExpressionError', stepId: 'each' });
  });

  it('a failing iteration without onError fails the whole run and withdraws the others', () => {
    const run = forEachRun(remindEach('concurrent', 3));
    const [first, second, third] = run.all('scheduleActivity');
    const result = run.send({ type: 'activityFailed', token: second.token, error: { kind: 'Bounced', message: 'no mailbox' }, attemptsExhausted: true, now: T0 });
    expect(result.commands).toEqual([
      { type: 'cancelWait', token: first.token, kind: 'activity' },
      { type: 'cancelWait', token: third.token, kind: 'activity' },
      { type: 'fail', error: { kind: 'Bounced', message: 'no mailbox', stepId: 'remind' } },
    ]);
  });
});

describe('interpreter: parallel', () => {
  const branch = (id: string, event: string) => ({ start: id, steps: [{ id, type: 'waitForEvent', event, next: `${id}Out` }, { id: `${id}Out`, type: 'succeed', output: { from: { type: 'static', value: id } } }] as StepList['steps'] });
  const race = (join: 'all' | 'any'): Step => ({ id: 'race', type: 'parallel', join, branches: [branch('paid', 'payment.received'), branch('disputed', 'invoice.disputed')], next: 'end' });
  const end: Step = { id: 'end', type: 'succeed', output: { branches: { type: 'logic', rule: { var: 'steps.race.result' } } } };
  const event = (name: string, eventId: string) => ({ type: 'eventReceived' as const, name, payload: {}, eventId, now: T0 });

  it('join all waits for every branch and collects their outputs in branch order', () => {
    const run = runHarness(definitionWith([race('all'), end]));
    run.start();
    run.send(event('invoice.disputed', 'e1'));
    expect(run.state.status).toBe('waiting');
    const result = run.send(event('payment.received', 'e2'));
    expect(result.state.output).toEqual({ branches: [{ from: 'paid' }, { from: 'disputed' }] });
  });

  it('join any continues after the first branch and withdraws the others', () => {
    const run = runHarness(definitionWith([race('any'), end]));
    run.start();
    const disputedWait = run.last('waitForEvent', 'disputed');
    const result = run.send(event('payment.received', 'e1'));
    expect(result.commands).toEqual([
      { type: 'cancelWait', token: disputedWait.token, kind: 'event' },
      { type: 'complete', output: { branches: [{ from: 'paid' }, null] } },
    ]);
  });
});
