import { RuleViolationError } from '../../db/errors/constraint-errors';
import { tenantScope, type TenantScope } from '../../db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-database';
import { createTenant, insertRow } from '../../../test/helpers/tenant-fixtures';
import { InvoicePaymentRefusedError, recordInvoicePayment, reverseInvoicePayment } from '.';

let db: TestDatabase;
let scope: TenantScope;
let contactId: string;
let invoiceCount = 0;

beforeAll(async () => {
  db = await createTestDatabase();
  const { companyId } = await createTenant(db.knex, 'payer');
  scope = tenantScope(db.knex, companyId);
  contactId = await insertRow(db.knex, 'contacts', { company_id: companyId, name: 'Payer', email: 'payer@example.test' });
});
afterAll(() => db.drop());

async function openInvoice(totalMinor = 12_000, status = 'open'): Promise<string> {
  invoiceCount += 1;
  return insertRow(db.knex, 'invoices', {
    company_id: scope.companyId, contact_id: contactId, invoice_number: `INV-P-${invoiceCount}`, status, currency: 'EUR',
    subtotal_minor: totalMinor, total_minor: totalMinor, issue_date: '2026-11-01', due_date: '2026-11-15',
  });
}
const invoiceRow = (id: string) => db.knex('invoices').where({ id }).first('status', 'amount_paid_minor', 'paid_at');
const eventsOf = (invoiceId: string) =>
  db.knex('domain_events').where({ company_id: scope.companyId, entity_type: 'invoice', entity_id: invoiceId }).select('name', 'event_id', 'payload', 'occurred_at')
    // Events of one transaction share occurred_at; within it, name order keeps the assertion stable.
    .orderBy([{ column: 'occurred_at' }, { column: 'name', order: 'desc' }]);

test('a partial payment leaves the invoice open; the payment that covers it marks it paid and emits invoice.paid once', async () => {
  const invoiceId = await openInvoice(12_000);
  const first = await recordInvoicePayment(scope, { invoiceId, amountMinor: 4_001, currency: 'EUR', idempotencyKey: `${invoiceId}:a` });
  expect(first).toMatchObject({ invoiceStatus: 'open', amountPaidMinor: 4_001, amountDueMinor: 7_999, created: true });
  expect(await invoiceRow(invoiceId)).toEqual({ status: 'open', amount_paid_minor: 4_001, paid_at: null });

  const second = await recordInvoicePayment(scope, { invoiceId, amountMinor: 7_999, currency: 'EUR', idempotencyKey: `${invoiceId}:b` });
  expect(second).toMatchObject({ invoiceStatus: 'paid', amountPaidMinor: 12_000, amountDueMinor: 0 });
  expect(await invoiceRow(invoiceId)).toMatchObject({ status: 'paid', amount_paid_minor: 12_000, paid_at: expect.any(Date) });
  const events = await eventsOf(invoiceId);
  expect(events.map((e) => e.name)).toEqual(['payment.received', 'payment.received', 'invoice.paid']);
  expect(events[2]).toMatchObject({ event_id: `invoice.paid:${second.paymentId}`, payload: { invoiceId, paymentId: second.paymentId, amountPaidMinor: 12_000, currency: 'EUR' } });
  const payments = await db.knex('payments').where({ invoice_id: invoiceId }).orderBy('amount_minor').select('amount_minor', 'contact_id', 'kind', 'status');
  expect(payments).toEqual([
    { amount_minor: 4_001, contact_id: contactId, kind: 'payment', status: 'succeeded' },
    { amount_minor: 7_999, contact_id: contactId, kind: 'payment', status: 'succeeded' },
  ]);
});

test('recording the same idempotency key twice writes one payment and emits its events once', async () => {
  const invoiceId = await openInvoice(5_000);
  const request = { invoiceId, amountMinor: 5_000, currency: 'EUR', idempotencyKey: `${invoiceId}:once` };
  const first = await recordInvoicePayment(scope, request);
  const again = await recordInvoicePayment(scope, request);
  expect(again).toEqual({ ...first, created: false });
  expect(await db.knex('payments').where({ invoice_id: invoiceId }).count('* as n').first()).toEqual({ n: 1 });
  expect((await eventsOf(invoiceId)).map((e) => e.name)).toEqual(['payment.received', 'invoice.paid']);
});

test('a reversal reopens a paid invoice, clears paid_at and emits payment.reversed; reversing more than was paid is refused', async () => {
  const invoiceId = await openInvoice(9_900);
  const paid = await recordInvoicePayment(scope, { invoiceId, amountMinor: 9_900, currency: 'EUR', idempotencyKey: `${invoiceId}:pay` });
  const reversed = await reverseInvoicePayment(scope, { paymentId: paid.paymentId, amountMinor: 2_500, idempotencyKey: `${invoiceId}:chargeback` });
  expect(reversed).toMatchObject({ invoiceStatus: 'open', amountPaidMinor: 7_400, amountDueMinor: 2_500, reopened: true, created: true });
  expect(await invoiceRow(invoiceId)).toEqual({ status: 'open', amount_paid_minor: 7_400, paid_at: null });
  const events = await eventsOf(invoiceId);
  expect(events.map((e) => e.name)).toEqual(['payment.received', 'invoice.paid', 'payment.reversed']);
  expect(events[2].payload).toEqual({ invoiceId, paymentId: paid.paymentId, reversalId: reversed.reversalId, amountMinor: 2_500, currency: 'EUR', amountDueMinor: 2_500, reopened: true });

  await expect(reverseInvoicePayment(scope, { paymentId: paid.paymentId, amountMinor: 7_401, idempotencyKey: `${invoiceId}:too-much` })).rejects.toBeInstanceOf(RuleViolationError);
  expect(await invoiceRow(invoiceId)).toMatchObject({ status: 'open', amount_paid_minor: 7_400 });
  expect(await eventsOf(invoiceId)).toHaveLength(3);
});

test('a payment in another currency, on a void invoice, or reusing a key of another invoice is refused and writes nothing', async () => {
  const invoiceId = await openInvoice(1_000);
  const voided = await openInvoice(1_000, 'void');
  await expect(recordInvoicePayment(scope, { invoiceId, amountMinor: 1_000, currency: 'USD', idempotencyKey: `${invoiceId}:usd` })).rejects.toThrow(
    new InvoicePaymentRefusedError('The payment is in USD but the invoice is in EUR'),
  );
  await expect(recordInvoicePayment(scope, { invoiceId: voided, amountMinor: 1_000, currency: 'EUR', idempotencyKey: `${voided}:v` })).rejects.toThrow('A void invoice cannot be paid');
  await recordInvoicePayment(scope, { invoiceId, amountMinor: 400, currency: 'EUR', idempotencyKey: `${invoiceId}:shared` });
  const other = await openInvoice(1_000);
  await expect(recordInvoicePayment(scope, { invoiceId: other, amountMinor: 400, currency: 'EUR', idempotencyKey: `${invoiceId}:shared` })).rejects.toThrow(
    'This idempotency key was already used for a different payment',
  );
  expect(await db.knex('payments').whereIn('invoice_id', [voided, other]).count('* as n').first()).toEqual({ n: 0 });
  expect(await eventsOf(other)).toEqual([]);
});
