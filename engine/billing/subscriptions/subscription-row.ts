import type { Knex } from 'knex';
import { SubscriptionNotFoundError } from './subscription-errors';
import type { SubscriptionStatus } from './subscription-status';

export interface SubscriptionRow {
  id: string;
  plan_id: string;
  contact_id: string | null;
  status: SubscriptionStatus;
  current_period_start: string | null;
  current_period_end: string | null;
  cancel_at_period_end: boolean;
  pending_plan_id: string | null;
}

/** Reads the subscription and locks it until `trx` ends: the run's steps on one subscription apply one after the other. */
export async function lockSubscription(trx: Knex, companyId: string, subscriptionId: string): Promise<SubscriptionRow> {
  const row = await trx('subscriptions').where({ company_id: companyId, id: subscriptionId }).forUpdate().first();
  if (!row) throw new SubscriptionNotFoundError(subscriptionId);
  return row;
}
