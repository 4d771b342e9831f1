import { canRetry, isOpen, runStatusLabel, runStatusTone, RUN_STATUSES, startedByLabel } from './run-status';

test('every API run status has words, and an unknown status is shown as it came', () => {
  expect(RUN_STATUSES.map(runStatusLabel)).toEqual(['Running', 'Completed', 'Failed', 'Canceled', 'Terminated', 'Timed out']);
  expect(runStatusLabel('paused')).toBe('paused');
});

test('badge tones: running is active, completed good, failures bad, canceled neutral', () => {
  expect(RUN_STATUSES.map(runStatusTone)).toEqual(['active', 'good', 'bad', 'neutral', 'bad', 'bad']);
});

test('only runs that ended without finishing can be retried, and only running runs take events', () => {
  expect(RUN_STATUSES.filter(canRetry)).toEqual(['failed', 'canceled', 'terminated', 'timed_out']);
  expect(RUN_STATUSES.filter(isOpen)).toEqual(['running']);
});

describe('startedByLabel', () => {
  it('says in words who started a run, and keeps a trigger it does not know as named', () => {
    expect([startedByLabel('manual'), startedByLabel('api'), startedByLabel('schedule'), startedByLabel('later-kind')]).toEqual([
      'a person (studio or signed-in API call)',
      'an integration (API key)',
      'its schedule',
      'later-kind',
    ]);
  });
});
