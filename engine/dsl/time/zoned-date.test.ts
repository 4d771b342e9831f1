import { isValidTimeZone } from './time-zone';
import { calendarDateAt, instantAtDateTime } from './zoned-date';

describe('zoned dates', () => {
  it('reads the calendar date in the tenant zone, not in UTC', () => {
    expect(calendarDateAt('2024-01-31T23:30:00Z', 'UTC')).toBe('2024-01-31');
    expect(calendarDateAt('2024-01-31T23:30:00Z', 'Europe/Paris')).toBe('2024-02-01');
    expect(calendarDateAt('2024-02-01T03:00:00Z', 'America/New_York')).toBe('2024-01-31');
  });

  it('finds the instant of a local date and time of day, in summer and in winter', () => {
    expect(instantAtDateTime('2024-07-01', '09:00', 'Europe/Paris')).toBe('2024-07-01T07:00:00.000Z');
    expect(instantAtDateTime('2024-01-15', undefined, 'Europe/Paris')).toBe('2024-01-14T23:00:00.000Z');
  });

  it('moves a time skipped by the spring DST jump forward by the gap', () => {
    expect(instantAtDateTime('2024-03-31', '02:30', 'Europe/Paris')).toBe('2024-03-31T01:30:00.000Z');
  });

  it('tells IANA zones from made-up ones', () => {
    expect(isValidTimeZone('Europe/Paris')).toBe(true);
    expect(isValidTimeZone('Mars/Olympus_Mons')).toBe(false);
  });
});
