import type { RelationMappings } from 'objection';
import { ATTACHMENT_HOST_TYPES, type AttachmentEntityType } from './attachment-host-types';
import { instant, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';

/** An appointment attached to one host entity; it ends no earlier than it starts (checked by the database). */
export class CalendarEvent extends TenantModel {
  static override tableName = 'calendar_events';

  entity_type!: AttachmentEntityType;
  entity_id!: string;
  title!: string;
  starts_at!: string;
  ends_at!: string;
  created_by!: string | null;

  creator?: User | null;

  // entity_type and entity_id are not required: a host's attachment relation fills them in after validation.
  static override jsonSchema = {
    type: 'object',
    required: ['title', 'starts_at', 'ends_at'],
    properties: {
      entity_type: oneOf(...ATTACHMENT_HOST_TYPES),
      entity_id: uuid,
      title: text(300),
      starts_at: instant,
      ends_at: instant,
      created_by: nullable(uuid),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    creator: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('calendar_events', 'created_by', 'users', 'id') },
  });
}
