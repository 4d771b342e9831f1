import type { RelationMappings } from 'objection';
import { text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Document } from './document';

/** The bytes of one uploaded document, kept in the database beside its record (storage_key `db:document_contents`). */
export class DocumentContent extends TenantModel {
  static override tableName = 'document_contents';
  // Objection would store an `object` property as JSON text; the content is raw bytes.
  static override jsonAttributes: string[] = [];

  document_id!: string;
  content!: Buffer;
  sha256!: string;

  document?: Document | null;

  static override jsonSchema = {
    type: 'object',
    required: ['content', 'sha256'],
    properties: {
      document_id: uuid,
      // bytea arrives as a Buffer, which JSON Schema validation sees as an object.
      content: { type: 'object' },
      sha256: text(64),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    document: { relation: TenantModel.BelongsToOneRelation, modelClass: 'document', join: tenantJoin('document_contents', 'document_id', 'documents', 'id') },
  });
}
