import type { Step } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { runHarness, T0 } from '../testing/run-harness';
import { createInterpreter } from './interpreter';

const counter = { variables: { total: { initial: 0 }, label: { initial: 'none' } }, inputSchema: { type: 'object' } };

describe('interpreter: set, choice, succeed, fail', () => {
  it('set assigns from logic and succeed returns its output', () => {
    const steps: Step[] = [
      { id: 'sum', type: 'set', assign: { total: { money_add: [{ var: 'input.amount' }, 50] } }, next: 'done' },
      { id: 'done', type: 'succeed', output: { total: { type: 'logic', rule: { var: 'vars.total' } }, note: { type: 'static', value: { var: 'not evaluated' } } } },
    ];
    const run = runHarness(definitionWith(steps, counter));
    const result = run.start({ amount: 1950 });
    expect(result.state.status).toBe('succeeded');
    expect(result.commands).toEqual([{ type: 'complete', output: { total: 2000, note: { var: 'not evaluated' } } }]);
  });

  it('set evaluates every assignment against the variables as they were before the step', () => {
    const steps: Step[] = [{ id: 'swap', type: 'set', assign: { total: { var: 'vars.label' }, label: { var: 'vars.total' } } }];
    const run = runHarness(definitionWith(steps, counter));
    run.start();
    expect(run.state.vars).toEqual({ total: 'none', label: 0 });
  });

  it('choice takes the first true condition, in order, and the default otherwise', () => {
    const steps: Step[] = [
      { id: 'route', type: 'choice', when: [{ condition: { '>': [{ var: 'input.days' }, 30] }, next: 'late' }, { condition: { '>': [{ var: 'input.days' }, 0] }, next: 'due' }], default: 'fine' },
      { id: 'late', type: 'succeed', output: { route: { type: 'static', value: 'late' } } },
      { id: 'due', type: 'succeed', output: { route: { type: 'static', value: 'due' } } },
      { id: 'fine', type: 'succeed', output: { route: { type: 'static', value: 'fine' } } },
    ];
    const routeFor = (days: number) => runHarness(definitionWith(steps)).start({ days }).state.output;
    expect([routeFor(45), routeFor(5), routeFor(0)]).toEqual([{ route: 'late' }, { route: 'due' }, { route: 'fine' }]);
  });

  it('a step without next ends the run with a null output', () => {
    const run = runHarness(definitionWith([{ id: 'only', type: 'set', assign: { total: 1 } }], counter));
    expect(run.start().commands).toEqual([{ type: 'complete', output: null }]);
  });

  it('fail step fails the run with its kind, message and step', () => {
    const run = runHarness(definitionWith([{ id: 'stop', type: 'fail', error: { kind: 'InvoiceDisputed', message: 'The customer disputes the invoice' } }]));
    const result = run.start();
    expect(result.state.status).toBe('failed');
    expect(result.commands).toEqual([{ type: 'fail', error: { kind: 'InvoiceDisputed', message: 'The customer disputes the invoice', stepId: 'stop' } }]);
  });

  it('an expression that cannot be evaluated fails the run with ExpressionError naming the step', () => {
    const run = runHarness(definitionWith([{ id: 'calc', type: 'set', assign: { total: { date_add_days: ['not a date', 1] } } }], counter));
    expect(run.start().state.error).toEqual({ kind: 'ExpressionError', stepId: 'calc', message: expect.stringMatching(/^step "calc" assign.total: date_add_days needs a date/) });
  });

  it('reads today from the clock input in the tenant time zone', () => {
    const steps: Step[] = [{ id: 'done', type: 'succeed', output: { today: { type: 'logic', rule: { var: 'today' } }, now: { type: 'logic', rule: { var: 'now' } } } }];
    const run = runHarness(definitionWith(steps));
    expect(run.start({}, '2024-01-31T23:30:00.000Z', 'Asia/Tokyo').state.output).toEqual({ today: '2024-02-01', now: '2024-01-31T23:30:00.000Z' });
  });
});

describe('interpreter: purity and lifecycle', () => {
  const waiting = definitionWith([{ id: 'pause', type: 'wait', duration: 'P1D' }]);

  it('does not mutate the state it is given, and gives the same answer twice', () => {
    const interpreter = createInterpreter(waiting);
    const before = interpreter.initialState();
    const frozen = JSON.stringify(before);
    const first = interpreter.step(before, { type: 'start', input: {}, now: T0, timeZone: 'UTC' });
    const second = interpreter.step(before, { type: 'start', input: {}, now: T0, timeZone: 'UTC' });
    expect(JSON.stringify(before)).toBe(frozen);
    expect(second).toEqual(first);
  });

  it('ignores events after the run has finished', () => {
    const run = runHarness(definitionWith([{ id: 'done', type: 'succeed' }]));
    run.start();
    expect(run.send({ type: 'cancel', reason: 'too late', now: T0 })).toMatchObject({ commands: [], ignored: 'the run has already succeeded' });
  });

  it('ignores a second start and events before the start', () => {
    const run = runHarness(waiting);
    expect(run.send({ type: 'timerFired', token: 'x', now: T0 }).ignored).toBe('the run has not started');
    run.start();
    expect(run.start().ignored).toBe('the run has already started');
  });

  it('cancel withdraws what the run waits for and ends it as cancelled', () => {
    const run = runHarness(waiting);
    run.start();
    const timer = run.last('startTimer');
    const result = run.send({ type: 'cancel', reason: 'customer left', now: T0 });
    expect(result.state.status).toBe('cancelled');
    expect(result.commands).toEqual([{ type: 'cancelWait', token: timer.token, kind: 'timer' }, { type: 'cancelled', reason: 'customer left' }]);
  });

  it('ignores a timer token it does not know', () => {
    const run = runHarness(waiting);
    run.start();
    expect(run.send({ type: 'timerFired', token: 'pause#999', now: T0 }).ignored).toBe('nothing waits for timer pause#999');
  });

  it('counts handled events and emitted commands toward the history length', () => {
    const run = runHarness(waiting);
    run.start();
    expect(run.state.historyLength).toBe(2);
    run.send({ type: 'timerFired', token: run.last('startTimer').token, now: '2024-02-01T09:00:00.000Z' });
    expect(run.state.historyLength).toBe(4);
  });

  it('fails with StepLimitExceeded rather than hang on a loop that never waits', () => {
    const run = runHarness(definitionWith([{ id: 'spin', type: 'set', assign: { total: { '+': [{ var: 'vars.total' }, 1] } }, next: 'spin' }], counter));
    expect(run.start().state.error).toMatchObject({ kind: 'StepLimitExceeded', stepId: 'spin' });
  });

  it('fails the run when started in a time zone that does not exist', () => {
    const run = runHarness(waiting);
    expect(run.start({}, T0, 'Mars/Base').state.error).toMatchObject({ kind: 'ExpressionError', message: '"Mars/Base" is not an IANA time zone' });
  });
});
