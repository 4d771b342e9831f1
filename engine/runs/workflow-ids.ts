import { randomUUID } from 'node:crypto';
import type { EntityRef } from '../../workflows/run-contract';

/**
 * Entity-bound runs get one deterministic id per (tenant, definition, entity), so the same trigger twice finds the
 * same run. Ids carry only uuids and keys, never personal data.
 */
export function workflowIdFor(companyId: string, definitionKey: string, entity?: EntityRef): string {
  return entity ? `lf/${companyId}/${definitionKey}/${entity.type}/${entity.id}` : `lf/${companyId}/${definitionKey}/${randomUUID()}`;
}
