import { WorkflowExecutionAlreadyStartedError, type Client } from '@temporalio/client';
import { TypedSearchAttributes } from '@temporalio/common';
import type { Knex } from 'knex';
import type { TenantScope } from '../db/tenant-scope';
import type { DefinitionStore } from '../definition-store/definition-store';
import { DEFINITION_ATTRIBUTE, ENTITY_ATTRIBUTE, TENANT_ATTRIBUTE } from '../temporal/search-attributes';
import { RUN_WORKFLOW_TYPE, type EntityRef, type RunDefinitionArgs } from '../../workflows/run-contract';
import { checkRunInput } from './run-input';
import { workflowIdFor } from './workflow-ids';

export interface RunEngine {
  client: Client;
  taskQueue: string;
  /** False on servers without Ledgerflow's search attributes (the time-skipping test server). */
  searchAttributes: boolean;
  /** Continue-as-new threshold for new runs; tests lower it to prove the carry-over. */
  historyLimit?: number;
}

export interface StartRunRequest {
  definitionKey: string;
  version?: number;
  input: unknown;
  entity?: EntityRef;
  trigger: 'manual' | 'api' | 'schedule' | 'event' | 'webhook';
}

export interface StartedRun {
  workflowId: string;
  definitionVersion: number;
  /** False when an entity-bound run already existed: the same trigger twice yields one run. */
  created: boolean;
}

/**
 * Records the run, then starts its workflow. Both steps are idempotent, so a crash between them is repaired by
 * the next attempt: the row is found again and the start, with the same workflow id, happens once.
 */
export async function startRun(scope: TenantScope, store: DefinitionStore, engine: RunEngine, request: StartRunRequest): Promise<StartedRun> {
  const published = await store.published(request.definitionKey, request.version);
  checkRunInput(published.document, request.input);
  const settings = await scope.knex('company_settings').where({ company_id: scope.companyId }).first('time_zone');
  const recorded = await recordRun(scope.knex, scope.companyId, published, request);

  const args: RunDefinitionArgs = {
    companyId: scope.companyId,
    definitionKey: published.key,
    definitionVersion: recorded.definitionVersion,
    definition: recorded.definitionVersion === published.version ? published.document : (await store.published(published.key, recorded.definitionVersion)).document,
    input: request.input,
    timeZone: settings?.time_zone ?? 'UTC',
    ...(request.entity ? { entity: request.entity } : {}),
    ...(engine.historyLimit ? { historyLimit: engine.historyLimit } : {}),
  };
  try {
    await engine.client.workflow.start(RUN_WORKFLOW_TYPE, {
      taskQueue: engine.taskQueue,
      workflowId: recorded.workflowId,
      args: [args],
      workflowIdReusePolicy: 'REJECT_DUPLICATE',
      ...(engine.searchAttributes ? { typedSearchAttributes: searchAttributesFor(scope.companyId, published.key, request.entity) } : {}),
    });
  } catch (error) {
    if (!(error instanceof WorkflowExecutionAlreadyStartedError)) throw error;
  }
  return { workflowId: recorded.workflowId, definitionVersion: recorded.definitionVersion, created: recorded.created };
}

function searchAttributesFor(companyId: string, key: string, entity?: EntityRef): TypedSearchAttributes {
  return new TypedSearchAttributes([
    { key: TENANT_ATTRIBUTE, value: companyId },
    { key: DEFINITION_ATTRIBUTE, value: key },
    ...(entity ? [{ key: ENTITY_ATTRIBUTE, value: `${entity.type}:${entity.id}` }] : []),
  ]);
}

async function recordRun(
  knex: Knex,
  companyId: string,
  published: { definitionId: string; versionId: string; key: string; version: number },
  request: StartRunRequest,
): Promise<{ workflowId: string; definitionVersion: number; created: boolean }> {
  const workflowId = workflowIdFor(companyId, published.key, request.entity);
  const inserted = await knex.raw(
    `INSERT INTO workflow_runs (company_id, workflow_id, definition_id, definition_version_id, definition_key, definition_version, entity_type, entity_id, trigger_kind)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)
     ON CONFLICT DO NOTHING RETURNING workflow_id, definition_version`,
    [companyId, workflowId, published.definitionId, published.versionId, published.key, published.version, request.entity?.type ?? null, request.entity?.id ?? null, request.trigger],
  );
  if (inserted.rows.length > 0) return { workflowId, definitionVersion: published.version, created: true };
  const existing = await knex('workflow_runs').where({ company_id: companyId, workflow_id: workflowId }).first('workflow_id', 'definition_version');
  return { workflowId: existing.workflow_id, definitionVersion: existing.definition_version, created: false };
}
