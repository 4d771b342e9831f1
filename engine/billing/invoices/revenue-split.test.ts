import { RevenueAllocationError } from './invoice-errors';
import { splitByPercent } from './revenue-split';

test('each share but the last is rounded half up; the last takes the remainder, so the shares sum to the amount', () => {
  expect(splitByPercent(1000, ['33.33', '33.33', '33.34'])).toEqual([333, 333, 334]);
  // 14641 × 60% = 8784.6 → 8785; 14641 × 25% = 3660.25 → 3660; the last gets 14641 − 8785 − 3660 = 2196.
  expect(splitByPercent(14641, ['60', '25', '15'])).toEqual([8785, 3660, 2196]);
});

test('a share of exactly half a minor unit rounds up under half_up and to the even neighbour under half_even', () => {
  expect(splitByPercent(5, ['50', '50'], 'half_up')).toEqual([3, 2]);
  expect(splitByPercent(5, ['50', '50'], 'half_even')).toEqual([2, 3]);
});

test('percentages must be positive exact decimals summing to exactly 100', () => {
  expect(() => splitByPercent(100, ['60', '30'])).toThrow('The allocation percentages sum to 90, not 100');
  expect(() => splitByPercent(100, ['33.33', '33.33', '33.33'])).toThrow('sum to 99.99, not 100');
  expect(() => splitByPercent(100, ['100', '0'])).toThrow(RevenueAllocationError);
  expect(() => splitByPercent(100, ['abc'])).toThrow('is not a positive percentage');
  expect(() => splitByPercent(100, [])).toThrow('at least one allocation');
});

test('a split whose rounded shares would leave a negative remainder is refused, never booked', () => {
  expect(() => splitByPercent(3, ['16.7', '16.7', '16.7', '16.7', '16.7', '16.5'])).toThrow(/leaves -2 for the last allocation/);
});

test('zero splits into zeros', () => {
  expect(splitByPercent(0, ['70', '30'])).toEqual([0, 0]);
});
