/** Random event sequences for a run: mostly answers to what it waits for, plus stray, duplicate and cancel events. */
import fc from 'fast-check';
import type { RunEvent } from '../interpreter/run-messages';
import type { RunState } from '../interpreter/run-state';
import { EVENT_NAMES } from './definition-arbitrary';

export interface PlannedEvent {
  choice: number;
  pick: number;
  advanceMinutes: number;
}

export const eventPlanArbitrary: fc.Arbitrary<PlannedEvent[]> = fc.array(
  fc.record({ choice: fc.nat(99), pick: fc.nat(1000), advanceMinutes: fc.nat(60 * 24 * 40) }),
  { maxLength: 40 },
);

/** The event a plan entry stands for, given what the run waits for now. */
export function plannedEvent(state: RunState, planned: PlannedEvent, now: string): RunEvent {
  const { choice, pick } = planned;
  const pending = Object.values(state.pending);
  if (choice < 60 && pending.length > 0) {
    const target = pending[pick % pending.length];
    const token = target.token;
    switch (target.kind) {
      case 'activity':
        return pick % 3 === 0
          ? { type: 'activityFailed', token, error: { kind: pick % 2 ? 'Declined' : 'Boom', message: 'generated' }, attemptsExhausted: pick % 2 === 0, now }
          : { type: 'activityCompleted', token, result: { pick }, now };
      case 'timer':
        return { type: 'timerFired', token, now };
      case 'event':
        return pick % 4 === 0 ? { type: 'timerFired', token, now } : { type: 'eventReceived', name: target.event, payload: { ok: pick % 2 === 0 }, eventId: `e${pick % 7}`, now };
      case 'child':
        return { type: 'childCompleted', token, outcome: pick % 3 ? { status: 'succeeded', output: pick } : { status: 'failed', error: { kind: 'ChildFailed', message: 'generated' } }, now };
      case 'approval':
        return pick % 3 === 0 ? { type: 'timerFired', token, now } : { type: 'approvalDecided', token, decision: pick % 2 ? 'approved' : 'rejected', decidedBy: 'u1', now };
    }
  }
  if (choice < 85) return { type: 'eventReceived', name: EVENT_NAMES[pick % EVENT_NAMES.length], payload: { ok: pick % 2 === 1 }, eventId: `e${pick % 7}`, now };
  if (choice < 95) return pick % 2 ? { type: 'timerFired', token: `ghost#${pick}`, now } : { type: 'activityCompleted', token: `ghost#${pick}`, result: null, now };
  return { type: 'cancel', reason: 'generated', now };
}
