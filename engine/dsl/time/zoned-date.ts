/** The tenant's calendar: which YYYY-MM-DD an instant falls on, and when a date and time of day begins. */
import { formatCalendarDate, parseCalendarDate } from './calendar-date';
import { formatInstant, instantOfWallClock, parseInstant, wallClockAt } from './time-zone';

export function calendarDateAt(instant: string, timeZone: string): string {
  return formatCalendarDate(wallClockAt(parseInstant(instant), timeZone));
}

/** The UTC instant of `date` at `timeOfDay` (HH:MM, default midnight) in `timeZone`. */
export function instantAtDateTime(date: string, timeOfDay: string | undefined, timeZone: string): string {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new Error(`"${String(date)}" is not a date in the form YYYY-MM-DD`);
  const [hour, minute] = (timeOfDay ?? '00:00').split(':').map(Number);
  return formatInstant(instantOfWallClock({ ...parsed, hour, minute, second: 0, millisecond: 0 }, timeZone));
}
