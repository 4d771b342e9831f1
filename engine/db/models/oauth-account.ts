import type { Pojo, RelationMappings } from 'objection';
import { instant, nullable, text, uuid } from './schema-fields';
import { omitSecretColumns } from './secret-columns';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';

/** A user's link to an external identity provider; its tokens are stored encrypted. */
export class OAuthAccount extends TenantModel {
  static override tableName = 'oauth_accounts';

  user_id!: string;
  provider!: string;
  provider_account_id!: string;
  access_token_encrypted!: string | null;
  refresh_token_encrypted!: string | null;
  expires_at!: string | null;

  user?: User | null;

  static override jsonSchema = {
    type: 'object',
    required: ['provider', 'provider_account_id'],
    properties: {
      user_id: uuid,
      provider: text(64),
      provider_account_id: text(255),
      access_token_encrypted: nullable(text()),
      refresh_token_encrypted: nullable(text()),
      expires_at: nullable(instant),
    },
  };

  override $formatJson(json: Pojo): Pojo {
    return omitSecretColumns(super.$formatJson(json));
  }

  static override relationMappings = (): RelationMappings => ({
    user: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('oauth_accounts', 'user_id', 'users', 'id') },
  });
}
