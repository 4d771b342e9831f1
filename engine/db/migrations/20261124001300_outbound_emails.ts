import type { Knex } from 'knex';
import { createTenantTable } from '../schema-helpers/tenant-table';

// One row per email a flow sends, keyed by a dedupe key (e.g. invoice + dunning step): a retried or restarted step
// finds the row and does not send again. The address is kept so the tenant can see what went where.
export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'outbound_emails', (t) => {
    t.string('dedupe_key', 300).notNullable();
    t.unique(['company_id', 'dedupe_key']);
    t.string('workflow_id', 255);
    t.string('template', 64);
    t.string('recipient', 254).notNullable();
    t.string('subject', 300).notNullable();
    t.string('message_id', 300).notNullable();
    t.string('status', 16).notNullable().defaultTo('sending');
    t.check(`status IN ('sending', 'sent')`, [], 'outbound_emails_status_known');
    t.integer('attempts').notNullable().defaultTo(0);
    t.timestamp('sent_at', { useTz: true });
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('outbound_emails');
}
