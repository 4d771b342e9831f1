import { allocatePayment } from './allocate-payment';
import { parseCollectionTerms } from './collection-terms';

const open = { fee: 4_167, interest: 500, principal: 83_333 };

test('by default a partial payment fills the fee, then interest, then principal, and the parts sum to the cash', () => {
  const { allocated, restMinor } = allocatePayment(10_000, open, ['fee', 'interest', 'principal']);
  expect(allocated).toEqual({ fee: 4_167, interest: 500, principal: 5_333 });
  expect(restMinor).toBe(0);
});

test('another order fills principal first', () => {
  expect(allocatePayment(10_000, open, ['principal', 'interest', 'fee']).allocated).toEqual({ fee: 0, interest: 0, principal: 10_000 });
});

test('cash beyond every open part is the rest, to be carried or kept as credit', () => {
  const { allocated, restMinor } = allocatePayment(100_000, open, ['fee', 'interest', 'principal']);
  expect(allocated).toEqual(open);
  expect(restMinor).toBe(100_000 - 88_000);
});

test('terms refuse an allocation order that is not fee, interest and principal once each, and percentages that are not decimals', () => {
  const terms = { graceDays: 5, lateFeePercent: '5', monthlyInterestPercent: '1.5', allocationOrder: ['fee', 'interest', 'principal'] };
  expect(parseCollectionTerms(terms)).toEqual(terms);
  expect(() => parseCollectionTerms({ ...terms, allocationOrder: ['fee', 'fee', 'principal'] })).toThrow(/allocationOrder/);
  expect(() => parseCollectionTerms({ ...terms, lateFeePercent: 'five' })).toThrow(/lateFeePercent/);
  expect(() => parseCollectionTerms({ ...terms, graceDays: -1 })).toThrow(/graceDays/);
});
