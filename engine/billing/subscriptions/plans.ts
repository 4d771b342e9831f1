import type { Knex } from 'knex';
import { PlanNotEligibleError } from './subscription-errors';

export interface PlanRow {
  id: string;
  code: string;
  name: string;
  currency: string;
  amount_minor: number;
  interval_unit: 'month' | 'year';
  interval_count: number;
  trial_days: number;
  active: boolean;
}

/** Calendar months in one billing period of the plan: a yearly plan is 12. */
export function intervalMonths(plan: Pick<PlanRow, 'interval_unit' | 'interval_count'>): number {
  return plan.interval_unit === 'year' ? 12 * plan.interval_count : plan.interval_count;
}

/** Plans are global (no tenant), so any knex may read them. */
export async function loadPlan(knex: Knex, planId: string): Promise<PlanRow> {
  const plan = await knex('plans').where({ id: planId }).first();
  if (!plan) throw new PlanNotEligibleError(`No plan ${planId}`, { planId });
  return plan;
}

/**
 * A switch keeps the currency and the billing interval: periods stay anchored where they are and a proration compares
 * amounts of the same period. Switching interval is a cancellation and a new subscription.
 */
export function checkPlanSwitch(current: PlanRow, next: PlanRow): void {
  if (!next.active) throw new PlanNotEligibleError(`Plan ${next.code} is no longer offered`, { planId: next.id });
  if (next.id === current.id) throw new PlanNotEligibleError(`The subscription is already on plan ${next.code}`, { planId: next.id });
  if (next.currency !== current.currency) throw new PlanNotEligibleError(`Plan ${next.code} is billed in ${next.currency}, the subscription in ${current.currency}`, { planId: next.id });
  if (intervalMonths(next) !== intervalMonths(current)) {
    throw new PlanNotEligibleError(`Plan ${next.code} renews every ${intervalMonths(next)} month(s), the subscription every ${intervalMonths(current)}`, { planId: next.id });
  }
}
