import type { Knex } from 'knex';

// Sign-in, sign-up and token attempts per client address, counted in fixed windows that every API process shares.
// The counters live in their own schema: they are the API's runtime state, not part of the tenant data model (no
// company, no model class). UNLOGGED because a counter lost in a crash only forgives one window of attempts, and
// unlogged writes skip the WAL on the sign-in path. The key is a SHA-256 of the address, never the address itself.
export async function up(knex: Knex): Promise<void> {
  await knex.raw('CREATE SCHEMA ledgerflow_runtime');
  // One row per address: its current window opens at its first attempt and ends window_ends_at.
  await knex.raw(`
    CREATE UNLOGGED TABLE ledgerflow_runtime.rate_limit_windows (
      key_hash bytea PRIMARY KEY CHECK (octet_length(key_hash) = 32),
      window_ends_at timestamptz NOT NULL,
      attempts integer NOT NULL CHECK (attempts >= 1)
    )`);
  // Pruning finds the windows that have ended.
  await knex.raw('CREATE INDEX rate_limit_windows_window_ends_at_idx ON ledgerflow_runtime.rate_limit_windows (window_ends_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP SCHEMA ledgerflow_runtime CASCADE');
}
