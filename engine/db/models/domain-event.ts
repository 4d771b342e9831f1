import type { RelationMappings } from 'objection';
import { instant, integer, jsonObject, nullable, text } from './schema-fields';
import { TenantModel } from './tenant-model';
import type { Company } from './company';

/** Something that happened to an entity (invoice.overdue, payment.received), kept until it reached every run it concerns. */
export class DomainEvent extends TenantModel {
  static override tableName = 'domain_events';

  /** Unique per tenant; also the key runs deduplicate the event signal by. */
  event_id!: string;
  name!: string;
  entity_type!: string;
  entity_id!: string;
  /** Ids and amounts only: events are copied into Temporal histories, which keep no personal data. */
  payload!: Record<string, unknown>;
  occurred_at!: string;
  dispatched_at!: string | null;
  attempts!: number;
  next_attempt_at!: string;
  last_error!: string | null;
  /** When outbound webhooks took the event (engine/webhooks); a cursor apart from dispatched_at. */
  webhooks_fanned_out_at!: string | null;

  company?: Company | null;

  static override jsonSchema = {
    type: 'object',
    required: ['event_id', 'name', 'entity_type', 'entity_id'],
    properties: {
      event_id: text(200),
      name: { type: 'string', pattern: '^[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+$', maxLength: 100 },
      entity_type: text(32),
      entity_id: text(64),
      payload: jsonObject,
      occurred_at: instant,
      dispatched_at: nullable(instant),
      attempts: { ...integer, minimum: 0 },
      next_attempt_at: instant,
      last_error: nullable(text(undefined, 0)),
      webhooks_fanned_out_at: nullable(instant),
    },
  };

  static override relationMappings = (): RelationMappings => ({
    company: { relation: TenantModel.BelongsToOneRelation, modelClass: 'company', join: { from: 'domain_events.company_id', to: 'companies.id' } },
  });
}
