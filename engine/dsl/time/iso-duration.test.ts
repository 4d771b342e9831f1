import { addDurationToDate, addDurationToInstant, fixedDurationMs, parseIsoDuration } from './iso-duration';

describe('ISO 8601 durations', () => {
  it('parses every component of P1Y2M10DT2H30M and weeks in P2W', () => {
    expect(parseIsoDuration('P1Y2M10DT2H30M')).toEqual({ years: 1, months: 2, weeks: 0, days: 10, hours: 2, minutes: 30, seconds: 0 });
    expect(parseIsoDuration('P2W')).toMatchObject({ weeks: 2, days: 0 });
    expect(parseIsoDuration('PT0.5S')).toMatchObject({ seconds: 0.5 });
  });

  it.each(['P', 'PT', 'P1DT', '1D', 'P1H', 'PT1D', 'P-1D', 'P1.5D', 'p1d', ''])('rejects %p', (text) => {
    expect(parseIsoDuration(text)).toBeNull();
  });

  it('gives fixed lengths in milliseconds only when there are no months or years', () => {
    expect(fixedDurationMs(parseIsoDuration('P1DT1H')!)).toBe(90_000_000);
    expect(() => fixedDurationMs(parseIsoDuration('P1M')!)).toThrow(/no fixed length/);
  });

  it('adds months to a date with end-of-month clamping, then days', () => {
    expect(addDurationToDate('2024-01-31', parseIsoDuration('P1M')!)).toBe('2024-02-29');
    expect(addDurationToDate('2024-01-31', parseIsoDuration('P1M1D')!)).toBe('2024-03-01');
    expect(addDurationToDate('2024-02-29', parseIsoDuration('P1Y')!)).toBe('2025-02-28');
  });

  it('refuses to add hours to a date', () => {
    expect(() => addDurationToDate('2024-01-31', parseIsoDuration('PT1H')!)).toThrow(/cannot have hours/);
  });

  it('keeps the wall-clock time when adding a day across a DST change, but not when adding 24 hours', () => {
    // Europe/Paris moves from +01:00 to +02:00 on 2024-03-31.
    const beforeChange = '2024-03-30T08:00:00.000Z'; // 09:00 in Paris
    expect(addDurationToInstant(beforeChange, parseIsoDuration('P1D')!, 'Europe/Paris')).toBe('2024-03-31T07:00:00.000Z');
    expect(addDurationToInstant(beforeChange, parseIsoDuration('PT24H')!, 'Europe/Paris')).toBe('2024-03-31T08:00:00.000Z');
  });

  it('adds a calendar month to an instant with clamping in the tenant zone', () => {
    expect(addDurationToInstant('2024-01-31T12:00:00.000Z', parseIsoDuration('P1M')!, 'UTC')).toBe('2024-02-29T12:00:00.000Z');
  });
});
