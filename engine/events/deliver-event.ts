import { WorkflowNotFoundError } from '@temporalio/client';
import type { Knex } from 'knex';
import type { WorkflowDefinition } from '../../definitions/generated/definition';
import { eventSignal } from '../../workflows/run-messages';
import type { EventSignal } from '../../workflows/run-contract';
import { tenantScope, type TenantScope } from '../db/tenant-scope';
import type { DefinitionStore } from '../definition-store/definition-store';
import { startRun, type RunEngine } from '../runs/start-run';
import { triggeredStart } from './event-triggers';

export interface EventDispatchDeps {
  engine: RunEngine;
  /** A tenant's definition store; event-triggered runs start through it like every other run. */
  storeFor(scope: TenantScope): DefinitionStore;
  /** The dispatcher's clock, read by trigger logic as `now`. */
  now?: () => Date;
}

export interface PendingEvent {
  company_id: string;
  event_id: string;
  name: string;
  entity_type: string;
  entity_id: string;
  payload: Record<string, unknown>;
}

/**
 * Starts the runs the event triggers, then signals them and every running run bound to the event's entity. Each part is
 * idempotent (deterministic workflow ids, the runs table's unique index, signals deduplicated by eventId), so delivering
 * an event again after a partial failure repeats nothing. Returns the workflow ids signalled.
 */
export async function deliverEvent(knex: Knex, deps: EventDispatchDeps, event: PendingEvent): Promise<string[]> {
  const scope = tenantScope(knex, event.company_id);
  const signal: EventSignal = { name: event.name, payload: event.payload, eventId: event.event_id };
  const targets = new Set(await startTriggeredRuns(scope, deps, event));
  const bound = await knex('workflow_runs')
    .where({ company_id: event.company_id, entity_type: event.entity_type, entity_id: event.entity_id, status: 'running' })
    .pluck('workflow_id');
  for (const workflowId of bound) targets.add(workflowId);
  for (const workflowId of targets) {
    try {
      await deps.engine.client.workflow.getHandle(workflowId).signal(eventSignal, signal);
    } catch (error) {
      // The run closed since (its record says running until recordRunClosed lands): nothing left to deliver to.
      if (!(error instanceof WorkflowNotFoundError)) throw error;
    }
  }
  return [...targets];
}

async function startTriggeredRuns(scope: TenantScope, deps: EventDispatchDeps, event: PendingEvent): Promise<string[]> {
  const definitions = await latestPublished(scope);
  if (definitions.length === 0) return [];
  const settings = await scope.knex('company_settings').where({ company_id: scope.companyId }).first('time_zone');
  const delivered = {
    name: event.name,
    entity: { type: event.entity_type, id: event.entity_id },
    payload: event.payload,
    now: (deps.now?.() ?? new Date()).toISOString(),
    timeZone: settings?.time_zone ?? 'UTC',
  };
  const started: string[] = [];
  for (const definition of definitions) {
    const start = triggeredStart(definition.document, delivered);
    if (!start) continue;
    const run = await startRun(scope, deps.storeFor(scope), deps.engine, {
      definitionKey: definition.key, version: definition.version, input: start.input, entity: start.entity, trigger: 'event',
    });
    started.push(run.workflowId);
  }
  return started;
}

/** The newest published version of each of the tenant's definitions: the one new runs start on. */
async function latestPublished(scope: TenantScope): Promise<{ key: string; version: number; document: WorkflowDefinition }[]> {
  const { rows } = await scope.knex.raw(
    `SELECT DISTINCT ON (v.definition_id) d.key, v.version, v.document
     FROM workflow_definition_versions v
     JOIN workflow_definitions d ON d.company_id = v.company_id AND d.id = v.definition_id
     WHERE v.company_id = ? AND v.status = 'published'
     ORDER BY v.definition_id, v.version DESC`,
    [scope.companyId],
  );
  return rows;
}
