import type { Pojo, RelationMappings } from 'objection';
import { instant, integer, jsonArray, nullable, text, uuid } from './schema-fields';
import { omitSecretColumns } from './secret-columns';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';

/**
 * A user's optional TOTP secret (encrypted), the hashes of its recovery codes, and the last time step whose code was
 * accepted (so no code works twice); at most one per user.
 */
export class TwoFactor extends TenantModel {
  static override tableName = 'two_factors';

  user_id!: string;
  secret_encrypted!: string;
  recovery_code_hashes!: string[];
  enabled_at!: string | null;
  last_totp_step!: number;

  user?: User | null;

  static override jsonSchema = {
    type: 'object',
    required: ['secret_encrypted'],
    properties: {
      user_id: uuid,
      secret_encrypted: text(),
      recovery_code_hashes: { ...jsonArray, items: { type: 'string' } },
      enabled_at: nullable(instant),
      last_totp_step: { ...integer, minimum: 0 },
    },
  };

  override $formatJson(json: Pojo): Pojo {
    return omitSecretColumns(super.$formatJson(json));
  }

  static override relationMappings = (): RelationMappings => ({
    user: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('two_factors', 'user_id', 'users', 'id') },
  });
}
