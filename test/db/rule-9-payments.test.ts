import { createBillingGraph, pay } from '../helpers/billing-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let tenant: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = (await createTenant(db.knex, 'acme')).companyId;
});
afterAll(() => db.drop());

async function installment(id: string) {
  return db.knex('contract_installments').where({ id }).first();
}

async function paymentNet(id: string): Promise<number> {
  const rows = await db.knex('payments').where({ installment_id: id, status: 'succeeded' });
  return rows.reduce((sum: number, p: { kind: string; amount_minor: number }) => sum + (p.kind === 'payment' ? p.amount_minor : -p.amount_minor), 0);
}

test('several partial payments add up on the installment and settle it exactly', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [10000]);
  const [id] = graph.installmentIds;
  await pay(db.knex, tenant, id, 3333);
  expect(await installment(id)).toMatchObject({ paid_minor: 3333, status: 'partially_paid', settled_at: null });
  await pay(db.knex, tenant, id, 3333);
  await pay(db.knex, tenant, id, 3334);
  const settled = await installment(id);
  expect(settled).toMatchObject({ paid_minor: 10000, status: 'paid' });
  expect(settled.settled_at).not.toBeNull();
});

test('a reversal reopens a paid installment', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [5000]);
  const [id] = graph.installmentIds;
  const paymentId = await pay(db.knex, tenant, id, 5000);
  await pay(db.knex, tenant, id, 5000, { kind: 'reversal', reverses_payment_id: paymentId });
  expect(await installment(id)).toMatchObject({ paid_minor: 0, status: 'open', settled_at: null });
});

test('a reopened installment that was overdue goes back to overdue', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [5000]);
  const [id] = graph.installmentIds;
  await db.knex('contract_installments').where({ id }).update({ overdue_since: '2026-02-01' });
  expect(await installment(id)).toMatchObject({ status: 'overdue' });
  const paymentId = await pay(db.knex, tenant, id, 5000);
  expect(await installment(id)).toMatchObject({ status: 'paid' });
  await pay(db.knex, tenant, id, 5000, { kind: 'reversal', reverses_payment_id: paymentId });
  expect(await installment(id)).toMatchObject({ status: 'overdue', paid_minor: 0 });
});

test('failed and pending payments do not count toward the paid amount', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [5000]);
  const [id] = graph.installmentIds;
  await pay(db.knex, tenant, id, 5000, { status: 'failed' });
  await pay(db.knex, tenant, id, 1000, { status: 'pending' });
  expect(await installment(id)).toMatchObject({ paid_minor: 0, status: 'open' });
});

test('a pending payment that succeeds later is counted then', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [5000]);
  const [id] = graph.installmentIds;
  const paymentId = await pay(db.knex, tenant, id, 5000, { status: 'pending' });
  await db.knex('payments').where({ id: paymentId }).update({ status: 'succeeded' });
  expect(await installment(id)).toMatchObject({ paid_minor: 5000, status: 'paid' });
});

test('a fee added after payment makes the installment owe again', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [5000]);
  const [id] = graph.installmentIds;
  await pay(db.knex, tenant, id, 5000);
  await db.knex('contract_installments').where({ id }).update({ fee_minor: 250 });
  expect(await installment(id)).toMatchObject({ paid_minor: 5000, status: 'partially_paid' });
});

test('the paid amount cannot be written directly: it is always derived from the payments', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [5000]);
  const [id] = graph.installmentIds;
  await pay(db.knex, tenant, id, 1200);
  await db.knex('contract_installments').where({ id }).update({ paid_minor: 5000, status: 'paid' });
  expect(await installment(id)).toMatchObject({ paid_minor: 1200, status: 'partially_paid' });
  expect(await paymentNet(id)).toBe(1200);
});

test('a payment in another currency than its installment is refused', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [5000]);
  await expect(pay(db.knex, tenant, graph.installmentIds[0], 100, { currency: 'USD' })).rejects.toThrow(/does not match the installment currency EUR/);
});

test('reversals can never total more than the payment they reverse', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [5000]);
  const [id] = graph.installmentIds;
  const paymentId = await pay(db.knex, tenant, id, 3000);
  await pay(db.knex, tenant, id, 2000, { kind: 'reversal', reverses_payment_id: paymentId });
  await expect(pay(db.knex, tenant, id, 1001, { kind: 'reversal', reverses_payment_id: paymentId })).rejects.toThrow(/more than the 3000 paid/);
  expect(await installment(id)).toMatchObject({ paid_minor: 1000 });
});

test('a reversal must name the payment it reverses, and a plain payment must not', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [5000]);
  const [id] = graph.installmentIds;
  const paymentId = await pay(db.knex, tenant, id, 3000);
  await expect(pay(db.knex, tenant, id, 100, { kind: 'reversal' })).rejects.toThrow(/payments_reversal_names_its_payment/);
  await expect(pay(db.knex, tenant, id, 100, { reverses_payment_id: paymentId })).rejects.toThrow(/payments_reversal_names_its_payment/);
});

test('the same idempotency key records one payment per tenant', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [5000]);
  const [id] = graph.installmentIds;
  await pay(db.knex, tenant, id, 100, { idempotency_key: 'abc' });
  await expect(pay(db.knex, tenant, id, 100, { idempotency_key: 'abc' })).rejects.toThrow(/payments_company_id_idempotency_key_unique/);
  expect(await installment(id)).toMatchObject({ paid_minor: 100 });
});

test('installment paid amounts agree with their payments across many random payments', async () => {
  const graph = await createBillingGraph(db.knex, tenant, [100000, 50000, 25000]);
  let seed = 7;
  const next = () => (seed = (seed * 48271) % 2147483647);
  for (let i = 0; i < 40; i++) {
    const id = graph.installmentIds[next() % 3];
    const paymentId = await pay(db.knex, tenant, id, 1 + (next() % 9000));
    if (next() % 4 === 0) await pay(db.knex, tenant, id, 1 + (next() % 500), { kind: 'reversal', reverses_payment_id: paymentId }).catch(() => undefined);
  }
  for (const id of graph.installmentIds) expect((await installment(id)).paid_minor).toBe(await paymentNet(id));
});
