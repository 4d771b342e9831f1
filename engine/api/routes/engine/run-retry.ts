import { TypedSearchAttributes, defaultPayloadConverter } from '@temporalio/common';
import { WorkflowExecutionAlreadyStartedError, WorkflowNotFoundError } from '@temporalio/client';
import type { TenantScope } from '../../../db/tenant-scope';
import { RunInputError } from '../../../runs/run-errors';
import { startRun, type RunEngine } from '../../../runs/start-run';
import { DEFINITION_ATTRIBUTE, ENTITY_ATTRIBUTE, TENANT_ATTRIBUTE } from '../../../temporal/search-attributes';
import { RUN_WORKFLOW_TYPE, type RunDefinitionArgs } from '../../../../workflows/run-contract';
import { ProblemError } from '../../http/problem';
import { storeFor } from './engine-services';

/** Runs that ended without finishing their work; a completed run is not retried. */
export const RETRYABLE_STATUSES = ['failed', 'canceled', 'terminated', 'timed_out'];

export interface RetriedRunRow {
  id: string;
  workflow_id: string;
  definition_key: string;
  definition_version: number;
  entity_type: string | null;
  entity_id: string | null;
  status: string;
  started_at: Date;
  closed_at: Date | null;
}

const notRetryable = (detail: string) => new ProblemError(409, 'run_not_retryable', detail);

/** The arguments the run's current execution was started with: the input lives only in Temporal's history. */
async function startArguments(engine: RunEngine, workflowId: string): Promise<RunDefinitionArgs> {
  let history;
  try {
    history = await engine.client.workflow.getHandle(workflowId).fetchHistory();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw notRetryable('Temporal no longer holds this run (past its retention period), so its input is gone');
    throw error;
  }
  const payload = history.events?.[0]?.workflowExecutionStartedEventAttributes?.input?.payloads?.[0];
  if (!payload) throw notRetryable('The run has no recorded input to start again with');
  // A run that continued as new carries its interpreter state; the retry starts from the beginning instead.
  const { resume: _resume, ...args } = defaultPayloadConverter.fromPayload<RunDefinitionArgs>(payload);
  return args;
}

/**
 * Starts the run again with the same definition version, input and entity. An unbound run gets a new run of its
 * own. An entity keeps one run per definition (the database holds it to that), so its run is reopened: the same
 * record and workflow id, a new Temporal execution.
 */
export async function retryRun(scope: TenantScope, engine: RunEngine, row: RetriedRunRow): Promise<{ workflowId: string; created: boolean }> {
  if (!RETRYABLE_STATUSES.includes(row.status)) throw notRetryable(`Only a failed, canceled, terminated or timed-out run can be retried; this one is ${row.status}`);
  const args = await startArguments(engine, row.workflow_id);
  if (!row.entity_type) {
    try {
      const started = await startRun(scope, storeFor(scope), engine, { definitionKey: row.definition_key, version: row.definition_version, input: args.input, trigger: 'api' });
      return { workflowId: started.workflowId, created: true };
    } catch (error) {
      if (error instanceof RunInputError) throw notRetryable(`The run's input no longer fits its definition: ${error.message}`);
      throw error;
    }
  }
  // Only the caller that moves the record from closed to running starts the execution: two retries make one run.
  const reopened = await scope.knex('workflow_runs')
    .where({ company_id: scope.companyId, id: row.id }).whereIn('status', RETRYABLE_STATUSES)
    .update({ status: 'running', closed_at: null, started_at: scope.knex.fn.now() });
  if (reopened === 0) throw notRetryable('The run is running again already');
  try {
    await engine.client.workflow.start(RUN_WORKFLOW_TYPE, {
      taskQueue: engine.taskQueue, workflowId: row.workflow_id, args: [args], workflowIdReusePolicy: 'ALLOW_DUPLICATE',
      ...(engine.searchAttributes ? { typedSearchAttributes: new TypedSearchAttributes([
        { key: TENANT_ATTRIBUTE, value: scope.companyId }, { key: DEFINITION_ATTRIBUTE, value: row.definition_key }, { key: ENTITY_ATTRIBUTE, value: `${row.entity_type}:${row.entity_id}` },
      ]) } : {}),
    });
  } catch (error) {
    // Put the record back as it was, so it never claims a run Temporal did not start.
    await scope.knex('workflow_runs').where({ company_id: scope.companyId, id: row.id }).update({ status: row.status, started_at: row.started_at, closed_at: row.closed_at });
    if (error instanceof WorkflowExecutionAlreadyStartedError) throw notRetryable('Temporal still runs this run; wait until it has closed');
    throw error;
  }
  return { workflowId: row.workflow_id, created: false };
}
