import { definitionWith, minimalDefinition } from '../testing/definition-builders';
import { checkTriggers, cronProblem } from './triggers';

const schedule = (cron: string, timeZone: string) =>
  definitionWith(minimalDefinition().steps, { triggers: [{ type: 'schedule', cron, timeZone, overlapPolicy: 'skip', catchupWindow: 'PT1H' }] });

describe('checkTriggers', () => {
  it('accepts a valid cron in an IANA zone', () => {
    expect(checkTriggers(schedule('0 9 1-7,15 */2 1', 'Europe/Paris'))).toEqual([]);
  });

  it('refuses an unknown time zone', () => {
    expect(checkTriggers(schedule('0 9 * * *', 'Paris'))).toEqual([{ pointer: '/triggers/0/timeZone', message: '"Paris" is not an IANA time zone such as Europe/Paris' }]);
  });

  it('names the cron field that is out of range', () => {
    expect(cronProblem('0 25 * * *')).toBe('has an invalid hour field "25" (allowed 0-23, *, ranges, lists and /steps)');
    expect(cronProblem('0 9 * *')).toBe('must have five fields (minute hour day-of-month month day-of-week), not 4');
    expect(checkTriggers(schedule('61 9 * * *', 'UTC'))[0].pointer).toBe('/triggers/0/cron');
  });
});
