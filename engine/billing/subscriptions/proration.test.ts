import { prorate } from './proration';

const march = { periodStart: '2027-03-01', periodEnd: '2027-04-01', rounding: 'half_up' as const };

test('the worked example: Basic 29.00 → Pro 99.00 on 11 March, 21 of 31 days left: credit 19.65, charge 67.06, net 47.41', () => {
  // 2900 × 21 / 31 = 1964.516… → 1965;  9900 × 21 / 31 = 6706.451… → 6706.
  expect(prorate({ ...march, oldAmountMinor: 2900, newAmountMinor: 9900, changeDate: '2027-03-11' })).toEqual({
    daysInPeriod: 31, daysRemaining: 21, creditMinor: 1965, chargeMinor: 6706, netMinor: 4741,
  });
});

test('a downgrade nets negative: the credit is larger than the charge', () => {
  expect(prorate({ ...march, oldAmountMinor: 9900, newAmountMinor: 2900, changeDate: '2027-03-11' })).toMatchObject({ creditMinor: 6706, chargeMinor: 1965, netMinor: -4741 });
});

test('a change on the first day of the period credits and charges the whole period', () => {
  expect(prorate({ ...march, oldAmountMinor: 2900, newAmountMinor: 9900, changeDate: '2027-03-01' })).toMatchObject({ daysRemaining: 31, creditMinor: 2900, chargeMinor: 9900, netMinor: 7000 });
});

test('an exact half rounds up under half_up and to the even neighbour under half_even', () => {
  // April has 30 days; from 16 April 15 remain: 1001 × 15 / 30 = 500.5.
  const april = { periodStart: '2027-04-01', periodEnd: '2027-05-01', changeDate: '2027-04-16', oldAmountMinor: 1001, newAmountMinor: 3003 };
  expect(prorate({ ...april, rounding: 'half_up' })).toMatchObject({ creditMinor: 501, chargeMinor: 1502 });
  expect(prorate({ ...april, rounding: 'half_even' })).toMatchObject({ creditMinor: 500, chargeMinor: 1502 });
});

test('days are calendar days of the clamped period: 29 February 2028 to 31 March 2028 has 31', () => {
  expect(prorate({ periodStart: '2028-02-29', periodEnd: '2028-03-31', changeDate: '2028-03-30', oldAmountMinor: 3100, newAmountMinor: 6200, rounding: 'half_up' })).toEqual({
    daysInPeriod: 31, daysRemaining: 1, creditMinor: 100, chargeMinor: 200, netMinor: 100,
  });
});

test('a change date outside the period is refused', () => {
  expect(() => prorate({ ...march, oldAmountMinor: 1, newAmountMinor: 2, changeDate: '2027-04-01' })).toThrow('is not within the period');
  expect(() => prorate({ ...march, oldAmountMinor: 1, newAmountMinor: 2, changeDate: '2027-02-28' })).toThrow('is not within the period');
});
