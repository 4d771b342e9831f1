import type { Pojo, RelationMappings } from 'objection';
import { instant, nullable, text, uuid } from './schema-fields';
import { omitSecretColumns } from './secret-columns';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';

/** One signed-in device of a user; the token itself is never stored, only its hash. */
export class Session extends TenantModel {
  static override tableName = 'sessions';

  user_id!: string;
  token_hash!: string;
  user_agent!: string | null;
  ip_address!: string | null;
  expires_at!: string;
  last_seen_at!: string | null;
  revoked_at!: string | null;

  user?: User | null;

  // Foreign keys are not in `required`: relation inserts set them after validation; NOT NULL still holds them.
  static override jsonSchema = {
    type: 'object',
    required: ['token_hash', 'expires_at'],
    properties: {
      user_id: uuid,
      token_hash: text(128),
      user_agent: nullable(text(512, 0)),
      ip_address: nullable(text(64)),
      expires_at: instant,
      last_seen_at: nullable(instant),
      revoked_at: nullable(instant),
    },
  };

  override $formatJson(json: Pojo): Pojo {
    return omitSecretColumns(super.$formatJson(json));
  }

  static override relationMappings = (): RelationMappings => ({
    user: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('sessions', 'user_id', 'users', 'id') },
  });
}
