import { randomUUID } from 'node:crypto';
import { dateAddDays } from '../../../engine/dsl/logic/date-operations';
import { createEngineHarness, type EngineHarness } from '../../helpers/engine-harness';
import { insertRow } from '../../helpers/tenant-fixtures';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import { addUserWithRole, createCustomer, dunningDefinition, insertOpenInvoice, runOf, serverToday, sleepUntil, subjectsTo, sweepOverdue, timelineOf } from './dunning-fixtures';

installQuietWorkerRuntime();
let h: EngineHarness;
let financeUserId: string;
beforeAll(async () => {
  h = await createEngineHarness();
  financeUserId = await addUserWithRole(h, 'finance');
}, 60_000);
afterAll(() => h?.teardown());

// A tenant's shorter copy of the built-in: one email, then the final action two days later.
const shortLadder = (action: string) => dunningDefinition({ ladder: [{ day: 1, channel: 'email', template: 'invoice-final-notice' }], finalAction: { day: 3, action } });

async function overdueInvoice(label: string, totalMinor: number, subscriptionId?: string) {
  const today = await serverToday(h);
  const dueDate = dateAddDays(today, -1);
  const customer = await createCustomer(h, label);
  const invoiceId = await insertOpenInvoice(h, { contactId: customer.contactId, totalMinor, dueDate, ...(subscriptionId ? { subscriptionId } : {}) });
  await sweepOverdue(h, today);
  return { ...customer, invoiceId, dueDate, run: runOf(h, invoiceId) };
}

const exhaustedEvents = (invoiceId: string) =>
  h.db.knex('domain_events').where({ company_id: h.companyId, name: 'dunning.exhausted', entity_id: invoiceId }).select('event_id', 'payload');

test('unpaid for 30 days: every ladder step on its day and channel, then the past_due subscription is suspended (unpaid) and dunning.exhausted emitted', async () => {
  await h.publish(dunningDefinition());
  const [plan] = await h.db.knex('plans').insert({ code: `pro-${randomUUID().slice(0, 8)}`, name: 'Pro', currency: 'EUR', amount_minor: 4_900, interval_unit: 'month' }).returning('id');
  const contact = await createCustomer(h, 'subscriber');
  const subscriptionId = await insertRow(h.db.knex, 'subscriptions', { company_id: h.companyId, plan_id: plan.id, contact_id: contact.contactId, status: 'past_due' });
  const today = await serverToday(h);
  const dueDate = dateAddDays(today, -1);
  const invoiceId = await insertOpenInvoice(h, { contactId: contact.contactId, totalMinor: 4_900, dueDate, subscriptionId });
  await sweepOverdue(h, today);

  expect(await runOf(h, invoiceId).result()).toEqual({ outcome: 'exhausted', finalAction: 'suspendSubscription' });
  expect(await timelineOf(h, invoiceId, dueDate)).toEqual([
    ...[[1, 'email'], [3, 'email'], [5, 'notification'], [7, 'email'], [10, 'webhook'], [14, 'email'], [21, 'task'], [28, 'email']].map(([day, channel], sequence) => ({
      kind: 'reminder', sequence, channel, outcome: 'sent', day, amountDueMinor: 4_900,
    })),
    { kind: 'final_action', sequence: 0, channel: 'suspendSubscription', outcome: 'applied', day: 30, amountDueMinor: 4_900 },
  ]);
  const number = (await h.db.knex('invoices').where({ id: invoiceId }).first('invoice_number')).invoice_number;
  expect(subjectsTo(h, contact.email)).toEqual([...Array(4).fill(`Reminder: invoice ${number} is overdue`), `Final notice: invoice ${number}`]);
  expect(await h.db.knex('notifications').where({ company_id: h.companyId, source_key: `invoice:${invoiceId}:dunning:2:user:${financeUserId}` }).pluck('title')).toEqual([
    `Reminder: invoice ${number} is overdue`,
  ]);
  expect(await h.db.knex('domain_events').where({ company_id: h.companyId, event_id: `invoice:${invoiceId}:dunning:4` }).first('name', 'payload')).toEqual({
    name: 'invoice.dunning_reminder',
    payload: { invoiceId, stepIndex: 4, template: 'invoice-reminder', daysOverdue: 10, amountDueMinor: 4_900, currency: 'EUR', dueDate },
  });
  expect(await h.db.knex('tasks').where({ company_id: h.companyId, source_key: `invoice:${invoiceId}:dunning:6` }).first('kind', 'entity_type', 'entity_id', 'assigned_role_key', 'due_date')).toEqual({
    kind: 'collection', entity_type: 'invoice', entity_id: invoiceId, assigned_role_key: 'collections', due_date: dateAddDays(dueDate, 24),
  });
  expect(await h.db.knex('subscriptions').where({ id: subscriptionId }).first('status')).toEqual({ status: 'unpaid' });
  expect(await h.db.knex('invoices').where({ id: invoiceId }).first('status')).toEqual({ status: 'open' });
  expect(await exhaustedEvents(invoiceId)).toEqual([
    { event_id: `dunning.exhausted:${invoiceId}`, payload: { invoiceId, finalAction: 'suspendSubscription', amountDueMinor: 4_900, currency: 'EUR', subscriptionId } },
  ]);
});

test('exhausted with markUncollectible: the invoice becomes uncollectible on the final day and dunning.exhausted says so', async () => {
  await h.publish(shortLadder('markUncollectible'));
  const { invoiceId, dueDate, run } = await overdueInvoice('uncollectible', 15_000);
  expect(await run.result()).toEqual({ outcome: 'exhausted', finalAction: 'markUncollectible' });
  expect((await timelineOf(h, invoiceId, dueDate)).map((a) => [a.kind, a.channel, a.day])).toEqual([['reminder', 'email', 1], ['final_action', 'markUncollectible', 3]]);
  expect(await h.db.knex('invoices').where({ id: invoiceId }).first('status', 'amount_paid_minor')).toEqual({ status: 'uncollectible', amount_paid_minor: 0 });
  expect((await exhaustedEvents(invoiceId)).map((e) => e.payload)).toEqual([{ invoiceId, finalAction: 'markUncollectible', amountDueMinor: 15_000, currency: 'EUR', subscriptionId: null }]);
});

test('exhausted with collectionsTask: one collection task for the collections role, the invoice stays open, dunning.exhausted is emitted', async () => {
  await h.publish(shortLadder('collectionsTask'));
  const { invoiceId, dueDate, run } = await overdueInvoice('collections', 7_777);
  expect(await run.result()).toEqual({ outcome: 'exhausted', finalAction: 'collectionsTask' });
  const tasks = await h.db.knex('tasks').where({ company_id: h.companyId, entity_type: 'invoice', entity_id: invoiceId });
  expect(tasks.map((t) => [t.kind, t.assigned_role_key, t.status, t.due_date, t.source_key])).toEqual([
    ['collection', 'collections', 'open', dateAddDays(dueDate, 3), `invoice:${invoiceId}:dunning:final`],
  ]);
  expect(await h.db.knex('invoices').where({ id: invoiceId }).first('status')).toEqual({ status: 'open' });
  expect((await exhaustedEvents(invoiceId)).map((e) => e.payload.finalAction)).toEqual(['collectionsTask']);
});
