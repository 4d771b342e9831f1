import type { Knex } from 'knex';

// What each Idempotency-Key was first sent with, so the same key with a different request is refused instead of
// silently answered with the first request's result. API runtime state beside the rate-limit windows: not part of the
// tenant data model (no model class). Logged, because a fingerprint lost in a crash would let a reused key through.
export async function up(knex: Knex): Promise<void> {
  await knex.raw(`
    CREATE TABLE ledgerflow_runtime.idempotency_fingerprints (
      company_id uuid NOT NULL,
      namespace text NOT NULL CHECK (namespace IN ('payments', 'invoices')),
      key_hash bytea NOT NULL CHECK (octet_length(key_hash) = 32),
      request_hash bytea NOT NULL CHECK (octet_length(request_hash) = 32),
      created_at timestamptz NOT NULL DEFAULT now(),
      PRIMARY KEY (company_id, namespace, key_hash)
    )`);
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('DROP TABLE ledgerflow_runtime.idempotency_fingerprints');
}
