import { emitDomainEvent } from '../../../engine/events';
import { createEngineHarness, type EngineHarness } from '../../helpers/engine-harness';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import {
  createCompany, createPlans, dispatch, dunningExhausted, eventuallyRow, invoicesOf, linesOf, outputOf, payInFull, subscribe, subscriptionRow,
  travelTo, untilPhase, yearAhead, type Plans,
} from './subscription-world';

installQuietWorkerRuntime();
let h: EngineHarness;
let plans: Plans;
beforeAll(async () => {
  h = await createEngineHarness();
  plans = await createPlans(h);
}, 60_000);
afterAll(() => h?.teardown());

const revenuesOf = (companyId: string, invoiceId: string) =>
  h.db.knex('revenues as r').join('cost_centers as c', 'c.id', 'r.cost_center_id').where({ 'r.company_id': companyId, 'r.invoice_id': invoiceId }).orderBy('c.code', 'desc').select('c.code', 'r.amount_minor', 'r.recognized_on');

test('trial → active → past_due → recovered: the trial ends into the first invoice, which goes overdue, starts dunning, and a payment brings the subscription back to active', async () => {
  const year = await yearAhead(h);
  const company = await createCompany(h, 'trial-recovered');
  await travelTo(h, `${year}-03-01`);
  const { subscriptionId, handle, status } = await subscribe(h, company, plans.basic, 14);
  expect(status).toBe('trialing');
  await untilPhase(handle, 'trialing');
  expect(await subscriptionRow(company, subscriptionId)).toMatchObject({
    status: 'trialing', trial_ends_at: new Date(`${year}-03-15T00:00:00Z`), current_period_start: `${year}-03-01`, current_period_end: `${year}-03-15`,
  });
  expect(await invoicesOf(company, subscriptionId)).toEqual([]);

  // The trial ends on 15 March (Lisbon is on UTC then): the first invoice, due 14 days later, and its email.
  await travelTo(h, `${year}-03-15`);
  await untilPhase(handle, 'collecting');
  const [first] = await invoicesOf(company, subscriptionId);
  expect(first).toMatchObject({ invoice_number: 'INV-0001', status: 'open', total_minor: 2900, issue_date: `${year}-03-15`, due_date: `${year}-03-29` });
  expect(await linesOf(company, first.id)).toEqual([{ kind: 'subscription', amount: 2900, period: [`${year}-03-15`, `${year}-04-15`] }]);
  expect(await subscriptionRow(company, subscriptionId)).toMatchObject({ status: 'active', current_period_start: `${year}-03-15`, current_period_end: `${year}-04-15` });
  expect(h.smtp.received.filter((m) => m.to.includes('billing@trial-recovered.example')).map((m) => m.subject)).toEqual(['Your invoice INV-0001 for Basic']);

  // Still unpaid the day after its due date: past_due, and invoice.overdue starts the dunning flow for the invoice.
  await travelTo(h, `${year}-03-29`, '23:00');
  expect((await subscriptionRow(company, subscriptionId)).status).toBe('active');
  await travelTo(h, `${year}-03-30`);
  await untilPhase(handle, 'pastDue');
  expect((await subscriptionRow(company, subscriptionId)).status).toBe('past_due');
  const overdue = await h.db.knex('domain_events').where({ company_id: company.companyId, name: 'invoice.overdue' });
  expect(overdue.map((e) => [e.entity_type, e.entity_id, e.payload])).toEqual([
    ['invoice', first.id, { invoiceId: first.id, subscriptionId, contactId: company.contactId, amountDue: 2900, currency: 'EUR', dueDate: `${year}-03-29` }],
  ]);
  await dispatch(h);
  const dunningRun = await h.db.knex('workflow_runs').where({ company_id: company.companyId, definition_key: 'dunning-stand-in' }).first();
  expect(dunningRun).toMatchObject({ entity_type: 'invoice', entity_id: first.id, trigger_kind: 'event' });
  await eventuallyRow(async () => h.smtp.received.map((m) => m.subject), (subjects) => subjects.includes('Your subscription to Basic is past due'));

  // Dunning recovers the payment: invoice.paid reaches the subscription's run (routed by its subscriptionId) and the dunning run.
  await payInFull(h, company, first.id);
  await untilPhase(handle, 'settled');
  expect((await subscriptionRow(company, subscriptionId)).status).toBe('active');
  expect(await outputOf(h.env.client.workflow.getHandle(dunningRun.workflow_id))).toEqual({ outcome: 'recovered' });
  // 70 % / 30 % of 29.00 by cost center, recognised on the day of the payment.
  expect(await revenuesOf(company.companyId, first.id)).toEqual([
    { code: 'SALES', amount_minor: 2030, recognized_on: `${year}-03-30` },
    { code: 'OPS', amount_minor: 870, recognized_on: `${year}-03-30` },
  ]);

  // The next period renews on its anchored date.
  await travelTo(h, `${year}-04-15`);
  await untilPhase(handle, 'collecting', (vars) => (vars.invoice as { invoiceNumber: string }).invoiceNumber === 'INV-0002');
  const second = (await invoicesOf(company, subscriptionId))[1];
  expect(second).toMatchObject({ invoice_number: 'INV-0002', total_minor: 2900, issue_date: `${year}-04-15`, due_date: `${year}-04-29` });
});

test('dunning exhausted with the default setting: the subscription is canceled and its run ends', async () => {
  const year = await yearAhead(h);
  const company = await createCompany(h, 'exhausted-canceled');
  await travelTo(h, `${year}-05-10`);
  const { subscriptionId, handle } = await subscribe(h, company, plans.basic);
  await untilPhase(handle, 'collecting');
  await travelTo(h, `${year}-05-25`);
  await untilPhase(handle, 'pastDue');
  const [invoice] = await invoicesOf(company, subscriptionId);

  await dunningExhausted(h, company, invoice.id, subscriptionId);
  expect(await outputOf(handle)).toEqual({ subscriptionId, status: 'canceled' });
  expect(await subscriptionRow(company, subscriptionId)).toMatchObject({ status: 'canceled', canceled_at: expect.any(Date), ended_at: expect.any(Date) });
  expect((await invoicesOf(company, subscriptionId)).map((i) => [i.invoice_number, i.status])).toEqual([['INV-0001', 'open']]);
});

test('dunning exhausted in a tenant whose copy says "unpaid": the subscription becomes unpaid, bills nothing, and a late payment restarts it on a new period', async () => {
  const year = await yearAhead(h);
  const company = await createCompany(h, 'exhausted-unpaid', { onDunningExhausted: 'unpaid' });
  await travelTo(h, `${year}-05-10`);
  const { subscriptionId, handle } = await subscribe(h, company, plans.basic);
  await untilPhase(handle, 'collecting');
  await travelTo(h, `${year}-05-25`);
  await untilPhase(handle, 'pastDue');
  const [invoice] = await invoicesOf(company, subscriptionId);

  await dunningExhausted(h, company, invoice.id, subscriptionId);
  await untilPhase(handle, 'unpaid');
  expect((await subscriptionRow(company, subscriptionId)).status).toBe('unpaid');
  // Two period ends pass while unpaid: nothing is invoiced.
  await travelTo(h, `${year}-07-20`);
  await untilPhase(handle, 'unpaid');
  expect(await invoicesOf(company, subscriptionId)).toHaveLength(1);

  await payInFull(h, company, invoice.id);
  await untilPhase(handle, 'collecting', (vars) => (vars.invoice as { invoiceNumber: string }).invoiceNumber === 'INV-0002');
  expect(await subscriptionRow(company, subscriptionId)).toMatchObject({ status: 'active', current_period_start: `${year}-07-20`, current_period_end: `${year}-08-20` });
  expect((await invoicesOf(company, subscriptionId))[1]).toMatchObject({ invoice_number: 'INV-0002', issue_date: `${year}-07-20`, total_minor: 2900 });
});

test('with the built-in dunning flow: 30 days of reminders, then dunning.exhausted, and the subscription ends as the lifecycle says (canceled), though dunning suspended it first', async () => {
  const year = await yearAhead(h);
  const company = await createCompany(h, 'built-in-dunning', {}, 'built-in');
  await travelTo(h, `${year}-05-10`);
  const { subscriptionId, handle } = await subscribe(h, company, plans.basic);
  await untilPhase(handle, 'collecting');
  await travelTo(h, `${year}-05-25`);
  await untilPhase(handle, 'pastDue');
  const [invoice] = await invoicesOf(company, subscriptionId);
  await dispatch(h);
  const dunningRun = h.env.client.workflow.getHandle(`lf/${company.companyId}/dunning/invoice/${invoice.id}`);

  // The ladder's final action is on day 30 after the due date (24 May): 23 June.
  await travelTo(h, `${year}-06-24`);
  expect(await outputOf(dunningRun)).toEqual({ outcome: 'exhausted', finalAction: 'suspendSubscription' });
  // Dunning's own final action moved past_due → unpaid (a move of the documented table); the lifecycle's setting decides next.
  expect((await subscriptionRow(company, subscriptionId)).status).toBe('unpaid');
  await dispatch(h);
  expect(await outputOf(handle)).toEqual({ subscriptionId, status: 'canceled' });
  expect((await subscriptionRow(company, subscriptionId)).status).toBe('canceled');
  const reminders = h.smtp.received.filter((m) => m.to.includes('billing@built-in-dunning.example')).map((m) => m.subject);
  expect(reminders).toEqual([
    'Your invoice INV-0001 for Basic', 'Your subscription to Basic is past due',
    ...Array(4).fill('Reminder: invoice INV-0001 is overdue'), 'Final notice: invoice INV-0001',
  ]);
});

test("the invoice email goes out through SMTP once, with the tenant's own template when it has one", async () => {
  const year = await yearAhead(h);
  const company = await createCompany(h, 'own-template');
  await h.db.knex('tenant_settings').insert({
    company_id: company.companyId, key: 'email.template.subscription-invoice',
    value: { subject: 'Invoice {{invoiceNumber}}: {{amountDue|money}} due {{dueDate}}', text: 'Dear {{customerName}}, {{planName}} from {{periodStart}} to {{periodEnd}}.' },
  });
  await travelTo(h, `${year}-02-01`);
  const { subscriptionId, handle } = await subscribe(h, company, plans.pro);
  await untilPhase(handle, 'collecting');
  const sent = h.smtp.received.filter((m) => m.to.includes('billing@own-template.example'));
  expect(sent.map((m) => m.subject)).toEqual([`Invoice INV-0001: EUR 99.00 due ${year}-02-15`]);
  expect(sent[0].raw).toContain(`Dear Customer own-template, Pro from ${year}-02-01 to ${year}-03-01.`);
  expect(await company.scope.knex('outbound_emails').where({ company_id: company.companyId }).pluck('dedupe_key')).toEqual([
    `invoice:${(await invoicesOf(company, subscriptionId))[0].id}:issued`,
  ]);
});

test('a subscription.created without a subscriptionId (as the CRUD API writes it) is dispatched cleanly and starts no lifecycle run', async () => {
  const company = await createCompany(h, 'crud-created');
  const [row] = await h.db.knex('subscriptions').insert({ company_id: company.companyId, plan_id: plans.basic, contact_id: company.contactId, status: 'active' }).returning('id');
  await h.db.knex.transaction((trx) => emitDomainEvent(trx, company.companyId, {
    name: 'subscription.created', entity: { type: 'subscription', id: row.id }, payload: { planId: plans.basic, contactId: company.contactId, status: 'active' },
  }));
  expect(await dispatch(h)).toEqual({ dispatched: 1, failed: 0 });
  expect(await h.db.knex('workflow_runs').where({ company_id: company.companyId, definition_key: 'subscription-lifecycle' })).toEqual([]);
});
