import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant, insertRow } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let tenantA: string;
let tenantB: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenantA = (await createTenant(db.knex, 'acme')).companyId;
  tenantB = (await createTenant(db.knex, 'globex')).companyId;
});
afterAll(() => db.drop());

describe('users.email', () => {
  test('is unique per tenant regardless of letter case', async () => {
    await insertRow(db.knex, 'users', { company_id: tenantA, email: 'ana@example.com', name: 'Ana' });
    await expect(insertRow(db.knex, 'users', { company_id: tenantA, email: 'ANA@Example.com', name: 'Ana again' })).rejects.toThrow(
      /users_email_per_company/,
    );
  });

  test('may repeat in another tenant', async () => {
    await expect(insertRow(db.knex, 'users', { company_id: tenantB, email: 'ana@example.com', name: 'Other Ana' })).resolves.toBeTruthy();
  });
});

describe('products.sku', () => {
  const product = (companyId: string) => ({ company_id: companyId, sku: 'SKU-1', name: 'Widget', currency: 'EUR' });
  test('is unique per tenant', async () => {
    await insertRow(db.knex, 'products', product(tenantA));
    await expect(insertRow(db.knex, 'products', product(tenantA))).rejects.toThrow(/products_sku_per_company/);
  });
  test('may repeat in another tenant', async () => {
    await expect(insertRow(db.knex, 'products', product(tenantB))).resolves.toBeTruthy();
  });
});

describe('invoices.invoice_number', () => {
  const invoice = async (companyId: string) => ({
    company_id: companyId,
    contact_id: await insertRow(db.knex, 'contacts', { company_id: companyId, name: 'Payer' }),
    invoice_number: 'INV-0001',
    currency: 'EUR',
    issue_date: '2026-11-01',
    due_date: '2026-11-30',
  });
  test('is unique per tenant', async () => {
    await insertRow(db.knex, 'invoices', await invoice(tenantA));
    await expect(insertRow(db.knex, 'invoices', await invoice(tenantA))).rejects.toThrow(/invoices_invoice_number_per_company/);
  });
  test('may repeat in another tenant', async () => {
    await expect(insertRow(db.knex, 'invoices', await invoice(tenantB))).resolves.toBeTruthy();
  });
});

describe('company_domains', () => {
  test('a domain name is unique per tenant, case-insensitively', async () => {
    await insertRow(db.knex, 'company_domains', { company_id: tenantA, domain_name: 'acme.test', is_primary: true });
    await expect(insertRow(db.knex, 'company_domains', { company_id: tenantA, domain_name: 'ACME.test' })).rejects.toThrow(
      /company_domains_domain_name_per_company/,
    );
  });

  test('another tenant may list the same domain name', async () => {
    await expect(insertRow(db.knex, 'company_domains', { company_id: tenantB, domain_name: 'acme.test', is_primary: true })).resolves.toBeTruthy();
  });

  test('a second primary domain is refused', async () => {
    await expect(insertRow(db.knex, 'company_domains', { company_id: tenantA, domain_name: 'acme.example', is_primary: true })).rejects.toThrow(
      /company_domains_one_primary/,
    );
  });

  test('domains without any primary are refused at commit', async () => {
    const tenantC = (await createTenant(db.knex, 'initech')).companyId;
    await expect(insertRow(db.knex, 'company_domains', { company_id: tenantC, domain_name: 'initech.test', is_primary: false })).rejects.toThrow(
      /exactly one primary domain, found 0/,
    );
  });

  test('the primary can move to another domain within one transaction', async () => {
    await db.knex.transaction(async (trx) => {
      await trx('company_domains').where({ company_id: tenantA, domain_name: 'acme.test' }).update({ is_primary: false });
      await trx('company_domains').insert({ company_id: tenantA, domain_name: 'acme.example', is_primary: true });
    });
    const primaries = await db.knex('company_domains').where({ company_id: tenantA, is_primary: true }).pluck('domain_name');
    expect(primaries).toEqual(['acme.example']);
  });

  test('removing the primary while other domains remain is refused at commit', async () => {
    await expect(db.knex('company_domains').where({ company_id: tenantA, is_primary: true }).delete()).rejects.toThrow(/exactly one primary domain/);
  });
});
