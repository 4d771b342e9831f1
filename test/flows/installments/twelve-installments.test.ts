import { scheduleInstallments } from '../../../engine/billing/installment-schedule';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import { addDays, createInstallmentFlow, type InstallmentFlow } from './installment-flow-harness';
import { runTwelveInstallmentScenario, TWELVE, type TwelveInstallmentOutcome } from './twelve-installment-scenario';

installQuietWorkerRuntime();
let flow: InstallmentFlow;
let outcome: TwelveInstallmentOutcome;
beforeAll(async () => {
  flow = await createInstallmentFlow();
  await flow.publish();
  // print-schedule.ts runs the same scenario and prints what the product computed.
  outcome = await runTwelveInstallmentScenario(flow);
}, 120_000);
afterAll(() => flow?.h.teardown());

const PRINCIPAL = 83_333;

test('the schedule: 12 monthly due dates on the 15th, 11 × 833.33 and the remainder 833.37 on the last, summing to the total', () => {
  expect(outcome.dueDates).toEqual(scheduleInstallments({ totalMinor: TWELVE.totalMinor, count: 12, firstDueDate: outcome.firstDueDate, intervalUnit: 'month', intervalCount: 1 }).map((i) => i.dueDate));
  expect(outcome.dueDates.every((date) => date.endsWith('-15'))).toBe(true);
  expect(outcome.installments.map((i) => i.principal_minor)).toEqual([...Array(11).fill(PRINCIPAL), 83_337]);
  expect(outcome.installments.reduce((sum, i) => sum + i.principal_minor, 0)).toBe(1_000_000);
});

test('a partial payment leaves installment 2 partially paid, all of it on principal, and the next reminder asks for the rest', () => {
  expect(outcome.afterPartial).toMatchObject({ status: 'partially_paid', paid_minor: 30_000, fee_minor: 0, interest_minor: 0 });
  expect(outcome.payments.find((p) => p.idempotency_key === 'c12-2-partial')).toMatchObject({ sequence: 2, amount_minor: 30_000, allocated_principal_minor: 30_000, allocated_fee_minor: 0, allocated_interest_minor: 0 });
  const reminders = outcome.emails.filter((mail) => mail.subject.startsWith('Installment 2 '));
  expect(reminders.map((mail) => /EUR \d[\d,]*\.\d\d/.exec(mail.raw)?.[0])).toEqual(['EUR 833.33', 'EUR 533.33']);
});

test('the late installment: overdue from the day after its due date, nothing charged through the 5 grace days, then fee and interest', () => {
  const dueDate = outcome.dueDates[2];
  expect(outcome.lastGraceDay).toMatchObject({ status: 'overdue', overdue_since: addDays(dueDate, 1), fee_minor: 0, interest_minor: 0, charges_accrued_through: null });
  // 5% of 833.33 = 41.6665 → 41.67; 1.5%/month × 6 days / 30 × 833.33 = 2.49999 → 2.50.
  expect(outcome.firstChargeDay).toMatchObject({ fee_minor: 4_167, interest_minor: 250, charges_accrued_through: addDays(dueDate, 6) });
});

test('paid 12 days late: interest to the payment day (5.00), the fee once (41.67), and the 880.00 allocated fee → interest → principal', () => {
  const late = outcome.installments[2];
  expect(late).toMatchObject({ status: 'paid', fee_minor: 4_167, interest_minor: 500, paid_minor: 88_000, charges_accrued_through: addDays(outcome.dueDates[2], 12) });
  expect(outcome.payments.find((p) => p.idempotency_key === 'c12-3-late')).toMatchObject({
    sequence: 3, received_on: addDays(outcome.dueDates[2], 12), amount_minor: 88_000, allocated_fee_minor: 4_167, allocated_interest_minor: 500, allocated_principal_minor: PRINCIPAL,
  });
});

test('the early payoff: one 5,833.35 receipt settles installments 6–12, one row each, carried from the first', () => {
  const payoff = outcome.payments.filter((p) => p.idempotency_key.startsWith('c12-payoff'));
  expect(payoff.map((p) => [p.sequence, p.amount_minor, p.allocated_principal_minor, p.carried])).toEqual([
    [6, PRINCIPAL, PRINCIPAL, false],
    ...[7, 8, 9, 10, 11].map((sequence) => [sequence, PRINCIPAL, PRINCIPAL, true]),
    [12, 83_337, 83_337, true],
  ]);
  expect(payoff.reduce((sum, p) => sum + p.amount_minor, 0)).toBe(583_335);
  expect(new Set(payoff.map((p) => p.received_on))).toEqual(new Set([addDays(outcome.dueDates[5], -10)]));
});

test('every installment ends paid; only installment 3 carries charges; the cash received is the total plus 46.67', () => {
  expect(outcome.installments.map((i) => [i.status, i.fee_minor, i.interest_minor, i.paid_minor])).toEqual(
    outcome.installments.map((i) => (i.sequence === 3 ? ['paid', 4_167, 500, 88_000] : ['paid', 0, 0, i.principal_minor])),
  );
  expect(outcome.payments.reduce((sum, p) => sum + p.amount_minor, 0)).toBe(1_004_667);
  for (const payment of outcome.payments) {
    expect(payment.allocated_fee_minor + payment.allocated_interest_minor + payment.allocated_principal_minor).toBe(payment.amount_minor);
  }
});

test('emails: two reminders for each of installments 1–5, one overdue notice for installment 3, none after the payoff, none twice', () => {
  const subjects = outcome.emails.map((mail) => mail.subject);
  const expected = [1, 2, 3, 4, 5].flatMap((n) => [
    `Installment ${n} of contract C-1 is due on ${outcome.dueDates[n - 1]}`,
    `Installment ${n} of contract C-1 is due on ${outcome.dueDates[n - 1]}`,
    ...(n === 3 ? ['Installment 3 of contract C-1 is overdue'] : []),
  ]);
  expect(subjects).toEqual(expected);
  expect(outcome.emails.find((mail) => mail.subject.endsWith('overdue'))?.raw).toContain('EUR 833.33 is still open');
});

test('reminders go out at 09:00 seven days and one day before the due date; the overdue notice right after the due date ends', () => {
  const [first, , third] = outcome.dueDates;
  expect(outcome.sentBy).toEqual({
    [`${addDays(first, -8)} 23:00`]: 0,
    [`${addDays(first, -7)} 09:30`]: 1,
    [`${addDays(first, -2)} 23:00`]: 1,
    [`${addDays(first, -1)} 09:30`]: 2,
    // By the end of installment 3's due date: 4 for installments 1–2 and its own 2 reminders; the notice just after midnight.
    [`${third} 23:59`]: 6,
    [`${addDays(third, 1)} 00:30`]: 7,
  });
});

test('the contract completes with the run: status completed, one contract.completed event, the run succeeded', () => {
  expect(outcome.contractStatus).toBe('completed');
  expect(outcome.completedEvents).toBe(1);
  expect(outcome.runOutput).toEqual({ contractId: outcome.contractId, outcome: 'completed' });
});
