import { addCalendarDays, addCalendarMonths, formatCalendarDate, parseCalendarDate } from '../dsl/time/calendar-date';

export type IntervalUnit = 'day' | 'week' | 'month';

export interface ScheduleTerms {
  totalMinor: number;
  count: number;
  firstDueDate: string;
  intervalUnit: IntervalUnit;
  intervalCount: number;
}

export interface ScheduledInstallment {
  sequence: number;
  dueDate: string;
  principalMinor: number;
}

/**
 * Splits a total into `count` installments in minor units; the remainder goes on the last one, so they sum to the total.
 * Each due date is computed from the first due date (never chained), clamping to the month's last day:
 * first due 2024-01-31, monthly → 2024-02-29, 2024-03-31, 2024-04-30.
 */
export function scheduleInstallments(terms: ScheduleTerms): ScheduledInstallment[] {
  const { totalMinor, count, firstDueDate, intervalUnit, intervalCount } = terms;
  if (!Number.isSafeInteger(totalMinor) || totalMinor < 0) throw new RangeError('totalMinor must be a whole number of minor units, at least 0');
  if (!Number.isSafeInteger(count) || count < 1) throw new RangeError('count must be a whole number, at least 1');
  if (!Number.isSafeInteger(intervalCount) || intervalCount < 1) throw new RangeError('intervalCount must be a whole number, at least 1');
  const first = parseCalendarDate(firstDueDate);
  if (!first) throw new RangeError(`firstDueDate must be a date in the form YYYY-MM-DD, got ${firstDueDate}`);
  const base = Math.floor(totalMinor / count);
  return Array.from({ length: count }, (_, index) => {
    const steps = index * intervalCount;
    const due =
      intervalUnit === 'month' ? addCalendarMonths(first, steps) : addCalendarDays(first, intervalUnit === 'week' ? steps * 7 : steps);
    return {
      sequence: index + 1,
      dueDate: formatCalendarDate(due),
      principalMinor: index === count - 1 ? totalMinor - base * (count - 1) : base,
    };
  });
}
