import type { Knex } from 'knex';
import { addTenantReference, createTenantTable, currencyColumn, moneyColumn } from '../schema-helpers/tenant-table';

export async function up(knex: Knex): Promise<void> {
  for (const table of ['revenue_categories', 'cost_centers', 'expense_categories']) {
    await createTenantTable(knex, table, (t) => {
      t.string('code', 32).notNullable();
      t.string('name', 120).notNullable();
      t.unique(['company_id', 'code']);
    });
  }

  await createTenantTable(knex, 'revenues', (t) => {
    t.uuid('invoice_id');
    t.uuid('revenue_category_id').notNullable();
    t.uuid('cost_center_id').notNullable();
    t.string('description', 300);
    moneyColumn(t, 'amount_minor');
    currencyColumn(t);
    t.date('recognized_on').notNullable();
  });
  await addTenantReference(knex, 'revenues', 'invoice_id', 'invoices', 'RESTRICT');
  await addTenantReference(knex, 'revenues', 'revenue_category_id', 'revenue_categories', 'RESTRICT');
  await addTenantReference(knex, 'revenues', 'cost_center_id', 'cost_centers', 'RESTRICT');

  await createTenantTable(knex, 'expenses', (t) => {
    t.uuid('expense_category_id').notNullable();
    t.uuid('cost_center_id').notNullable();
    t.string('description', 300).notNullable();
    t.string('vendor_name', 200);
    moneyColumn(t, 'amount_minor');
    currencyColumn(t);
    t.date('incurred_on').notNullable();
    t.string('status', 16).notNullable().defaultTo('recorded');
    t.check(`status IN ('recorded', 'approved', 'paid', 'rejected')`, [], 'expenses_status_known');
  });
  await addTenantReference(knex, 'expenses', 'expense_category_id', 'expense_categories', 'RESTRICT');
  await addTenantReference(knex, 'expenses', 'cost_center_id', 'cost_centers', 'RESTRICT');

  await createTenantTable(knex, 'bank_statement_entries', (t) => {
    t.uuid('bank_account_id').notNullable();
    t.uuid('payment_id');
    t.date('booked_on').notNullable();
    // Signed: credits are positive, debits negative.
    moneyColumn(t, 'amount_minor', { nonNegative: false });
    t.check('amount_minor <> 0', [], 'bank_statement_entries_amount_not_zero');
    currencyColumn(t);
    t.string('description', 300);
    t.string('external_id', 128);
    t.unique(['company_id', 'bank_account_id', 'external_id']);
  });
  await addTenantReference(knex, 'bank_statement_entries', 'bank_account_id', 'bank_accounts', 'RESTRICT');
  await addTenantReference(knex, 'bank_statement_entries', 'payment_id', 'payments', 'SET NULL');
}

export async function down(knex: Knex): Promise<void> {
  const tables = ['bank_statement_entries', 'expenses', 'revenues', 'expense_categories', 'cost_centers', 'revenue_categories'];
  for (const table of tables) await knex.schema.dropTable(table);
}
