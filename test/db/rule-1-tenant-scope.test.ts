import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant, insertRow } from '../helpers/tenant-fixtures';
import { createBillingGraph, pay } from '../helpers/billing-fixtures';
import { ENGINE_TABLES } from '../helpers/engine-tables';
import { SEED_TABLES } from '../helpers/seed-tables';

let db: TestDatabase;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenantA = (await createTenant(db.knex, 'acme')).companyId;
  tenantB = (await createTenant(db.knex, 'globex')).companyId;
});
afterAll(() => db.drop());

test('every entity of the seed is a table, and the only others are the engine tables and the migration log', async () => {
  const tables = (await db.knex('information_schema.tables').select('table_name').where({ table_schema: 'public', table_type: 'BASE TABLE' }))
    .map((row: { table_name: string }) => row.table_name)
    .filter((name: string) => !name.startsWith('knex_'));
  expect(tables.sort()).toEqual([...SEED_TABLES, ...ENGINE_TABLES].sort());
});

test('every tenant table declares company_id NOT NULL, except job_queue', async () => {
  const columns = await db.knex('information_schema.columns')
    .select('table_name', 'is_nullable')
    .where({ table_schema: 'public', column_name: 'company_id' });
  const nullable = columns.filter((c: { is_nullable: string }) => c.is_nullable === 'YES').map((c: { table_name: string }) => c.table_name);
  expect(nullable).toEqual(['job_queue']);
  expect(columns).toHaveLength(SEED_TABLES.length - 2 + ENGINE_TABLES.length);
});

test('plans are global: the plans table has no company_id', async () => {
  const planColumns = await db.knex('information_schema.columns').where({ table_schema: 'public', table_name: 'plans', column_name: 'company_id' });
  expect(planColumns).toHaveLength(0);
});

test('every foreign key between tenant tables includes company_id on both sides', async () => {
  const { rows } = await db.knex.raw(`
    SELECT c.conname, child.relname AS child, parent.relname AS parent,
      (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(c.conkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum) AS child_columns,
      (SELECT array_agg(a.attname::text ORDER BY k.n) FROM unnest(c.confkey) WITH ORDINALITY k(attnum, n) JOIN pg_attribute a ON a.attrelid = c.confrelid AND a.attnum = k.attnum) AS parent_columns
    FROM pg_constraint c
    JOIN pg_class child ON child.oid = c.conrelid
    JOIN pg_class parent ON parent.oid = c.confrelid
    WHERE c.contype = 'f' AND parent.relname NOT IN ('companies', 'plans')`);
  expect(rows.length).toBeGreaterThanOrEqual(40);
  const unscoped = rows.filter((fk: { child_columns: string[]; parent_columns: string[] }) => fk.child_columns[0] !== 'company_id' || fk.parent_columns[0] !== 'company_id');
  expect(unscoped).toEqual([]);
});

test('a row may reference a parent of its own tenant', async () => {
  const contactId = await insertRow(db.knex, 'contacts', { company_id: tenantA, name: 'Own contact' });
  await expect(insertRow(db.knex, 'deals', { company_id: tenantA, contact_id: contactId, title: 'Own deal', currency: 'EUR' })).resolves.toBeTruthy();
});

test('a row cannot reference a parent of another tenant', async () => {
  const foreignContact = await insertRow(db.knex, 'contacts', { company_id: tenantB, name: 'Foreign contact' });
  await expect(insertRow(db.knex, 'deals', { company_id: tenantA, contact_id: foreignContact, title: 'Stolen deal', currency: 'EUR' })).rejects.toThrow(
    /violates foreign key constraint "deals_contact_id_fkey"/,
  );
});

test('a payment cannot settle another tenant installment', async () => {
  const foreign = await createBillingGraph(db.knex, tenantB);
  await expect(pay(db.knex, tenantA, foreign.installmentIds[0], 100)).rejects.toThrow(/payments_installment_id_fkey/);
});

test('an attachment cannot point at a host of another tenant', async () => {
  const foreignContact = await insertRow(db.knex, 'contacts', { company_id: tenantB, name: 'Host elsewhere' });
  const ownContact = await insertRow(db.knex, 'contacts', { company_id: tenantA, name: 'Host here' });
  await expect(insertRow(db.knex, 'tasks', { company_id: tenantA, entity_type: 'contact', entity_id: ownContact, title: 'Call' })).resolves.toBeTruthy();
  await expect(insertRow(db.knex, 'tasks', { company_id: tenantA, entity_type: 'contact', entity_id: foreignContact, title: 'Call' })).rejects.toThrow(
    /does not exist in this tenant/,
  );
});

test('a tenant row without company_id is refused', async () => {
  await expect(db.knex('contacts').insert({ name: 'Nobody' })).rejects.toThrow(/null value in column "company_id"/);
});

test('a system-wide job may have no company, and a tenant job must name a real company', async () => {
  await expect(insertRow(db.knex, 'job_queue', { kind: 'system.cleanup' })).resolves.toBeTruthy();
  await expect(insertRow(db.knex, 'job_queue', { company_id: tenantA, kind: 'tenant.report' })).resolves.toBeTruthy();
  await expect(insertRow(db.knex, 'job_queue', { company_id: '00000000-0000-4000-8000-000000000000', kind: 'x' })).rejects.toThrow(/job_queue_company_id_foreign/);
});
