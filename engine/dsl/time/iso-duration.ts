/** ISO 8601 durations (P1Y2M10DT2H30M, P2W) and calendar-aware addition to dates and instants. */
import { addCalendarDays, addCalendarMonths, formatCalendarDate, parseCalendarDate } from './calendar-date';
import { formatInstant, instantOfWallClock, parseInstant, wallClockAt } from './time-zone';

export interface IsoDuration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  hours: number;
  minutes: number;
  seconds: number; // may carry up to three decimals
}

const DURATION_PATTERN =
  /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d{1,3})?)S)?)?$/;

export function parseIsoDuration(text: unknown): IsoDuration | null {
  if (typeof text !== 'string') return null;
  const match = DURATION_PATTERN.exec(text);
  if (!match || text === 'P' || text.endsWith('T')) return null;
  const [years, months, weeks, days, hours, minutes, seconds] = match.slice(1).map((part) => (part ? Number(part) : 0));
  const wholeUnits = [years, months, weeks, days, hours, minutes];
  if (!wholeUnits.every(Number.isSafeInteger) || !Number.isFinite(seconds)) return null;
  return { years, months, weeks, days, hours, minutes, seconds };
}

export function parseIsoDurationOrThrow(text: string): IsoDuration {
  const duration = parseIsoDuration(text);
  if (!duration) throw new Error(`"${text}" is not an ISO 8601 duration such as P1D, PT2H30M or P1M`);
  return duration;
}

export function isZeroDuration(d: IsoDuration): boolean {
  return Object.values(d).every((part) => part === 0);
}

export function hasCalendarMonths(d: IsoDuration): boolean {
  return d.years !== 0 || d.months !== 0;
}

/** Milliseconds of a duration without years or months; those have no fixed length. */
export function fixedDurationMs(d: IsoDuration): number {
  if (hasCalendarMonths(d)) throw new Error('a duration in months or years has no fixed length');
  const wholeDays = d.weeks * 7 + d.days;
  return ((wholeDays * 24 + d.hours) * 60 + d.minutes) * 60_000 + Math.round(d.seconds * 1000);
}

/** Adds to a YYYY-MM-DD date: years and months first (clamping the day), then weeks and days. */
export function addDurationToDate(date: string, d: IsoDuration): string {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new Error(`"${date}" is not a date in the form YYYY-MM-DD`);
  if (d.hours || d.minutes || d.seconds) throw new Error('a duration added to a date cannot have hours, minutes or seconds');
  const shifted = addCalendarMonths(parsed, d.years * 12 + d.months);
  return formatCalendarDate(addCalendarDays(shifted, d.weeks * 7 + d.days));
}

/**
 * Adds to a UTC instant the way a person in `timeZone` reads a calendar: years, months and days move the
 * wall-clock date (keeping the time of day across DST), then hours, minutes and seconds are exact elapsed time.
 */
export function addDurationToInstant(instant: string, d: IsoDuration, timeZone: string): string {
  const start = parseInstant(instant);
  let epochMs = start;
  if (hasCalendarMonths(d) || d.weeks || d.days) {
    const clock = wallClockAt(start, timeZone);
    const shifted = addCalendarDays(addCalendarMonths(clock, d.years * 12 + d.months), d.weeks * 7 + d.days);
    epochMs = instantOfWallClock({ ...clock, ...shifted }, timeZone);
  }
  epochMs += ((d.hours * 60 + d.minutes) * 60) * 1000 + Math.round(d.seconds * 1000);
  return formatInstant(epochMs);
}
