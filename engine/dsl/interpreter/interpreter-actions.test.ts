import type { Step } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { runHarness, T0 } from '../testing/run-harness';

const charge: Step = {
  id: 'charge', type: 'action', action: 'stripe@2.chargeCard', resultVariable: 'receipt', next: 'done', onError: 'notify',
  input: { amount: { type: 'logic', rule: { var: 'input.amount' } }, currency: { type: 'static', value: 'EUR' } },
  retry: { maximumAttempts: 4, initialInterval: 'PT10S', nonRetryableErrorTypes: ['CardDeclined'] }, timeout: 'PT30S',
};
const steps: Step[] = [
  charge,
  { id: 'done', type: 'succeed', output: { receipt: { type: 'logic', rule: { var: 'steps.charge.result.id' } } } },
  { id: 'notify', type: 'succeed', output: { failedWith: { type: 'logic', rule: { var: 'steps.charge.error.kind' } } } },
];
const definition = definitionWith(steps, { variables: { receipt: { initial: null } } });

function started() {
  const run = runHarness(definition);
  run.start({ amount: 4200 });
  return run;
}

describe('interpreter: action', () => {
  it('schedules the activity with evaluated input, the step retry policy with defaults filled, and its timeout', () => {
    const run = started();
    expect(run.state.status).toBe('waiting');
    expect(run.last('scheduleActivity')).toEqual({
      type: 'scheduleActivity', token: 'charge#2', stepId: 'charge', action: 'stripe@2.chargeCard', input: { amount: 4200, currency: 'EUR' },
      retry: { maximumAttempts: 4, initialInterval: 'PT10S', backoffCoefficient: 2, maximumInterval: 'PT1000S', nonRetryableErrorTypes: ['CardDeclined'] },
      timeout: 'PT30S',
    });
  });

  it('stores the result in steps.<id>.result and the result variable, then goes to next', () => {
    const run = started();
    const result = run.send({ type: 'activityCompleted', token: run.last('scheduleActivity').token, result: { id: 'ch_1' }, now: T0 });
    expect(result.state.vars.receipt).toEqual({ id: 'ch_1' });
    expect(result.commands).toEqual([{ type: 'complete', output: { receipt: 'ch_1' } }]);
  });

  it('keeps waiting after a failed attempt while the executor still retries', () => {
    const run = started();
    const token = run.last('scheduleActivity').token;
    const result = run.send({ type: 'activityFailed', token, error: { kind: 'Timeout', message: 'no answer' }, attemptsExhausted: false, now: T0 });
    expect(result.commands).toEqual([]);
    expect(result.state.status).toBe('waiting');
    expect(result.state.pending[token]).toMatchObject({ kind: 'activity', failedAttempts: 1 });
  });

  it('routes to onError once attempts are exhausted, exposing steps.<id>.error', () => {
    const run = started();
    const result = run.send({ type: 'activityFailed', token: run.last('scheduleActivity').token, error: { kind: 'ServiceUnavailable', message: '503' }, attemptsExhausted: true, now: T0 });
    expect(result.state.steps.charge).toEqual({ error: { kind: 'ServiceUnavailable', message: '503', stepId: 'charge' } });
    expect(result.commands).toEqual([{ type: 'complete', output: { failedWith: 'ServiceUnavailable' } }]);
  });

  it('routes a non-retryable error kind to onError at once, even with attempts left', () => {
    const run = started();
    const result = run.send({ type: 'activityFailed', token: run.last('scheduleActivity').token, error: { kind: 'CardDeclined', message: 'insufficient funds' }, attemptsExhausted: false, now: T0 });
    expect(result.state.output).toEqual({ failedWith: 'CardDeclined' });
  });

  it('fails the run with the activity error when the step has no onError', () => {
    const run = runHarness(definitionWith([{ ...charge, onError: undefined, resultVariable: undefined } as Step, steps[1]]));
    run.start({ amount: 1 });
    const result = run.send({ type: 'activityFailed', token: run.last('scheduleActivity').token, error: { kind: 'ServiceUnavailable', message: '503' }, attemptsExhausted: true, now: T0 });
    expect(result.state.status).toBe('failed');
    expect(result.commands).toEqual([{ type: 'fail', error: { kind: 'ServiceUnavailable', message: '503', stepId: 'charge' } }]);
  });

  it('ignores a completion delivered twice', () => {
    const run = started();
    const token = run.last('scheduleActivity').token;
    run.send({ type: 'activityCompleted', token, result: { id: 'ch_1' }, now: T0 });
    expect(run.send({ type: 'activityCompleted', token, result: { id: 'ch_2' }, now: T0 }).ignored).toMatch(/already succeeded/);
  });
});
