/** The states of a subscription and the moves between them; definitions/subscription-states.md is this table for people. */
export const SUBSCRIPTION_STATUSES = ['trialing', 'active', 'past_due', 'paused', 'canceled', 'unpaid'] as const;
export type SubscriptionStatus = (typeof SUBSCRIPTION_STATUSES)[number];

export interface SubscriptionTransition {
  from: SubscriptionStatus;
  to: SubscriptionStatus;
  when: string;
}

export const SUBSCRIPTION_TRANSITIONS: readonly SubscriptionTransition[] = [
  { from: 'trialing', to: 'active', when: 'the trial ends: the first invoice is issued' },
  { from: 'trialing', to: 'canceled', when: 'cancelled now, or the trial ends with cancel_at_period_end set' },
  { from: 'active', to: 'past_due', when: 'an invoice is still unpaid the day after its due date; invoice.overdue starts dunning' },
  { from: 'active', to: 'paused', when: 'paused, with no invoice open' },
  { from: 'active', to: 'canceled', when: 'cancelled now, or the period ends with cancel_at_period_end set' },
  { from: 'past_due', to: 'active', when: 'the overdue invoice is paid (invoice.paid): dunning recovered it' },
  { from: 'past_due', to: 'canceled', when: 'dunning.exhausted with onDunningExhausted "canceled", or cancelled now' },
  { from: 'past_due', to: 'unpaid', when: 'dunning.exhausted with onDunningExhausted "unpaid"' },
  { from: 'paused', to: 'active', when: 'resumed' },
  { from: 'paused', to: 'canceled', when: 'cancelled now' },
  { from: 'unpaid', to: 'active', when: 'the overdue invoice is paid late: a new period starts that day' },
  { from: 'unpaid', to: 'canceled', when: 'cancelled now' },
];

export function canTransition(from: SubscriptionStatus, to: SubscriptionStatus): boolean {
  return SUBSCRIPTION_TRANSITIONS.some((t) => t.from === from && t.to === to);
}

/** Every status but canceled holds the company's one subscription slot (the unique index subscriptions_one_current_per_company). */
export const CURRENT_STATUSES: readonly SubscriptionStatus[] = SUBSCRIPTION_STATUSES.filter((status) => status !== 'canceled');
