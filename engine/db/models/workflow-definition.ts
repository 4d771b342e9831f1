import type { RelationMappings } from 'objection';
import { nullable, text } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { WorkflowDefinitionVersion } from './workflow-definition-version';

/** A tenant's business process, identified by key; its steps live in its versions. */
export class WorkflowDefinition extends TenantModel {
  static override tableName = 'workflow_definitions';

  key!: string;
  name!: string;
  description!: string | null;

  versions?: WorkflowDefinitionVersion[];

  static override jsonSchema = {
    type: 'object',
    required: ['key', 'name'],
    properties: { key: { type: 'string', pattern: '^[a-z][a-z0-9_.-]*$', maxLength: 64 }, name: text(200), description: nullable(text(5000, 0)) },
  };

  static override relationMappings = (): RelationMappings => ({
    versions: { relation: TenantModel.HasManyRelation, modelClass: 'workflow-definition-version', join: tenantJoin('workflow_definitions', 'id', 'workflow_definition_versions', 'definition_id') },
    runs: { relation: TenantModel.HasManyRelation, modelClass: 'workflow-run', join: tenantJoin('workflow_definitions', 'id', 'workflow_runs', 'definition_id') },
  });
}
