import type { Knex } from 'knex';
import { addTenantReference, createTenantTable } from '../schema-helpers/tenant-table';

// The API lists each user's notifications and an invoice's lines a page at a time by (created_at, id), and stores the
// bytes of uploaded documents beside their records (documents.storage_key points here) until object storage exists.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX notifications_company_id_user_id_created_at_idx ON notifications (company_id, user_id, created_at, id)');
  await knex.raw('CREATE INDEX invoice_lines_company_id_created_at_idx ON invoice_lines (company_id, created_at, id)');
  await createTenantTable(knex, 'document_contents', (t) => {
    t.uuid('document_id').notNullable();
    t.unique(['company_id', 'document_id'], { indexName: 'document_contents_one_per_document' });
    t.binary('content').notNullable();
    // Hex SHA-256 of the content, so a download can be checked end to end and duplicates recognised.
    t.string('sha256', 64).notNullable();
    t.check(`sha256 ~ '^[0-9a-f]{64}$'`, [], 'document_contents_sha256_hex');
  });
  await addTenantReference(knex, 'document_contents', 'document_id', 'documents', 'CASCADE');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('document_contents');
  await knex.raw('DROP INDEX invoice_lines_company_id_created_at_idx');
  await knex.raw('DROP INDEX notifications_company_id_user_id_created_at_idx');
}
