import { divideRounded, type RoundingMode } from './rounding';

const cases: Array<[bigint, bigint, RoundingMode, bigint]> = [
  [25n, 10n, 'half_up', 3n], [25n, 10n, 'half_even', 2n], [35n, 10n, 'half_even', 4n],
  [25n, 10n, 'down', 2n], [21n, 10n, 'up', 3n], [24n, 10n, 'half_up', 2n], [26n, 10n, 'half_even', 3n],
  [-25n, 10n, 'half_up', -3n], [-25n, 10n, 'half_even', -2n], [-21n, 10n, 'down', -2n], [-21n, 10n, 'up', -3n],
  [30n, 10n, 'up', 3n],
];

describe('divideRounded', () => {
  it.each(cases)('%p / %p rounded %s is %p', (numerator, denominator, mode, expected) => {
    expect(divideRounded(numerator, denominator, mode)).toBe(expected);
  });

  it('refuses to divide by zero', () => {
    expect(() => divideRounded(1n, 0n, 'down')).toThrow(/division by zero/);
  });
});
