import { Contact } from '../../engine/db/models/contact';
import { MissingTenantError } from '../../engine/db/errors/tenant-errors';
import { ReferenceNotFoundError } from '../../engine/db/errors/constraint-errors';
import { tenantScope } from '../../engine/db/tenant-scope';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenantA = (await createTenant(db.knex, 'acme')).companyId;
  tenantB = (await createTenant(db.knex, 'globex')).companyId;
  await tenantScope(db.knex, tenantA).query(Contact).insert({ name: 'Ana of Acme' });
  await tenantScope(db.knex, tenantB).query(Contact).insert({ name: 'Bo of Globex' });
});
afterAll(() => db.drop());

test('a model query without a tenant is refused before any SQL runs', async () => {
  await expect(Contact.query(db.knex)).rejects.toBeInstanceOf(MissingTenantError);
});

test('a tenant scope reads only its own rows', async () => {
  const names = (await tenantScope(db.knex, tenantA).query(Contact)).map((c) => c.name);
  expect(names).toEqual(['Ana of Acme']);
});

test('an insert takes the scope tenant as company_id', async () => {
  const created = await tenantScope(db.knex, tenantB).query(Contact).insert({ name: 'Cy' });
  expect(created.company_id).toBe(tenantB);
});

test('an update through one tenant scope cannot touch another tenant rows', async () => {
  const changed = await tenantScope(db.knex, tenantA).query(Contact).patch({ status: 'archived' }).where('name', 'Bo of Globex');
  expect(changed).toBe(0);
  const bo = await tenantScope(db.knex, tenantB).query(Contact).findOne({ name: 'Bo of Globex' });
  expect(bo?.status).toBe('active');
});

test('a scope transaction rolls back every write when one fails, and the failure comes back typed', async () => {
  const scope = tenantScope(db.knex, tenantA);
  const foreignContact = await tenantScope(db.knex, tenantB).query(Contact).findOne({ name: 'Bo of Globex' });
  const attempt = scope.transaction(async (tx) => {
    await tx.query(Contact).insert({ name: 'Half-written' });
    await tx.knex('deals').insert({ company_id: tenantA, contact_id: foreignContact!.id, title: 'Cross', currency: 'EUR' });
  });
  await expect(attempt).rejects.toBeInstanceOf(ReferenceNotFoundError);
  await expect(attempt).rejects.toThrow('deals.contact_id refers to a row that does not exist in this tenant');
  expect(await scope.query(Contact).where('name', 'Half-written')).toHaveLength(0);
});
