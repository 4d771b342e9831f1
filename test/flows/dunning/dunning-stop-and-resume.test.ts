import { dateAddDays } from '../../../engine/dsl/logic/date-operations';
import { recordInvoicePayment, reverseInvoicePayment } from '../../../engine/billing/invoice-payments';
import { emitDomainEvent } from '../../../engine/events';
import { createEngineHarness, type EngineHarness } from '../../helpers/engine-harness';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import { addUserWithRole, dispatch, dunningDefinition, overdueSinceYesterday, runOf, serverToday, sleepUntil, subjectsTo, sweepOverdue, timelineOf, untilAt } from './dunning-fixtures';

installQuietWorkerRuntime();
let h: EngineHarness;
let financeUserId: string;
beforeAll(async () => {
  h = await createEngineHarness();
  financeUserId = await addUserWithRole(h, 'finance');
  await h.publish(dunningDefinition());
}, 60_000);
afterAll(() => h?.teardown());

test('a payment on day 4 of the 30-day ladder stops dunning: only the day-1 and day-3 emails went out, and nothing in the 27 days after', async () => {
  const { invoiceId, dueDate, email, run } = await overdueSinceYesterday(h, 'paid-day-4', 12_000);
  await sleepUntil(h, dateAddDays(dueDate, 4), '12:00');
  await recordInvoicePayment(h.scope, { invoiceId, amountMinor: 12_000, currency: 'EUR', idempotencyKey: `bank:${invoiceId}` });
  await dispatch(h);
  await untilAt(run, 'settled');

  await sleepUntil(h, dateAddDays(dueDate, 31), '12:00');
  expect(await timelineOf(h, invoiceId, dueDate)).toEqual([
    { kind: 'reminder', sequence: 0, channel: 'email', outcome: 'sent', day: 1, amountDueMinor: 12_000 },
    { kind: 'reminder', sequence: 1, channel: 'email', outcome: 'sent', day: 3, amountDueMinor: 12_000 },
  ]);
  const number = (await h.db.knex('invoices').where({ id: invoiceId }).first('invoice_number')).invoice_number;
  expect(subjectsTo(h, email)).toEqual([`Reminder: invoice ${number} is overdue`, `Reminder: invoice ${number} is overdue`]);
  expect(await h.db.knex('notifications').where({ company_id: h.companyId }).whereLike('source_key', `invoice:${invoiceId}:%`)).toEqual([]);
  expect((await untilAt(run, 'settled')).vars).toMatchObject({ stepIndex: 2, retryIndex: 0 });
});

test('a reversal resumes the ladder where it stood: no earlier step is sent again, the missed day-5 step goes out at once, the day-7 step on day 7', async () => {
  const { invoiceId, dueDate, email, run } = await overdueSinceYesterday(h, 'reversed', 8_050);
  await sleepUntil(h, dateAddDays(dueDate, 4), '12:00');
  const paid = await recordInvoicePayment(h.scope, { invoiceId, amountMinor: 8_050, currency: 'EUR', idempotencyKey: `card:${invoiceId}` });
  await dispatch(h);
  await untilAt(run, 'settled');

  await sleepUntil(h, dateAddDays(dueDate, 6), '12:00');
  await reverseInvoicePayment(h.scope, { paymentId: paid.paymentId, amountMinor: 3_050, idempotencyKey: `chargeback:${invoiceId}` });
  await dispatch(h);
  await sleepUntil(h, dateAddDays(dueDate, 8), '12:00');

  expect(await timelineOf(h, invoiceId, dueDate)).toEqual([
    { kind: 'reminder', sequence: 0, channel: 'email', outcome: 'sent', day: 1, amountDueMinor: 8_050 },
    { kind: 'reminder', sequence: 1, channel: 'email', outcome: 'sent', day: 3, amountDueMinor: 8_050 },
    { kind: 'reminder', sequence: 2, channel: 'notification', outcome: 'sent', day: 6, amountDueMinor: 3_050 },
    { kind: 'reminder', sequence: 3, channel: 'email', outcome: 'sent', day: 7, amountDueMinor: 3_050 },
  ]);
  expect(subjectsTo(h, email)).toHaveLength(3);
  const notifications = await h.db.knex('notifications').where({ company_id: h.companyId, user_id: financeUserId }).whereLike('source_key', `invoice:${invoiceId}:%`);
  expect(notifications.map((n) => [n.kind, n.source_key, n.body.includes('EUR 30.50')])).toEqual([['dunning', `invoice:${invoiceId}:dunning:2:user:${financeUserId}`, true]]);
  const state = await untilAt(run, 'untilNextStep');
  expect(state.vars).toMatchObject({ stepIndex: 4, nextKind: 'reminder', nextDay: 10 });
  await run.terminate('test done');
});

test('the same overdue invoice announced three times (the sweep twice, the subscription flow once) has one dunning run and one day-1 email', async () => {
  const { invoiceId, dueDate, email, contactId } = await overdueSinceYesterday(h, 'announced-thrice', 4_200);
  await sweepOverdue(h, await serverToday(h));
  // Another emitter with its own event id: a distinct event, the same run.
  await h.db.knex.transaction((trx) =>
    emitDomainEvent(trx, h.companyId, { name: 'invoice.overdue', entity: { type: 'invoice', id: invoiceId }, eventId: `past-due:${invoiceId}`, payload: { invoiceId, contactId, amountDue: 4_200, currency: 'EUR' } }),
  );
  await dispatch(h);
  const again = await h.start({ definitionKey: 'dunning', input: { invoiceId }, entity: { type: 'invoice', id: invoiceId } });
  expect(again.created).toBe(false);
  await sleepUntil(h, dateAddDays(dueDate, 2), '12:00');

  const runs = await h.db.knex('workflow_runs').where({ company_id: h.companyId, definition_key: 'dunning', entity_type: 'invoice', entity_id: invoiceId });
  expect(runs.map((r) => r.trigger_kind)).toEqual(['event']);
  expect(await h.db.knex('domain_events').where({ company_id: h.companyId, name: 'invoice.overdue', entity_id: invoiceId }).pluck('event_id')).toHaveLength(2);
  expect(subjectsTo(h, email)).toHaveLength(1);
  expect((await timelineOf(h, invoiceId, dueDate)).map((a) => [a.sequence, a.day])).toEqual([[0, 1]]);
  await runOf(h, invoiceId).terminate('test done');
});
