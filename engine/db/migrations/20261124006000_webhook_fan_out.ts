import type { Knex } from 'knex';

// Outbound webhooks read the domain-event outbox on their own cursor, apart from run dispatch (dispatched_at), so a
// Temporal outage or a broken trigger never holds back a tenant's webhooks, and the reverse.
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('domain_events', (t) => {
    t.timestamp('webhooks_fanned_out_at', { useTz: true });
  });
  // Events already delivered to runs before webhooks existed are history: endpoints receive what happens from now on.
  await knex.raw('UPDATE domain_events SET webhooks_fanned_out_at = dispatched_at WHERE dispatched_at IS NOT NULL');
  // The fan-out scan, partial so that the fanned-out history costs it nothing.
  await knex.raw('CREATE INDEX domain_events_webhooks_pending ON domain_events (occurred_at) WHERE webhooks_fanned_out_at IS NULL');
  // The delivery scan: pending deliveries by when they are due.
  await knex.raw(`CREATE INDEX webhook_deliveries_due ON webhook_deliveries (next_attempt_at) WHERE status = 'pending'`);
  // Operators replay deliveries (POST /api/webhook-deliveries/:id/replay); roles made before this grant get it too.
  await knex.raw(
    `UPDATE user_roles SET permissions = permissions || '["webhook_deliveries.write"]'::jsonb
     WHERE key = 'operator' AND NOT permissions @> '["webhook_deliveries.write"]'::jsonb`,
  );
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw(`UPDATE user_roles SET permissions = permissions - 'webhook_deliveries.write' WHERE key = 'operator'`);
  await knex.raw('DROP INDEX webhook_deliveries_due');
  await knex.raw('DROP INDEX domain_events_webhooks_pending');
  await knex.schema.alterTable('domain_events', (t) => {
    t.dropColumn('webhooks_fanned_out_at');
  });
}
