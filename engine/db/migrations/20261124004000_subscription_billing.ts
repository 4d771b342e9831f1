import type { Knex } from 'knex';
import { addTenantReference, createTenantTable, currencyColumn } from '../schema-helpers/tenant-table';

// What the subscription lifecycle needs beside the seed's tables:
// - a plan change booked for the end of the period (subscriptions.pending_plan_id; cancel_at_period_end already exists);
// - an invoice's business key (invoices.source_key), so a retried renewal finds the invoice it created;
// - invoice lines: the plan's period charge, and proration credits and charges. A line without an invoice is pending:
//   it waits, on its subscription, for the next invoice (as Stripe's pending invoice items do).
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('subscriptions', (t) => {
    t.uuid('pending_plan_id').references('id').inTable('plans').onDelete('RESTRICT');
  });

  await knex.schema.alterTable('invoices', (t) => {
    t.string('source_key', 200);
    t.unique(['company_id', 'source_key'], { indexName: 'invoices_source_key_per_company' });
  });

  await createTenantTable(knex, 'invoice_lines', (t) => {
    t.uuid('invoice_id');
    t.uuid('subscription_id');
    t.check('invoice_id IS NOT NULL OR subscription_id IS NOT NULL', [], 'invoice_lines_belong_somewhere');
    t.string('kind', 24).notNullable();
    t.check(`kind IN ('subscription', 'proration_credit', 'proration_charge', 'credit_carried_forward')`, [], 'invoice_lines_kind_known');
    t.string('description', 300).notNullable();
    t.uuid('plan_id').references('id').inTable('plans').onDelete('RESTRICT');
    t.date('period_start');
    t.date('period_end');
    t.check('period_end IS NULL OR period_end > period_start', [], 'invoice_lines_period_forward');
    currencyColumn(t);
    // Signed: credits are negative. The invoice total they add up to is checked non-negative on invoices.
    t.bigInteger('amount_minor').notNullable();
    t.string('source_key', 200);
    t.unique(['company_id', 'source_key'], { indexName: 'invoice_lines_source_key_per_company' });
  });
  await addTenantReference(knex, 'invoice_lines', 'invoice_id', 'invoices', 'RESTRICT');
  await addTenantReference(knex, 'invoice_lines', 'subscription_id', 'subscriptions', 'RESTRICT');
  // The next invoice of a subscription collects its pending lines with this scan.
  await knex.raw('CREATE INDEX invoice_lines_pending ON invoice_lines (company_id, subscription_id) WHERE invoice_id IS NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('invoice_lines');
  await knex.schema.alterTable('invoices', (t) => {
    t.dropUnique(['company_id', 'source_key'], 'invoices_source_key_per_company');
    t.dropColumn('source_key');
  });
  await knex.schema.alterTable('subscriptions', (t) => {
    t.dropColumn('pending_plan_id');
  });
}
