import { parseExactDecimal, powerOfTen } from '../../dsl/logic/decimal';
import { divideRounded, type RoundingMode } from '../../dsl/logic/rounding';
import { RevenueAllocationError } from './invoice-errors';

/**
 * Splits an amount by percentages (exact decimal strings such as "33.33" that sum to exactly 100): every share but the
 * last is `amount × percent / 100` rounded to the minor unit with `rounding`; the last takes the remainder, so the shares
 * always sum to the amount. 1000 by ["33.33", "33.33", "33.34"] half_up → [333, 333, 334].
 */
export function splitByPercent(amountMinor: number, percents: unknown[], rounding: RoundingMode = 'half_up'): number[] {
  if (!Number.isSafeInteger(amountMinor) || amountMinor < 0) throw new RevenueAllocationError(`The amount to split must be whole minor units, at least 0, not ${amountMinor}`);
  if (percents.length === 0) throw new RevenueAllocationError('A revenue split needs at least one allocation');
  const decimals = percents.map((percent, index) => {
    const parsed = parseExactDecimal(percent);
    if (!parsed || parsed.coefficient <= 0n) throw new RevenueAllocationError(`Allocation ${index + 1}: "${String(percent)}" is not a positive percentage`, { index });
    return parsed;
  });
  // Summed at a common scale, so "33.33" + "33.33" + "33.34" is exactly 100, with no float in between.
  const scale = Math.max(...decimals.map((d) => d.scale));
  const total = decimals.reduce((sum, d) => sum + d.coefficient * powerOfTen(scale - d.scale), 0n);
  if (total !== 100n * powerOfTen(scale)) throw new RevenueAllocationError(`The allocation percentages sum to ${formatScaled(total, scale)}, not 100`);

  const amount = BigInt(amountMinor);
  const shares = decimals.slice(0, -1).map((d) => divideRounded(amount * d.coefficient, 100n * powerOfTen(d.scale), rounding));
  const remainder = amount - shares.reduce((sum, share) => sum + share, 0n);
  // Possible only with many tiny shares that all round up: refuse rather than book a negative revenue.
  if (remainder < 0n) throw new RevenueAllocationError(`Rounding each share leaves ${remainder} for the last allocation; use fewer or larger percentages`);
  return [...shares, remainder].map(Number);
}

function formatScaled(value: bigint, scale: number): string {
  if (scale === 0) return value.toString();
  const text = value.toString().padStart(scale + 1, '0');
  return `${text.slice(0, -scale)}.${text.slice(-scale)}`;
}
