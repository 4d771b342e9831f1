import { randomUUID } from 'node:crypto';
import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import { checkPlanSwitch, loadPlan } from './plans';
import { SubscriptionChangeRefusedError, SubscriptionNotFoundError } from './subscription-errors';
import type { SubscriptionStatus } from './subscription-status';

/**
 * Requests a person (or the API) makes of a subscription. Each validates against the subscription as it stands, then emits
 * subscription.change_requested to the subscription's run, which applies it; the run checks again, since it is the one
 * writer of the subscription's state. `requestId` makes a retried request harmless (the event is stored once).
 */
export type Effective = 'now' | 'period_end';

export interface ChangeRequested {
  requestId: string;
  eventId: string;
}

interface SubscriptionRow {
  id: string;
  status: SubscriptionStatus;
  plan_id: string;
  pending_plan_id: string | null;
  cancel_at_period_end: boolean;
}

const CHANGEABLE: SubscriptionStatus[] = ['trialing', 'active'];

export async function requestPlanChange(scope: TenantScope, subscriptionId: string, change: { planId: string; effective: Effective; requestId?: string }): Promise<ChangeRequested> {
  return emitChange(scope, subscriptionId, change.requestId, async (subscription) => {
    refuseUnless(subscription, CHANGEABLE, 'change plan');
    checkPlanSwitch(await loadPlan(scope.knex, subscription.plan_id), await loadPlan(scope.knex, change.planId));
    return { change: 'plan', planId: change.planId, effective: change.effective };
  });
}

export async function requestCancellation(scope: TenantScope, subscriptionId: string, change: { effective: Effective; requestId?: string }): Promise<ChangeRequested> {
  return emitChange(scope, subscriptionId, change.requestId, async (subscription) => {
    if (change.effective === 'now') refuseUnless(subscription, ['trialing', 'active', 'past_due', 'paused', 'unpaid'], 'cancel');
    else {
      refuseUnless(subscription, CHANGEABLE, 'cancel at the end of the period');
      if (subscription.cancel_at_period_end) throw new SubscriptionChangeRefusedError('The subscription is already set to cancel at the end of the period', { subscriptionId });
    }
    return { change: 'cancel', effective: change.effective };
  });
}

/** Withdraws the pending end-of-period change: a booked plan change and a cancellation at period end. */
export async function withdrawPendingChange(scope: TenantScope, subscriptionId: string, options: { requestId?: string } = {}): Promise<ChangeRequested> {
  return emitChange(scope, subscriptionId, options.requestId, async (subscription) => {
    refuseUnless(subscription, CHANGEABLE, 'withdraw a pending change');
    if (!subscription.pending_plan_id && !subscription.cancel_at_period_end) throw new SubscriptionChangeRefusedError('The subscription has no pending change to withdraw', { subscriptionId });
    return { change: 'withdraw' };
  });
}

/** Pauses billing now; allowed while active with no invoice open, so no invoice falls due while paused. */
export async function pauseSubscription(scope: TenantScope, subscriptionId: string, options: { requestId?: string } = {}): Promise<ChangeRequested> {
  return emitChange(scope, subscriptionId, options.requestId, async (subscription) => {
    refuseUnless(subscription, ['active'], 'pause');
    const open = await scope.knex('invoices').where({ company_id: scope.companyId, subscription_id: subscriptionId, status: 'open' }).first('id');
    if (open) throw new SubscriptionChangeRefusedError('The subscription has an open invoice: it can be paused once that is paid', { subscriptionId, invoiceId: open.id });
    return { change: 'pause' };
  });
}

export async function resumeSubscription(scope: TenantScope, subscriptionId: string, options: { requestId?: string } = {}): Promise<ChangeRequested> {
  return emitChange(scope, subscriptionId, options.requestId, async (subscription) => {
    refuseUnless(subscription, ['paused'], 'resume');
    return { change: 'resume' };
  });
}

function refuseUnless(subscription: SubscriptionRow, allowed: SubscriptionStatus[], what: string): void {
  if (!allowed.includes(subscription.status)) {
    throw new SubscriptionChangeRefusedError(`A ${subscription.status} subscription cannot ${what}`, { subscriptionId: subscription.id, status: subscription.status });
  }
}

async function emitChange(
  scope: TenantScope,
  subscriptionId: string,
  requestId: string | undefined,
  validate: (subscription: SubscriptionRow) => Promise<Record<string, string>>,
): Promise<ChangeRequested> {
  const id = requestId ?? randomUUID();
  return scope.transaction(async (tx) => {
    // Locked so that two requests on one subscription are validated one after the other.
    const subscription: SubscriptionRow | undefined = await tx.knex('subscriptions').where({ company_id: tx.companyId, id: subscriptionId }).forUpdate().first('id', 'status', 'plan_id', 'pending_plan_id', 'cancel_at_period_end');
    if (!subscription) throw new SubscriptionNotFoundError(subscriptionId);
    const change = await validate(subscription);
    const { eventId } = await emitDomainEvent(tx.knex, tx.companyId, {
      name: 'subscription.change_requested', entity: { type: 'subscription', id: subscriptionId }, eventId: `subscription.change_requested:${id}`,
      payload: { subscriptionId, requestId: id, ...change },
    });
    return { requestId: id, eventId };
  });
}
