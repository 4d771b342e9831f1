/** Date json-logic operations on YYYY-MM-DD strings. */
import { addCalendarDays, addCalendarMonths, calendarDaysBetween, formatCalendarDate, parseCalendarDate } from '../time/calendar-date';
import { LogicOperationError } from './money-operations';

function calendarDate(operation: string, value: unknown) {
  const date = parseCalendarDate(value);
  if (!date) throw new LogicOperationError(`${operation} needs a date in the form YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return date;
}

function wholeNumber(operation: string, value: unknown): number {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw new LogicOperationError(`${operation} needs a whole number, got ${JSON.stringify(value)}`);
}

export function dateAddDays(date: unknown, days: unknown): string {
  return formatCalendarDate(addCalendarDays(calendarDate('date_add_days', date), wholeNumber('date_add_days', days)));
}

/** Clamps to the month's last day: date_add_months("2024-01-31", 1) = "2024-02-29". */
export function dateAddMonths(date: unknown, months: unknown): string {
  return formatCalendarDate(addCalendarMonths(calendarDate('date_add_months', date), wholeNumber('date_add_months', months)));
}

/** Signed whole days from `from` to `to`. */
export function daysBetween(from: unknown, to: unknown): number {
  return calendarDaysBetween(calendarDate('days_between', from), calendarDate('days_between', to));
}
