import type { Model, ModelClass } from 'objection';
import { ReferenceNotFoundError } from '../../engine/db/errors/constraint-errors';
import { CrossTenantWriteError } from '../../engine/db/errors/tenant-errors';
import * as models from '../../engine/db/models';
import { tenantScope, type TenantScope } from '../../engine/db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createSharedPlan, createTenantGraph } from './two-tenant-graph';

let db: TestDatabase;
let acme: TenantScope;
let globex: TenantScope;

beforeAll(async () => {
  db = await createTestDatabase();
  const plan = await createSharedPlan(db.knex);
  acme = tenantScope(db.knex, (await createTenantGraph(db.knex, 'acme', plan)).companyId);
  globex = tenantScope(db.knex, (await createTenantGraph(db.knex, 'globex', plan)).companyId);
});
afterAll(() => db.drop());

/** The id of Globex's (only or first) row of a parent model. */
async function globexId(parent: ModelClass<Model>): Promise<string> {
  const row = await globex.query(parent).first();
  return (row as unknown as { id: string }).id;
}

type Case = [string, string, ModelClass<Model>, ModelClass<Model>, Record<string, unknown>];
const cases: Case[] = [
  ['deals', 'contact_id', models.Deal, models.Contact, { title: 'Poach', currency: 'EUR' }],
  ['sessions', 'user_id', models.Session, models.User, { token_hash: 'stolen', expires_at: '2030-01-01T00:00:00Z' }],
  ['contract_installments', 'contract_id', models.ContractInstallment, models.Contract, { sequence: 9, due_date: '2030-01-01', currency: 'EUR' }],
  ['payments', 'installment_id', models.Payment, models.ContractInstallment, { amount_minor: 1, currency: 'EUR' }],
  ['sale_items', 'product_id', models.SaleItem, models.Product, { sale_id: null, quantity: '1', currency: 'EUR' }],
  ['revenues', 'cost_center_id', models.Revenue, models.CostCenter, { revenue_category_id: null, amount_minor: 1, currency: 'EUR', recognized_on: '2030-01-01' }],
  ['webhook_deliveries', 'webhook_endpoint_id', models.WebhookDelivery, models.WebhookEndpoint, { event_type: 'x', event_id: 'poach', payload: {} }],
  ['notifications', 'user_id', models.Notification, models.User, { kind: 'x', title: 'Poach' }],
];

test.each(cases)('%s.%s pointing at another tenant parent is refused with ReferenceNotFoundError', async (table, column, model, parent, row) => {
  const filled = { ...row, [column]: await globexId(parent) };
  // Columns left null above are required siblings: fill them from Acme's own rows so only the tested column crosses tenants.
  if ('sale_id' in filled) filled.sale_id = (await acme.query(models.Sale).first())!.id;
  if ('revenue_category_id' in filled) filled.revenue_category_id = (await acme.query(models.RevenueCategory).first())!.id;
  const attempt = acme.transaction(async (tx) => tx.query(model).insert(filled));
  await expect(attempt).rejects.toBeInstanceOf(ReferenceNotFoundError);
  await expect(attempt).rejects.toMatchObject({ details: { table, column } });
});

test('an attachment on another tenant host is refused with ReferenceNotFoundError on entity_id', async () => {
  const foreignContactId = await globexId(models.Contact);
  const attempt = acme.transaction(async (tx) => tx.query(models.Task).insert({ entity_type: 'contact', entity_id: foreignContactId, title: 'Poach' }));
  await expect(attempt).rejects.toBeInstanceOf(ReferenceNotFoundError);
  await expect(attempt).rejects.toMatchObject({ details: { table: 'tasks', column: 'entity_id' } });
});

test('relating a BelongsTo to another tenant parent is refused with CrossTenantWriteError', async () => {
  const deal = (await acme.query(models.Deal).first())!;
  const foreignUser = (await globex.query(models.User).first())!;
  await expect(deal.$relatedQuery('owner', db.knex).relate(foreignUser)).rejects.toBeInstanceOf(CrossTenantWriteError);
  expect((await acme.query(models.Deal).findById(deal.id))?.owner_user_id).not.toBe(foreignUser.id);
});

test('repointing a row at another tenant parent behind the models is refused by the composite key', async () => {
  const activity = (await acme.query(models.Activity).first())!;
  const rewrite = db.knex('activities').where({ id: activity.id }).update({ actor_user_id: await globexId(models.User) });
  await expect(rewrite).rejects.toThrow(/activities_actor_user_id_fkey/);
  const loaded = await acme.query(models.Activity).findById(activity.id).withGraphFetched('actor');
  expect(loaded?.actor?.company_id).toBe(acme.companyId);
});
