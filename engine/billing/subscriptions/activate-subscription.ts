import { DuplicateError } from '../../db/errors/constraint-errors';
import type { TenantScope } from '../../db/tenant-scope';
import { emitDomainEvent } from '../../events';
import { loadPlan } from './plans';
import { PlanNotEligibleError, SubscriptionAlreadyActiveError } from './subscription-errors';

export interface ActivateSubscriptionRequest {
  planId: string;
  /** The customer billed; invoices need one. */
  contactId: string;
  /** Days of free trial before the first invoice; defaults to the plan's trial_days. */
  trialDays?: number;
}

export interface ActivatedSubscription {
  subscriptionId: string;
  status: 'trialing' | 'active';
  trialDays: number;
}

const ONE_CURRENT_INDEX = 'subscriptions_one_current_per_company';

/**
 * Creates the company's subscription (trialing when it has trial days, else active) and, in the same transaction, emits
 * subscription.created, whose trigger starts the subscription-lifecycle run. A company with a subscription that is not
 * canceled is refused with SubscriptionAlreadyActiveError (409); the unique index decides between concurrent requests.
 */
export async function activateSubscription(scope: TenantScope, request: ActivateSubscriptionRequest): Promise<ActivatedSubscription> {
  const plan = await loadPlan(scope.knex, request.planId);
  if (!plan.active) throw new PlanNotEligibleError(`Plan ${plan.code} is no longer offered`, { planId: plan.id });
  const trialDays = request.trialDays ?? plan.trial_days;
  if (!Number.isSafeInteger(trialDays) || trialDays < 0) throw new PlanNotEligibleError(`Trial days must be a whole number, at least 0, not ${trialDays}`);
  const status = trialDays > 0 ? 'trialing' : 'active';
  try {
    return await scope.transaction(async (tx) => {
      const current = await currentSubscriptionId(tx);
      if (current) throw new SubscriptionAlreadyActiveError(current);
      const [row] = await tx.knex('subscriptions').insert({ company_id: tx.companyId, plan_id: plan.id, contact_id: request.contactId, status }).returning('id');
      await emitDomainEvent(tx.knex, tx.companyId, {
        name: 'subscription.created', entity: { type: 'subscription', id: row.id }, eventId: `subscription.created:${row.id}`,
        payload: { subscriptionId: row.id, planId: plan.id, trialDays },
      });
      return { subscriptionId: row.id as string, status, trialDays };
    });
  } catch (error) {
    // Two requests that both found no current subscription: the index let one insert through, this one lost.
    if (error instanceof DuplicateError && error.details.constraint === ONE_CURRENT_INDEX) throw new SubscriptionAlreadyActiveError(await currentSubscriptionId(scope));
    throw error;
  }
}

async function currentSubscriptionId(scope: TenantScope): Promise<string | undefined> {
  const row = await scope.knex('subscriptions').where({ company_id: scope.companyId }).whereNot({ status: 'canceled' }).first('id');
  return row?.id;
}
