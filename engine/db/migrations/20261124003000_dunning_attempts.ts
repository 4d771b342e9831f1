import type { Knex } from 'knex';
import { addTenantReference, createTenantTable, currencyColumn, moneyColumn } from '../schema-helpers/tenant-table';

// The timeline of a dunning run, one row per thing it did (a reminder on a channel, a payment retry, the final action,
// a balance reminder), dated in the tenant's calendar by the run's own clock. A dedupe key per tenant makes a retried
// or replayed step find its row instead of writing a second one.
export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'dunning_attempts', (t) => {
    t.uuid('invoice_id');
    t.uuid('contact_id').notNullable();
    t.string('kind', 24).notNullable();
    t.check(`kind IN ('reminder', 'payment_retry', 'final_action', 'balance_reminder')`, [], 'dunning_attempts_kind_known');
    t.check(`(kind = 'balance_reminder') = (invoice_id IS NULL)`, [], 'dunning_attempts_invoice_unless_balance');
    t.integer('sequence').notNullable();
    t.check('sequence >= 0', [], 'dunning_attempts_sequence_not_negative');
    t.string('channel', 32).notNullable();
    t.string('outcome', 16).notNullable();
    t.check(`outcome IN ('sent', 'failed', 'succeeded', 'declined', 'applied')`, [], 'dunning_attempts_outcome_known');
    t.date('attempted_on').notNullable();
    moneyColumn(t, 'amount_due_minor');
    currencyColumn(t);
    t.string('detail', 300);
    t.string('workflow_id', 255);
    t.string('dedupe_key', 300).notNullable();
    t.unique(['company_id', 'dedupe_key']);
  });
  await addTenantReference(knex, 'dunning_attempts', 'invoice_id', 'invoices', 'CASCADE');
  await addTenantReference(knex, 'dunning_attempts', 'contact_id', 'contacts', 'CASCADE');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('dunning_attempts');
}
