import type { Pojo, RelationMappings } from 'objection';
import { instant, nullable, text, uuid } from './schema-fields';
import { omitSecretColumns } from './secret-columns';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';
import type { UserRole } from './user-role';

/** An integration's credential: acts as one role of one tenant. The key itself is shown once and stored only as a hash. */
export class ApiKey extends TenantModel {
  static override tableName = 'api_keys';

  role_id!: string;
  created_by_user_id!: string | null;
  name!: string;
  token_prefix!: string;
  token_hash!: string;
  last_used_at!: string | null;
  revoked_at!: string | null;

  role?: UserRole | null;
  createdBy?: User | null;

  static override jsonSchema = {
    type: 'object',
    required: ['name', 'token_prefix', 'token_hash'],
    properties: {
      role_id: uuid,
      created_by_user_id: nullable(uuid),
      name: text(120),
      token_prefix: text(16),
      token_hash: text(128),
      last_used_at: nullable(instant),
      revoked_at: nullable(instant),
    },
  };

  override $formatJson(json: Pojo): Pojo {
    return omitSecretColumns(super.$formatJson(json));
  }

  static override relationMappings = (): RelationMappings => ({
    role: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user-role', join: tenantJoin('api_keys', 'role_id', 'user_roles', 'id') },
    createdBy: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('api_keys', 'created_by_user_id', 'users', 'id') },
  });
}
