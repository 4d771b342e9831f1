import type { Knex } from 'knex';

// The API lists these tables a page at a time, by (created_at, id) after the tenant, and filters them by status;
// these indexes keep every list query an index range scan.
const LISTED = ['contacts', 'deals', 'products', 'services', 'invoices', 'contracts', 'contract_installments', 'payments', 'subscriptions', 'bank_accounts', 'webhook_endpoints'];
const STATUS_FILTERS: [string, string][] = [
  ['contacts', 'status'],
  ['deals', 'stage'],
  ['invoices', 'status'],
  ['contracts', 'status'],
  ['contract_installments', 'status'],
  ['subscriptions', 'status'],
  ['payments', 'status'],
];

export async function up(knex: Knex): Promise<void> {
  for (const table of LISTED) await knex.raw('CREATE INDEX ?? ON ?? (company_id, created_at, id)', [`${table}_company_id_created_at_idx`, table]);
  for (const [table, column] of STATUS_FILTERS) await knex.raw('CREATE INDEX ?? ON ?? (company_id, ??)', [`${table}_company_id_${column}_idx`, table, column]);
}

export async function down(knex: Knex): Promise<void> {
  for (const [table, column] of STATUS_FILTERS) await knex.raw('DROP INDEX ??', [`${table}_company_id_${column}_idx`]);
  for (const table of LISTED) await knex.raw('DROP INDEX ??', [`${table}_company_id_created_at_idx`]);
}
