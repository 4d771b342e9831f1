import { parseExactDecimal, powerOfTen } from '../../dsl/logic/decimal';
import { divideRounded } from '../../dsl/logic/rounding';
import { addCalendarDays, formatCalendarDate, parseCalendarDate, toDayNumber } from '../../dsl/time/calendar-date';

/** Principal paid (positive) or given back by a reversal (negative) on a date, in the tenant's calendar. */
export interface PrincipalMovement {
  on: string;
  principalMinor: number;
}

export interface InterestQuestion {
  principalMinor: number;
  dueDate: string;
  /** The last day counted (inclusive). */
  through: string;
  monthlyInterestPercent: string;
  movements: PrincipalMovement[];
}

function dayNumber(date: string): number {
  const parsed = parseCalendarDate(date);
  if (!parsed) throw new RangeError(`"${date}" is not a date in the form YYYY-MM-DD`);
  return toDayNumber(parsed);
}

function exactPercent(percent: string): { coefficient: bigint; denominator: bigint } {
  const parsed = parseExactDecimal(percent);
  if (!parsed || parsed.coefficient < 0n) throw new RangeError(`"${percent}" is not a percentage`);
  return { coefficient: parsed.coefficient, denominator: powerOfTen(parsed.scale) * 100n };
}

/** Whole days from the due date to `asOf`: 1 on the day after the due date, 0 or less before it is late. */
export function daysLate(dueDate: string, asOf: string): number {
  return dayNumber(asOf) - dayNumber(dueDate);
}

/** Charges apply once the installment is more than `graceDays` days late. */
export function chargesApply(dueDate: string, asOf: string, graceDays: number): boolean {
  return daysLate(dueDate, asOf) > graceDays;
}

/** The first day an unpaid installment is overdue: the day after its due date. */
export function firstOverdueDate(dueDate: string): string {
  return formatCalendarDate(addCalendarDays(parseCalendarDate(dueDate)!, 1));
}

/** The late fee: percent of the principal, rounded half up to the minor unit. 5% of 83 333 = 4 166.65 → 4 167. */
export function lateFeeMinor(principalMinor: number, percent: string): number {
  const { coefficient, denominator } = exactPercent(percent);
  return Number(divideRounded(BigInt(principalMinor) * coefficient, denominator, 'half_up'));
}

/**
 * Interest through `through`: for each day late (due date + 1 … through), the principal still open that day × the
 * monthly percent / 30, summed exactly and rounded half up once. A payment of principal dated D lowers the principal
 * from D + 1 (the day it arrives still counts as late at the old principal); a reversal dated D raises it from D + 1.
 * 83 333 at 1.5 % for 12 days: 83 333 × 1.5 × 12 / 3000 = 499.998 → 500.
 */
export function interestThroughMinor(question: InterestQuestion): number {
  const due = dayNumber(question.dueDate);
  const end = dayNumber(question.through);
  if (end <= due) return 0;
  const changes = question.movements
    .map((movement) => ({ day: Math.max(dayNumber(movement.on) + 1, due + 1), delta: movement.principalMinor }))
    .filter((change) => change.day <= end)
    .sort((a, b) => a.day - b.day);
  let open = question.principalMinor;
  let cursor = due + 1;
  let principalDays = 0n;
  for (const change of changes) {
    principalDays += BigInt(Math.max(open, 0)) * BigInt(change.day - cursor);
    cursor = change.day;
    open -= change.delta;
  }
  principalDays += BigInt(Math.max(open, 0)) * BigInt(end + 1 - cursor);
  const { coefficient, denominator } = exactPercent(question.monthlyInterestPercent);
  return Number(divideRounded(principalDays * coefficient, denominator * 30n, 'half_up'));
}
