import {
  PlanNotEligibleError, SubscriptionChangeRefusedError, pauseSubscription, requestCancellation, requestPlanChange, resumeSubscription, withdrawPendingChange,
} from '../../../engine/billing/subscriptions';
import { createEngineHarness, type EngineHarness } from '../../helpers/engine-harness';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import {
  createCompany, createPlans, dispatch, eventuallyRow, invoicesOf, linesOf, outputOf, payInFull, subscribe, subscriptionRow, travelTo, untilPhase,
  yearAhead, type Company, type Plans,
} from './subscription-world';

installQuietWorkerRuntime();
let h: EngineHarness;
let plans: Plans;
beforeAll(async () => {
  h = await createEngineHarness();
  plans = await createPlans(h);
}, 60_000);
afterAll(() => h?.teardown());

/** A Basic subscription from 1 March of `year`, its first invoice paid: settled in its first period. */
async function paidUpFromMarch(slug: string) {
  const year = await yearAhead(h);
  const company = await createCompany(h, slug);
  await travelTo(h, `${year}-03-01`);
  const started = await subscribe(h, company, plans.basic);
  await untilPhase(started.handle, 'collecting');
  const [first] = await invoicesOf(company, started.subscriptionId);
  await payInFull(h, company, first.id);
  await untilPhase(started.handle, 'settled');
  return { year, company, ...started };
}

const lastInvoiceIs = (number: string) => (vars: Record<string, unknown>) => (vars.invoice as { invoiceNumber: string }).invoiceNumber === number;
const pendingLines = (company: Company, subscriptionId: string) =>
  company.scope.knex('invoice_lines').where({ company_id: company.companyId, subscription_id: subscriptionId }).whereNull('invoice_id').orderBy('amount_minor').select('kind', 'amount_minor', 'period_start', 'period_end');

test('an upgrade mid-period is prorated by days: credit 19.65 for Basic, charge 67.06 for Pro, net 47.41, billed on the next invoice to the minor unit', async () => {
  const { year, company, subscriptionId, handle } = await paidUpFromMarch('upgrade');
  // 11 March: 21 of March's 31 days remain.
  await travelTo(h, `${year}-03-11`);
  await requestPlanChange(company.scope, subscriptionId, { planId: plans.pro, effective: 'now' });
  await dispatch(h);
  const state = await untilPhase(handle, 'settled', (vars) => vars.lastPlanChange !== null);
  expect(state.vars.lastPlanChange).toEqual({
    planId: plans.pro, planAmountMinor: 9900, prorated: true, daysInPeriod: 31, daysRemaining: 21, creditMinor: 1965, chargeMinor: 6706, netMinor: 4741,
  });
  expect((await subscriptionRow(company, subscriptionId)).plan_id).toBe(plans.pro);
  expect(await pendingLines(company, subscriptionId)).toEqual([
    { kind: 'proration_credit', amount_minor: -1965, period_start: `${year}-03-11`, period_end: `${year}-04-01` },
    { kind: 'proration_charge', amount_minor: 6706, period_start: `${year}-03-11`, period_end: `${year}-04-01` },
  ]);

  await travelTo(h, `${year}-04-01`);
  await untilPhase(handle, 'collecting', lastInvoiceIs('INV-0002'));
  const second = (await invoicesOf(company, subscriptionId))[1];
  // Pro 99.00 − 19.65 + 67.06 = 146.41.
  expect(second).toMatchObject({ invoice_number: 'INV-0002', subtotal_minor: 14641, total_minor: 14641, issue_date: `${year}-04-01` });
  expect(await linesOf(company, second.id)).toEqual([
    { kind: 'subscription', amount: 9900, period: [`${year}-04-01`, `${year}-05-01`] },
    { kind: 'proration_charge', amount: 6706, period: [`${year}-03-11`, `${year}-04-01`] },
    { kind: 'proration_credit', amount: -1965, period: [`${year}-03-11`, `${year}-04-01`] },
  ]);
  expect(await pendingLines(company, subscriptionId)).toEqual([]);
});

test('a cancellation booked for the period end can be withdrawn, and the subscription renews; booked again, it ends the subscription at the period end with no new invoice', async () => {
  const { year, company, subscriptionId, handle } = await paidUpFromMarch('cancel-at-end');
  await travelTo(h, `${year}-03-20`);
  await requestCancellation(company.scope, subscriptionId, { effective: 'period_end' });
  await dispatch(h);
  await eventuallyRow(() => subscriptionRow(company, subscriptionId), (row) => row.cancel_at_period_end === true);
  await withdrawPendingChange(company.scope, subscriptionId);
  await dispatch(h);
  await eventuallyRow(() => subscriptionRow(company, subscriptionId), (row) => row.cancel_at_period_end === false);
  await untilPhase(handle, 'settled', (vars) => vars.cancelAtPeriodEnd === false);

  await travelTo(h, `${year}-04-01`);
  await untilPhase(handle, 'collecting', lastInvoiceIs('INV-0002'));
  expect((await subscriptionRow(company, subscriptionId)).status).toBe('active');
  await payInFull(h, company, (await invoicesOf(company, subscriptionId))[1].id);
  await untilPhase(handle, 'settled');

  await requestCancellation(company.scope, subscriptionId, { effective: 'period_end' });
  await dispatch(h);
  await untilPhase(handle, 'settled', (vars) => vars.cancelAtPeriodEnd === true);
  await travelTo(h, `${year}-04-30`, '23:00');
  expect((await subscriptionRow(company, subscriptionId)).status).toBe('active');
  await travelTo(h, `${year}-05-01`);
  expect(await outputOf(handle)).toEqual({ subscriptionId, status: 'canceled' });
  const canceled = await subscriptionRow(company, subscriptionId);
  expect(canceled).toMatchObject({ status: 'canceled', cancel_at_period_end: false });
  // 00:00 on 1 May in Lisbon (UTC+1 in summer), to the minute of the run's clock.
  expect((canceled.canceled_at as Date).toISOString().slice(0, 16)).toBe(`${year}-04-30T23:00`);
  expect((await invoicesOf(company, subscriptionId)).map((i) => i.invoice_number)).toEqual(['INV-0001', 'INV-0002']);
});

test('a plan change booked for the period end is billed from the next period without proration; a withdrawn one never applies', async () => {
  const { year, company, subscriptionId, handle } = await paidUpFromMarch('plan-at-end');
  await requestPlanChange(company.scope, subscriptionId, { planId: plans.pro, effective: 'period_end' });
  await dispatch(h);
  await eventuallyRow(() => subscriptionRow(company, subscriptionId), (row) => row.pending_plan_id === plans.pro);
  await withdrawPendingChange(company.scope, subscriptionId);
  await dispatch(h);
  await untilPhase(handle, 'settled', (vars) => vars.pendingPlanId === null);
  expect((await subscriptionRow(company, subscriptionId)).pending_plan_id).toBeNull();

  await travelTo(h, `${year}-04-01`);
  await untilPhase(handle, 'collecting', lastInvoiceIs('INV-0002'));
  expect((await invoicesOf(company, subscriptionId))[1].total_minor).toBe(2900);
  await payInFull(h, company, (await invoicesOf(company, subscriptionId))[1].id);
  await untilPhase(handle, 'settled');

  await requestPlanChange(company.scope, subscriptionId, { planId: plans.pro, effective: 'period_end' });
  await dispatch(h);
  await untilPhase(handle, 'settled', (vars) => vars.pendingPlanId === plans.pro);
  expect((await subscriptionRow(company, subscriptionId)).plan_id).toBe(plans.basic);
  await travelTo(h, `${year}-05-01`);
  await untilPhase(handle, 'collecting', lastInvoiceIs('INV-0003'));
  const third = (await invoicesOf(company, subscriptionId))[2];
  expect(await linesOf(company, third.id)).toEqual([{ kind: 'subscription', amount: 9900, period: [`${year}-05-01`, `${year}-06-01`] }]);
  expect(await subscriptionRow(company, subscriptionId)).toMatchObject({ plan_id: plans.pro, pending_plan_id: null });
});

test('pause and resume: nothing is billed while paused; resumed within the paid period it goes on, resumed after it a new period starts that day', async () => {
  const { year, company, subscriptionId, handle } = await paidUpFromMarch('pause-resume');
  await travelTo(h, `${year}-03-05`);
  await pauseSubscription(company.scope, subscriptionId);
  await dispatch(h);
  await untilPhase(handle, 'paused');
  expect((await subscriptionRow(company, subscriptionId)).status).toBe('paused');
  await travelTo(h, `${year}-03-20`);
  await resumeSubscription(company.scope, subscriptionId);
  await dispatch(h);
  await untilPhase(handle, 'settled');
  expect(await subscriptionRow(company, subscriptionId)).toMatchObject({ status: 'active', current_period_start: `${year}-03-01`, current_period_end: `${year}-04-01` });

  await travelTo(h, `${year}-03-25`);
  await pauseSubscription(company.scope, subscriptionId);
  await dispatch(h);
  await untilPhase(handle, 'paused');
  // Two period ends pass while paused.
  await travelTo(h, `${year}-05-17`);
  await untilPhase(handle, 'paused');
  expect(await invoicesOf(company, subscriptionId)).toHaveLength(1);
  await resumeSubscription(company.scope, subscriptionId);
  await dispatch(h);
  await untilPhase(handle, 'collecting', lastInvoiceIs('INV-0002'));
  expect(await subscriptionRow(company, subscriptionId)).toMatchObject({ status: 'active', current_period_start: `${year}-05-17`, current_period_end: `${year}-06-17` });
  expect((await invoicesOf(company, subscriptionId))[1]).toMatchObject({ issue_date: `${year}-05-17`, total_minor: 2900 });
});

test('requests the subscription cannot take are refused before they reach the run, with typed errors', async () => {
  const { company, subscriptionId, handle } = await paidUpFromMarch('refusals');
  await expect(resumeSubscription(company.scope, subscriptionId)).rejects.toMatchObject({ name: 'SubscriptionChangeRefusedError', status: 409 });
  await expect(withdrawPendingChange(company.scope, subscriptionId)).rejects.toBeInstanceOf(SubscriptionChangeRefusedError);
  await expect(requestPlanChange(company.scope, subscriptionId, { planId: plans.yearly, effective: 'now' })).rejects.toBeInstanceOf(PlanNotEligibleError);
  await expect(requestPlanChange(company.scope, subscriptionId, { planId: plans.basic, effective: 'now' })).rejects.toThrow('already on plan basic');
  expect(await company.scope.knex('domain_events').where({ company_id: company.companyId, name: 'subscription.change_requested' })).toEqual([]);

  await requestCancellation(company.scope, subscriptionId, { effective: 'now' });
  await dispatch(h);
  expect(await outputOf(handle)).toEqual({ subscriptionId, status: 'canceled' });
  await expect(pauseSubscription(company.scope, subscriptionId)).rejects.toThrow('A canceled subscription cannot pause');
});

test('in a trial a plan change costs nothing (no proration), and a cancellation booked for the period end ends it when the trial ends, before any invoice', async () => {
  const year = await yearAhead(h);
  const company = await createCompany(h, 'trial-changes');
  await travelTo(h, `${year}-06-01`);
  const { subscriptionId, handle } = await subscribe(h, company, plans.basic, 10);
  await untilPhase(handle, 'trialing');
  await requestPlanChange(company.scope, subscriptionId, { planId: plans.pro, effective: 'now' });
  await dispatch(h);
  const changed = await untilPhase(handle, 'trialing', (vars) => vars.lastPlanChange !== null);
  expect(changed.vars.lastPlanChange).toMatchObject({ prorated: false, creditMinor: 0, chargeMinor: 0, netMinor: 0, planId: plans.pro });
  expect(await pendingLines(company, subscriptionId)).toEqual([]);

  await requestCancellation(company.scope, subscriptionId, { effective: 'period_end' });
  await dispatch(h);
  await untilPhase(handle, 'trialing', (vars) => vars.cancelAtPeriodEnd === true);
  await travelTo(h, `${year}-06-11`);
  expect(await outputOf(handle)).toEqual({ subscriptionId, status: 'canceled' });
  expect(await subscriptionRow(company, subscriptionId)).toMatchObject({ status: 'canceled', plan_id: plans.pro });
  expect(await invoicesOf(company, subscriptionId)).toEqual([]);
});
