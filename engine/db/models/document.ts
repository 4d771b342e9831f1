import type { RelationMappings } from 'objection';
import { ATTACHMENT_HOST_TYPES, type AttachmentEntityType } from './attachment-host-types';
import { integer, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';

/** A stored file attached to one host entity; the bytes live in object storage under storage_key. */
export class Document extends TenantModel {
  static override tableName = 'documents';

  entity_type!: AttachmentEntityType;
  entity_id!: string;
  file_name!: string;
  content_type!: string;
  size_bytes!: number;
  storage_key!: string;
  uploaded_by!: string | null;

  uploader?: User | null;

  // entity_type and entity_id are not required: a host's attachment relation fills them in after validation.
  static override jsonSchema = {
    type: 'object',
    required: ['file_name', 'content_type', 'size_bytes', 'storage_key'],
    properties: {
      entity_type: oneOf(...ATTACHMENT_HOST_TYPES),
      entity_id: uuid,
      file_name: text(255),
      content_type: text(127),
      size_bytes: { ...integer, minimum: 0 },
      storage_key: text(512),
      uploaded_by: nullable(uuid),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    uploader: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('documents', 'uploaded_by', 'users', 'id') },
  });
}
