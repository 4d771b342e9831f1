import { dateAddDays, daysBetween } from '../../../engine/dsl/logic/date-operations';
import { calendarDateAt } from '../../../engine/dsl/time/zoned-date';
import { startLocalPaymentService, type LocalPaymentService } from '../../../connectors/http-payments/test/local-payment-service';
import { connectPaymentService } from '../../../connectors/http-payments/test/payment-integration';
import { createEngineHarness, type EngineHarness } from '../../helpers/engine-harness';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import { addUserWithRole, dispatch, dunningDefinition, overdueSinceYesterday, sleepUntil, subjectsTo, TIME_ZONE, timelineOf, untilAt } from './dunning-fixtures';

installQuietWorkerRuntime();
let h: EngineHarness;
let psp: LocalPaymentService;
beforeAll(async () => {
  h = await createEngineHarness();
  // The payment service stamps each charge with the test server's clock, so its days are the run's days.
  psp = await startLocalPaymentService({ apiKey: 'sk_live_dunning', clock: () => h.env.currentTimeMs() });
  await connectPaymentService(h.db.knex, h.secrets, h.companyId, psp.baseUrl, 'sk_live_dunning');
  await addUserWithRole(h, 'finance');
  await h.publish(dunningDefinition({ paymentRetryGapsDays: [2, 3, 4] }));
}, 60_000);
afterAll(async () => {
  await h?.teardown();
  await psp?.close();
});

const chargesFor = (invoiceId: string, dueDate: string) =>
  psp.received
    .filter((charge) => charge.body.reference === invoiceId)
    .map((charge) => ({ key: charge.idempotencyKey, answer: charge.answer, amount: charge.body.amount_minor, day: daysBetween(dueDate, calendarDateAt(new Date(charge.receivedAt).toISOString(), TIME_ZONE)) }));

test('retries reach the real payment service on the configured gaps (days 2, 5, 9): two declines, then an approval pays the invoice and stops dunning', async () => {
  psp.script(['decline', 'decline', 'approve']);
  const { invoiceId, dueDate, email, run } = await overdueSinceYesterday(h, 'card-on-file', 23_456);
  await sleepUntil(h, dateAddDays(dueDate, 9), '12:00');
  await dispatch(h);
  await untilAt(run, 'settled');

  const key = (n: number) => `invoice:${invoiceId}:dunning-retry:${n}`;
  expect(chargesFor(invoiceId, dueDate)).toEqual([
    { key: key(0), answer: 'decline', amount: 23_456, day: 2 },
    { key: key(1), answer: 'decline', amount: 23_456, day: 5 },
    { key: key(2), answer: 'approve', amount: 23_456, day: 9 },
  ]);
  expect(psp.received.filter((charge) => charge.body.reference === invoiceId).every((charge) => charge.authorization === 'Bearer sk_live_dunning')).toBe(true);
  expect((await timelineOf(h, invoiceId, dueDate)).map((a) => [a.kind, a.sequence, a.channel, a.outcome, a.day])).toEqual([
    ['reminder', 0, 'email', 'sent', 1],
    ['payment_retry', 0, 'http-payments', 'declined', 2],
    ['reminder', 1, 'email', 'sent', 3],
    ['payment_retry', 1, 'http-payments', 'declined', 5],
    ['reminder', 2, 'notification', 'sent', 5],
    ['reminder', 3, 'email', 'sent', 7],
    ['payment_retry', 2, 'http-payments', 'succeeded', 9],
  ]);
  const payments = await h.db.knex('payments').where({ company_id: h.companyId, invoice_id: invoiceId }).select('kind', 'amount_minor', 'currency', 'method', 'external_reference');
  expect(payments).toEqual([{ kind: 'payment', amount_minor: 23_456, currency: 'EUR', method: 'http-payments', external_reference: 'ch_3' }]); // the service's third charge; the first two were declined
  expect(await h.db.knex('invoices').where({ id: invoiceId }).first('status', 'amount_paid_minor')).toEqual({ status: 'paid', amount_paid_minor: 23_456 });

  await sleepUntil(h, dateAddDays(dueDate, 31), '12:00');
  expect(subjectsTo(h, email)).toHaveLength(3);
  expect(chargesFor(invoiceId, dueDate)).toHaveLength(3);
  expect(await h.db.knex('dunning_attempts').where({ invoice_id: invoiceId }).count('* as n').first()).toEqual({ n: 7 });
});

test('an outage is retried by the step with the same idempotency key, so the invoice is charged and booked once', async () => {
  psp.script(['outage', 'approve']);
  const { invoiceId, dueDate, run } = await overdueSinceYesterday(h, 'outage', 5_000);
  await sleepUntil(h, dateAddDays(dueDate, 2), '12:00');
  await dispatch(h);
  await untilAt(run, 'settled');

  expect(chargesFor(invoiceId, dueDate).map((c) => [c.key, c.answer, c.day])).toEqual([
    [`invoice:${invoiceId}:dunning-retry:0`, 'outage', 2],
    [`invoice:${invoiceId}:dunning-retry:0`, 'approve', 2],
  ]);
  expect(await h.db.knex('payments').where({ invoice_id: invoiceId }).pluck('amount_minor')).toEqual([5_000]);
  expect((await timelineOf(h, invoiceId, dueDate)).map((a) => [a.kind, a.outcome, a.day])).toEqual([['reminder', 'sent', 1], ['payment_retry', 'succeeded', 2]]);
});
