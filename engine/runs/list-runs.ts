import type { Client, WorkflowExecutionStatusName } from '@temporalio/client';
import { DEFINITION_ATTRIBUTE, ENTITY_ATTRIBUTE, TENANT_ATTRIBUTE } from '../temporal/search-attributes';

/** The statuses an operator filters by, mapped to Temporal's visibility values. */
export const RUN_STATUS_FILTERS = {
  running: 'Running',
  completed: 'Completed',
  failed: 'Failed',
  canceled: 'Canceled',
  terminated: 'Terminated',
  'timed-out': 'TimedOut',
  'continued-as-new': 'ContinuedAsNew',
} as const;
export type RunStatusFilter = keyof typeof RUN_STATUS_FILTERS;

export interface ListRunsFilter {
  definitionKey?: string;
  status?: RunStatusFilter;
  /** At most this many runs, newest first; 100 unless told. */
  limit?: number;
}

export interface ListedRun {
  workflowId: string;
  definitionKey?: string;
  entity?: string;
  status: WorkflowExecutionStatusName;
  startTime: Date;
  closeTime?: Date;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const DEFINITION_KEY = /^[a-z][a-z0-9-]{0,63}$/;

/** Raised for a filter that cannot be put in a visibility query safely. */
export class ListRunsFilterError extends Error {
  override name = 'ListRunsFilterError';
}

/**
 * The visibility query for one tenant. Values are checked against strict patterns rather than escaped, so no
 * filter can close the tenant clause's quotes and widen the query to other tenants.
 */
export function runsVisibilityQuery(companyId: string, filter: ListRunsFilter = {}): string {
  if (!UUID.test(companyId)) throw new ListRunsFilterError(`"${companyId}" is not a tenant id`);
  const clauses = [`${TENANT_ATTRIBUTE.name} = "${companyId}"`];
  if (filter.definitionKey !== undefined) {
    if (!DEFINITION_KEY.test(filter.definitionKey)) throw new ListRunsFilterError(`"${filter.definitionKey}" is not a definition key`);
    clauses.push(`${DEFINITION_ATTRIBUTE.name} = "${filter.definitionKey}"`);
  }
  if (filter.status !== undefined) {
    const status = RUN_STATUS_FILTERS[filter.status];
    if (!status) throw new ListRunsFilterError(`"${filter.status}" is not a run status; use one of ${Object.keys(RUN_STATUS_FILTERS).join(', ')}`);
    clauses.push(`ExecutionStatus = "${status}"`);
  } else {
    // A long run that continued as new leaves one closed execution per generation; only its live one is the run.
    clauses.push(`ExecutionStatus != "ContinuedAsNew"`);
  }
  return clauses.join(' AND ');
}

/** Lists one tenant's runs through Temporal visibility, using the search attributes startRun sets. */
export async function listRuns(client: Client, companyId: string, filter: ListRunsFilter = {}): Promise<ListedRun[]> {
  const limit = filter.limit ?? 100;
  const query = runsVisibilityQuery(companyId, filter);
  const runs: ListedRun[] = [];
  for await (const execution of client.workflow.list({ query, pageSize: Math.min(limit, 1000) })) {
    const attributes = execution.typedSearchAttributes;
    // Belt and braces: a server that ignored the filter must still never hand us another tenant's run.
    if (attributes.get(TENANT_ATTRIBUTE) !== companyId) continue;
    runs.push({
      workflowId: execution.workflowId,
      definitionKey: attributes.get(DEFINITION_ATTRIBUTE),
      entity: attributes.get(ENTITY_ATTRIBUTE),
      status: execution.status.name,
      startTime: execution.startTime,
      ...(execution.closeTime ? { closeTime: execution.closeTime } : {}),
    });
    if (runs.length >= limit) break;
  }
  return runs;
}
