import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant, insertRow } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let tenantA: string;
let tenantB: string;
let planId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenantA = (await createTenant(db.knex, 'acme')).companyId;
  tenantB = (await createTenant(db.knex, 'globex')).companyId;
  planId = (await db.knex('plans').insert({ code: 'pro', name: 'Pro', currency: 'EUR', amount_minor: 4900, interval_unit: 'month' }).returning('id'))[0].id;
});
afterAll(() => db.drop());

const subscription = (companyId: string, status: string) => ({ company_id: companyId, plan_id: planId, status });

test('a company may have any number of canceled subscriptions beside its active one', async () => {
  await insertRow(db.knex, 'subscriptions', subscription(tenantA, 'canceled'));
  await insertRow(db.knex, 'subscriptions', subscription(tenantA, 'canceled'));
  await expect(insertRow(db.knex, 'subscriptions', subscription(tenantA, 'active'))).resolves.toBeTruthy();
});

test('a second active subscription for the same company is refused', async () => {
  await expect(insertRow(db.knex, 'subscriptions', subscription(tenantA, 'active'))).rejects.toThrow(/subscriptions_one_current_per_company/);
});

test('a trialing or past_due subscription also counts as the current one', async () => {
  await expect(insertRow(db.knex, 'subscriptions', subscription(tenantA, 'trialing'))).rejects.toThrow(/subscriptions_one_current_per_company/);
  await expect(insertRow(db.knex, 'subscriptions', subscription(tenantA, 'past_due'))).rejects.toThrow(/subscriptions_one_current_per_company/);
});

test('another company may have its own active subscription to the same plan', async () => {
  await expect(insertRow(db.knex, 'subscriptions', subscription(tenantB, 'active'))).resolves.toBeTruthy();
});

test('once the current subscription is canceled a new one can start', async () => {
  await db.knex('subscriptions').where({ company_id: tenantA, status: 'active' }).update({ status: 'canceled', ended_at: db.knex.fn.now() });
  await expect(insertRow(db.knex, 'subscriptions', subscription(tenantA, 'active'))).resolves.toBeTruthy();
});

test('concurrent activations for one company: exactly one wins', async () => {
  const tenantC = (await createTenant(db.knex, 'initech')).companyId;
  const attempts = await Promise.allSettled(Array.from({ length: 5 }, () => insertRow(db.knex, 'subscriptions', subscription(tenantC, 'active'))));
  expect(attempts.filter((a) => a.status === 'fulfilled')).toHaveLength(1);
  expect(await db.knex('subscriptions').where({ company_id: tenantC }).count('* as n').first()).toEqual({ n: 1 });
});
