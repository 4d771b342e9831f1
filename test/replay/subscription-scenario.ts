import type { WorkflowHandle } from '@temporalio/client';
import { recordInvoicePayment } from '../../engine/billing/invoice-payments';
import { activateSubscription, requestPlanChange } from '../../engine/billing/subscriptions';
import { calendarDateAt } from '../../engine/dsl/time/zoned-date';
import { dateAddDays } from '../../engine/dsl/logic/date-operations';
import { emitDomainEvent } from '../../engine/events';
import { eventSignal } from '../../workflows/run-messages';
import type { EngineHarness } from '../helpers/engine-harness';
import { insertRow } from '../helpers/tenant-fixtures';
import { TEMPLATE, TIME_ZONE, travelTo, untilPhase } from '../flows/subscriptions/subscription-world';
import type { ReplayScenario } from './scenarios';

let subscription: { subscriptionId: string; start: string; proPlanId: string };

/** Hands the subscription's undelivered outbox events to the run, as the dispatcher does through the definition's triggers. */
async function deliverEvents(h: EngineHarness, handle: WorkflowHandle): Promise<void> {
  const events = await h.db.knex('domain_events').where({ company_id: h.companyId }).whereNull('dispatched_at')
    .whereIn('name', ['invoice.paid', 'subscription.change_requested', 'dunning.exhausted']).orderBy('occurred_at');
  for (const event of events) {
    await handle.signal(eventSignal, { name: event.name, payload: event.payload, eventId: event.event_id });
    await h.db.knex('domain_events').where({ id: event.id }).update({ dispatched_at: h.db.knex.fn.now() });
  }
}

const invoiceNumbered = (number: string) => (vars: Record<string, unknown>) => (vars.invoice as { invoiceNumber?: string } | null)?.invoiceNumber === number;

/** The built-in subscription lifecycle: a 3-day trial, a paid first invoice, an upgrade, an unpaid second invoice, past_due, dunning exhausted. */
export const subscriptionScenario: ReplayScenario = {
  name: 'subscription-trial-upgrade-exhausted',
  definitions: [TEMPLATE],
  async prepare(h) {
    const plan = (code: string, amount: number) => insertRow(h.db.knex, 'plans', { code, name: code, currency: 'EUR', amount_minor: amount, interval_unit: 'month' });
    const basic = await plan('replay-basic', 2900);
    const proPlanId = await plan('replay-pro', 9900);
    const contactId = await insertRow(h.db.knex, 'contacts', { company_id: h.companyId, name: 'Replay customer', email: 'replay-subscriber@example.test' });
    await insertRow(h.db.knex, 'revenue_categories', { company_id: h.companyId, code: 'SUBS', name: 'Subscriptions' });
    for (const code of ['SALES', 'OPS']) await insertRow(h.db.knex, 'cost_centers', { company_id: h.companyId, code, name: code });
    const { subscriptionId } = await activateSubscription(h.scope, { planId: basic, contactId, trialDays: 3 });
    subscription = { subscriptionId, start: calendarDateAt(new Date(await h.env.currentTimeMs()).toISOString(), TIME_ZONE), proPlanId };
    return { subscriptionId, trialDays: 3 };
  },
  async drive(handle, h) {
    const { subscriptionId, start, proPlanId } = subscription;
    await untilPhase(handle, 'trialing');
    await travelTo(h, dateAddDays(start, 3));
    const first = await untilPhase(handle, 'collecting', invoiceNumbered('INV-0001'));
    const invoice = first.vars.invoice as { invoiceId: string; totalMinor: number };
    await recordInvoicePayment(h.scope, { invoiceId: invoice.invoiceId, amountMinor: invoice.totalMinor, currency: 'EUR', idempotencyKey: 'replay-subscription-payment' });
    await deliverEvents(h, handle);
    await untilPhase(handle, 'settled');

    await travelTo(h, dateAddDays(start, 13));
    await requestPlanChange(h.scope, subscriptionId, { planId: proPlanId, effective: 'now', requestId: 'replay-upgrade' });
    await deliverEvents(h, handle);
    const upgraded = await untilPhase(handle, 'settled', (vars) => vars.lastPlanChange !== null);

    await travelTo(h, upgraded.vars.periodEnd as string);
    const second = await untilPhase(handle, 'collecting', invoiceNumbered('INV-0002'));
    const overdueOn = dateAddDays((second.vars.invoice as { dueDate: string }).dueDate, 1);
    await travelTo(h, overdueOn);
    const pastDue = await untilPhase(handle, 'pastDue');
    const invoiceId = (pastDue.vars.invoice as { invoiceId: string }).invoiceId;
    await h.db.knex.transaction((trx) => emitDomainEvent(trx, h.companyId, {
      name: 'dunning.exhausted', entity: { type: 'invoice', id: invoiceId }, eventId: `dunning.exhausted:${invoiceId}`,
      payload: { invoiceId, subscriptionId, finalAction: 'suspendSubscription' },
    }));
    await deliverEvents(h, handle);
  },
};
