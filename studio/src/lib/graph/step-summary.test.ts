import { stepSummary } from './step-summary';

describe('stepSummary', () => {
  it('shows a wait by its duration, or by its until rule', () => {
    expect(stepSummary('wait', { duration: 'P30D' })).toBe('for P30D');
    expect(stepSummary('wait', { until: { date: { var: 'item.installment.dueDate' } } })).toBe('until {"var":"item.installment.dueDate"}');
  });

  it('counts a choice\'s conditions in words', () => {
    expect([stepSummary('choice', { when: [{}] }), stepSummary('choice', { when: [{}, {}] })]).toEqual(['1 condition', '2 conditions']);
  });

  it('shows an event wait with its timeout', () => {
    expect(stepSummary('waitForEvent', { event: 'payment.received', timeout: 'P30D' })).toBe('payment.received, at most P30D');
  });
});
