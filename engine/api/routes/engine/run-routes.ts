import { randomUUID } from 'node:crypto';
import { WorkflowNotFoundError } from '@temporalio/client';
import type { Knex } from 'knex';
import type { TenantScope } from '../../../db/tenant-scope';
import { describeTenantRun } from '../../../runs/describe-run';
import { RunInputError } from '../../../runs/run-errors';
import { startRun } from '../../../runs/start-run';
import { eventSignal } from '../../../../workflows/run-messages';
import { notFound, ProblemError } from '../../http/problem';
import type { RouteDefinition } from '../../routing/route-definition';
import { closedObject, idParams, OK_OBJECT } from '../../routing/schema-helpers';
import { requireEngine, storeFor } from './engine-services';
import { retryRun } from './run-retry';
import { fetchTimeline } from './run-timeline';
import { afterRunCursor, runCursorAfter } from './run-cursor';

const definitionKey = { type: 'string', pattern: '^[a-z][a-z0-9_.-]{0,63}$' };
const date = { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}$' };
const entityType = { type: 'string', pattern: '^[a-z][a-z0-9_]{0,31}$' };
const entityId = { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,64}$' };
export const entityRef = closedObject({ type: entityType, id: entityId }, ['type', 'id']);
export const eventName = { type: 'string', pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$', maxLength: 100 };
export const eventId = { type: 'string', pattern: '^[A-Za-z0-9_.:-]{1,200}$' };

const listQuery = closedObject({
  definition: definitionKey,
  status: { type: 'string', enum: ['running', 'completed', 'failed', 'canceled', 'terminated', 'timed_out'] },
  entity_type: entityType,
  entity_id: entityId,
  started_from: date,
  started_until: date,
  limit: { type: 'string', pattern: '^(100|[1-9][0-9]?)$' },
  cursor: { type: 'string', minLength: 1, maxLength: 200, pattern: '^[A-Za-z0-9_-]+$' },
});

interface RunRow { id: string; workflow_id: string; definition_key: string; definition_version: number; entity_type: string | null; entity_id: string | null; trigger_kind: string; status: string; started_at: Date; closed_at: Date | null }

const runSummary = (row: RunRow) => ({
  id: row.id, workflow_id: row.workflow_id, definition_key: row.definition_key, definition_version: row.definition_version,
  entity: row.entity_type ? { type: row.entity_type, id: row.entity_id } : null, trigger: row.trigger_kind, status: row.status, started_at: row.started_at, closed_at: row.closed_at,
});

async function runById(scope: TenantScope, id: string): Promise<RunRow> {
  const row = await scope.knex('workflow_runs').where({ company_id: scope.companyId, id }).first();
  if (!row) throw notFound('run');
  return row;
}

/** The run's page in the Temporal UI (its raw history); the base comes from whoever started Temporal. */
const temporalUiUrl = (base: string, namespace: string, workflowId: string) =>
  `${base.replace(/\/+$/, '')}/namespaces/${encodeURIComponent(namespace)}/workflows/${encodeURIComponent(workflowId)}`;

/** Temporal refuses signals and cancellation for a closed run: that is the caller's conflict, not our failure. */
async function onOpenRun<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof WorkflowNotFoundError) throw new ProblemError(409, 'run_closed', 'The run is no longer running');
    throw error;
  }
}

function filtered(knex: Knex, companyId: string, query: Record<string, unknown>) {
  const builder = knex('workflow_runs').where({ company_id: companyId });
  if (query.definition) builder.where({ definition_key: query.definition });
  if (query.status) builder.where({ status: query.status });
  if (query.entity_type) builder.where({ entity_type: query.entity_type });
  if (query.entity_id) builder.where({ entity_id: query.entity_id });
  // Days are UTC days whatever the database session's time zone; `started_until` includes the whole day named.
  if (query.started_from) builder.whereRaw(`started_at >= (?::date)::timestamp AT TIME ZONE 'UTC'`, [query.started_from as string]);
  if (query.started_until) builder.whereRaw(`started_at < (?::date + 1)::timestamp AT TIME ZONE 'UTC'`, [query.started_until as string]);
  return builder;
}

/** A page of runs, newest first on (started_at, id), plus the cursor that continues after its last run. */
async function listPage(scope: TenantScope, query: Record<string, unknown>) {
  const limit = Number(query.limit ?? 100);
  const builder = filtered(scope.knex, scope.companyId, query);
  if (query.cursor) await afterRunCursor(scope, builder, query.cursor as string);
  const rows: RunRow[] = await builder.orderBy([{ column: 'started_at', order: 'desc' }, { column: 'id', order: 'desc' }]).limit(limit + 1);
  const page = rows.slice(0, limit);
  return { data: page.map(runSummary), next_cursor: rows.length > limit ? runCursorAfter(page[page.length - 1].id) : null };
}

/** Runs: listed from the tenant's run records (no Temporal visibility needed), started, inspected, signalled, cancelled. */
export function runRoutes(): RouteDefinition[] {
  return [
    {
      operationId: 'listRuns', method: 'get', path: '/api/runs', summary: "The tenant's runs, newest first, filtered by definition, status, entity and start date (UTC days); pass next_cursor as cursor for the next page", tag: 'Runs', access: { permission: 'runs.read' },
      query: listQuery,
      responses: { 200: { description: 'Runs', schema: OK_OBJECT } },
      handler: async ({ scope, query }) => ({ body: await listPage(scope!, query) }),
    },
    {
      operationId: 'startRun', method: 'post', path: '/api/runs', summary: "Start a run of a definition's newest published version (or the version given); an entity-bound run is started once per entity", tag: 'Runs', access: { permission: 'runs.start' },
      body: closedObject({ definition_key: definitionKey, version: { type: 'integer', minimum: 1, maximum: 1_000_000 }, input: { type: 'object' }, entity: entityRef }, ['definition_key']),
      bodyExample: { definition_key: 'dunning', input: {} },
      responses: { 201: { description: 'Started', schema: OK_OBJECT }, 200: { description: 'The entity already has this run', schema: OK_OBJECT }, 422: { description: 'The input does not fit the definition' } },
      handler: async ({ scope, body, services, caller }) => {
        const request = body as { definition_key: string; version?: number; input?: Record<string, unknown>; entity?: { type: string; id: string } };
        const engine = requireEngine(services);
        try {
          // A person (a session, e.g. the studio) starts a run by hand; an integration's API key starts it as the API.
          const started = await startRun(scope!, storeFor(scope!), engine, {
            definitionKey: request.definition_key, input: request.input ?? {}, trigger: caller?.kind === 'session' ? 'manual' : 'api',
            ...(request.version ? { version: request.version } : {}), ...(request.entity ? { entity: request.entity } : {}),
          });
          const row = await scope!.knex('workflow_runs').where({ company_id: scope!.companyId, workflow_id: started.workflowId }).first();
          return { status: started.created ? 201 : 200, body: { ...runSummary(row), created: started.created } };
        } catch (error) {
          if (!(error instanceof RunInputError)) throw error;
          throw new ProblemError(422, 'run_input_invalid', error.message, error.problems.map((problem) => ({ in: 'body', pointer: `#/input${problem.pointer === '/' ? '' : problem.pointer}`, message: problem.message })));
        }
      },
    },
    {
      operationId: 'getRun', method: 'get', path: '/api/runs/:id', summary: "A run: its record, Temporal's status, the timeline from its history and its current state (the last three only when Temporal is connected)", tag: 'Runs', access: { permission: 'runs.read' },
      params: idParams, resourceTable: 'workflow_runs',
      responses: { 200: { description: 'The run', schema: OK_OBJECT } },
      handler: async ({ scope, params, services }) => {
        const row = await runById(scope!, params.id);
        const summary = runSummary(row);
        if (!services.temporal) return { body: { ...summary, execution: null, timeline: null, state: null, engine: 'unavailable' } };
        const report = await describeTenantRun(scope!, services.temporal.client, row.workflow_id);
        const timeline = report.execution ? await fetchTimeline(services.temporal.client, row.workflow_id) : null;
        const temporalUi = services.temporal.uiUrl ? { temporal_ui_url: temporalUiUrl(services.temporal.uiUrl, services.temporal.client.options.namespace, row.workflow_id) } : {};
        return { body: { ...summary, execution: report.execution ?? null, timeline, state: report.state ?? null, ...(report.stateUnavailable ? { state_unavailable: report.stateUnavailable } : {}), engine: 'connected', ...temporalUi } };
      },
    },
    {
      operationId: 'signalRun', method: 'post', path: '/api/runs/:id/signal', summary: 'Send a named event to one run (delivered at most once per event_id)', tag: 'Runs', access: { permission: 'runs.signal' },
      params: idParams, resourceTable: 'workflow_runs',
      body: closedObject({ name: eventName, payload: { type: 'object' }, event_id: eventId }, ['name']),
      bodyExample: { name: 'payment.received', payload: { amountMinor: 1000 } },
      responses: { 202: { description: 'Signalled', schema: OK_OBJECT }, 409: { description: 'The run is closed' } },
      handler: async ({ scope, params, body, services }) => {
        const row = await runById(scope!, params.id);
        const request = body as { name: string; payload?: Record<string, unknown>; event_id?: string };
        const engine = requireEngine(services);
        const signalled = { name: request.name, payload: request.payload ?? {}, eventId: request.event_id ?? randomUUID() };
        await onOpenRun(() => engine.client.workflow.getHandle(row.workflow_id).signal(eventSignal, signalled));
        return { status: 202, body: { id: row.id, workflow_id: row.workflow_id, event_id: signalled.eventId } };
      },
    },
    {
      operationId: 'retryRun', method: 'post', path: '/api/runs/:id/retry', summary: 'Start a failed, canceled, terminated or timed-out run again with the same definition version, input and entity (an entity-bound run is reopened under its own id)', tag: 'Runs', access: { permission: 'runs.start' },
      params: idParams, resourceTable: 'workflow_runs',
      responses: { 201: { description: 'Started again', schema: OK_OBJECT }, 409: { description: 'The run is still running, completed, or its input is gone' } },
      handler: async ({ scope, params, services }) => {
        const row = await runById(scope!, params.id);
        const retried = await retryRun(scope!, requireEngine(services), row);
        const started = await scope!.knex('workflow_runs').where({ company_id: scope!.companyId, workflow_id: retried.workflowId }).first();
        return { status: 201, body: { ...runSummary(started), retried_from: row.id } };
      },
    },
    {
      operationId: 'cancelRun', method: 'post', path: '/api/runs/:id/cancel', summary: 'Ask a run to cancel (Temporal cancellation; the run records itself as canceled)', tag: 'Runs', access: { permission: 'runs.signal' },
      params: idParams, resourceTable: 'workflow_runs',
      responses: { 202: { description: 'Cancellation requested', schema: OK_OBJECT }, 409: { description: 'The run is closed' } },
      handler: async ({ scope, params, services }) => {
        const row = await runById(scope!, params.id);
        const engine = requireEngine(services);
        await onOpenRun(() => engine.client.workflow.getHandle(row.workflow_id).cancel());
        return { status: 202, body: { id: row.id, workflow_id: row.workflow_id } };
      },
    },
  ];
}
