import { randomBytes } from 'node:crypto';
import type { Server } from 'node:http';
import { createApp } from '../../engine/api/app';
import { createSignInLimiter } from '../../engine/auth/sign-in-limiter';
import { coreActionCatalogue } from '../../engine/definition-store/core-catalogue';
import { definitionStore } from '../../engine/definition-store/definition-store';
import { dispatchPendingEvents } from '../../engine/events';
import { workflowIdFor } from '../../engine/runs/workflow-ids';
import { createSecretBox } from '../../engine/security/secret-box';
import { createEngineHarness, type EngineHarness } from '../helpers/engine-harness';
import { eventually } from '../helpers/eventually';
import { insertRow } from '../helpers/tenant-fixtures';
import { LIFECYCLE, TIME_ZONE, outputOf, travelTo, untilPhase, yearAhead } from '../flows/subscriptions/subscription-world';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { signUpCompany, type SignedIn } from './helpers/api-harness';

installQuietWorkerRuntime();
let h: EngineHarness;
let server: Server;
let plans: { basic: string; pro: string };

beforeAll(async () => {
  // The API over the engine harness's database and Temporal test server, so the harness's worker runs the lifecycle
  // runs that the API's requests reach.
  h = await createEngineHarness();
  const app = createApp({ knex: h.db.knex, secretBox: createSecretBox(randomBytes(32)), signInLimiter: createSignInLimiter(10_000), temporal: h.engine });
  server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  // Plans are the platform's global catalogue, which the API does not write.
  const plan = (code: string, amountMinor: number) =>
    insertRow(h.db.knex, 'plans', { code, name: code[0].toUpperCase() + code.slice(1), currency: 'EUR', amount_minor: amountMinor, interval_unit: 'month', interval_count: 1 });
  plans = { basic: await plan('basic', 2_900), pro: await plan('pro', 9_900) };
}, 60_000);
afterAll(async () => {
  server?.closeAllConnections();
  await new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve()));
  await h?.teardown();
});

/** What the product's event dispatcher does in the background: committed outbox events reach their runs. */
const dispatch = () => dispatchPendingEvents(h.db.knex, { engine: h.engine, storeFor: (scope) => definitionStore(scope, coreActionCatalogue()) });

/** A company signed up through the API (with its built-in flows), in Lisbon time, with what the lifecycle books revenue to. */
async function companyThroughApi(slug: string): Promise<{ company: SignedIn; contactId: string }> {
  const company = await signUpCompany(server, slug);
  expect((await company.agent.patch('/api/company-settings').send({ time_zone: TIME_ZONE })).status).toBe(200);
  expect((await company.agent.post('/api/revenue-categories').send({ code: 'SUBS', name: 'Subscriptions' })).status).toBe(201);
  for (const code of ['SALES', 'OPS']) expect((await company.agent.post('/api/cost-centers').send({ code, name: code })).status).toBe(201);
  const contact = await company.agent.post('/api/contacts').send({ kind: 'organization', name: `Customer ${slug}`, email: `billing@${slug}.example` });
  expect(contact.status).toBe(201);
  return { company, contactId: contact.body.id };
}

async function invoicesThroughApi(company: SignedIn, subscriptionId: string) {
  const listed = await company.agent.get(`/api/invoices?subscription_id=${subscriptionId}&sort=invoice_number`);
  expect(listed.status).toBe(200);
  return listed.body.data as { id: string; invoice_number: string; status: string; subtotal_minor: number; total_minor: number; amount_paid_minor: number; issue_date: string; due_date: string }[];
}

async function linesThroughApi(company: SignedIn, invoiceId: string) {
  const listed = await company.agent.get(`/api/invoice-lines?invoice_id=${invoiceId}`);
  const lines = listed.body.data as { kind: string; amount_minor: number; period_start: string; period_end: string }[];
  return lines.map((line) => [line.kind, line.amount_minor, line.period_start, line.period_end]).sort();
}

async function payThroughApi(company: SignedIn, invoice: { id: string; total_minor: number }): Promise<void> {
  const paid = await company.agent.post(`/api/invoices/${invoice.id}/payments`).set('Idempotency-Key', `pay-${invoice.id}`).send({ amount_minor: invoice.total_minor, currency: 'EUR' });
  expect([paid.status, paid.body.invoiceStatus]).toEqual([201, 'paid']);
  await dispatch();
}

const subscriptionThroughApi = async (company: SignedIn, id: string) => (await company.agent.get(`/api/subscriptions/${id}`)).body;
const lastInvoiceIs = (number: string) => (vars: Record<string, unknown>) => (vars.invoice as { invoiceNumber: string } | null)?.invoiceNumber === number;

test('an upgrade requested through the API reaches the running lifecycle: prorated by days to the minor unit and billed on the next invoice', async () => {
  const year = await yearAhead(h);
  const { company, contactId } = await companyThroughApi('api-upgrade');
  await travelTo(h, `${year}-03-01`);
  const activated = await company.agent.post('/api/subscriptions').send({ plan_id: plans.basic, contact_id: contactId, trial_days: 0 });
  expect(activated.status).toBe(201);
  const subscriptionId: string = activated.body.subscription_id;
  await dispatch();
  const handle = h.env.client.workflow.getHandle(workflowIdFor(company.companyId, LIFECYCLE, { type: 'subscription', id: subscriptionId }));
  await untilPhase(handle, 'collecting');
  const [first] = await invoicesThroughApi(company, subscriptionId);
  expect(first).toMatchObject({ invoice_number: 'INV-0001', status: 'open', total_minor: 2_900, issue_date: `${year}-03-01`, due_date: `${year}-03-15` });
  await payThroughApi(company, first);
  await untilPhase(handle, 'settled');

  // 11 March: 21 of March's 31 days remain. Credit 29.00 × 21/31 = 19.65, charge 99.00 × 21/31 = 67.06.
  await travelTo(h, `${year}-03-11`);
  const requested = await company.agent.post(`/api/subscriptions/${subscriptionId}/plan-change`).send({ plan_id: plans.pro, effective: 'now' });
  expect(requested.status).toBe(202);
  await dispatch();
  const state = await untilPhase(handle, 'settled', (vars) => vars.lastPlanChange !== null);
  expect(state.vars.lastPlanChange).toEqual({
    planId: plans.pro, planAmountMinor: 9_900, prorated: true, daysInPeriod: 31, daysRemaining: 21, creditMinor: 1_965, chargeMinor: 6_706, netMinor: 4_741,
  });
  expect(await subscriptionThroughApi(company, subscriptionId)).toMatchObject({ plan_id: plans.pro, status: 'active', current_period_start: `${year}-03-01`, current_period_end: `${year}-04-01` });

  // The next invoice: Pro 99.00 − 19.65 + 67.06 = 146.41, with the proration lines dated from the day of the change.
  await travelTo(h, `${year}-04-01`);
  await untilPhase(handle, 'collecting', lastInvoiceIs('INV-0002'));
  const second = (await invoicesThroughApi(company, subscriptionId))[1];
  expect(second).toMatchObject({ invoice_number: 'INV-0002', status: 'open', subtotal_minor: 14_641, total_minor: 14_641, issue_date: `${year}-04-01`, due_date: `${year}-04-15` });
  expect(await linesThroughApi(company, second.id)).toEqual([
    ['proration_charge', 6_706, `${year}-03-11`, `${year}-04-01`],
    ['proration_credit', -1_965, `${year}-03-11`, `${year}-04-01`],
    ['subscription', 9_900, `${year}-04-01`, `${year}-05-01`],
  ]);
});

test('a cancellation at the period end requested through the API reaches the run: still active on the last evening, canceled at midnight Lisbon time, nothing more billed', async () => {
  const year = await yearAhead(h);
  const { company, contactId } = await companyThroughApi('api-cancel');
  await travelTo(h, `${year}-03-01`);
  const activated = await company.agent.post('/api/subscriptions').send({ plan_id: plans.basic, contact_id: contactId, trial_days: 0 });
  const subscriptionId: string = activated.body.subscription_id;
  await dispatch();
  const handle = h.env.client.workflow.getHandle(workflowIdFor(company.companyId, LIFECYCLE, { type: 'subscription', id: subscriptionId }));
  await untilPhase(handle, 'collecting');
  await payThroughApi(company, (await invoicesThroughApi(company, subscriptionId))[0]);
  await untilPhase(handle, 'settled');

  await travelTo(h, `${year}-03-20`);
  const requested = await company.agent.post(`/api/subscriptions/${subscriptionId}/cancellation`).send({ effective: 'period_end' });
  expect(requested.status).toBe(202);
  await dispatch();
  await untilPhase(handle, 'settled', (vars) => vars.cancelAtPeriodEnd === true);
  await eventually(() => subscriptionThroughApi(company, subscriptionId), (row) => row.cancel_at_period_end === true, 20_000);

  // The period ends at 00:00 on 1 April in Lisbon (UTC+1 from the last Sunday of March): 23:00 UTC on 31 March.
  await travelTo(h, `${year}-03-31`, '23:30');
  expect((await subscriptionThroughApi(company, subscriptionId)).status).toBe('active');
  await travelTo(h, `${year}-04-01`);
  expect(await outputOf(handle)).toEqual({ subscriptionId, status: 'canceled' });
  const canceled = await subscriptionThroughApi(company, subscriptionId);
  expect(canceled).toMatchObject({ status: 'canceled', cancel_at_period_end: false, current_period_end: `${year}-04-01` });
  expect((canceled.canceled_at as string).slice(0, 16)).toBe(`${year}-03-31T23:00`);
  expect((await invoicesThroughApi(company, subscriptionId)).map((invoice) => [invoice.invoice_number, invoice.status, invoice.total_minor])).toEqual([['INV-0001', 'paid', 2_900]]);
});
