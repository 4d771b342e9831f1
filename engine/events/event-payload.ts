import { DataError } from '../db/errors/tenant-errors';

/** A payload that could carry personal data, or is not a flat object; refused before it reaches the outbox. */
export class EventPayloadError extends DataError {
  constructor(readonly field: string, reason: string) {
    super(`The event payload field "${field}" ${reason}: payloads carry ids, amounts and codes only`, 422, 'event_payload_invalid', { field });
  }
}

// A guard against the obvious leaks, not a proof: payloads reach Temporal histories and search results, which keep no
// names or emails. Free text has spaces, addresses have "@", and neither is an id, an amount, a date or a code.
const MAX_TEXT = 64;

export function checkEventPayload(payload: Record<string, unknown>): void {
  if (payload === null || typeof payload !== 'object' || Array.isArray(payload)) throw new EventPayloadError('', 'must be an object');
  for (const [field, value] of Object.entries(payload)) {
    if (value === null || typeof value === 'boolean') continue;
    if (typeof value === 'number') {
      if (!Number.isFinite(value)) throw new EventPayloadError(field, 'is not a finite number');
      continue;
    }
    if (typeof value !== 'string') throw new EventPayloadError(field, 'is not a string, number, boolean or null');
    if (value.length > MAX_TEXT) throw new EventPayloadError(field, `is longer than ${MAX_TEXT} characters`);
    if (/[\s@]/.test(value)) throw new EventPayloadError(field, 'looks like free text or an email address');
  }
}
