import {
  activateSubscription, changePlanNow, markPastDue, renewSubscription, setSubscriptionStatus, startSubscription, SubscriptionChangeRefusedError,
} from '../../../engine/billing/subscriptions';
import { tenantScope, type TenantScope } from '../../../engine/db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createTenant, insertRow } from '../../helpers/tenant-fixtures';

// Each step of the lifecycle run may be retried after it committed (a worker lost before reporting): doing it again must
// find what the first attempt wrote, never write it twice.
let db: TestDatabase;
let scope: TenantScope;
let subscriptionId: string;
let plans: { basic: string; pro: string };

beforeAll(async () => {
  db = await createTestDatabase();
  const { companyId } = await createTenant(db.knex, 'retries');
  scope = tenantScope(db.knex, companyId);
  const plan = (code: string, amount: number) => insertRow(db.knex, 'plans', { code, name: code, currency: 'EUR', amount_minor: amount, interval_unit: 'month' });
  plans = { basic: await plan('basic', 2900), pro: await plan('pro', 9900) };
  const contactId = await insertRow(db.knex, 'contacts', { company_id: companyId, name: 'Customer' });
  ({ subscriptionId } = await activateSubscription(scope, { planId: plans.basic, contactId, trialDays: 14 }));
});
afterAll(() => db.drop());

const count = async (table: string, where: Record<string, unknown> = {}) => Number((await scope.knex(table).where({ company_id: scope.companyId, ...where }).count('* as n').first())?.n);

test('starting twice dates the trial once, the same way', async () => {
  const request = { subscriptionId, startDate: '2027-03-01', trialEndDate: '2027-03-15' };
  const first = await startSubscription(scope, request);
  expect(await startSubscription(scope, request)).toEqual(first);
  expect(first).toEqual({ status: 'trialing', planId: plans.basic, contactId: expect.any(String), currency: 'EUR', amountMinor: 2900, intervalMonths: 1 });
  expect(await scope.knex('subscriptions').where({ id: subscriptionId }).first()).toMatchObject({ current_period_start: '2027-03-01', current_period_end: '2027-03-15', trial_ends_at: new Date('2027-03-15T00:00:00Z') });
});

test('a plan change in the trial, retried, answers the same (nothing to prorate) and keeps the new plan', async () => {
  const request = { subscriptionId, planId: plans.pro, changeDate: '2027-03-05', requestId: 'trial-change', rounding: 'half_up' as const };
  const first = await changePlanNow(scope, request);
  expect(first).toEqual({ planId: plans.pro, planAmountMinor: 9900, prorated: false, daysInPeriod: 0, daysRemaining: 0, creditMinor: 0, chargeMinor: 0, netMinor: 0 });
  expect(await changePlanNow(scope, request)).toEqual(first);
  expect((await scope.knex('subscriptions').where({ id: subscriptionId }).first()).plan_id).toBe(plans.pro);
  expect(await count('invoice_lines')).toBe(0);
});

test('renewing the same period twice issues one invoice with one number', async () => {
  const request = { subscriptionId, planId: plans.basic, periodStart: '2027-03-15', periodEnd: '2027-04-15', issueDate: '2027-03-15', dueDate: '2027-03-29' };
  const [first, again] = [await renewSubscription(scope, request), await renewSubscription(scope, request)];
  expect(again).toEqual({ ...first, created: false });
  expect(first).toMatchObject({ invoiceNumber: 'INV-0001', status: 'open', totalMinor: 2900, created: true });
  expect(await count('invoices')).toBe(1);
  expect(await count('invoice_lines')).toBe(1);
  expect((await scope.knex('subscriptions').where({ id: subscriptionId }).first()).status).toBe('active');
});

test('an immediate plan change retried with its request id books its proration once', async () => {
  const request = { subscriptionId, planId: plans.pro, changeDate: '2027-03-25', requestId: 'request-1', rounding: 'half_up' as const };
  const first = await changePlanNow(scope, request);
  // 21 of 31 days remain (25 March to 15 April): 2900 × 21/31 = 1964.5… → 1965; 9900 × 21/31 = 6706.4… → 6706.
  expect(first).toMatchObject({ prorated: true, daysInPeriod: 31, daysRemaining: 21, creditMinor: 1965, chargeMinor: 6706, netMinor: 4741 });
  expect(await changePlanNow(scope, request)).toEqual(first);
  expect(await count('invoice_lines', { invoice_id: null })).toBe(2);
});

test('marking past due twice moves the status once and emits invoice.overdue once', async () => {
  const invoice = await scope.knex('invoices').where({ company_id: scope.companyId }).first('id');
  const request = { subscriptionId, invoiceId: invoice.id, at: '2027-03-30T00:00:00.000Z' };
  expect(await markPastDue(scope, request)).toEqual({ from: 'active', to: 'past_due', amountDueMinor: 2900 });
  expect(await markPastDue(scope, request)).toEqual({ from: 'past_due', to: 'past_due', amountDueMinor: 2900 });
  expect(await count('domain_events', { name: 'invoice.overdue' })).toBe(1);
});

test('a status change repeated is a no-op; one off the documented table is refused', async () => {
  const at = '2027-04-02T00:00:00.000Z';
  expect(await setSubscriptionStatus(scope, { subscriptionId, status: 'active', at })).toEqual({ from: 'past_due', to: 'active' });
  expect(await setSubscriptionStatus(scope, { subscriptionId, status: 'active', at })).toEqual({ from: 'active', to: 'active' });
  await expect(setSubscriptionStatus(scope, { subscriptionId, status: 'unpaid', at })).rejects.toBeInstanceOf(SubscriptionChangeRefusedError);
  expect(await setSubscriptionStatus(scope, { subscriptionId, status: 'canceled', at })).toEqual({ from: 'active', to: 'canceled' });
  expect(await scope.knex('subscriptions').where({ id: subscriptionId }).first()).toMatchObject({ status: 'canceled', canceled_at: new Date(at), ended_at: new Date(at), pending_plan_id: null });
  await expect(setSubscriptionStatus(scope, { subscriptionId, status: 'active', at })).rejects.toThrow('A canceled subscription cannot become active');
});
