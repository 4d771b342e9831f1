import { ScheduleNotFoundError, type Client, type WorkflowExecutionStatusName } from '@temporalio/client';
import type { Knex } from 'knex';
import type { WorkflowRunStatus } from '../db/models/workflow-run';
import { tenantScope, type TenantScope } from '../db/tenant-scope';
import { scheduleIdFor, type ScheduledRunMemo } from './schedule-options';

// Temporal starts scheduled runs without us, so they are recorded afterwards from the schedule's recent actions
// (the last ten) and each run's memo; recordAllScheduledRuns is meant to run on the worker's poll, more often than
// ten firings. A bookkeeping activity at the start of runDefinition, recording the run itself, would make this exact.
const CLOSED: Partial<Record<WorkflowExecutionStatusName, WorkflowRunStatus>> = {
  COMPLETED: 'completed', FAILED: 'failed', CANCELLED: 'canceled', TERMINATED: 'terminated', TIMED_OUT: 'timed_out',
};

/** Records in workflow_runs the runs one schedule started that have no record yet; returns their workflow ids. */
export async function recordScheduledRuns(scope: TenantScope, client: Client, scheduleId: string): Promise<string[]> {
  let description;
  try {
    description = await client.schedule.getHandle(scheduleId).describe();
  } catch (error) {
    if (error instanceof ScheduleNotFoundError) return [];
    throw error;
  }
  const workflowIds = new Set([
    ...description.info.recentActions.map((result) => result.action.workflow.workflowId),
    ...description.info.runningActions.map((action) => action.workflow.workflowId),
  ]);
  const recorded: string[] = [];
  for (const workflowId of workflowIds) if (await recordScheduledRun(scope, client, workflowId)) recorded.push(workflowId);
  return recorded;
}

async function recordScheduledRun(scope: TenantScope, client: Client, workflowId: string): Promise<boolean> {
  const { knex, companyId } = scope;
  if (await knex('workflow_runs').where({ company_id: companyId, workflow_id: workflowId }).first('id')) return false;
  const handle = client.workflow.getHandle(workflowId);
  const started = await handle.describe();
  const memo = started.memo as unknown as ScheduledRunMemo | undefined;
  if (!memo?.definitionKey || !memo.definitionVersion) return false;
  const version = await knex('workflow_definition_versions as v')
    .join('workflow_definitions as d', function sameDefinition() {
      this.on('d.id', 'v.definition_id').andOn('d.company_id', 'v.company_id');
    })
    .where({ 'v.company_id': companyId, 'd.key': memo.definitionKey, 'v.version': memo.definitionVersion })
    .first('v.id as version_id', 'd.id as definition_id');
  if (!version) return false;
  const inserted = await knex('workflow_runs')
    .insert({
      company_id: companyId, workflow_id: workflowId, definition_id: version.definition_id, definition_version_id: version.version_id,
      definition_key: memo.definitionKey, definition_version: memo.definitionVersion, trigger_kind: 'schedule', started_at: started.startTime,
    })
    .onConflict('workflow_id')
    .ignore()
    .returning('id');
  if (inserted.length === 0) return false;
  // Read the status after the insert: a run that closed before it found no row for recordRunClosed to update.
  const now = await handle.describe();
  const closed = CLOSED[now.status.name];
  if (closed) {
    await knex('workflow_runs').where({ company_id: companyId, workflow_id: workflowId, status: 'running' }).update({ status: closed, closed_at: now.closeTime ?? knex.fn.now() });
  }
  return true;
}

/** Every tenant's live schedules, for the worker's poll. */
export async function recordAllScheduledRuns(knex: Knex, client: Client): Promise<string[]> {
  const { rows } = await knex.raw(
    `SELECT DISTINCT ON (v.company_id, v.definition_id) v.company_id, d.key, v.document
     FROM workflow_definition_versions v
     JOIN workflow_definitions d ON d.company_id = v.company_id AND d.id = v.definition_id
     WHERE v.status = 'published'
     ORDER BY v.company_id, v.definition_id, v.version DESC`,
  );
  const recorded: string[] = [];
  for (const row of rows as { company_id: string; key: string; document: { triggers: { type: string }[] } }[]) {
    for (const [index, trigger] of row.document.triggers.entries()) {
      if (trigger.type !== 'schedule') continue;
      recorded.push(...(await recordScheduledRuns(tenantScope(knex, row.company_id), client, scheduleIdFor(row.company_id, row.key, index))));
    }
  }
  return recorded;
}
