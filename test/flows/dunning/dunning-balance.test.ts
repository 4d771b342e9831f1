import { dateAddDays, daysBetween } from '../../../engine/dsl/logic/date-operations';
import { stateQuery } from '../../../workflows/run-messages';
import { createEngineHarness, type EngineHarness } from '../../helpers/engine-harness';
import { eventually } from '../../helpers/eventually';
import { installQuietWorkerRuntime } from '../../temporal/quiet-worker-runtime';
import { createCustomer, dunningDefinition, insertOpenInvoice, serverToday, sleepUntil, sweepOverdue } from './dunning-fixtures';

installQuietWorkerRuntime();
let h: EngineHarness;
beforeAll(async () => {
  h = await createEngineHarness();
  await h.publish(dunningDefinition({ thresholds: { EUR: 50_000, USD: 100_000 }, daysBetweenAttempts: 3, maximumAttempts: 2 }, 'dunning-balance.json'));
}, 60_000);
afterAll(() => h?.teardown());

const campaignOf = (contactId: string) => h.env.client.workflow.getHandle(`lf/${h.companyId}/dunning-balance/contact/${contactId}`);
const balanceAttempts = async (contactId: string, since: string) =>
  (await h.db.knex('dunning_attempts').where({ company_id: h.companyId, contact_id: contactId }).orderBy([{ column: 'attempted_on' }, { column: 'currency' }])).map((row) => ({
    kind: row.kind, sequence: row.sequence, currency: row.currency, amountDueMinor: row.amount_due_minor, day: daysBetween(since, row.attempted_on),
  }));
const emailsTo = (email: string) => h.smtp.received.filter((message) => message.to.includes(email));

test('below its currency threshold (EUR 300.00 of 500.00, USD 600.00 of 1,000.00) the balance campaign sends nothing and opens no task', async () => {
  const today = await serverToday(h);
  const { contactId, email } = await createCustomer(h, 'below');
  await insertOpenInvoice(h, { contactId, totalMinor: 30_000, dueDate: dateAddDays(today, -1) });
  await insertOpenInvoice(h, { contactId, totalMinor: 60_000, dueDate: dateAddDays(today, -1), currency: 'USD' });
  await sweepOverdue(h, today);
  await sleepUntil(h, dateAddDays(today, 15), '12:00');

  expect(await balanceAttempts(contactId, today)).toEqual([]);
  expect(emailsTo(email)).toEqual([]);
  expect(await h.db.knex('tasks').where({ company_id: h.companyId, entity_type: 'contact', entity_id: contactId })).toEqual([]);
  const state = await eventually(() => campaignOf(contactId).query(stateQuery), (s) => s.status === 'waiting' && s.positions.some((p) => p.stepId === 'belowThreshold'));
  expect(state.vars.balance).toMatchObject({
    anyOverdue: true, anyAtThreshold: false,
    balances: [{ currency: 'EUR', overdueMinor: 30_000, invoiceCount: 1 }, { currency: 'USD', overdueMinor: 60_000, invoiceCount: 1 }],
  });
  await campaignOf(contactId).terminate('test done');
});

test('once another overdue invoice lifts EUR to 550.00 (threshold 500.00): a reminder every 3 days up to 2 attempts, then collections; USD below its threshold stays out', async () => {
  const today = await serverToday(h);
  const { contactId, email } = await createCustomer(h, 'above');
  await insertOpenInvoice(h, { contactId, totalMinor: 30_000, dueDate: dateAddDays(today, -1) });
  await insertOpenInvoice(h, { contactId, totalMinor: 60_000, dueDate: dateAddDays(today, -1), currency: 'USD' });
  await insertOpenInvoice(h, { contactId, totalMinor: 25_000, dueDate: dateAddDays(today, 1) });
  await sweepOverdue(h, today);
  await sleepUntil(h, dateAddDays(today, 2), '12:00');
  expect(await balanceAttempts(contactId, today)).toEqual([]);

  await sweepOverdue(h, dateAddDays(today, 2));
  await sleepUntil(h, dateAddDays(today, 12), '12:00');

  expect(await balanceAttempts(contactId, today)).toEqual([
    { kind: 'balance_reminder', sequence: 0, currency: 'EUR', amountDueMinor: 55_000, day: 2 },
    { kind: 'balance_reminder', sequence: 1, currency: 'EUR', amountDueMinor: 55_000, day: 5 },
  ]);
  const emails = emailsTo(email);
  expect(emails.map((message) => message.subject)).toEqual(['Your account has an overdue balance', 'Your account has an overdue balance']);
  expect(emails[0].raw).toContain('EUR 550.00 across 2 invoices');
  expect(emails[0].raw).not.toContain('USD');
  const tasks = await h.db.knex('tasks').where({ company_id: h.companyId, entity_type: 'contact', entity_id: contactId });
  expect(tasks.map((t) => [t.kind, t.assigned_role_key, daysBetween(today, t.due_date)])).toEqual([['collection', 'collections', 8]]);
  await campaignOf(contactId).terminate('test done');
});
