/** Money json-logic operations: amounts are integers in minor units (cents), factors are exact decimals. */
import { parseExactDecimal, powerOfTen } from './decimal';
import { divideRounded, isRoundingMode, ROUNDING_MODES, type RoundingMode } from './rounding';

export class LogicOperationError extends Error {
  override name = 'LogicOperationError';
}

function minorUnits(operation: string, value: unknown): bigint {
  if (typeof value === 'number' && Number.isSafeInteger(value)) return BigInt(value);
  throw new LogicOperationError(`${operation} needs whole amounts in minor units (for example 1999 for 19.99), got ${JSON.stringify(value)}`);
}

function roundingMode(operation: string, value: unknown): RoundingMode {
  if (isRoundingMode(value)) return value;
  throw new LogicOperationError(`${operation} needs a rounding mode, one of ${ROUNDING_MODES.join(', ')}; got ${JSON.stringify(value)}`);
}

function toSafeNumber(operation: string, amount: bigint): number {
  if (amount > BigInt(Number.MAX_SAFE_INTEGER) || amount < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new LogicOperationError(`${operation} result is too large to be an amount`);
  }
  return Number(amount);
}

function exactFactor(operation: string, value: unknown) {
  const factor = parseExactDecimal(value);
  if (!factor) throw new LogicOperationError(`${operation} needs a decimal number like "1.075", got ${JSON.stringify(value)}`);
  return factor;
}

export function moneyAdd(...amounts: unknown[]): number {
  return toSafeNumber('money_add', amounts.reduce<bigint>((sum, amount) => sum + minorUnits('money_add', amount), 0n));
}

export function moneySub(minuend: unknown, ...subtrahends: unknown[]): number {
  const start = minorUnits('money_sub', minuend);
  return toSafeNumber('money_sub', subtrahends.reduce<bigint>((rest, amount) => rest - minorUnits('money_sub', amount), start));
}

/** amount × factor, rounded to the minor unit: money_mul(1999, "1.2", "half_up") = 2399. */
export function moneyMul(amount: unknown, factor: unknown, rounding: unknown): number {
  const units = minorUnits('money_mul', amount);
  const { coefficient, scale } = exactFactor('money_mul', factor);
  const mode = roundingMode('money_mul', rounding);
  return toSafeNumber('money_mul', divideRounded(units * coefficient, powerOfTen(scale), mode));
}

/** percent % of amount, rounded to the minor unit: percent_of(10000, "7.5", "half_up") = 750. */
export function percentOf(amount: unknown, percent: unknown, rounding: unknown): number {
  const units = minorUnits('percent_of', amount);
  const { coefficient, scale } = exactFactor('percent_of', percent);
  const mode = roundingMode('percent_of', rounding);
  return toSafeNumber('percent_of', divideRounded(units * coefficient, powerOfTen(scale) * 100n, mode));
}
