import type { RelationMappings } from 'objection';
import { instant, nullable, text, uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Company } from './company';
import type { User } from './user';

/** A message for one user of a tenant, unread until read_at is set. */
export class Notification extends TenantModel {
  static override tableName = 'notifications';

  user_id!: string;
  kind!: string;
  title!: string;
  body!: string | null;
  read_at!: string | null;
  /** The creating flow step's idempotency key, unique per tenant. */
  source_key!: string | null;

  company?: Company | null;
  user?: User | null;

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['kind', 'title'],
    properties: {
      user_id: uuid,
      kind: text(64),
      title: text(300),
      body: nullable(text(undefined, 0)),
      read_at: nullable(instant),
      source_key: nullable(text(300)),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'notifications.company_id', to: 'companies.id' } },
    user: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('notifications', 'user_id', 'users', 'id') },
  });
}
