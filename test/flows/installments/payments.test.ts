import { calendarDaysBetween, parseCalendarDate } from '../../../engine/dsl/time/calendar-date';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import { addDays, createInstallmentFlow, type InstallmentFlow } from './installment-flow-harness';

installQuietWorkerRuntime();
let flow: InstallmentFlow;
beforeAll(async () => {
  flow = await createInstallmentFlow();
}, 60_000);
afterAll(() => flow?.h.teardown());

const payments = (where: Record<string, unknown>) => flow.h.db.knex('payments').where({ company_id: flow.h.companyId, ...where }).orderBy('created_at');
const events = (name: string, contractId: string) =>
  flow.h.db.knex('domain_events').where({ company_id: flow.h.companyId, name, entity_type: 'contract', entity_id: contractId }).orderBy('occurred_at').select('payload');

test('a reversal reopens a paid installment: it is overdue again, the reversal row takes back the same split, and the run collects it with charges', async () => {
  await flow.publish();
  const first = addDays(await flow.today(), 20);
  const contractId = await flow.createContract({ totalMinor: 200_000, count: 2, firstDueDate: first });
  const handle = await flow.start(contractId);
  const rows = await flow.installments(contractId);

  await flow.advanceTo(addDays(first, -10), '10:00');
  const paid = await flow.pay(rows[0].id, 100_000, 'rev-1');
  expect((await flow.installments(contractId))[0]).toMatchObject({ status: 'paid', paid_minor: 100_000 });

  await flow.advanceTo(addDays(first, 2), '10:00');
  const reversed = await flow.reverse(paid.receiptId, 'rev-1-back');
  expect((await flow.installments(contractId))[0]).toMatchObject({ status: 'overdue', paid_minor: 0, overdue_since: addDays(first, 1) });
  expect(await payments({ kind: 'reversal' })).toEqual([
    expect.objectContaining({ id: reversed.rows[0].paymentId, reverses_payment_id: paid.receiptId, installment_id: rows[0].id, amount_minor: 100_000, allocated_principal_minor: 100_000, allocated_fee_minor: 0, allocated_interest_minor: 0 }),
  ]);
  expect((await events('payment.reversed', contractId)).map((e) => e.payload)).toEqual([
    expect.objectContaining({ installmentId: rows[0].id, paymentId: reversed.rows[0].paymentId, receiptId: paid.receiptId, amountMinor: 100_000 }),
  ]);
  // Reversing again with the same key changes nothing.
  expect(await flow.reverse(paid.receiptId, 'rev-1-back')).toMatchObject({ created: false, rows: [expect.objectContaining({ paymentId: reversed.rows[0].paymentId })] });

  // Installment 2 is paid on time; the run then finds installment 1 open and does not complete the contract.
  const second = rows[1].due_date;
  await flow.advanceTo(second, '10:00');
  await flow.pay(rows[1].id, 100_000, 'rev-2');
  expect(await flow.h.db.knex('contracts').where({ id: contractId }).first('status')).toEqual({ status: 'active' });
  // Principal was paid from before the due date until the reversal on day 2, so interest runs from day 3: 50 a day.
  const interestDays = calendarDaysBetween(parseCalendarDate(addDays(first, 2))!, parseCalendarDate(second)!);
  expect((await flow.installments(contractId))[0]).toMatchObject({ fee_minor: 5_000, interest_minor: 50 * interestDays, charges_accrued_through: second });
  await flow.pay(rows[0].id, 105_000 + 50 * interestDays, 'rev-1-again');
  expect(await flow.output(handle)).toMatchObject({ outcome: 'completed' });
});

test('allocation order is configurable: principal first leaves the fee and interest open and stops interest, fee first does not', async () => {
  const due = addDays(await flow.today(), 10);
  await flow.publish({ allocationOrder: ['principal', 'interest', 'fee'] });
  const principalFirst = await flow.createContract({ totalMinor: 100_000, count: 1, firstDueDate: due });
  const principalRun = await flow.start(principalFirst);
  await flow.publish();
  const feeFirst = await flow.createContract({ totalMinor: 100_000, count: 1, firstDueDate: due });
  const feeRun = await flow.start(feeFirst);
  const [a] = await flow.installments(principalFirst);
  const [b] = await flow.installments(feeFirst);

  await flow.advanceTo(addDays(due, 6), '12:00');
  expect([(await flow.installments(principalFirst))[0], (await flow.installments(feeFirst))[0]]).toEqual([
    expect.objectContaining({ fee_minor: 5_000, interest_minor: 300 }), expect.objectContaining({ fee_minor: 5_000, interest_minor: 300 }),
  ]);
  const paidA = await flow.pay(a.id, 100_000, 'order-a');
  const paidB = await flow.pay(b.id, 100_000, 'order-b');
  expect(paidA.rows[0]).toMatchObject({ allocatedPrincipalMinor: 100_000, allocatedInterestMinor: 0, allocatedFeeMinor: 0 });
  expect(paidB.rows[0]).toMatchObject({ allocatedFeeMinor: 5_000, allocatedInterestMinor: 300, allocatedPrincipalMinor: 94_700 });

  // A week later: A's principal is paid, so its interest stays 3.00; B's 53.00 of principal kept earning from day 7.
  // B: (1,000.00 × 6 days + 53.00 × 7 days) × 1.5% / 30 = 3.1855 → 3.19, rounded once.
  await flow.advanceTo(addDays(due, 13), '10:00');
  expect((await flow.installments(principalFirst))[0]).toMatchObject({ status: 'overdue', fee_minor: 5_000, interest_minor: 300, paid_minor: 100_000 });
  expect((await flow.installments(feeFirst))[0]).toMatchObject({ status: 'overdue', fee_minor: 5_000, interest_minor: 319, paid_minor: 100_000 });
  const restA = await flow.pay(a.id, 5_300, 'order-a-rest');
  const restB = await flow.pay(b.id, 5_319, 'order-b-rest');
  expect(restA.rows[0]).toMatchObject({ allocatedPrincipalMinor: 0, allocatedInterestMinor: 300, allocatedFeeMinor: 5_000 });
  expect(restB.rows[0]).toMatchObject({ allocatedFeeMinor: 0, allocatedInterestMinor: 19, allocatedPrincipalMinor: 5_300 });
  expect(await flow.output(principalRun)).toMatchObject({ outcome: 'completed' });
  expect(await flow.output(feeRun)).toMatchObject({ outcome: 'completed' });
});

test('an overpayment is carried to the next installment as a row of the same receipt, and what is left after the last is kept as credit', async () => {
  await flow.publish();
  const first = addDays(await flow.today(), 20);
  const contractId = await flow.createContract({ totalMinor: 300_000, count: 3, firstDueDate: first });
  const handle = await flow.start(contractId);
  const rows = await flow.installments(contractId);

  await flow.advanceTo(addDays(first, -10), '10:00');
  const over = await flow.pay(rows[0].id, 150_000, 'over-1');
  expect(over).toMatchObject({ created: true, creditMinor: 0 });
  expect(over.rows.map((row) => [row.installmentId, row.amountMinor, row.allocatedPrincipalMinor])).toEqual([[rows[0].id, 100_000, 100_000], [rows[1].id, 50_000, 50_000]]);
  expect(await payments({ id: over.rows[1].paymentId })).toEqual([expect.objectContaining({ carried_from_payment_id: over.receiptId, idempotency_key: 'over-1#carry-2' })]);
  expect((await flow.installments(contractId)).map((row) => [row.status, row.paid_minor])).toEqual([['paid', 100_000], ['partially_paid', 50_000], ['open', 0]]);
  // The same request again (a retried webhook) records nothing more.
  expect(await flow.pay(rows[0].id, 150_000, 'over-1')).toEqual({ ...over, created: false });
  expect(await flow.h.db.knex('payments').where('idempotency_key', 'like', 'over-1%').pluck('idempotency_key')).toEqual(['over-1', 'over-1#carry-2']);

  // Installment 2's reminders ask for what is left of it.
  await flow.advanceTo(addDays(rows[1].due_date, -7), '10:00');
  const reminder = flow.h.smtp.received.at(-1)!;
  expect([reminder.subject, /EUR \d[\d,]*\.\d\d/.exec(reminder.raw)?.[0]]).toEqual([expect.stringMatching(/^Installment 2 of contract C-\d+ is due on/), 'EUR 500.00']);
  await flow.pay(rows[1].id, 50_000, 'over-2');

  await flow.advanceTo(addDays(rows[2].due_date, -10), '10:00');
  const lastOver = await flow.pay(rows[2].id, 170_000, 'over-3');
  expect(lastOver.creditMinor).toBe(70_000);
  const [credit] = await payments({ idempotency_key: 'over-3#credit' });
  const contract = await flow.h.db.knex('contracts').where({ id: contractId }).first('contact_id');
  expect(credit).toMatchObject({
    installment_id: null, contact_id: contract.contact_id, carried_from_payment_id: lastOver.receiptId, amount_minor: 70_000,
    allocated_fee_minor: 0, allocated_interest_minor: 0, allocated_principal_minor: 0, kind: 'payment', status: 'succeeded',
  });
  expect((await events('payment.received', contractId)).map((e) => [e.payload.installmentId, e.payload.amountMinor])).toEqual([
    [rows[0].id, 100_000], [rows[1].id, 50_000], [rows[1].id, 50_000], [rows[2].id, 100_000], [null, 70_000],
  ]);
  expect(await flow.output(handle)).toMatchObject({ outcome: 'completed' });
  expect((await flow.installments(contractId)).map((row) => [row.status, row.paid_minor])).toEqual([['paid', 100_000], ['paid', 100_000], ['paid', 100_000]]);
});
