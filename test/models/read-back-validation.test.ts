import type { Model, ModelClass } from 'objection';
import * as models from '../../engine/db/models';
import { TenantModel } from '../../engine/db/models/tenant-model';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createSharedPlan, createTenantGraph, type TenantGraph } from './two-tenant-graph';

let db: TestDatabase;
let acme: TenantGraph;

beforeAll(async () => {
  db = await createTestDatabase();
  acme = await createTenantGraph(db.knex, 'acme', await createSharedPlan(db.knex));
});
afterAll(() => db.drop());

const registry = Object.values(models) as ModelClass<Model>[];

function firstRow(model: ModelClass<Model>) {
  const query = model.query(db.knex);
  return (model.prototype instanceof TenantModel ? query.context({ companyId: acme.companyId }) : query).first();
}

test.each(registry.map((model) => [model.name, model]))('a %s row read back from the database passes its own jsonSchema', async (_name, model) => {
  const row = await firstRow(model);
  expect(row).toBeDefined();
  expect(() => row!.$validate()).not.toThrow();
});

test('instants come back as ISO-8601 UTC strings, calendar dates as YYYY-MM-DD, money as numbers, decimals as strings', async () => {
  const invoice = await models.Invoice.query(db.knex).context({ companyId: acme.companyId }).first();
  const item = await models.SaleItem.query(db.knex).context({ companyId: acme.companyId }).whereNotNull('service_id').first();
  expect(invoice?.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z$/);
  expect(invoice?.issue_date).toBe('2030-01-01');
  expect(typeof invoice?.total_minor).toBe('number');
  expect(item?.quantity).toBe('1.5000');
});
