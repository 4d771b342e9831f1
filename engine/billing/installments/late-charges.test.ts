import { chargesApply, daysLate, firstOverdueDate, interestThroughMinor, lateFeeMinor } from './late-charges';

test('the late fee is the percent of the principal, rounded half up to the minor unit', () => {
  expect(lateFeeMinor(83_333, '5')).toBe(4_167); // 4 166.65
  expect(lateFeeMinor(10_010, '2.5')).toBe(250); // 250.25
  expect(lateFeeMinor(10_020, '2.5')).toBe(251); // 250.5: the half goes up
  expect(lateFeeMinor(10_000, '0')).toBe(0);
});

test('interest is principal × monthly percent × days late / 30, summed exactly and rounded half up once', () => {
  const base = { principalMinor: 83_333, dueDate: '2027-01-15', monthlyInterestPercent: '1.5', movements: [] };
  expect(interestThroughMinor({ ...base, through: '2027-01-15' })).toBe(0);
  expect(interestThroughMinor({ ...base, through: '2027-01-21' })).toBe(250); // 6 days: 249.999
  expect(interestThroughMinor({ ...base, through: '2027-01-27' })).toBe(500); // 12 days: 499.998
  // 10 000 at 1% for 15 days is 50 exactly; for 1 day it is 3.333… → 3, and 5 days 16.666… → 17.
  expect(interestThroughMinor({ ...base, principalMinor: 10_000, monthlyInterestPercent: '1', through: '2027-01-30' })).toBe(50);
  expect(interestThroughMinor({ ...base, principalMinor: 10_000, monthlyInterestPercent: '1', through: '2027-01-16' })).toBe(3);
  expect(interestThroughMinor({ ...base, principalMinor: 10_000, monthlyInterestPercent: '1', through: '2027-01-20' })).toBe(17);
});

test('principal paid on a day counts as open that day and stops earning interest from the next', () => {
  // 10 000 at 3%/month: 10 per day. 4 000 paid on day 5 → days 1–5 on 10 000 (50), days 6–10 on 6 000 (30).
  const question = { principalMinor: 10_000, dueDate: '2027-03-01', monthlyInterestPercent: '3', through: '2027-03-11' };
  expect(interestThroughMinor({ ...question, movements: [{ on: '2027-03-06', principalMinor: 4_000 }] })).toBe(80);
  // Paid before the due date: interest only ever sees the lower principal.
  expect(interestThroughMinor({ ...question, movements: [{ on: '2027-02-20', principalMinor: 4_000 }] })).toBe(60);
  // A reversal gives the principal back from the day after it.
  expect(interestThroughMinor({ ...question, movements: [{ on: '2027-02-20', principalMinor: 10_000 }, { on: '2027-03-08', principalMinor: -10_000 }] })).toBe(30);
});

test('grace: charges apply only once the installment is more than graceDays late', () => {
  expect(daysLate('2027-01-31', '2027-02-01')).toBe(1);
  expect(chargesApply('2027-01-31', '2027-02-05', 5)).toBe(false);
  expect(chargesApply('2027-01-31', '2027-02-06', 5)).toBe(true);
  expect(chargesApply('2027-01-31', '2027-02-01', 0)).toBe(true);
  expect(firstOverdueDate('2028-02-29')).toBe('2028-03-01');
});
