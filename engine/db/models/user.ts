import type { Pojo, RelationMappings } from 'objection';
import { instant, integer, nullable, oneOf, text } from './schema-fields';
import { omitSecretColumns } from './secret-columns';
import { TenantModel } from './tenant-model';
import { tenantJoin } from './tenant-join';
import type { Activity } from './activity';
import type { CalendarEvent } from './calendar-event';
import type { Company } from './company';
import type { Deal } from './deal';
import type { Document } from './document';
import type { EmailVerificationToken } from './email-verification-token';
import type { Notification } from './notification';
import type { OAuthAccount } from './oauth-account';
import type { PasswordResetToken } from './password-reset-token';
import type { Session } from './session';
import type { Task } from './task';
import type { TwoFactor } from './two-factor';
import type { UserPermission } from './user-permission';
import type { UserRole } from './user-role';

/** A person who signs in to one tenant. Email is unique per tenant, case-insensitively. */
export class User extends TenantModel {
  static override tableName = 'users';

  email!: string;
  name!: string;
  password_hash!: string | null;
  status!: 'invited' | 'active' | 'disabled';
  email_verified_at!: string | null;
  last_sign_in_at!: string | null;
  failed_sign_in_count!: number;
  locked_until!: string | null;

  company?: Company | null;
  sessions?: Session[];
  oauthAccounts?: OAuthAccount[];
  twoFactor?: TwoFactor | null;
  passwordResetTokens?: PasswordResetToken[];
  emailVerificationTokens?: EmailVerificationToken[];
  roles?: UserRole[];
  permissions?: UserPermission[];
  ownedDeals?: Deal[];
  activities?: Activity[];
  assignedTasks?: Task[];
  uploadedDocuments?: Document[];
  createdCalendarEvents?: CalendarEvent[];
  notifications?: Notification[];

  static override jsonSchema = {
    type: 'object',
    required: ['email', 'name'],
    properties: {
      email: text(254),
      name: text(200),
      password_hash: nullable(text()),
      status: oneOf('invited', 'active', 'disabled'),
      email_verified_at: nullable(instant),
      last_sign_in_at: nullable(instant),
      failed_sign_in_count: { ...integer, minimum: 0 },
      locked_until: nullable(instant),
    },
  };

  override $formatJson(json: Pojo): Pojo {
    return omitSecretColumns(super.$formatJson(json));
  }

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'users.company_id', to: 'companies.id' } },
    sessions: { relation: TenantModel.HasManyRelation, modelClass: 'session', join: tenantJoin('users', 'id', 'sessions', 'user_id') },
    oauthAccounts: { relation: TenantModel.HasManyRelation, modelClass: 'oauth-account', join: tenantJoin('users', 'id', 'oauth_accounts', 'user_id') },
    twoFactor: { relation: TenantModel.HasOneRelation, modelClass: 'two-factor', join: tenantJoin('users', 'id', 'two_factors', 'user_id') },
    passwordResetTokens: {
      relation: TenantModel.HasManyRelation,
      modelClass: 'password-reset-token',
      join: tenantJoin('users', 'id', 'password_reset_tokens', 'user_id'),
    },
    emailVerificationTokens: {
      relation: TenantModel.HasManyRelation,
      modelClass: 'email-verification-token',
      join: tenantJoin('users', 'id', 'email_verification_tokens', 'user_id'),
    },
    roles: {
      relation: TenantModel.ManyToManyRelation,
      modelClass: 'user-role',
      join: {
        from: ['users.company_id', 'users.id'],
        // The join rows share company_id with both ends, so a user can only ever hold roles of its own tenant.
        through: {
          modelClass: 'user-permission',
          from: ['user_permissions.company_id', 'user_permissions.user_id'],
          to: ['user_permissions.company_id', 'user_permissions.role_id'],
        },
        to: ['user_roles.company_id', 'user_roles.id'],
      },
    },
    permissions: { relation: TenantModel.HasManyRelation, modelClass: 'user-permission', join: tenantJoin('users', 'id', 'user_permissions', 'user_id') },
    ownedDeals: { relation: TenantModel.HasManyRelation, modelClass: 'deal', join: tenantJoin('users', 'id', 'deals', 'owner_user_id') },
    activities: { relation: TenantModel.HasManyRelation, modelClass: 'activity', join: tenantJoin('users', 'id', 'activities', 'actor_user_id') },
    assignedTasks: { relation: TenantModel.HasManyRelation, modelClass: 'task', join: tenantJoin('users', 'id', 'tasks', 'assigned_to') },
    uploadedDocuments: { relation: TenantModel.HasManyRelation, modelClass: 'document', join: tenantJoin('users', 'id', 'documents', 'uploaded_by') },
    createdCalendarEvents: {
      relation: TenantModel.HasManyRelation,
      modelClass: 'calendar-event',
      join: tenantJoin('users', 'id', 'calendar_events', 'created_by'),
    },
    notifications: { relation: TenantModel.HasManyRelation, modelClass: 'notification', join: tenantJoin('users', 'id', 'notifications', 'user_id') },
  });
}
