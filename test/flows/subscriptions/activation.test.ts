import { activateSubscription, PlanNotEligibleError, SubscriptionAlreadyActiveError } from '../../../engine/billing/subscriptions';
import { tenantScope, type TenantScope } from '../../../engine/db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createTenant, insertRow } from '../../helpers/tenant-fixtures';

let db: TestDatabase;
let planId: string;
let trialPlanId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  planId = await insertRow(db.knex, 'plans', { code: 'team', name: 'Team', currency: 'EUR', amount_minor: 4900, interval_unit: 'month' });
  trialPlanId = await insertRow(db.knex, 'plans', { code: 'trial-team', name: 'Team with trial', currency: 'EUR', amount_minor: 4900, interval_unit: 'month', trial_days: 30 });
});
afterAll(() => db.drop());

async function company(slug: string): Promise<{ scope: TenantScope; contactId: string }> {
  const { companyId } = await createTenant(db.knex, slug);
  return { scope: tenantScope(db.knex, companyId), contactId: await insertRow(db.knex, 'contacts', { company_id: companyId, name: 'Customer' }) };
}

const currentSubscriptions = (scope: TenantScope) => scope.knex('subscriptions').where({ company_id: scope.companyId }).whereNot({ status: 'canceled' });
const createdEvents = (scope: TenantScope) => scope.knex('domain_events').where({ company_id: scope.companyId, name: 'subscription.created' });

test('concurrent activation attempts for one company: exactly one wins, every other is refused with SubscriptionAlreadyActiveError (409)', async () => {
  const { scope, contactId } = await company('race');
  const attempts = await Promise.allSettled(Array.from({ length: 8 }, () => activateSubscription(scope, { planId, contactId })));

  const won = attempts.filter((a) => a.status === 'fulfilled');
  const refused = attempts.filter((a): a is PromiseRejectedResult => a.status === 'rejected').map((a) => a.reason);
  expect(won).toHaveLength(1);
  const winner = (won[0] as PromiseFulfilledResult<{ subscriptionId: string }>).value.subscriptionId;
  expect(refused).toHaveLength(7);
  for (const error of refused) {
    expect(error).toBeInstanceOf(SubscriptionAlreadyActiveError);
    expect(error).toMatchObject({ status: 409, code: 'subscription_already_active', expose: true, existingSubscriptionId: winner });
  }
  expect((await currentSubscriptions(scope)).map((s) => s.id)).toEqual([winner]);
  // Only the winner's transaction committed its event, so one lifecycle run starts.
  expect((await createdEvents(scope)).map((e) => e.entity_id)).toEqual([winner]);
});

test('an activation that passes its check while another is being inserted is refused by the unique index, with the same typed error', async () => {
  const { scope, contactId } = await company('index-decides');
  // An uncommitted insert: invisible to the activation's check, but its index entry makes the activation's insert wait.
  const blocker = await db.knex.transaction();
  const [held] = await blocker('subscriptions').insert({ company_id: scope.companyId, plan_id: planId, contact_id: contactId, status: 'active' }).returning('id');
  const activation = activateSubscription(scope, { planId, contactId });
  await new Promise((resolve) => setTimeout(resolve, 200));
  await blocker.commit();
  await expect(activation).rejects.toMatchObject({ name: 'SubscriptionAlreadyActiveError', status: 409, existingSubscriptionId: held.id });
  expect(await createdEvents(scope)).toEqual([]);
});

test('a second activation is refused while the first is current in any status but canceled; once canceled, the company subscribes again', async () => {
  const { scope, contactId } = await company('sequential');
  const first = await activateSubscription(scope, { planId, contactId });
  for (const status of ['active', 'past_due', 'paused', 'unpaid', 'trialing']) {
    await scope.knex('subscriptions').where({ id: first.subscriptionId }).update({ status });
    await expect(activateSubscription(scope, { planId, contactId })).rejects.toBeInstanceOf(SubscriptionAlreadyActiveError);
  }
  await scope.knex('subscriptions').where({ id: first.subscriptionId }).update({ status: 'canceled' });
  await expect(activateSubscription(scope, { planId, contactId })).resolves.toMatchObject({ status: 'active' });
});

test("trial days come from the request, else the plan; with a trial the subscription starts trialing and subscription.created carries them", async () => {
  const byPlan = await company('plan-trial');
  await expect(activateSubscription(byPlan.scope, { planId: trialPlanId, contactId: byPlan.contactId })).resolves.toMatchObject({ status: 'trialing', trialDays: 30 });
  const byRequest = await company('no-trial');
  const noTrial = await activateSubscription(byRequest.scope, { planId: trialPlanId, contactId: byRequest.contactId, trialDays: 0 });
  expect(noTrial).toMatchObject({ status: 'active', trialDays: 0 });
  expect((await createdEvents(byRequest.scope))[0]).toMatchObject({ entity_type: 'subscription', entity_id: noTrial.subscriptionId, payload: { subscriptionId: noTrial.subscriptionId, planId: trialPlanId, trialDays: 0 } });
});

test('a plan that is no longer offered cannot be subscribed to', async () => {
  const { scope, contactId } = await company('retired-plan');
  const retired = await insertRow(db.knex, 'plans', { code: 'retired', name: 'Retired', currency: 'EUR', amount_minor: 100, interval_unit: 'month', active: false });
  await expect(activateSubscription(scope, { planId: retired, contactId })).rejects.toBeInstanceOf(PlanNotEligibleError);
  expect(await currentSubscriptions(scope)).toEqual([]);
});
