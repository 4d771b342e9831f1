import type { RelationMappings } from 'objection';
import { instant, nullable, oneOf, text, uuid } from './schema-fields';
import { ATTACHMENT_HOST_TYPES, type AttachmentEntityType } from './attachment-host-types';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Contact } from './contact';
import type { Deal } from './deal';
import type { User } from './user';

/** A timeline entry: attached to one host (entity_type, entity_id), optionally about a contact and a deal, by an actor. */
export class Activity extends TenantModel {
  static override tableName = 'activities';

  entity_type!: AttachmentEntityType;
  entity_id!: string;
  contact_id!: string | null;
  deal_id!: string | null;
  actor_user_id!: string | null;
  kind!: 'note' | 'call' | 'email' | 'meeting' | 'status_change' | 'system';
  subject!: string;
  body!: string | null;
  occurred_at!: string;

  contact?: Contact | null;
  deal?: Deal | null;
  actor?: User | null;

  // entity_type and entity_id are not required: a host's attachment relation fills them in after validation.
  static override jsonSchema = {
    type: 'object',
    required: ['kind', 'subject'],
    properties: {
      entity_type: oneOf(...ATTACHMENT_HOST_TYPES),
      entity_id: uuid,
      contact_id: nullable(uuid),
      deal_id: nullable(uuid),
      actor_user_id: nullable(uuid),
      kind: oneOf('note', 'call', 'email', 'meeting', 'status_change', 'system'),
      subject: text(300),
      body: nullable(text(undefined, 0)),
      occurred_at: instant,
    },
  };

  static override relationMappings = (): RelationMappings => ({
    contact: { relation: TenantModel.BelongsToOneRelation, modelClass: 'contact', join: tenantJoin('activities', 'contact_id', 'contacts', 'id') },
    deal: { relation: TenantModel.BelongsToOneRelation, modelClass: 'deal', join: tenantJoin('activities', 'deal_id', 'deals', 'id') },
    actor: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('activities', 'actor_user_id', 'users', 'id') },
  });
}
