import type { Knex } from 'knex';

// Hosts of attachments after this migration: the earlier twelve plus workflow_run (approval tasks of runs with no entity).
const HOSTS = {
  contact: 'contacts', deal: 'deals', invoice: 'invoices', contract: 'contracts', contract_installment: 'contract_installments',
  payment: 'payments', sale: 'sales', product: 'products', service: 'services', subscription: 'subscriptions', expense: 'expenses',
  bank_account: 'bank_accounts', workflow_run: 'workflow_runs',
} as const;
const ATTACHMENT_TABLES = ['documents', 'activities', 'calendar_events', 'tasks'];

async function allowHosts(knex: Knex, hosts: Record<string, string>): Promise<void> {
  const cases = Object.entries(hosts).map(([type, table]) => `WHEN '${type}' THEN '${table}'`).join(' ');
  await knex.raw(`CREATE OR REPLACE FUNCTION ledgerflow_attachment_host_table(entity_type text) RETURNS text LANGUAGE sql IMMUTABLE AS $$
    SELECT CASE entity_type ${cases} END $$`);
  const list = Object.keys(hosts).map((type) => `'${type}'`).join(', ');
  for (const table of ATTACHMENT_TABLES) {
    await knex.raw(`ALTER TABLE ?? DROP CONSTRAINT entity_type_is_known_host`, [table]);
    await knex.raw(`ALTER TABLE ?? ADD CONSTRAINT entity_type_is_known_host CHECK (entity_type IN (${list}))`, [table]);
  }
}

// Tasks and notifications that flows create carry the step execution's key, so a retried activity never makes two.
// Approval tasks also name the run and the token its decision is signalled back with.
export async function up(knex: Knex): Promise<void> {
  await allowHosts(knex, HOSTS);
  await knex.raw(`CREATE TRIGGER workflow_runs_delete_attachments AFTER DELETE ON workflow_runs FOR EACH ROW EXECUTE FUNCTION ledgerflow_delete_attachments('workflow_run')`);
  await knex.schema.alterTable('tasks', (t) => {
    t.string('source_key', 300);
    t.string('workflow_id', 255);
    t.string('approval_token', 128);
    t.unique(['company_id', 'source_key']);
    t.check(`kind <> 'approval' OR (workflow_id IS NOT NULL AND approval_token IS NOT NULL)`, [], 'tasks_approval_names_its_run');
  });
  await knex.schema.alterTable('notifications', (t) => {
    t.string('source_key', 300);
    t.unique(['company_id', 'source_key']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TRIGGER workflow_runs_delete_attachments ON workflow_runs');
  const { workflow_run: _removed, ...earlier } = HOSTS;
  await allowHosts(knex, earlier);
  await knex.schema.alterTable('notifications', (t) => {
    t.dropUnique(['company_id', 'source_key']);
    t.dropColumn('source_key');
  });
  await knex.schema.alterTable('tasks', (t) => {
    t.dropChecks(['tasks_approval_names_its_run']);
    t.dropUnique(['company_id', 'source_key']);
    t.dropColumns('source_key', 'workflow_id', 'approval_token');
  });
}
