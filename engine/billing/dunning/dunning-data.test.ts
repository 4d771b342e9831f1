import { tenantScope, type TenantScope } from '../../db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database';
import { createTenant, insertRow } from '../../../test/helpers/tenant-fixtures';
import { recordInvoicePayment } from '../invoice-payments';
import { applyDunningFinalAction, contactOverdueBalances, emitOverdueInvoiceEvents } from '.';

let db: TestDatabase;
let scope: TenantScope;
let contactId: string;
let count = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  scope = tenantScope(db.knex, (await createTenant(db.knex, 'dunning-data')).companyId);
  contactId = await insertRow(db.knex, 'contacts', { company_id: scope.companyId, name: 'Late Payer', email: 'late@example.test' });
});
afterAll(() => db.drop());

async function invoice(fields: { dueDate: string; totalMinor?: number; paidMinor?: number; status?: string; currency?: string }): Promise<string> {
  count += 1;
  const total = fields.totalMinor ?? 10_000;
  return insertRow(db.knex, 'invoices', {
    company_id: scope.companyId, contact_id: contactId, invoice_number: `INV-DD-${count}`, status: fields.status ?? 'open', currency: fields.currency ?? 'EUR',
    subtotal_minor: total, total_minor: total, amount_paid_minor: fields.paidMinor ?? 0, issue_date: '2026-10-01', due_date: fields.dueDate,
  });
}
const overdueEvents = () => db.knex('domain_events').where({ company_id: scope.companyId, name: 'invoice.overdue' }).orderBy('event_id').select('event_id', 'payload');

test('the overdue sweep announces each open invoice still owing after its due date once, and nothing else', async () => {
  const owing = await invoice({ dueDate: '2026-11-09', totalMinor: 10_000, paidMinor: 2_500 });
  await invoice({ dueDate: '2026-11-10' });
  await invoice({ dueDate: '2026-11-01', totalMinor: 5_000, paidMinor: 5_000 });
  await invoice({ dueDate: '2026-11-01', status: 'paid', paidMinor: 10_000 });
  await invoice({ dueDate: '2026-11-01', status: 'void' });
  await invoice({ dueDate: '2026-11-01', status: 'draft' });

  expect(await emitOverdueInvoiceEvents(scope, '2026-11-10')).toEqual({ emitted: 1 });
  expect(await emitOverdueInvoiceEvents(scope, '2026-11-10')).toEqual({ emitted: 0 });
  expect(await overdueEvents()).toEqual([
    { event_id: `invoice.overdue:${owing}`, payload: { invoiceId: owing, subscriptionId: null, contactId, amountDue: 7_500, currency: 'EUR', dueDate: '2026-11-09' } },
  ]);
});

test("a contact's overdue balance sums open invoices past due per currency, less what was paid", async () => {
  const balances = await contactOverdueBalances(db.knex, scope.companyId, contactId, '2026-11-10');
  expect(balances).toEqual([{ currency: 'EUR', overdueMinor: 7_500, invoiceCount: 1 }]);
  await invoice({ dueDate: '2026-11-05', totalMinor: 1_999, currency: 'USD' });
  await invoice({ dueDate: '2026-11-06', totalMinor: 3_001, currency: 'USD' });
  expect(await contactOverdueBalances(db.knex, scope.companyId, contactId, '2026-11-10')).toEqual([
    { currency: 'EUR', overdueMinor: 7_500, invoiceCount: 1 },
    { currency: 'USD', overdueMinor: 5_000, invoiceCount: 2 },
  ]);
});

test('the final action applied twice (a retried activity) marks, records and emits once; an invoice paid meanwhile is left alone', async () => {
  const unpaid = await invoice({ dueDate: '2026-10-01', totalMinor: 4_000 });
  const request = { invoiceId: unpaid, action: 'markUncollectible' as const, attemptedOn: '2026-10-31' };
  expect(await applyDunningFinalAction(scope, request)).toEqual({ applied: true, invoiceStatus: 'uncollectible', detail: 'invoice marked uncollectible' });
  expect(await applyDunningFinalAction(scope, request)).toEqual({ applied: true, invoiceStatus: 'uncollectible', detail: 'invoice marked uncollectible' });
  expect(await db.knex('domain_events').where({ name: 'dunning.exhausted', entity_id: unpaid }).count('* as n').first()).toEqual({ n: 1 });
  expect(await db.knex('dunning_attempts').where({ invoice_id: unpaid }).select('kind', 'channel', 'outcome', 'attempted_on', 'amount_due_minor')).toEqual([
    { kind: 'final_action', channel: 'markUncollectible', outcome: 'applied', attempted_on: '2026-10-31', amount_due_minor: 4_000 },
  ]);

  const paid = await invoice({ dueDate: '2026-10-01', totalMinor: 4_000 });
  await recordInvoicePayment(scope, { invoiceId: paid, amountMinor: 4_000, currency: 'EUR', idempotencyKey: `late:${paid}` });
  expect(await applyDunningFinalAction(scope, { invoiceId: paid, action: 'collectionsTask', attemptedOn: '2026-10-31' })).toEqual({ applied: false, invoiceStatus: 'paid', detail: '' });
  expect(await db.knex('tasks').where({ entity_id: paid })).toEqual([]);
  expect(await db.knex('domain_events').where({ name: 'dunning.exhausted', entity_id: paid })).toEqual([]);
});
