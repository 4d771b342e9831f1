import type { Pojo, RelationMappings } from 'objection';
import { instant, nullable, text, uuid } from './schema-fields';
import { omitSecretColumns } from './secret-columns';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';

/** A single-use proof that a user controls an email address; only the token's hash is stored. */
export class EmailVerificationToken extends TenantModel {
  static override tableName = 'email_verification_tokens';

  user_id!: string;
  token_hash!: string;
  email!: string;
  expires_at!: string;
  used_at!: string | null;

  user?: User | null;

  static override jsonSchema = {
    type: 'object',
    required: ['token_hash', 'email', 'expires_at'],
    properties: {
      user_id: uuid,
      token_hash: text(128),
      email: text(254),
      expires_at: instant,
      used_at: nullable(instant),
    },
  };

  override $formatJson(json: Pojo): Pojo {
    return omitSecretColumns(super.$formatJson(json));
  }

  static override relationMappings = (): RelationMappings => ({
    user: {
      relation: TenantModel.BelongsToOneRelation,
      modelClass: 'user',
      join: tenantJoin('email_verification_tokens', 'user_id', 'users', 'id'),
    },
  });
}
