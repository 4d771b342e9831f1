import type { Pojo, RelationMappings } from 'objection';
import { instant, nullable, text, uuid } from './schema-fields';
import { omitSecretColumns } from './secret-columns';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';

/** A single-use password reset request; only the token's hash is stored. */
export class PasswordResetToken extends TenantModel {
  static override tableName = 'password_reset_tokens';

  user_id!: string;
  token_hash!: string;
  expires_at!: string;
  used_at!: string | null;

  user?: User | null;

  static override jsonSchema = {
    type: 'object',
    required: ['token_hash', 'expires_at'],
    properties: {
      user_id: uuid,
      token_hash: text(128),
      expires_at: instant,
      used_at: nullable(instant),
    },
  };

  override $formatJson(json: Pojo): Pojo {
    return omitSecretColumns(super.$formatJson(json));
  }

  static override relationMappings = (): RelationMappings => ({
    user: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('password_reset_tokens', 'user_id', 'users', 'id') },
  });
}
