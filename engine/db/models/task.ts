import type { RelationMappings } from 'objection';
import { ATTACHMENT_HOST_TYPES, type AttachmentEntityType } from './attachment-host-types';
import { calendarDate, instant, nullable, oneOf, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';

/** An action item on one host entity, assigned to a user or a role; approvals name their run and carry a decision. */
export class Task extends TenantModel {
  static override tableName = 'tasks';

  entity_type!: AttachmentEntityType;
  entity_id!: string;
  kind!: 'todo' | 'approval' | 'collection';
  title!: string;
  description!: string | null;
  status!: 'open' | 'done' | 'canceled';
  due_date!: string | null;
  assigned_to!: string | null;
  assigned_role_key!: string | null;
  decision!: 'approved' | 'rejected' | null;
  decided_at!: string | null;
  /** The creating flow step's idempotency key: a retried step finds its task instead of making a second. */
  source_key!: string | null;
  workflow_id!: string | null;
  approval_token!: string | null;

  assignee?: User | null;

  // entity_type and entity_id are not required: a host's attachment relation fills them in after validation.
  static override jsonSchema = {
    type: 'object',
    required: ['title'],
    properties: {
      entity_type: oneOf(...ATTACHMENT_HOST_TYPES),
      entity_id: uuid,
      kind: oneOf('todo', 'approval', 'collection'),
      title: text(300),
      description: nullable(text(undefined, 0)),
      status: oneOf('open', 'done', 'canceled'),
      due_date: nullable(calendarDate),
      assigned_to: nullable(uuid),
      assigned_role_key: nullable(text(64)),
      decision: nullable(oneOf('approved', 'rejected')),
      decided_at: nullable(instant),
      source_key: nullable(text(300)),
      workflow_id: nullable(text(255)),
      approval_token: nullable(text(128)),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    assignee: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('tasks', 'assigned_to', 'users', 'id') },
  });
}
