import type { RelationMappings } from 'objection';
import { uuid } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';
import type { UserRole } from './user-role';

/** The join row that gives a user a role: the through table of User.roles and UserRole.users. */
export class UserPermission extends TenantModel {
  static override tableName = 'user_permissions';

  user_id!: string;
  role_id!: string;

  user?: User | null;
  role?: UserRole | null;

  static override jsonSchema = {
    type: 'object',
    properties: {
      user_id: uuid,
      role_id: uuid,
    },
  };

  static override relationMappings = (): RelationMappings => ({
    user: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user', join: tenantJoin('user_permissions', 'user_id', 'users', 'id') },
    role: { relation: TenantModel.BelongsToOneRelation, modelClass: 'user-role', join: tenantJoin('user_permissions', 'role_id', 'user_roles', 'id') },
  });
}
