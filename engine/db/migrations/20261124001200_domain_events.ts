import type { Knex } from 'knex';
import { createTenantTable } from '../schema-helpers/tenant-table';

// The outbox of domain events (invoice.overdue, payment.received, …). A row is written in the transaction of the change
// that caused it, so an event exists exactly when its change committed; the dispatcher delivers it afterwards, at least
// once, and sets dispatched_at. entity_id is polymorphic (any host table), so it has no foreign key to add.
export async function up(knex: Knex): Promise<void> {
  await createTenantTable(knex, 'domain_events', (t) => {
    t.string('event_id', 200).notNullable();
    t.string('name', 100).notNullable();
    t.check(`name ~ '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$'`, [], 'domain_events_name_format');
    t.string('entity_type', 32).notNullable();
    t.string('entity_id', 64).notNullable();
    t.jsonb('payload').notNullable().defaultTo('{}');
    t.check(`jsonb_typeof(payload) = 'object'`, [], 'domain_events_payload_is_object');
    t.timestamp('occurred_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.timestamp('dispatched_at', { useTz: true });
    t.integer('attempts').notNullable().defaultTo(0);
    t.check('attempts >= 0', [], 'domain_events_attempts_not_negative');
    t.timestamp('next_attempt_at', { useTz: true }).notNullable().defaultTo(knex.fn.now());
    t.text('last_error');
    // Emitting the same fact twice (same event_id) stores it once.
    t.unique(['company_id', 'event_id']);
  });
  // The dispatcher's scan: pending rows by when they are due. Partial, so the dispatched history costs the scan nothing.
  await knex.raw('CREATE INDEX domain_events_pending ON domain_events (next_attempt_at) WHERE dispatched_at IS NULL');
  // Reading one entity's events (support, the studio's timeline).
  await knex.raw('CREATE INDEX domain_events_entity ON domain_events (company_id, entity_type, entity_id, occurred_at)');
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTable('domain_events');
}
