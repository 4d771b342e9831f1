import type { Knex } from 'knex';
import { emitDomainEvent } from '../../events';
import type { ResourceDefinition } from './resource-definition';

const EVENT_FIELD = /(_id|_minor)$|^(currency|status|stage|kind|issue_date|due_date|first_due_date|installment_count)$/;

function camel(name: string): string {
  return name.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
}

/** The row's ids, amounts and codes only: outbox payloads reach Temporal histories, which keep no personal data. */
export function eventPayload(row: Record<string, unknown>): Record<string, unknown> {
  const payload: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(row)) {
    if (field === 'id' || field === 'company_id' || !EVENT_FIELD.test(field)) continue;
    if (value === null || typeof value === 'number' || typeof value === 'boolean' || (typeof value === 'string' && value.length <= 64 && !/[\s@]/.test(value))) {
      payload[camel(field)] = value;
    }
  }
  return payload;
}

/** Writes `<entity>.<change>` into the outbox through the write's own transaction, so both commit or neither does. */
export async function emitResourceEvent(
  trx: Knex,
  companyId: string,
  definition: ResourceDefinition,
  change: 'created' | 'updated' | 'deleted',
  row: Record<string, unknown> & { id: string },
): Promise<void> {
  if (!definition.eventEntity) return;
  await emitDomainEvent(trx, companyId, {
    name: `${definition.eventEntity}.${change}`,
    entity: { type: definition.eventEntity, id: row.id },
    payload: eventPayload(row),
  });
}
