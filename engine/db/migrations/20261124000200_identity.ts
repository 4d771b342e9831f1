import type { Knex } from 'knex';
import { addTenantReference, createTenantTable } from '../schema-helpers/tenant-table';

// Users, their sessions and credentials, and roles. Secrets are stored only as hashes or ciphertext.
export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'users', (t) => {
    t.string('email', 254).notNullable();
    t.string('name', 200).notNullable();
    t.text('password_hash');
    t.string('status', 16).notNullable().defaultTo('active');
    t.check(`status IN ('invited', 'active', 'disabled')`, [], 'users_status_known');
    t.timestamp('email_verified_at', { useTz: true });
    t.timestamp('last_sign_in_at', { useTz: true });
    t.integer('failed_sign_in_count').notNullable().defaultTo(0);
    t.timestamp('locked_until', { useTz: true });
  });
  await knex.raw('CREATE UNIQUE INDEX users_email_per_company ON users (company_id, lower(email))');

  await createTenantTable(knex, 'sessions', (t) => {
    t.uuid('user_id').notNullable();
    t.string('token_hash', 128).notNullable().unique();
    t.string('user_agent', 512);
    t.string('ip_address', 64);
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('last_seen_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
  });
  await addTenantReference(knex, 'sessions', 'user_id', 'users', 'CASCADE');

  await createTenantTable(knex, 'oauth_accounts', (t) => {
    t.uuid('user_id').notNullable();
    t.string('provider', 64).notNullable();
    t.string('provider_account_id', 255).notNullable();
    t.text('access_token_encrypted');
    t.text('refresh_token_encrypted');
    t.timestamp('expires_at', { useTz: true });
    t.unique(['company_id', 'provider', 'provider_account_id']);
  });
  await addTenantReference(knex, 'oauth_accounts', 'user_id', 'users', 'CASCADE');

  await createTenantTable(knex, 'two_factors', (t) => {
    t.uuid('user_id').notNullable();
    t.unique(['company_id', 'user_id'], { indexName: 'two_factors_one_per_user' });
    t.text('secret_encrypted').notNullable();
    t.jsonb('recovery_code_hashes').notNullable().defaultTo('[]');
    t.timestamp('enabled_at', { useTz: true });
  });
  await addTenantReference(knex, 'two_factors', 'user_id', 'users', 'CASCADE');

  for (const table of ['password_reset_tokens', 'email_verification_tokens']) {
    await createTenantTable(knex, table, (t) => {
      t.uuid('user_id').notNullable();
      t.string('token_hash', 128).notNullable().unique();
      if (table === 'email_verification_tokens') t.string('email', 254).notNullable();
      t.timestamp('expires_at', { useTz: true }).notNullable();
      t.timestamp('used_at', { useTz: true });
    });
    await addTenantReference(knex, table, 'user_id', 'users', 'CASCADE');
  }

  await createTenantTable(knex, 'user_roles', (t) => {
    t.string('key', 64).notNullable();
    t.string('name', 120).notNullable();
    t.jsonb('permissions').notNullable().defaultTo('[]');
    t.check(`jsonb_typeof(permissions) = 'array'`, [], 'user_roles_permissions_is_list');
    t.unique(['company_id', 'key']);
  });

  await createTenantTable(knex, 'user_permissions', (t) => {
    t.uuid('user_id').notNullable();
    t.uuid('role_id').notNullable();
    t.unique(['company_id', 'user_id', 'role_id']);
  });
  await addTenantReference(knex, 'user_permissions', 'user_id', 'users', 'CASCADE');
  await addTenantReference(knex, 'user_permissions', 'role_id', 'user_roles', 'CASCADE');
}

export async function down(knex: Knex): Promise<void> {
  const tables = ['user_permissions', 'user_roles', 'email_verification_tokens', 'password_reset_tokens', 'two_factors', 'oauth_accounts', 'sessions', 'users'];
  for (const table of tables) await knex.schema.dropTable(table);
}
