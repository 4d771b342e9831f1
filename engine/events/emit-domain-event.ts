import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import { DomainEvent } from '../db/models/domain-event';
import { checkEventPayload } from './event-payload';

export interface DomainEventInput {
  /** e.g. invoice.overdue, payment.received */
  name: string;
  /** The entity the event is about; runs bound to it receive the event. */
  entity: { type: string; id: string };
  payload?: Record<string, unknown>;
  /** Give a deterministic id (e.g. `invoice.overdue:<invoiceId>:<date>`) to make emitting the same fact twice harmless. */
  eventId?: string;
  occurredAt?: string;
}

export interface EmittedEvent {
  eventId: string;
  /** False when an event with this id was already stored. */
  created: boolean;
}

/**
 * Writes the event into the outbox through `trx`, the caller's transaction, so it commits or rolls back with the change
 * that caused it. Nothing is sent here: dispatchPendingEvents delivers committed rows.
 */
export async function emitDomainEvent(trx: Knex | Knex.Transaction, companyId: string, event: DomainEventInput): Promise<EmittedEvent> {
  const payload = event.payload ?? {};
  checkEventPayload(payload);
  const eventId = event.eventId ?? randomUUID();
  // fromJson validates against the model's schema (name format, lengths) before any SQL runs.
  const row = DomainEvent.fromJson({
    event_id: eventId,
    name: event.name,
    entity_type: event.entity.type,
    entity_id: event.entity.id,
    payload,
    ...(event.occurredAt ? { occurred_at: event.occurredAt } : {}),
  });
  const inserted = await trx('domain_events')
    .insert({ ...row.$toDatabaseJson(), company_id: companyId })
    .onConflict(['company_id', 'event_id'])
    .ignore()
    .returning('id');
  return { eventId, created: inserted.length > 0 };
}
