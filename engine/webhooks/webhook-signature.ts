import { createHmac, randomBytes } from 'node:crypto';

/** Header names of a webhook POST; receivers read them case-insensitively, as HTTP does. */
export const WEBHOOK_HEADERS = {
  eventId: 'Ledgerflow-Event-Id',
  eventType: 'Ledgerflow-Event-Type',
  deliveryId: 'Ledgerflow-Delivery-Id',
  timestamp: 'Ledgerflow-Timestamp',
  signature: 'Ledgerflow-Signature',
} as const;

/** A new endpoint signing secret, shown to the tenant once and stored sealed. */
export function newSigningSecret(): string {
  return `whsec_${randomBytes(24).toString('base64url')}`;
}

/**
 * `v1=<hex HMAC-SHA256(secret, "<timestamp>.<body>")>`. The timestamp (Unix seconds) is signed with the body so a
 * captured request cannot be replayed to the receiver outside its tolerance window.
 */
export function signatureHeader(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}
