import type { Knex } from 'knex';
import { addTenantReference, createTenantTable } from '../schema-helpers/tenant-table';

// API keys let integrations call the API as one role of one tenant. Only the key's SHA-256 hash is stored;
// the prefix is kept so people can tell their keys apart.
export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'api_keys', (t) => {
    t.uuid('role_id').notNullable();
    t.uuid('created_by_user_id');
    t.string('name', 120).notNullable();
    t.string('token_prefix', 16).notNullable();
    t.string('token_hash', 128).notNullable().unique();
    t.timestamp('last_used_at', { useTz: true });
    t.timestamp('revoked_at', { useTz: true });
  });
  // A role in use by keys cannot be deleted silently: the keys would lose their meaning.
  await addTenantReference(knex, 'api_keys', 'role_id', 'user_roles', 'RESTRICT');
  await addTenantReference(knex, 'api_keys', 'created_by_user_id', 'users', 'SET NULL');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('api_keys');
}
