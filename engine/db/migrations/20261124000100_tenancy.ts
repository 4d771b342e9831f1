import type { Knex } from 'knex';
import { createTenantTable, currencyColumn, touchUpdatedAt } from '../schema-helpers/tenant-table';

// Companies are the tenants. They are soft-deleted (deleted_at); purging removes all their data.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE FUNCTION ledgerflow_touch_updated_at() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN NEW.updated_at := now(); RETURN NEW; END $$`);

  await knex.schema.createTable('companies', (t) => {
    t.uuid('id').primary().defaultTo(knex.raw('gen_random_uuid()'));
    t.string('name', 200).notNullable();
    t.string('slug', 63).notNullable().unique();
    t.check(`slug ~ '^[a-z0-9][a-z0-9-]*$'`, [], 'slug_is_lowercase_words');
    t.timestamp('deleted_at', { useTz: true });
    t.timestamp('created_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('updated_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
  });
  await touchUpdatedAt(knex, 'companies');

  await createTenantTable(knex, 'company_settings', (t) => {
    t.unique(['company_id'], { indexName: 'company_settings_one_per_company' });
    t.string('time_zone', 64).notNullable().defaultTo('UTC');
    currencyColumn(t, 'default_currency');
    t.string('locale', 16).notNullable().defaultTo('en');
    t.string('invoice_prefix', 16).notNullable().defaultTo('INV-');
    t.integer('next_invoice_number').notNullable().defaultTo(1);
    t.check('next_invoice_number >= 1', [], 'next_invoice_number_positive');
  });

  await createTenantTable(knex, 'tenant_settings', (t) => {
    t.string('key', 120).notNullable();
    t.jsonb('value').notNullable();
    t.unique(['company_id', 'key']);
  });

  await createTenantTable(knex, 'company_domains', (t) => {
    t.string('domain_name', 253).notNullable();
    t.boolean('is_primary').notNullable().defaultTo(false);
    t.timestamp('verified_at', { useTz: true });
  });
  await knex.raw('CREATE UNIQUE INDEX company_domains_domain_name_per_company ON company_domains (company_id, lower(domain_name))');
  await knex.raw('CREATE UNIQUE INDEX company_domains_one_primary ON company_domains (company_id) WHERE is_primary');
}

export async function down(knex: Knex): Promise<void> {
  for (const table of ['company_domains', 'tenant_settings', 'company_settings', 'companies']) await knex.schema.dropTable(table);
  await knex.raw('DROP FUNCTION ledgerflow_touch_updated_at()');
}
