import { raw } from 'objection';
import { DataError } from '../db/errors/tenant-errors';
import { WebhookDelivery, WebhookEndpoint } from '../db/models';
import type { TenantScope } from '../db/tenant-scope';

/** A delivery whose endpoint is switched off is not sent, replayed or not; the endpoint must be re-enabled first. */
export class WebhookEndpointDisabledError extends DataError {
  constructor(endpointId: string) {
    super('The delivery\'s webhook endpoint is disabled; enable it before replaying its deliveries', 409, 'webhook_endpoint_disabled', { webhook_endpoint_id: endpointId });
  }
}

/**
 * Makes a delivery due now, whatever its state, for the worker to send again: the same stored body with the same event
 * id (receivers deduplicate by it), signed afresh. The attempt count keeps growing, so the history stays honest; a
 * replay of a failed delivery gets one attempt. Returns null when the tenant has no such delivery.
 */
export async function replayDelivery(scope: TenantScope, deliveryId: string): Promise<WebhookDelivery | null> {
  return scope.transaction(async (tx) => {
    const delivery = await tx.query(WebhookDelivery).findById(deliveryId).forUpdate();
    if (!delivery) return null;
    const endpoint = await tx.query(WebhookEndpoint).findById(delivery.webhook_endpoint_id);
    if (!endpoint?.active) throw new WebhookEndpointDisabledError(delivery.webhook_endpoint_id);
    return tx
      .query(WebhookDelivery)
      .patchAndFetchById(deliveryId, { status: 'pending', next_attempt_at: raw('now()'), response_status: null, delivered_at: null });
  });
}
