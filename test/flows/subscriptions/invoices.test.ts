import { ReferenceNotFoundError } from '../../../engine/db/errors/constraint-errors';
import { allocateInvoiceRevenue, createInvoice, InvoiceNotPaidError, RevenueAllocationError, type CreateInvoiceRequest } from '../../../engine/billing/invoices';
import { tenantScope, type TenantScope } from '../../../engine/db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../../helpers/test-database';
import { createTenant, insertRow } from '../../helpers/tenant-fixtures';

let db: TestDatabase;
let planId: string;
beforeAll(async () => {
  db = await createTestDatabase();
  planId = await insertRow(db.knex, 'plans', { code: 'basic', name: 'Basic', currency: 'EUR', amount_minor: 2900, interval_unit: 'month' });
});
afterAll(() => db.drop());

interface World {
  scope: TenantScope;
  contactId: string;
}

async function company(slug: string): Promise<World> {
  const { companyId } = await createTenant(db.knex, slug);
  return { scope: tenantScope(db.knex, companyId), contactId: await insertRow(db.knex, 'contacts', { company_id: companyId, name: 'Customer' }) };
}

const request = (world: World, amountMinor: number, extra: Partial<CreateInvoiceRequest> = {}): CreateInvoiceRequest => ({
  contactId: world.contactId, currency: 'EUR', issueDate: '2027-03-01', dueDate: '2027-03-15',
  lines: [{ kind: 'subscription', description: 'Basic, March', amountMinor, planId, periodStart: '2027-03-01', periodEnd: '2027-04-01' }], ...extra,
});
const nextNumber = async (world: World) => (await world.scope.knex('company_settings').where({ company_id: world.scope.companyId }).first()).next_invoice_number;

test('twenty invoices created at once take strictly sequential numbers: INV-0001 to INV-0020, each exactly once, none skipped', async () => {
  const world = await company('concurrent-numbers');
  const created = await Promise.all(Array.from({ length: 20 }, (_, i) => createInvoice(world.scope, request(world, 1000 + i))));
  const numbers = created.map((invoice) => invoice.invoiceNumber).sort();
  expect(numbers).toEqual(Array.from({ length: 20 }, (_, i) => `INV-${String(i + 1).padStart(4, '0')}`));
  expect(await nextNumber(world)).toBe(21);
  const stored = await world.scope.knex('invoices').where({ company_id: world.scope.companyId }).select('invoice_number', 'total_minor');
  expect(stored).toHaveLength(20);
  // Each number went to the invoice that asked for it.
  for (const invoice of created) expect(stored.find((row) => row.invoice_number === invoice.invoiceNumber)?.total_minor).toBe(invoice.totalMinor);
});

test('a creation that fails gives its number back, so the next invoice takes it: no gap', async () => {
  const world = await company('no-gap');
  const stranger = await company('stranger');
  await expect(createInvoice(world.scope, request(world, 500, { contactId: stranger.contactId }))).rejects.toBeInstanceOf(ReferenceNotFoundError);
  expect(await nextNumber(world)).toBe(1);
  await expect(createInvoice(world.scope, request(world, 500))).resolves.toMatchObject({ invoiceNumber: 'INV-0001', status: 'open', totalMinor: 500 });
});

test('creating again with the same source key returns the first invoice and takes no number, even when both run at once', async () => {
  const world = await company('source-key');
  const [first, second] = await Promise.all([1, 2].map(() => createInvoice(world.scope, request(world, 2900, { sourceKey: 'subscription:x:period:2027-03-01' }))));
  expect(first.invoiceId).toBe(second.invoiceId);
  expect([first.created, second.created].sort()).toEqual([false, true]);
  expect(await nextNumber(world)).toBe(2);
});

test("a subscription's pending lines go on its next invoice; a total below zero is carried forward and the zero invoice is settled", async () => {
  const world = await company('carry-forward');
  const subscriptionId = await insertRow(db.knex, 'subscriptions', { company_id: world.scope.companyId, plan_id: planId, contact_id: world.contactId, status: 'active' });
  const pendingLine = (kind: string, amount: number) =>
    insertRow(db.knex, 'invoice_lines', { company_id: world.scope.companyId, subscription_id: subscriptionId, kind, description: kind, currency: 'EUR', amount_minor: amount });
  // A large downgrade: credit 6706, charge 196.
  await pendingLine('proration_credit', -6706);
  await pendingLine('proration_charge', 196);
  const first = await createInvoice(world.scope, request(world, 2900, { subscriptionId, includePendingLines: true }));
  // 2900 − 6706 + 196 = −3610: the invoice is brought to zero and 3610 waits for the next one.
  expect(first).toMatchObject({ status: 'paid', subtotalMinor: 0, totalMinor: 0 });
  const linesOf = (invoiceId: string | null) =>
    world.scope.knex('invoice_lines').where({ company_id: world.scope.companyId, subscription_id: subscriptionId, invoice_id: invoiceId }).orderBy('amount_minor').pluck('amount_minor');
  expect(await linesOf(first.invoiceId)).toEqual([-6706, 196, 2900, 3610]);
  expect(await linesOf(null)).toEqual([-3610]);

  const second = await createInvoice(world.scope, request(world, 2900, { subscriptionId, includePendingLines: true, issueDate: '2027-04-01', dueDate: '2027-04-15' }));
  expect(second).toMatchObject({ status: 'paid', totalMinor: 0 });
  const third = await createInvoice(world.scope, request(world, 2900, { subscriptionId, includePendingLines: true, issueDate: '2027-05-01', dueDate: '2027-05-15' }));
  // 2900 − 710 carried from the second invoice.
  expect(third).toMatchObject({ status: 'open', totalMinor: 2190 });
  expect(await linesOf(null)).toEqual([]);
  const [{ sum }] = await world.scope.knex('invoice_lines').where({ company_id: world.scope.companyId, subscription_id: subscriptionId }).sum('amount_minor as sum');
  // Every credit used exactly once: three periods of 2900, less the net proration 6510, is what the three invoices bill.
  expect(Number(sum)).toBe(3 * 2900 - 6510);
  expect(Number(sum)).toBe(first.totalMinor + second.totalMinor + third.totalMinor);
});

describe('revenue of a paid invoice', () => {
  let world: World;
  let invoiceId: string;
  const split = [
    { revenueCategory: 'SUBS', costCenter: 'SALES', percent: '60' },
    { revenueCategory: 'SUBS', costCenter: 'OPS', percent: '25' },
    { revenueCategory: 'SERV', costCenter: 'OPS', percent: '15' },
  ];

  beforeAll(async () => {
    world = await company('revenue');
    for (const code of ['SUBS', 'SERV']) await insertRow(db.knex, 'revenue_categories', { company_id: world.scope.companyId, code, name: code });
    for (const code of ['SALES', 'OPS']) await insertRow(db.knex, 'cost_centers', { company_id: world.scope.companyId, code, name: code });
    ({ invoiceId } = await createInvoice(world.scope, request(world, 14641)));
  });

  const revenueRows = () =>
    world.scope.knex('revenues as r').join('revenue_categories as g', 'g.id', 'r.revenue_category_id').join('cost_centers as c', 'c.id', 'r.cost_center_id')
      .where({ 'r.company_id': world.scope.companyId, 'r.invoice_id': invoiceId }).orderBy('r.amount_minor', 'desc').select('g.code as category', 'c.code as costCenter', 'r.amount_minor as amount');

  test('is refused while the invoice is open (409) and books nothing', async () => {
    await expect(allocateInvoiceRevenue(world.scope, { invoiceId, allocations: split, recognizedOn: '2027-03-10' })).rejects.toMatchObject({ name: 'InvoiceNotPaidError', status: 409 });
    await expect(allocateInvoiceRevenue(world.scope, { invoiceId, allocations: split, recognizedOn: '2027-03-10' })).rejects.toBeInstanceOf(InvoiceNotPaidError);
    expect(await revenueRows()).toEqual([]);
  });

  test('naming a cost center the tenant does not have is refused (422) and books nothing', async () => {
    await world.scope.knex('invoices').where({ id: invoiceId }).update({ status: 'paid', amount_paid_minor: 14641, paid_at: db.knex.fn.now() });
    const unknown = [{ ...split[0], percent: '100', costCenter: 'NOPE' }];
    await expect(allocateInvoiceRevenue(world.scope, { invoiceId, allocations: unknown, recognizedOn: '2027-03-10' })).rejects.toBeInstanceOf(RevenueAllocationError);
    expect(await revenueRows()).toEqual([]);
  });

  test('is split by category and cost center, half up, with the remainder on the last share, and sums to the invoice exactly', async () => {
    const { revenues, created } = await allocateInvoiceRevenue(world.scope, { invoiceId, allocations: split, recognizedOn: '2027-03-10' });
    expect(created).toBe(true);
    // 14641 × 60 % = 8784.6 → 8785; × 25 % = 3660.25 → 3660; the last 15 % takes 14641 − 8785 − 3660 = 2196 (not 2196.15 rounded).
    expect(await revenueRows()).toEqual([
      { category: 'SUBS', costCenter: 'SALES', amount: 8785 },
      { category: 'SUBS', costCenter: 'OPS', amount: 3660 },
      { category: 'SERV', costCenter: 'OPS', amount: 2196 },
    ]);
    expect(revenues.reduce((sum, r) => sum + r.amountMinor, 0)).toBe(14641);
  });

  test('allocating again (a retried step) returns the rows already booked and adds none', async () => {
    const again = await allocateInvoiceRevenue(world.scope, { invoiceId, allocations: split, recognizedOn: '2027-03-11' });
    expect(again.created).toBe(false);
    expect(again.revenues.map((r) => r.amountMinor).sort((a, b) => b - a)).toEqual([8785, 3660, 2196]);
    expect(await revenueRows()).toHaveLength(3);
  });
});
