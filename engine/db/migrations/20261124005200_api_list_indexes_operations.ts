import type { Knex } from 'knex';

// The rest of the data model the API lists a page at a time by (created_at, id) within the tenant.
const LISTED = [
  'sales', 'sale_items', 'inventory_movements', 'revenue_categories', 'cost_centers', 'expense_categories', 'revenues', 'expenses',
  'bank_statement_entries', 'activities', 'tasks', 'calendar_events', 'documents', 'company_domains', 'tenant_settings',
  'report_schedules', 'kpis', 'integrations', 'webhook_deliveries',
];

export async function up(knex: Knex): Promise<void> {
  for (const table of LISTED) await knex.raw('CREATE INDEX ?? ON ?? (company_id, created_at, id)', [`${table}_company_id_created_at_idx`, table]);
}

export async function down(knex: Knex): Promise<void> {
  for (const table of LISTED) await knex.raw('DROP INDEX ??', [`${table}_company_id_created_at_idx`]);
}
