/** The JSON body every webhook POST carries. `id` is the domain event's id: the same on retries and replays. */
export interface WebhookEnvelope {
  id: string;
  type: string;
  /** When the event happened (ISO 8601, UTC), not when this copy was sent. */
  created_at: string;
  /** The record the event is about. */
  entity: { type: string; id: string };
  /** The event's payload: ids, amounts and codes (the outbox refuses free text and e-mail addresses). */
  data: Record<string, unknown>;
}

export interface OutboxEvent {
  event_id: string;
  name: string;
  entity_type: string;
  entity_id: string;
  payload: Record<string, unknown>;
  occurred_at: Date | string;
}

export function envelopeOf(event: OutboxEvent): WebhookEnvelope {
  return {
    id: event.event_id,
    type: event.name,
    created_at: new Date(event.occurred_at).toISOString(),
    entity: { type: event.entity_type, id: event.entity_id },
    data: event.payload,
  };
}
