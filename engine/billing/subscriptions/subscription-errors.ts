import { DataError } from '../../db/errors/tenant-errors';

/** The company already has a subscription that is not canceled: at most one per company. */
export class SubscriptionAlreadyActiveError extends DataError {
  constructor(readonly existingSubscriptionId: string | undefined) {
    super(
      `This company already has a current subscription${existingSubscriptionId ? ` (${existingSubscriptionId})` : ''}: cancel it before activating another`,
      409,
      'subscription_already_active',
      { existingSubscriptionId },
    );
  }
}

export class SubscriptionNotFoundError extends DataError {
  constructor(subscriptionId: string) {
    super(`No subscription ${subscriptionId} in this tenant`, 404, 'subscription_not_found', { subscriptionId });
  }
}

/** A change that the subscription's current state does not allow (e.g. resuming one that is not paused). */
export class SubscriptionChangeRefusedError extends DataError {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(reason, 409, 'subscription_change_refused', details);
  }
}

/** A plan that cannot be subscribed or switched to: unknown, inactive, or billed in another currency or interval. */
export class PlanNotEligibleError extends DataError {
  constructor(reason: string, details: Record<string, unknown> = {}) {
    super(reason, 422, 'plan_not_eligible', details);
  }
}
