/** Integer division with a named rounding mode, in bigint so no float ever touches money. */

export const ROUNDING_MODES = ['half_up', 'half_even', 'down', 'up'] as const;
export type RoundingMode = (typeof ROUNDING_MODES)[number];

export function isRoundingMode(value: unknown): value is RoundingMode {
  return typeof value === 'string' && (ROUNDING_MODES as readonly string[]).includes(value);
}

/**
 * numerator / denominator rounded to an integer:
 * half_up rounds halves away from zero, half_even to the even neighbour (banker's),
 * down towards zero, up away from zero.
 */
export function divideRounded(numerator: bigint, denominator: bigint, mode: RoundingMode): bigint {
  if (denominator === 0n) throw new Error('division by zero');
  const negative = numerator < 0n !== denominator < 0n;
  const n = numerator < 0n ? -numerator : numerator;
  const d = denominator < 0n ? -denominator : denominator;
  const quotient = n / d;
  const remainder = n % d;
  let magnitude = quotient;
  if (remainder !== 0n) {
    const twice = remainder * 2n;
    if (mode === 'up') magnitude += 1n;
    else if (mode === 'half_up' && twice >= d) magnitude += 1n;
    else if (mode === 'half_even' && (twice > d || (twice === d && quotient % 2n === 1n))) magnitude += 1n;
  }
  return negative ? -magnitude : magnitude;
}
