import type { RelationMappings } from 'objection';
import { jsonArray, text } from './schema-fields';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { User } from './user';
import type { UserPermission } from './user-permission';

/** A named set of permissions within a tenant; users hold roles through user_permissions. */
export class UserRole extends TenantModel {
  static override tableName = 'user_roles';

  key!: string;
  name!: string;
  permissions!: string[];

  users?: User[];
  assignments?: UserPermission[];

  static override jsonSchema = {
    type: 'object',
    required: ['key', 'name'],
    properties: {
      key: text(64),
      name: text(120),
      permissions: { ...jsonArray, items: { type: 'string' } },
    },
  };

  static override relationMappings = (): RelationMappings => ({
    users: {
      relation: TenantModel.ManyToManyRelation,
      modelClass: 'user',
      join: {
        from: ['user_roles.company_id', 'user_roles.id'],
        through: {
          modelClass: 'user-permission',
          from: ['user_permissions.company_id', 'user_permissions.role_id'],
          to: ['user_permissions.company_id', 'user_permissions.user_id'],
        },
        to: ['users.company_id', 'users.id'],
      },
    },
    assignments: { relation: TenantModel.HasManyRelation, modelClass: 'user-permission', join: tenantJoin('user_roles', 'id', 'user_permissions', 'role_id') },
  });
}
