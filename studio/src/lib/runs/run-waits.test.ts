import { currentSteps, isPaymentEvent } from './run-waits';
import type { RunStateAnswer } from './run-types';

const state = (positions: RunStateAnswer['positions']): RunStateAnswer => ({ status: 'waiting', positions, vars: {}, definitionKey: 'k', definitionVersion: 1 });

test('each waiting thread says what it waits for: the event name, the timer instant, the approval deadline', () => {
  const steps = currentSteps(state([
    { threadId: 't0', stepId: 'awaitPayment', stepType: 'waitForEvent', items: {}, waitingFor: { kind: 'event', stepId: 'awaitPayment', event: 'payment.received', timeoutAt: '2026-12-01T09:00:00.000Z' } },
    { threadId: 't1', stepId: 'pause', stepType: 'wait', items: {}, waitingFor: { kind: 'timer', stepId: 'pause', fireAt: '2026-11-26T00:00:00.000Z' } },
    { threadId: 't2', stepId: 'ask', stepType: 'approval', items: {}, waitingFor: { kind: 'approval', stepId: 'ask' } },
    { threadId: 't3', stepId: 'send', stepType: 'action', items: {}, waitingFor: { kind: 'activity', stepId: 'send', failedAttempts: 2 } },
    { threadId: 't4', stepId: 'fan', stepType: 'parallel', items: {}, waitingFor: { kind: 'branches', frameId: 'f1' } },
  ]));
  expect(steps).toEqual([
    { stepId: 'awaitPayment', stepType: 'waitForEvent', event: 'payment.received', waiting: 'Waiting for event payment.received until 2026-12-01 09:00 UTC' },
    { stepId: 'pause', stepType: 'wait', waiting: 'Waiting until 2026-11-26 00:00 UTC' },
    { stepId: 'ask', stepType: 'approval', waiting: 'Waiting for an approval decision' },
    { stepId: 'send', stepType: 'action', waiting: 'Running an action (2 failed attempts so far)' },
    { stepId: 'fan', stepType: 'parallel', waiting: 'Waiting for its branches to finish' },
  ]);
});

test('no state (engine unavailable or run closed) means no current steps', () => {
  expect(currentSteps(null)).toEqual([]);
  expect(currentSteps(state([]))).toEqual([]);
});

test('payment.received is the event recorded through a payment form', () => {
  expect([isPaymentEvent('payment.received'), isPaymentEvent('invoice.disputed'), isPaymentEvent(undefined)]).toEqual([true, false, false]);
});
