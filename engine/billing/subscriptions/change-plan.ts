import type { TenantScope } from '../../db/tenant-scope';
import type { RoundingMode } from '../../dsl/logic/rounding';
import { checkPlanSwitch, loadPlan } from './plans';
import { prorate, type Proration } from './proration';
import { SubscriptionChangeRefusedError } from './subscription-errors';
import { lockSubscription } from './subscription-row';

export interface ChangePlanNowRequest {
  subscriptionId: string;
  planId: string;
  /** The tenant's calendar date of the change: the first day on the new plan. */
  changeDate: string;
  /** The request's id: it keys the proration lines, so a retried step books them once. */
  requestId: string;
  rounding: RoundingMode;
}

export interface PlanChanged extends Proration {
  planId: string;
  planAmountMinor: number;
  /** False in a trial: nothing has been billed, so there is nothing to prorate. */
  prorated: boolean;
}

/**
 * Switches the plan now. In a trial that is all. In an active period it books two pending lines on the subscription, which
 * the next invoice bills (as Stripe's default proration does): a credit for the old plan's unused days and a charge for the
 * new plan's remaining days (see prorate). An immediate change replaces any change booked for the period end.
 */
export async function changePlanNow(scope: TenantScope, request: ChangePlanNowRequest): Promise<PlanChanged> {
  return scope.transaction(async (tx) => {
    const subscription = await lockSubscription(tx.knex, tx.companyId, request.subscriptionId);
    const [oldPlan, newPlan] = [await loadPlan(tx.knex, subscription.plan_id), await loadPlan(tx.knex, request.planId)];
    const keys = { credit: `subscription:${subscription.id}:change:${request.requestId}:credit`, charge: `subscription:${subscription.id}:change:${request.requestId}:charge` };
    const booked = await tx.knex('invoice_lines').where({ company_id: tx.companyId }).whereIn('source_key', [keys.credit, keys.charge]).select('kind', 'amount_minor');
    if (subscription.plan_id === newPlan.id) {
      // A retried step whose first attempt committed: answer with what it did, so the run's view of the plan stays right.
      if (booked.length > 0) return describeBooked(subscription.current_period_start, subscription.current_period_end, request, newPlan, booked);
      if (subscription.status === 'trialing') return { ...unprorated(), planId: newPlan.id, planAmountMinor: newPlan.amount_minor, prorated: false };
    }
    if (subscription.status !== 'trialing' && subscription.status !== 'active') {
      throw new SubscriptionChangeRefusedError(`A ${subscription.status} subscription cannot change plan`, { subscriptionId: subscription.id });
    }
    checkPlanSwitch(oldPlan, newPlan);
    await tx.knex('subscriptions').where({ company_id: tx.companyId, id: subscription.id }).update({ plan_id: newPlan.id, pending_plan_id: null });
    if (subscription.status === 'trialing') return { ...unprorated(), planId: newPlan.id, planAmountMinor: newPlan.amount_minor, prorated: false };

    const { current_period_start: periodStart, current_period_end: periodEnd } = subscription;
    if (!periodStart || !periodEnd) throw new SubscriptionChangeRefusedError('The subscription has no current period to prorate', { subscriptionId: subscription.id });
    const proration = prorate({ oldAmountMinor: oldPlan.amount_minor, newAmountMinor: newPlan.amount_minor, periodStart, periodEnd, changeDate: request.changeDate, rounding: request.rounding });
    const common = { company_id: tx.companyId, subscription_id: subscription.id, invoice_id: null, currency: newPlan.currency, period_start: request.changeDate, period_end: periodEnd };
    const remaining = `${proration.daysRemaining} of ${proration.daysInPeriod} days`;
    const lines = [
      { ...common, kind: 'proration_credit', plan_id: oldPlan.id, amount_minor: -proration.creditMinor, source_key: keys.credit, description: `Unused time on ${oldPlan.name} (${remaining})` },
      { ...common, kind: 'proration_charge', plan_id: newPlan.id, amount_minor: proration.chargeMinor, source_key: keys.charge, description: `Remaining time on ${newPlan.name} (${remaining})` },
    ];
    await tx.knex('invoice_lines').insert(lines);
    return { ...proration, planId: newPlan.id, planAmountMinor: newPlan.amount_minor, prorated: true };
  });
}

export interface PendingChangeRequest {
  subscriptionId: string;
  /** The plan the next period starts on, or null for none. */
  pendingPlanId: string | null;
  cancelAtPeriodEnd: boolean;
}

/** Books (or, with null and false, withdraws) the changes that take effect at the end of the current period. */
export async function recordPendingChange(scope: TenantScope, request: PendingChangeRequest): Promise<PendingChangeRequest> {
  return scope.transaction(async (tx) => {
    const subscription = await lockSubscription(tx.knex, tx.companyId, request.subscriptionId);
    if (subscription.status !== 'trialing' && subscription.status !== 'active') {
      throw new SubscriptionChangeRefusedError(`A ${subscription.status} subscription has no period end to change at`, { subscriptionId: subscription.id });
    }
    if (request.pendingPlanId) checkPlanSwitch(await loadPlan(tx.knex, subscription.plan_id), await loadPlan(tx.knex, request.pendingPlanId));
    await tx.knex('subscriptions').where({ company_id: tx.companyId, id: subscription.id }).update({ pending_plan_id: request.pendingPlanId, cancel_at_period_end: request.cancelAtPeriodEnd });
    return request;
  });
}

function unprorated(): Proration {
  return { daysInPeriod: 0, daysRemaining: 0, creditMinor: 0, chargeMinor: 0, netMinor: 0 };
}

// The proration a committed first attempt booked, read back from its lines; prorate() on zero amounts only counts the days.
function describeBooked(periodStart: string | null, periodEnd: string | null, request: ChangePlanNowRequest, plan: { id: string; amount_minor: number }, booked: { kind: string; amount_minor: number }[]): PlanChanged {
  const creditMinor = -(booked.find((line) => line.kind === 'proration_credit')?.amount_minor ?? 0);
  const chargeMinor = booked.find((line) => line.kind === 'proration_charge')?.amount_minor ?? 0;
  const days = periodStart && periodEnd ? prorate({ oldAmountMinor: 0, newAmountMinor: 0, periodStart, periodEnd, changeDate: request.changeDate, rounding: request.rounding }) : unprorated();
  return { daysInPeriod: days.daysInPeriod, daysRemaining: days.daysRemaining, creditMinor, chargeMinor, netMinor: chargeMinor - creditMinor, planId: plan.id, planAmountMinor: plan.amount_minor, prorated: true };
}
