import type { Step } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { runHarness, T0 } from '../testing/run-harness';

const done: Step = { id: 'done', type: 'succeed', output: { how: { type: 'static', value: 'paid' } } };
const gaveUp: Step = { id: 'gaveUp', type: 'succeed', output: { how: { type: 'static', value: 'timeout' } } };

describe('interpreter: wait', () => {
  it('starts a timer for a duration, in calendar months with end-of-month clamping', () => {
    const run = runHarness(definitionWith([{ id: 'pause', type: 'wait', duration: 'P1M', next: 'done' }, done]));
    run.start({}, '2024-01-31T09:00:00.000Z');
    expect(run.last('startTimer')).toEqual({ type: 'startTimer', token: 'pause#2', stepId: 'pause', fireAt: '2024-02-29T09:00:00.000Z' });
  });

  it('continues to next when the timer fires', () => {
    const run = runHarness(definitionWith([{ id: 'pause', type: 'wait', duration: 'P1D', next: 'done' }, done]));
    run.start();
    expect(run.send({ type: 'timerFired', token: run.last('startTimer').token, now: '2024-02-01T09:00:00.000Z' }).state.output).toEqual({ how: 'paid' });
  });

  it('waits until a computed date at a time of day in the tenant time zone', () => {
    const until = { date: { date_add_days: [{ var: 'input.dueDate' }, 3] }, time: '09:30' };
    const run = runHarness(definitionWith([{ id: 'remind', type: 'wait', until, next: 'done' }, done], { inputSchema: { type: 'object' } }));
    run.start({ dueDate: '2024-07-01' }, T0, 'Europe/Paris');
    expect(run.last('startTimer').fireAt).toBe('2024-07-04T07:30:00.000Z');
  });

  it('goes straight on when the computed date has already passed', () => {
    const run = runHarness(definitionWith([{ id: 'remind', type: 'wait', until: { date: '2020-01-01' }, next: 'done' }, done]));
    expect(run.start().commands).toEqual([{ type: 'complete', output: { how: 'paid' } }]);
  });

  it('fails with ExpressionError when until does not compute a date', () => {
    const run = runHarness(definitionWith([{ id: 'remind', type: 'wait', until: { date: 42 }, next: 'done' }, done]));
    expect(run.start().state.error).toMatchObject({ kind: 'ExpressionError', stepId: 'remind' });
  });
});

describe('interpreter: waitForEvent', () => {
  const waitForPayment: Step = {
    id: 'paid', type: 'waitForEvent', event: 'payment.received', match: { '==': [{ var: 'event.invoiceId' }, { var: 'input.invoiceId' }] },
    timeout: 'P14D', onTimeout: 'gaveUp', resultVariable: 'payment', next: 'done',
  };
  const definition = definitionWith([waitForPayment, done, gaveUp], { variables: { payment: { initial: null } }, inputSchema: { type: 'object' } });
  const started = () => {
    const run = runHarness(definition);
    run.start({ invoiceId: 'inv_1' });
    return run;
  };
  const payment = (invoiceId: string, eventId: string) => ({ type: 'eventReceived' as const, name: 'payment.received', payload: { invoiceId, amount: 500 }, eventId, now: T0 });

  it('subscribes with the match and a timeout instant', () => {
    expect(started().last('waitForEvent')).toEqual({
      type: 'waitForEvent', token: 'paid#2', stepId: 'paid', event: 'payment.received', match: waitForPayment.type === 'waitForEvent' ? waitForPayment.match : null, timeoutAt: '2024-02-14T09:00:00.000Z',
    });
  });

  it('resumes on a matching event, stores the payload and withdraws the timeout', () => {
    const run = started();
    const result = run.send(payment('inv_1', 'evt_1'));
    expect(result.state.vars.payment).toEqual({ invoiceId: 'inv_1', amount: 500 });
    expect(result.commands).toEqual([{ type: 'cancelWait', token: 'paid#2', kind: 'event' }, { type: 'complete', output: { how: 'paid' } }]);
  });

  it('keeps waiting when the event does not match', () => {
    const run = started();
    expect(run.send(payment('inv_2', 'evt_1')).state.status).toBe('waiting');
    expect(run.state.pending['paid#2']).toBeDefined();
  });

  it('takes the onTimeout branch when the timeout fires first', () => {
    const run = started();
    expect(run.send({ type: 'timerFired', token: 'paid#2', now: '2024-02-14T09:00:00.000Z' }).state.output).toEqual({ how: 'timeout' });
  });

  it('ignores a duplicate event id, even when it would match', () => {
    const run = started();
    run.send(payment('inv_2', 'evt_1'));
    const duplicate = run.send(payment('inv_1', 'evt_1'));
    expect(duplicate).toMatchObject({ commands: [], ignored: 'event evt_1 was already received' });
    expect(run.state.status).toBe('waiting');
  });

  it('buffers an event that arrives before the step waits for it, and consumes it then', () => {
    const first: Step = { id: 'call', type: 'action', action: 'core.sendEmail', next: 'paid' };
    const run = runHarness(definitionWith([first, waitForPayment, done, gaveUp], { variables: { payment: { initial: null } }, inputSchema: { type: 'object' } }));
    run.start({ invoiceId: 'inv_1' });
    run.send(payment('inv_1', 'evt_early'));
    expect(run.state.inbox).toHaveLength(1);
    const result = run.send({ type: 'activityCompleted', token: run.last('scheduleActivity').token, result: null, now: T0 });
    expect(result.state.output).toEqual({ how: 'paid' });
    expect(result.state.inbox).toEqual([]);
  });

  it('ignores a timer for a wait that has no timeout', () => {
    const run = runHarness(definitionWith([{ id: 'paid', type: 'waitForEvent', event: 'payment.received', next: 'done' }, done]));
    run.start();
    const token = run.last('waitForEvent').token;
    expect(run.send({ type: 'timerFired', token, now: T0 }).ignored).toBe(`nothing waits for timer ${token}`);
    expect(run.state.pending[token]).toBeDefined();
  });

  it('drops events no step listens for instead of buffering them', () => {
    const run = started();
    expect(run.send({ type: 'eventReceived', name: 'invoice.sent', payload: {}, eventId: 'e', now: T0 }).ignored).toBe('no step of this definition waits for invoice.sent');
  });
});
