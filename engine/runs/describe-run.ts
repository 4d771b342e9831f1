import { WorkflowNotFoundError, type Client, type WorkflowExecutionStatusName } from '@temporalio/client';
import type { TenantScope } from '../db/tenant-scope';
import { stateQuery } from '../../workflows/run-messages';
import { findTenantRun, type RecordedRun } from './find-run';

export type RunStateAnswer = Awaited<ReturnType<typeof queryState>>;

export interface RunReport {
  run: RecordedRun;
  /** Temporal's view; absent once Temporal has dropped a closed run after its retention period. */
  execution?: { status: WorkflowExecutionStatusName; startTime: Date; closeTime?: Date; historyLength: number };
  /** The `state` query's answer: current steps, what each waits for, variables. */
  state?: RunStateAnswer;
  /** Why the state could not be read, e.g. no worker is running to answer the query. */
  stateUnavailable?: string;
}

const QUERY_DEADLINE_MS = 10_000;

function queryState(client: Client, workflowId: string) {
  return client.workflow.getHandle(workflowId).query(stateQuery);
}

/** Everything `show` prints about one run of this tenant, from the run record, Temporal's describe and the state query. */
export async function describeTenantRun(scope: TenantScope, client: Client, workflowId: string): Promise<RunReport> {
  const run = await findTenantRun(scope, workflowId);
  const handle = client.workflow.getHandle(workflowId);
  let described;
  try {
    described = await handle.describe();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) return { run, stateUnavailable: 'Temporal no longer holds this run (past its retention period)' };
    throw error;
  }
  const report: RunReport = {
    run,
    execution: {
      status: described.status.name,
      startTime: described.startTime,
      ...(described.closeTime ? { closeTime: described.closeTime } : {}),
      historyLength: described.historyLength,
    },
  };
  try {
    // A query needs a worker to answer it; without one it would wait until the server gives up.
    report.state = await client.withDeadline(Date.now() + QUERY_DEADLINE_MS, () => queryState(client, workflowId));
  } catch (error) {
    report.stateUnavailable = `the state query got no answer (is a worker running?): ${error instanceof Error ? error.message : String(error)}`;
  }
  return report;
}
