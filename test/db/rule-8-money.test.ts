import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant, insertRow } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let tenant: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = (await createTenant(db.knex, 'acme')).companyId;
});
afterAll(() => db.drop());

interface ColumnRow {
  table_name: string;
  column_name: string;
  data_type: string;
}

async function columns(): Promise<ColumnRow[]> {
  return db.knex('information_schema.columns').select('table_name', 'column_name', 'data_type').where({ table_schema: 'public' });
}

test('no column anywhere is floating point', async () => {
  const floats = (await columns()).filter((c) => ['real', 'double precision'].includes(c.data_type));
  expect(floats).toEqual([]);
});

test('every amount column holds integer minor units (bigint)', async () => {
  const amounts = (await columns()).filter((c) => c.column_name.endsWith('_minor'));
  expect(amounts.length).toBeGreaterThanOrEqual(20);
  expect(amounts.filter((c) => c.data_type !== 'bigint')).toEqual([]);
});

test('every table with an amount also carries a currency code', async () => {
  const all = await columns();
  const withAmounts = new Set(all.filter((c) => c.column_name.endsWith('_minor')).map((c) => c.table_name));
  const withCurrency = new Set(all.filter((c) => c.column_name === 'currency' || c.column_name === 'default_currency').map((c) => c.table_name));
  expect([...withAmounts].filter((table) => !withCurrency.has(table))).toEqual([]);
});

test('a fractional amount is refused rather than rounded', async () => {
  await expect(insertRow(db.knex, 'products', { company_id: tenant, sku: 'F', name: 'Fraction', currency: 'EUR', unit_price_minor: 10.5 })).rejects.toThrow(
    /invalid input syntax for type bigint/,
  );
});

test('a currency must be a three-letter ISO code', async () => {
  await expect(insertRow(db.knex, 'products', { company_id: tenant, sku: 'E', name: 'Euro', currency: 'EUR', unit_price_minor: 1999 })).resolves.toBeTruthy();
  await expect(insertRow(db.knex, 'products', { company_id: tenant, sku: 'X', name: 'Bad', currency: 'eu', unit_price_minor: 1 })).rejects.toThrow(/currency_is_iso_4217/);
});

test('large amounts round-trip exactly to the minor unit', async () => {
  const id = await insertRow(db.knex, 'products', { company_id: tenant, sku: 'BIG', name: 'Big', currency: 'EUR', unit_price_minor: 9_007_199_254_740_991 });
  expect((await db.knex('products').where({ id }).first()).unit_price_minor).toBe(9_007_199_254_740_991);
});

test('a negative price is refused', async () => {
  await expect(insertRow(db.knex, 'products', { company_id: tenant, sku: 'NEG', name: 'Neg', currency: 'EUR', unit_price_minor: -1 })).rejects.toThrow(
    /unit_price_minor_not_negative/,
  );
});

test('an invoice total must equal subtotal plus tax', async () => {
  const contactId = await insertRow(db.knex, 'contacts', { company_id: tenant, name: 'Payer' });
  const invoice = { company_id: tenant, contact_id: contactId, currency: 'EUR', issue_date: '2026-11-01', due_date: '2026-11-30', subtotal_minor: 10000, tax_minor: 2300 };
  await expect(insertRow(db.knex, 'invoices', { ...invoice, invoice_number: 'A', total_minor: 12300 })).resolves.toBeTruthy();
  await expect(insertRow(db.knex, 'invoices', { ...invoice, invoice_number: 'B', total_minor: 12299 })).rejects.toThrow(/invoices_total_is_subtotal_plus_tax/);
});

test('calendar dates come back as the YYYY-MM-DD strings they were stored as, never as time-zone-shifted Date objects', async () => {
  const contactId = await insertRow(db.knex, 'contacts', { company_id: tenant, name: 'Dates' });
  const id = await insertRow(db.knex, 'invoices', { company_id: tenant, contact_id: contactId, invoice_number: 'D', currency: 'EUR', issue_date: '2024-02-29', due_date: '2024-03-31' });
  expect(await db.knex('invoices').where({ id }).first()).toMatchObject({ issue_date: '2024-02-29', due_date: '2024-03-31' });
});
