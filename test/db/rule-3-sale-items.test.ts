import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { createTenant, insertRow } from '../helpers/tenant-fixtures';

let db: TestDatabase;
let tenant: string;
let saleId: string;
let productId: string;
let serviceId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  tenant = (await createTenant(db.knex, 'acme')).companyId;
  const contactId = await insertRow(db.knex, 'contacts', { company_id: tenant, name: 'Buyer' });
  saleId = await insertRow(db.knex, 'sales', { company_id: tenant, contact_id: contactId, sale_number: 'S-1', currency: 'EUR' });
  productId = await insertRow(db.knex, 'products', { company_id: tenant, sku: 'P-1', name: 'Widget', currency: 'EUR', unit_price_minor: 1250 });
  serviceId = await insertRow(db.knex, 'services', { company_id: tenant, name: 'Setup', currency: 'EUR', unit_price_minor: 5000 });
});
afterAll(() => db.drop());

const line = (extra: Record<string, unknown>) => ({ company_id: tenant, sale_id: saleId, quantity: 2, unit_price_minor: 1250, total_minor: 2500, currency: 'EUR', ...extra });

test('a line with only a product is accepted', async () => {
  await expect(insertRow(db.knex, 'sale_items', line({ product_id: productId }))).resolves.toBeTruthy();
});

test('a line with only a service is accepted', async () => {
  await expect(insertRow(db.knex, 'sale_items', line({ service_id: serviceId }))).resolves.toBeTruthy();
});

test('a line with both a product and a service is refused', async () => {
  await expect(insertRow(db.knex, 'sale_items', line({ product_id: productId, service_id: serviceId }))).rejects.toThrow(/sale_items_product_xor_service/);
});

test('a line with neither a product nor a service is refused', async () => {
  await expect(insertRow(db.knex, 'sale_items', line({}))).rejects.toThrow(/sale_items_product_xor_service/);
});

test('an update cannot add the second reference', async () => {
  const id = await insertRow(db.knex, 'sale_items', line({ product_id: productId }));
  await expect(db.knex('sale_items').where({ id }).update({ service_id: serviceId })).rejects.toThrow(/sale_items_product_xor_service/);
});
