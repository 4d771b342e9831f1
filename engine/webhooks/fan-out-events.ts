import type { Knex } from 'knex';
import { subscribesTo } from './event-type-match';
import { envelopeOf, type OutboxEvent } from './webhook-envelope';

export interface FanOutOptions {
  /** Events locked and fanned out per transaction. */
  batchSize?: number;
}

interface PendingOutboxEvent extends OutboxEvent {
  id: string;
  company_id: string;
  /** When the row was written, which a backdated occurred_at does not change. */
  created_at: Date;
}

interface ActiveEndpoint {
  id: string;
  event_types: unknown[];
  created_at: Date;
}

/**
 * Turns committed domain events into webhook deliveries: one per active endpoint of the event's tenant whose event
 * types match, created in the transaction that marks the event fanned out, so an event is fanned out entirely or not
 * at all. The (endpoint, event id) key makes a second pass over the same event create nothing. An endpoint receives
 * only events written after it was created (a new endpoint is not sent the backlog). Returns the number of deliveries created.
 */
export async function fanOutPendingEvents(knex: Knex, options: FanOutOptions = {}): Promise<number> {
  const batchSize = options.batchSize ?? 100;
  let created = 0;
  for (;;) {
    const picked = await knex.transaction(async (trx) => {
      const events: PendingOutboxEvent[] = await trx('domain_events')
        .whereNull('webhooks_fanned_out_at')
        .orderBy('occurred_at')
        .limit(batchSize)
        .forUpdate()
        .skipLocked()
        .select('id', 'company_id', 'event_id', 'name', 'entity_type', 'entity_id', 'payload', 'occurred_at', 'created_at');
      if (events.length === 0) return 0;
      const endpointsOf = new Map<string, ActiveEndpoint[]>();
      const deliveries: Record<string, unknown>[] = [];
      for (const event of events) {
        if (!endpointsOf.has(event.company_id)) {
          const endpoints = await trx('webhook_endpoints').where({ company_id: event.company_id, active: true }).select('id', 'event_types', 'created_at');
          endpointsOf.set(event.company_id, endpoints);
        }
        for (const endpoint of endpointsOf.get(event.company_id)!) {
          if (endpoint.created_at > event.created_at || !subscribesTo(endpoint.event_types, event.name)) continue;
          deliveries.push({
            company_id: event.company_id,
            webhook_endpoint_id: endpoint.id,
            event_type: event.name,
            event_id: event.event_id,
            payload: JSON.stringify(envelopeOf(event)),
            next_attempt_at: trx.fn.now(),
          });
        }
      }
      if (deliveries.length > 0) {
        const inserted = await trx('webhook_deliveries')
          .insert(deliveries)
          .onConflict(['company_id', 'webhook_endpoint_id', 'event_id'])
          .ignore()
          .returning('id');
        created += inserted.length;
      }
      await trx('domain_events').whereIn('id', events.map((event) => event.id)).update({ webhooks_fanned_out_at: trx.fn.now() });
      return events.length;
    });
    if (picked < batchSize) return created;
  }
}
