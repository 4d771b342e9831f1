import type { Knex } from 'knex';
import { addTenantReference, createTenantTable, currencyColumn, moneyColumn } from '../schema-helpers/tenant-table';

export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'products', (t) => {
    t.string('sku', 64).notNullable();
    t.string('name', 200).notNullable();
    t.text('description');
    moneyColumn(t, 'unit_price_minor');
    currencyColumn(t);
    t.boolean('active').notNullable().defaultTo(true);
  });
  await knex.raw('CREATE UNIQUE INDEX products_sku_per_company ON products (company_id, sku)');

  await createTenantTable(knex, 'services', (t) => {
    t.string('code', 64);
    t.string('name', 200).notNullable();
    t.text('description');
    moneyColumn(t, 'unit_price_minor');
    currencyColumn(t);
    t.string('billing_unit', 16).notNullable().defaultTo('unit');
    t.check(`billing_unit IN ('unit', 'hour', 'day', 'month')`, [], 'services_billing_unit_known');
    t.boolean('active').notNullable().defaultTo(true);
  });

  await createTenantTable(knex, 'sales', (t) => {
    t.uuid('contact_id').notNullable();
    t.string('sale_number', 64).notNullable();
    t.unique(['company_id', 'sale_number']);
    t.string('status', 16).notNullable().defaultTo('draft');
    t.check(`status IN ('draft', 'confirmed', 'fulfilled', 'canceled')`, [], 'sales_status_known');
    currencyColumn(t);
    moneyColumn(t, 'total_minor');
    t.timestamp('sold_at', { useTz: true });
  });
  await addTenantReference(knex, 'sales', 'contact_id', 'contacts', 'RESTRICT');

  await createTenantTable(knex, 'sale_items', (t) => {
    t.uuid('sale_id').notNullable();
    t.uuid('product_id');
    t.uuid('service_id');
    // A line sells either a product or a service, never both and never neither.
    t.check('num_nonnulls(product_id, service_id) = 1', [], 'sale_items_product_xor_service');
    t.string('description', 300);
    t.decimal('quantity', 14, 4).notNullable();
    t.check('quantity > 0', [], 'sale_items_quantity_positive');
    moneyColumn(t, 'unit_price_minor');
    moneyColumn(t, 'total_minor');
    currencyColumn(t);
  });
  await addTenantReference(knex, 'sale_items', 'sale_id', 'sales', 'CASCADE');
  await addTenantReference(knex, 'sale_items', 'product_id', 'products', 'RESTRICT');
  await addTenantReference(knex, 'sale_items', 'service_id', 'services', 'RESTRICT');

  await createTenantTable(knex, 'inventory_movements', (t) => {
    t.uuid('product_id').notNullable();
    t.uuid('sale_item_id');
    t.integer('quantity').notNullable();
    t.check('quantity <> 0', [], 'inventory_movements_quantity_not_zero');
    t.string('reason', 16).notNullable();
    t.check(`reason IN ('purchase', 'sale', 'adjustment', 'return')`, [], 'inventory_movements_reason_known');
    t.timestamp('occurred_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await addTenantReference(knex, 'inventory_movements', 'product_id', 'products', 'RESTRICT');
  await addTenantReference(knex, 'inventory_movements', 'sale_item_id', 'sale_items', 'SET NULL');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['inventory_movements', 'sale_items', 'sales', 'services', 'products']) await knex.schema.dropTable(table);
}
