import type { RelationMappings } from 'objection';
import { hostAttachments } from './host-attachments';
import { instant, integer, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';

export type WorkflowRunStatus = 'running' | 'completed' | 'failed' | 'canceled' | 'terminated' | 'timed_out';

/** The database's record of a run: which pinned version it runs and which entity it is bound to. Temporal holds its history. */
export class WorkflowRun extends TenantModel {
  static override tableName = 'workflow_runs';

  workflow_id!: string;
  definition_id!: string;
  definition_version_id!: string;
  definition_key!: string;
  definition_version!: number;
  entity_type!: string | null;
  entity_id!: string | null;
  trigger_kind!: 'manual' | 'api' | 'schedule' | 'event' | 'webhook' | 'subflow';
  status!: WorkflowRunStatus;
  started_at!: string;
  closed_at!: string | null;

  static override jsonSchema = {
    type: 'object',
    required: ['workflow_id', 'definition_key', 'definition_version', 'trigger_kind'],
    properties: {
      workflow_id: text(255),
      definition_id: uuid,
      definition_version_id: uuid,
      definition_key: text(64),
      definition_version: { ...integer, minimum: 1 },
      entity_type: nullable(text(32)),
      entity_id: nullable(text(64)),
      trigger_kind: oneOf('manual', 'api', 'schedule', 'event', 'webhook', 'subflow'),
      status: oneOf('running', 'completed', 'failed', 'canceled', 'terminated', 'timed_out'),
      started_at: instant,
      closed_at: nullable(instant),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    definition: { relation: TenantModel.BelongsToOneRelation, modelClass: 'workflow-definition', join: tenantJoin('workflow_runs', 'definition_id', 'workflow_definitions', 'id') },
    version: { relation: TenantModel.BelongsToOneRelation, modelClass: 'workflow-definition-version', join: tenantJoin('workflow_runs', 'definition_version_id', 'workflow_definition_versions', 'id') },
    ...hostAttachments('workflow_run'),
  });
}
