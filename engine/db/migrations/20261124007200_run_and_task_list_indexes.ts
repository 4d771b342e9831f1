import type { Knex } from 'knex';

// The runs list pages newest first on (started_at, id) within the tenant; the tasks inbox asks for open tasks of a
// user or role, so each tasks filter column gets an index that starts with the tenant (assigned_to already has one).
const TASK_FILTERS = ['status', 'assigned_role_key', 'kind'];

export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE INDEX workflow_runs_company_id_started_at_idx ON workflow_runs (company_id, started_at DESC, id DESC)');
  for (const column of TASK_FILTERS) await knex.raw('CREATE INDEX ?? ON tasks (company_id, ??)', [`tasks_company_id_${column}_idx`, column]);
}

export async function down(knex: Knex): Promise<void> {
  for (const column of TASK_FILTERS) await knex.raw('DROP INDEX ??', [`tasks_company_id_${column}_idx`]);
  await knex.raw('DROP INDEX workflow_runs_company_id_started_at_idx');
}
