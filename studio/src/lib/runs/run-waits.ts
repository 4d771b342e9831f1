/** What a run is doing right now, in words: one line per thread from the `state` query's positions. */
import { utcMinute } from './timeline-rows';
import type { RunStateAnswer } from './run-types';

export interface CurrentStep {
  stepId: string;
  stepType: string;
  waiting: string;
  /** The event this step waits for, so the page can offer to send exactly it. */
  event?: string;
}

export function currentSteps(state: RunStateAnswer | null): CurrentStep[] {
  if (!state) return [];
  return state.positions.map((position) => {
    const wait = position.waitingFor;
    const base = { stepId: position.stepId, stepType: position.stepType };
    if (!wait) return { ...base, waiting: 'Working' };
    switch (wait.kind) {
      case 'event':
        return { ...base, event: wait.event, waiting: `Waiting for event ${wait.event}${wait.timeoutAt ? ` until ${utcMinute(wait.timeoutAt)}` : ''}` };
      case 'timer':
        return { ...base, waiting: `Waiting until ${utcMinute(wait.fireAt)}` };
      case 'approval':
        return { ...base, waiting: `Waiting for an approval decision${wait.timeoutAt ? ` until ${utcMinute(wait.timeoutAt)}` : ''}` };
      case 'activity':
        return { ...base, waiting: wait.failedAttempts > 0 ? `Running an action (${wait.failedAttempts} failed ${wait.failedAttempts === 1 ? 'attempt' : 'attempts'} so far)` : 'Running an action' };
      case 'child':
        return { ...base, waiting: 'Waiting for a sub-flow to finish' };
      case 'branches':
        return { ...base, waiting: 'Waiting for its branches to finish' };
      default:
        return { ...base, waiting: 'Waiting' };
    }
  });
}

/** Payment events are recorded through the payment routes (which make the event), not sent raw. */
export const isPaymentEvent = (event: string | undefined): boolean => event === 'payment.received';
