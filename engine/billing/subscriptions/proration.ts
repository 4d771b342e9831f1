import { calendarDaysBetween, parseCalendarDate } from '../../dsl/time/calendar-date';
import { divideRounded, type RoundingMode } from '../../dsl/logic/rounding';

export interface ProrationInput {
  oldAmountMinor: number;
  newAmountMinor: number;
  /** The current period, [periodStart, periodEnd): the end is the next period's first day. */
  periodStart: string;
  periodEnd: string;
  /** The tenant's calendar date the change takes effect; it is the first day on the new plan. */
  changeDate: string;
  rounding: RoundingMode;
}

export interface Proration {
  daysInPeriod: number;
  daysRemaining: number;
  /** What the unused days of the old plan are worth, as a positive amount (booked as a negative line). */
  creditMinor: number;
  chargeMinor: number;
  netMinor: number;
}

/**
 * Prorates a plan change by days of the period (definitions/subscription-states.md has a worked example):
 *   daysInPeriod  = periodEnd − periodStart          daysRemaining = periodEnd − changeDate
 *   credit = round(oldAmount × daysRemaining / daysInPeriod)
 *   charge = round(newAmount × daysRemaining / daysInPeriod)
 *   net    = charge − credit
 * Each product is exact in bigint and rounded once, to the minor unit, with the named mode.
 */
export function prorate(input: ProrationInput): Proration {
  const start = parseCalendarDate(input.periodStart);
  const end = parseCalendarDate(input.periodEnd);
  const change = parseCalendarDate(input.changeDate);
  if (!start || !end || !change) throw new RangeError(`Proration needs YYYY-MM-DD dates, got ${input.periodStart}, ${input.periodEnd}, ${input.changeDate}`);
  for (const amount of [input.oldAmountMinor, input.newAmountMinor]) {
    if (!Number.isSafeInteger(amount) || amount < 0) throw new RangeError(`A plan amount must be whole minor units, at least 0, not ${amount}`);
  }
  const daysInPeriod = calendarDaysBetween(start, end);
  const daysRemaining = calendarDaysBetween(change, end);
  if (daysInPeriod <= 0) throw new RangeError(`The period ${input.periodStart} to ${input.periodEnd} is empty`);
  if (daysRemaining <= 0 || daysRemaining > daysInPeriod) throw new RangeError(`The change date ${input.changeDate} is not within the period ${input.periodStart} to ${input.periodEnd}`);
  const share = (amount: number) => Number(divideRounded(BigInt(amount) * BigInt(daysRemaining), BigInt(daysInPeriod), input.rounding));
  const creditMinor = share(input.oldAmountMinor);
  const chargeMinor = share(input.newAmountMinor);
  return { daysInPeriod, daysRemaining, creditMinor, chargeMinor, netMinor: chargeMinor - creditMinor };
}
