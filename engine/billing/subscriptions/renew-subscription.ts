import type { TenantScope } from '../../db/tenant-scope';
import { createInvoice, type CreatedInvoice } from '../invoices';
import { checkPlanSwitch, loadPlan } from './plans';
import { SubscriptionChangeRefusedError } from './subscription-errors';
import { lockSubscription } from './subscription-row';

export interface RenewSubscriptionRequest {
  subscriptionId: string;
  /** The plan of the new period: the current one, or the change booked for the period end. */
  planId: string;
  periodStart: string;
  periodEnd: string;
  issueDate: string;
  dueDate: string;
}

export interface RenewedSubscription extends CreatedInvoice {
  planId: string;
  planAmountMinor: number;
}

/**
 * Begins a billing period: applies a booked plan change, makes a trialing subscription active, records the period, and
 * issues its invoice (the plan's charge plus the pending proration lines), all in one transaction. The invoice's source key
 * is the period, so a retried step returns the invoice it already issued.
 */
export async function renewSubscription(scope: TenantScope, request: RenewSubscriptionRequest): Promise<RenewedSubscription> {
  return scope.transaction(async (tx) => {
    const subscription = await lockSubscription(tx.knex, tx.companyId, request.subscriptionId);
    if (subscription.status !== 'trialing' && subscription.status !== 'active') {
      throw new SubscriptionChangeRefusedError(`A ${subscription.status} subscription does not renew`, { subscriptionId: subscription.id });
    }
    if (!subscription.contact_id) throw new SubscriptionChangeRefusedError('The subscription has no contact to invoice', { subscriptionId: subscription.id });
    const plan = await loadPlan(tx.knex, request.planId);
    if (plan.id !== subscription.plan_id) checkPlanSwitch(await loadPlan(tx.knex, subscription.plan_id), plan);
    await tx.knex('subscriptions').where({ company_id: tx.companyId, id: subscription.id }).update({
      plan_id: plan.id, pending_plan_id: null, status: 'active', current_period_start: request.periodStart, current_period_end: request.periodEnd,
    });
    const invoice = await createInvoice(tx, {
      contactId: subscription.contact_id, subscriptionId: subscription.id, currency: plan.currency, issueDate: request.issueDate, dueDate: request.dueDate,
      sourceKey: `subscription:${subscription.id}:period:${request.periodStart}`, includePendingLines: true,
      lines: [{
        kind: 'subscription', description: `${plan.name}, ${request.periodStart} to ${request.periodEnd}`, amountMinor: plan.amount_minor,
        planId: plan.id, periodStart: request.periodStart, periodEnd: request.periodEnd,
      }],
    });
    return { ...invoice, planId: plan.id, planAmountMinor: plan.amount_minor };
  });
}
