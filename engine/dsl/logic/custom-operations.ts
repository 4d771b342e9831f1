/** The deterministic operations Ledgerflow adds to json-logic; definitions/README.md documents each with examples. */
import { dateAddDays, dateAddMonths, daysBetween } from './date-operations';
import { moneyAdd, moneyMul, moneySub, percentOf } from './money-operations';
import { objectFromPairs } from './object-operations';

export interface CustomOperation {
  minArguments: number;
  maxArguments: number;
  run: (...args: unknown[]) => unknown;
}

const MANY = Number.POSITIVE_INFINITY;

export const CUSTOM_OPERATIONS: Readonly<Record<string, CustomOperation>> = {
  date_add_days: { minArguments: 2, maxArguments: 2, run: (date, days) => dateAddDays(date, days) },
  date_add_months: { minArguments: 2, maxArguments: 2, run: (date, months) => dateAddMonths(date, months) },
  days_between: { minArguments: 2, maxArguments: 2, run: (from, to) => daysBetween(from, to) },
  money_add: { minArguments: 1, maxArguments: MANY, run: (...amounts) => moneyAdd(...amounts) },
  money_sub: { minArguments: 2, maxArguments: MANY, run: (first, ...rest) => moneySub(first, ...rest) },
  money_mul: { minArguments: 3, maxArguments: 3, run: (amount, factor, rounding) => moneyMul(amount, factor, rounding) },
  percent_of: { minArguments: 3, maxArguments: 3, run: (amount, percent, rounding) => percentOf(amount, percent, rounding) },
  object: { minArguments: 2, maxArguments: MANY, run: (...pairs) => objectFromPairs(...pairs) },
};
