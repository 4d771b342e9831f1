import { DuplicateError, MissingValueError, ReferenceNotFoundError, RowInUseError, RuleViolationError } from '../../engine/db/errors/constraint-errors';
import { MissingTenantError } from '../../engine/db/errors/tenant-errors';
import { tenantScope } from '../../engine/db/tenant-scope';
import { createBillingGraph, pay } from '../helpers/billing-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenantA = (await createTenant(db.knex, 'acme')).companyId;
  tenantB = (await createTenant(db.knex, 'globex')).companyId;
});
afterAll(() => db.drop());

const inScope = <T>(companyId: string, work: Parameters<ReturnType<typeof tenantScope>['transaction']>[0]) =>
  tenantScope(db.knex, companyId).transaction(work) as Promise<T>;

test('a scope without a valid tenant id is refused with MissingTenantError', () => {
  expect(() => tenantScope(db.knex, '')).toThrow(MissingTenantError);
  expect(() => tenantScope(db.knex, 'not-a-uuid')).toThrow(MissingTenantError);
});

test('a cross-tenant reference comes back as ReferenceNotFoundError naming the column', async () => {
  const foreign = await createBillingGraph(db.knex, tenantB);
  const attempt = inScope(tenantA, (tx) => tx.knex('payments').insert({ company_id: tenantA, installment_id: foreign.installmentIds[0], amount_minor: 1, currency: 'EUR' }));
  await expect(attempt).rejects.toBeInstanceOf(ReferenceNotFoundError);
  await expect(attempt).rejects.toMatchObject({ status: 422, details: { table: 'payments', column: 'installment_id' } });
});

test('a delete blocked by RESTRICT comes back as RowInUseError naming the dependent table', async () => {
  const graph = await createBillingGraph(db.knex, tenantA);
  const attempt = inScope(tenantA, (tx) => tx.knex('contracts').where({ id: graph.contractId }).delete());
  await expect(attempt).rejects.toBeInstanceOf(RowInUseError);
  await expect(attempt).rejects.toMatchObject({ status: 409, message: 'contracts row is still used by contract_installments; remove those first' });
});

test('a duplicate comes back as DuplicateError with status 409', async () => {
  const write = () => inScope(tenantA, (tx) => tx.knex('products').insert({ company_id: tenantA, sku: 'DUP', name: 'Dup', currency: 'EUR' }));
  await write();
  await expect(write()).rejects.toBeInstanceOf(DuplicateError);
  await expect(write()).rejects.toMatchObject({ status: 409, details: { table: 'products' } });
});

test('a missing required value comes back as MissingValueError naming the column', async () => {
  const attempt = inScope(tenantA, (tx) => tx.knex('contacts').insert({ company_id: tenantA }));
  await expect(attempt).rejects.toBeInstanceOf(MissingValueError);
  await expect(attempt).rejects.toThrow('contacts.name is required');
});

test('a broken business rule comes back as RuleViolationError with the rule message', async () => {
  const graph = await createBillingGraph(db.knex, tenantA);
  const attempt = inScope(tenantA, (tx) => pay(tx.knex, tenantA, graph.installmentIds[0], 100, { currency: 'USD' }));
  await expect(attempt).rejects.toBeInstanceOf(RuleViolationError);
  await expect(attempt).rejects.toThrow('payment currency USD does not match the installment currency EUR');
});

test('a failed transaction leaves nothing half-written', async () => {
  const before = await db.knex('contacts').where({ company_id: tenantA }).count('* as n').first();
  const attempt = inScope(tenantA, async (tx) => {
    await tx.knex('contacts').insert({ company_id: tenantA, name: 'First of two' });
    await tx.knex('contacts').insert({ company_id: tenantA, name: 'Second', kind: 'robot' });
  });
  await expect(attempt).rejects.toBeInstanceOf(RuleViolationError);
  expect(await db.knex('contacts').where({ company_id: tenantA }).count('* as n').first()).toEqual(before);
});
