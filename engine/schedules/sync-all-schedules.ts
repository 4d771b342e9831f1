import type { Client } from '@temporalio/client';
import type { Knex } from 'knex';
import { tenantScope } from '../db/tenant-scope';
import type { ActionCatalogue } from '../dsl/semantics/action-catalogue';
import { definitionStore } from '../definition-store/definition-store';
import { syncSchedules } from './sync-schedules';

/**
 * Brings Temporal's Schedules in line with every live tenant's published definitions. The worker runs it at start,
 * so definitions published where no Temporal client was at hand (sign-up, the demo seed) get their schedules.
 */
export async function syncAllSchedules(knex: Knex, client: Client, taskQueue: string, catalogue: ActionCatalogue, searchAttributes: boolean): Promise<string[]> {
  const rows: { company_id: string; key: string }[] = await knex('workflow_definitions as d')
    .join('companies as c', 'c.id', 'd.company_id')
    .whereNull('c.deleted_at')
    .whereExists(
      knex('workflow_definition_versions as v')
        .whereRaw('v.company_id = d.company_id AND v.definition_id = d.id')
        .whereRaw(`v.document -> 'triggers' @> '[{"type": "schedule"}]'::jsonb`),
    )
    .select('d.company_id', 'd.key');
  const upserted: string[] = [];
  for (const row of rows) {
    const scope = tenantScope(knex, row.company_id);
    const synced = await syncSchedules(scope, definitionStore(scope, catalogue), client, taskQueue, row.key, { searchAttributes });
    upserted.push(...synced.upserted);
  }
  return upserted;
}
