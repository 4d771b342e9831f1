import { addCalendarDays, addCalendarMonths, calendarDaysBetween, fromDayNumber, parseCalendarDate, toDayNumber } from './calendar-date';

const date = (text: string) => {
  const parsed = parseCalendarDate(text);
  if (!parsed) throw new Error(`bad test date ${text}`);
  return parsed;
};

describe('calendar dates', () => {
  it('rejects impossible dates such as 2023-02-29 and 2024-13-01', () => {
    expect(parseCalendarDate('2023-02-29')).toBeNull();
    expect(parseCalendarDate('2024-13-01')).toBeNull();
    expect(parseCalendarDate('2024-2-01')).toBeNull();
    expect(parseCalendarDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
  });

  it('numbers 1970-01-01 as day 0 and round-trips day numbers across centuries', () => {
    expect(toDayNumber(date('1970-01-01'))).toBe(0);
    expect(toDayNumber(date('2000-03-01'))).toBe(11017);
    for (const n of [-800000, -1, 0, 59, 60, 11016, 2932896]) expect(toDayNumber(fromDayNumber(n))).toBe(n);
  });

  it('adds days across a leap day', () => {
    expect(addCalendarDays(date('2024-02-28'), 1)).toEqual(date('2024-02-29'));
    expect(addCalendarDays(date('2023-02-28'), 1)).toEqual(date('2023-03-01'));
  });

  it('clamps month addition to the end of a shorter month, and goes backwards across years', () => {
    expect(addCalendarMonths(date('2024-01-31'), 1)).toEqual(date('2024-02-29'));
    expect(addCalendarMonths(date('2023-01-31'), 1)).toEqual(date('2023-02-28'));
    expect(addCalendarMonths(date('2024-03-31'), -13)).toEqual(date('2023-02-28'));
  });

  it('counts days between dates with a sign', () => {
    expect(calendarDaysBetween(date('2024-01-01'), date('2025-01-01'))).toBe(366);
    expect(calendarDaysBetween(date('2024-03-01'), date('2024-02-28'))).toBe(-2);
  });
});
