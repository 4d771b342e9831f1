import type { WorkflowHandle } from '@temporalio/client';
import { recordInvoicePayment, reverseInvoicePayment } from '../../engine/billing/invoice-payments';
import { dateAddDays } from '../../engine/dsl/logic/date-operations';
import { eventSignal } from '../../workflows/run-messages';
import type { EngineHarness } from '../helpers/engine-harness';
import { createCustomer, dunningDefinition, insertOpenInvoice, serverToday, sleepUntil, untilAt } from '../flows/dunning/dunning-fixtures';
import type { ReplayScenario } from './scenarios';

let invoice: { invoiceId: string; dueDate: string };

/** Hands the invoice's undelivered outbox events to the run, as the dispatcher does for runs bound to the invoice. */
async function deliverInvoiceEvents(h: EngineHarness, handle: WorkflowHandle): Promise<void> {
  const events = await h.db.knex('domain_events').where({ company_id: h.companyId, entity_id: invoice.invoiceId }).whereNull('dispatched_at').orderBy('occurred_at');
  for (const event of events) {
    await handle.signal(eventSignal, { name: event.name, payload: event.payload, eventId: event.event_id });
    await h.db.knex('domain_events').where({ id: event.id }).update({ dispatched_at: h.db.knex.fn.now() });
  }
}

/** The built-in dunning run: two reminders, paid on day 4, reversed on day 6, then every later step and the final action. */
export const dunningScenario: ReplayScenario = {
  name: 'dunning-paid-reversed-exhausted',
  definitions: [dunningDefinition()],
  async prepare(h) {
    const dueDate = dateAddDays(await serverToday(h), -1);
    const { contactId } = await createCustomer(h, 'replay');
    invoice = { invoiceId: await insertOpenInvoice(h, { contactId, totalMinor: 10_000, dueDate }), dueDate };
    return { invoiceId: invoice.invoiceId };
  },
  async drive(handle, h) {
    await sleepUntil(h, dateAddDays(invoice.dueDate, 4), '12:00');
    const paid = await recordInvoicePayment(h.scope, { invoiceId: invoice.invoiceId, amountMinor: 10_000, currency: 'EUR', idempotencyKey: 'replay-payment' });
    await deliverInvoiceEvents(h, handle);
    await untilAt(handle, 'settled');
    await sleepUntil(h, dateAddDays(invoice.dueDate, 6), '12:00');
    await reverseInvoicePayment(h.scope, { paymentId: paid.paymentId, idempotencyKey: 'replay-reversal' });
    await deliverInvoiceEvents(h, handle);
  },
};
