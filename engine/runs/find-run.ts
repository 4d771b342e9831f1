import type { TenantScope } from '../db/tenant-scope';
import { RunNotFoundError } from './run-errors';

export interface RecordedRun {
  workflowId: string;
  definitionKey: string;
  definitionVersion: number;
  entity?: { type: string; id: string };
  status: string;
  startedAt: Date;
  closedAt?: Date;
}

/**
 * The run's record in this tenant, or RunNotFoundError. Signals and queries go through this first, so a workflow id
 * from another tenant is answered exactly like one that does not exist.
 */
export async function findTenantRun(scope: TenantScope, workflowId: string): Promise<RecordedRun> {
  const row = await scope.knex('workflow_runs').where({ company_id: scope.companyId, workflow_id: workflowId }).first();
  if (!row) throw new RunNotFoundError(workflowId);
  return {
    workflowId: row.workflow_id,
    definitionKey: row.definition_key,
    definitionVersion: row.definition_version,
    ...(row.entity_type ? { entity: { type: row.entity_type, id: row.entity_id } } : {}),
    status: row.status,
    startedAt: row.started_at,
    ...(row.closed_at ? { closedAt: row.closed_at } : {}),
  };
}
