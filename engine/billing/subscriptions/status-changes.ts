import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import { SubscriptionChangeRefusedError } from './subscription-errors';
import { lockSubscription, type SubscriptionRow } from './subscription-row';
import { canTransition, type SubscriptionStatus } from './subscription-status';

export interface StatusChangeRequest {
  subscriptionId: string;
  status: SubscriptionStatus;
  /** The run's clock: when a cancellation happened. */
  at: string;
}

export interface StatusChanged {
  from: SubscriptionStatus;
  to: SubscriptionStatus;
}

/**
 * Moves the subscription along one transition of SUBSCRIPTION_TRANSITIONS; moving to the status it already has changes
 * nothing (a retried step). A cancellation ends it (canceled_at, ended_at) and clears what was booked for the period end.
 */
export async function setSubscriptionStatus(scope: TenantScope, request: StatusChangeRequest): Promise<StatusChanged> {
  return scope.transaction(async (tx) => moveTo(tx, await lockSubscription(tx.knex, tx.companyId, request.subscriptionId), request.status, request.at));
}

export interface MarkPastDueRequest {
  subscriptionId: string;
  invoiceId: string;
  at: string;
}

/**
 * The invoice was not paid by its due date: the subscription becomes past_due and, in the same transaction, invoice.overdue
 * is emitted with the invoice as entity, which starts the tenant's dunning flow. Its id is per invoice, so once only.
 */
export async function markPastDue(scope: TenantScope, request: MarkPastDueRequest): Promise<StatusChanged & { amountDueMinor: number }> {
  return scope.transaction(async (tx) => {
    const subscription = await lockSubscription(tx.knex, tx.companyId, request.subscriptionId);
    const invoice = await tx.knex('invoices').where({ company_id: tx.companyId, id: request.invoiceId, subscription_id: subscription.id }).first();
    if (!invoice) throw new SubscriptionChangeRefusedError(`Invoice ${request.invoiceId} is not an invoice of this subscription`, { subscriptionId: subscription.id });
    const changed = await moveTo(tx, subscription, 'past_due', request.at);
    const amountDueMinor = Math.max(0, invoice.total_minor - invoice.amount_paid_minor);
    await emitDomainEvent(tx.knex, tx.companyId, {
      name: 'invoice.overdue', entity: { type: 'invoice', id: invoice.id }, eventId: `invoice.overdue:${invoice.id}`,
      payload: { invoiceId: invoice.id, subscriptionId: subscription.id, contactId: invoice.contact_id, amountDue: amountDueMinor, currency: invoice.currency, dueDate: invoice.due_date },
    });
    return { ...changed, amountDueMinor };
  });
}

async function moveTo(tx: TenantScope, subscription: SubscriptionRow, to: SubscriptionStatus, at: string): Promise<StatusChanged> {
  const from = subscription.status;
  if (from === to) return { from, to };
  if (!canTransition(from, to)) throw new SubscriptionChangeRefusedError(`A ${from} subscription cannot become ${to}`, { subscriptionId: subscription.id, from, to });
  const ended = to === 'canceled' ? { canceled_at: at, ended_at: at, cancel_at_period_end: false, pending_plan_id: null } : {};
  await tx.knex('subscriptions').where({ company_id: tx.companyId, id: subscription.id }).update({ status: to, ...ended });
  return { from, to };
}
