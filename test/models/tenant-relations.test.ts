import type { Model, ModelClass, QueryBuilder } from 'objection';
import { MissingTenantError } from '../../engine/db/errors/tenant-errors';
import * as models from '../../engine/db/models';
import { TenantModel } from '../../engine/db/models/tenant-model';
import { tenantScope } from '../../engine/db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createSharedPlan, createTenantGraph, type TenantGraph } from './two-tenant-graph';

let db: TestDatabase;
let acme: TenantGraph;
let globex: TenantGraph;

beforeAll(async () => {
  db = await createTestDatabase();
  const plan = await createSharedPlan(db.knex);
  acme = await createTenantGraph(db.knex, 'acme', plan);
  globex = await createTenantGraph(db.knex, 'globex', plan);
});
afterAll(() => db.drop());

type AnyModelClass = ModelClass<Model>;
const allModels = Object.values(models) as AnyModelClass[];
const relationCases = allModels.flatMap((model) => Object.keys(model.getRelations()).map((relation) => [model.name, relation, model] as const));

/** Acme's rows of a model with one relation eager-loaded; global tables are read with Acme as the tenant for their children. */
function loadInAcme(model: AnyModelClass, relation: string): QueryBuilder<Model, Model[]> {
  const query = model.query(db.knex).context({ companyId: acme.companyId }).withGraphFetched(relation);
  if (model === models.Company) return query.where('id', acme.companyId);
  if (model === models.JobQueue) return query.where('company_id', acme.companyId);
  return query;
}

function related(rows: Model[], relation: string): Model[] {
  return rows.flatMap((row) => [(row as unknown as Record<string, Model | Model[] | null>)[relation]].flat()).filter((r): r is Model => !!r);
}

/** The tenant a row belongs to; plans are global and belong to none. */
function tenantOf(row: Model): string | undefined {
  if (row instanceof models.Plan) return undefined;
  return row instanceof models.Company ? row.id : (row as unknown as { company_id: string }).company_id;
}

test.each(relationCases)('%s.%s loads with withGraphFetched and holds only Acme rows', async (_name, relation, model) => {
  const found = related(await loadInAcme(model, relation), relation);
  expect(found.length).toBeGreaterThan(0);
  const tenants = new Set(found.map(tenantOf));
  expect(tenants).toEqual(new Set([model === models.Subscription && relation === 'plan' ? undefined : acme.companyId]));
});

test('a contact graph loads down and back up its relations within one tenant', async () => {
  const contact = await tenantScope(db.knex, acme.companyId)
    .query(models.Contact)
    .findById(acme.contactId)
    .withGraphFetched('[deals.[contact, owner, activities], contracts.installments.[contract, payments.installment]]');
  expect(contact?.deals?.map((deal) => deal.contact?.id)).toEqual([acme.contactId]);
  expect(contact?.deals?.[0].owner?.id).toBe(acme.userId);
  const installment = contact?.contracts?.[0].installments?.[0];
  expect(installment?.contract?.id).toBe(contact?.contracts?.[0].id);
  expect(installment?.payments?.map((payment) => payment.installment?.id)).toEqual([installment?.id, installment?.id]);
});

test('a global plan shared by both tenants loads only the subscriptions of the tenant in the query context', async () => {
  const plans = await models.Plan.query(db.knex).context({ companyId: globex.companyId }).withGraphFetched('subscriptions');
  expect(plans).toHaveLength(1);
  expect(plans[0].subscriptions?.map((s) => s.company_id)).toEqual([globex.companyId]);
});

test('loading every company with one tenant in the context gives the other companies no children', async () => {
  const companies = await models.Company.query(db.knex).context({ companyId: acme.companyId }).withGraphFetched('users').orderBy('slug');
  expect(companies.map((c) => [c.slug, c.users?.length])).toEqual([
    ['acme', 1],
    ['globex', 0],
  ]);
});

test('eager-loading tenant rows from a global table without a tenant in the context is refused', async () => {
  await expect(models.Plan.query(db.knex).withGraphFetched('subscriptions')).rejects.toBeInstanceOf(MissingTenantError);
});

test('every relation between two tenant tables joins on company_id at both ends', () => {
  const unscoped = relationCases.filter(([, relation, model]) => {
    const mapping = model.getRelation(relation);
    if (!(mapping.relatedModelClass.prototype instanceof TenantModel) || !(model.prototype instanceof TenantModel)) return false;
    return !mapping.ownerProp.cols.includes('company_id') || !mapping.relatedProp.cols.includes('company_id');
  });
  expect(unscoped.map(([name, relation]) => `${name}.${relation}`)).toEqual([]);
});
