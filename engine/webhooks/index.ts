/** Outbound webhooks: domain events fanned out to tenants' endpoints, signed, sent with retries, and replayable. */
export { subscribesTo } from './event-type-match';
export { envelopeOf, type WebhookEnvelope } from './webhook-envelope';
export { WEBHOOK_HEADERS, newSigningSecret, signatureHeader } from './webhook-signature';
export { DEFAULT_MAX_ATTEMPTS, defaultRetryDelayMs } from './retry-schedule';
export { fanOutPendingEvents, type FanOutOptions } from './fan-out-events';
export { postWebhook, type PostOutcome } from './post-webhook';
export { deliverDueWebhooks, type DeliverOptions, type WebhookAttempt } from './deliver-due-webhooks';
export { runWebhookDeliverer, describeAttempt, type WebhookDeliverer, type WebhookDelivererOptions } from './run-webhook-deliverer';
export { replayDelivery, WebhookEndpointDisabledError } from './replay-delivery';
export { rotateSigningSecret } from './rotate-signing-secret';
