import type { Step } from '../../../definitions/generated/definition';
import { definitionWith } from '../testing/definition-builders';
import { checkDurations } from './durations';

const action = (fields: Partial<Extract<Step, { type: 'action' }>>): Step => ({ id: 'call', type: 'action', action: 'core.sendEmail', ...fields });

describe('checkDurations', () => {
  it('accepts fixed-length timeouts and a calendar-month wait', () => {
    const steps: Step[] = [action({ timeout: 'PT30S', retry: { initialInterval: 'PT1S', maximumInterval: 'PT1M' }, next: 'pause' }), { id: 'pause', type: 'wait', duration: 'P1M' }];
    expect(checkDurations(definitionWith(steps))).toEqual([]);
  });

  it('refuses a timeout in months, which has no fixed length', () => {
    expect(checkDurations(definitionWith([action({ timeout: 'P1M' })]))).toEqual([
      { pointer: '/steps/0/timeout', message: 'a timeout must have a fixed length: use weeks, days, hours, minutes or seconds, not months or years' },
    ]);
  });

  it('refuses zero-length timeouts and waits', () => {
    expect(checkDurations(definitionWith([action({ timeout: 'PT0S' })]))[0].message).toBe('a timeout must be longer than zero');
    expect(checkDurations(definitionWith([{ id: 'pause', type: 'wait', duration: 'P0D' }]))[0]).toEqual({ pointer: '/steps/0/duration', message: 'a wait must be longer than zero' });
  });

  it('refuses a maximumInterval shorter than the initialInterval', () => {
    expect(checkDurations(definitionWith([action({ retry: { initialInterval: 'PT10M', maximumInterval: 'PT1M' } })]))).toEqual([
      { pointer: '/steps/0/retry/maximumInterval', message: 'must not be shorter than initialInterval (PT10M)' },
    ]);
  });

  it('reports a timeout that is not an ISO duration when called on an unchecked definition', () => {
    expect(checkDurations(definitionWith([action({ timeout: 'PT' })]))[0].message).toBe('"PT" is not an ISO 8601 duration such as P1D, PT2H30M or P1M');
  });
});
