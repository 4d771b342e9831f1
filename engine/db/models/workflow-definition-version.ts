import type { RelationMappings } from 'objection';
import { instant, integer, jsonObject, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';

export type DefinitionVersionStatus = 'draft' | 'published' | 'archived';

/** One version of a definition. Drafts change; published and archived versions never do (the database refuses). */
export class WorkflowDefinitionVersion extends TenantModel {
  static override tableName = 'workflow_definition_versions';

  definition_id!: string;
  version!: number;
  status!: DefinitionVersionStatus;
  document!: Record<string, unknown>;
  checksum!: string;
  published_at!: string | null;
  published_by!: string | null;
  archived_at!: string | null;

  static override jsonSchema = {
    type: 'object',
    required: ['version', 'document', 'checksum'],
    properties: {
      definition_id: uuid,
      version: { ...integer, minimum: 1 },
      status: oneOf('draft', 'published', 'archived'),
      document: jsonObject,
      checksum: text(64),
      published_at: nullable(instant),
      published_by: nullable(uuid),
      archived_at: nullable(instant),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    definition: { relation: TenantModel.BelongsToOneRelation, modelClass: 'workflow-definition', join: tenantJoin('workflow_definition_versions', 'definition_id', 'workflow_definitions', 'id') },
    publisher: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('workflow_definition_versions', 'published_by', 'users', 'id') },
  });
}
