import type { TenantScope } from '../../db/tenant-scope';
import { instantAtDateTime } from '../../dsl/time/zoned-date';
import { intervalMonths, loadPlan } from './plans';
import { lockSubscription } from './subscription-row';
import type { SubscriptionStatus } from './subscription-status';

export interface StartSubscriptionRequest {
  subscriptionId: string;
  /** The run's first day, in the tenant's calendar. */
  startDate: string;
  /** The trial's last day + 1 (its first billed day), or null without a trial. */
  trialEndDate: string | null;
}

export interface SubscriptionSnapshot {
  status: SubscriptionStatus;
  planId: string;
  contactId: string | null;
  currency: string;
  amountMinor: number;
  intervalMonths: number;
}

/**
 * The run's first step: dates the trial by the run's own clock (the trial is the subscription's current period, as in
 * Stripe) and tells the run what it bills. Repeating it sets the same values.
 */
export async function startSubscription(scope: TenantScope, request: StartSubscriptionRequest): Promise<SubscriptionSnapshot> {
  return scope.transaction(async (tx) => {
    const subscription = await lockSubscription(tx.knex, tx.companyId, request.subscriptionId);
    if (request.trialEndDate && subscription.status === 'trialing') {
      const settings = await tx.knex('company_settings').where({ company_id: tx.companyId }).first('time_zone');
      await tx.knex('subscriptions').where({ company_id: tx.companyId, id: subscription.id }).update({
        trial_ends_at: instantAtDateTime(request.trialEndDate, '00:00', settings?.time_zone ?? 'UTC'),
        current_period_start: request.startDate,
        current_period_end: request.trialEndDate,
      });
    }
    const plan = await loadPlan(tx.knex, subscription.plan_id);
    return { status: subscription.status, planId: plan.id, contactId: subscription.contact_id, currency: plan.currency, amountMinor: plan.amount_minor, intervalMonths: intervalMonths(plan) };
  });
}
