import type { Knex } from 'knex';
import type { SecretBox } from '../security/secret-box';
import { postWebhook, type PostOutcome } from './post-webhook';
import { DEFAULT_MAX_ATTEMPTS, defaultRetryDelayMs } from './retry-schedule';
import { signatureHeader, WEBHOOK_HEADERS } from './webhook-signature';

export interface DeliverOptions {
  /** Opens endpoint signing secrets. */
  secrets: SecretBox;
  /** Deliveries claimed and sent (concurrently) per round. */
  batchSize?: number;
  maxAttempts?: number;
  /** Wait after failed attempt `attempt` (1-based) before the next one. */
  retryDelayMs?: (attempt: number) => number;
  timeoutMs?: number;
  /** Deliver to loopback and private-network addresses too (tests, a developer's machine); off by default. */
  allowPrivateNetworks?: boolean;
  /** Told about every attempt: ids, the attempt number and the outcome, never the payload or the URL. */
  onAttempt?: (attempt: WebhookAttempt) => void;
}

export interface WebhookAttempt {
  deliveryId: string;
  eventId: string;
  endpointId: string;
  attempt: number;
  status: 'succeeded' | 'retrying' | 'failed';
  responseStatus: number | null;
  failure: string | null;
}

interface ClaimedDelivery {
  id: string;
  company_id: string;
  webhook_endpoint_id: string;
  event_id: string;
  event_type: string;
  payload: Record<string, unknown>;
  attempt_count: number;
  url: string;
  secret_encrypted: string;
}

const DEFAULT_TIMEOUT_MS = 10_000;

/**
 * Sends every due delivery of an active endpoint, a batch at a time, and returns the attempts made. A claim counts the
 * attempt and pushes next_attempt_at past the timeout in one statement (no transaction stays open over HTTP), so a
 * second deliverer skips the row, and a worker that dies mid-send leaves it due again a little later.
 */
export async function deliverDueWebhooks(knex: Knex, options: DeliverOptions): Promise<WebhookAttempt[]> {
  const batchSize = options.batchSize ?? 10;
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const attempts: WebhookAttempt[] = [];
  for (;;) {
    const claimed = await claimDue(knex, batchSize, timeoutMs);
    const round = await Promise.all(claimed.map((delivery) => attempt(knex, delivery, { ...options, timeoutMs })));
    attempts.push(...round);
    if (claimed.length < batchSize) return attempts;
  }
}

async function claimDue(knex: Knex, batchSize: number, timeoutMs: number): Promise<ClaimedDelivery[]> {
  // The lease outlasts the request's timeout, so the row is not picked again while its attempt is in flight.
  const leaseSeconds = Math.ceil(timeoutMs / 1000) + 60;
  const { rows } = await knex.raw(
    `UPDATE webhook_deliveries AS d
     SET attempt_count = d.attempt_count + 1, next_attempt_at = now() + make_interval(secs => ?)
     FROM webhook_endpoints AS e
     WHERE e.company_id = d.company_id AND e.id = d.webhook_endpoint_id
       AND d.id IN (
         SELECT w.id FROM webhook_deliveries w
         JOIN webhook_endpoints we ON we.company_id = w.company_id AND we.id = w.webhook_endpoint_id
         WHERE w.status = 'pending' AND we.active AND (w.next_attempt_at IS NULL OR w.next_attempt_at <= now())
         ORDER BY w.next_attempt_at NULLS FIRST
         LIMIT ?
         FOR UPDATE OF w SKIP LOCKED)
     RETURNING d.id, d.company_id, d.webhook_endpoint_id, d.event_id, d.event_type, d.payload, d.attempt_count, e.url, e.secret_encrypted`,
    [leaseSeconds, batchSize],
  );
  return rows;
}

async function attempt(knex: Knex, delivery: ClaimedDelivery, options: DeliverOptions & { timeoutMs: number }): Promise<WebhookAttempt> {
  const outcome = await send(delivery, options);
  const maxAttempts = options.maxAttempts ?? DEFAULT_MAX_ATTEMPTS;
  const status = outcome.ok ? 'succeeded' : delivery.attempt_count >= maxAttempts ? 'failed' : 'retrying';
  const delayMs = (options.retryDelayMs ?? defaultRetryDelayMs)(delivery.attempt_count);
  const changes: Record<string, unknown> = {
    succeeded: { status: 'succeeded', delivered_at: knex.fn.now(), next_attempt_at: null },
    failed: { status: 'failed', next_attempt_at: null },
    retrying: { next_attempt_at: knex.raw('now() + make_interval(secs => ?)', [delayMs / 1000]) },
  }[status];
  // Recorded only while this worker's claim holds: a replay meanwhile made the row due now (ending the lease), and
  // its own attempt, not this one, decides the outcome.
  await knex('webhook_deliveries')
    .where({ company_id: delivery.company_id, id: delivery.id, status: 'pending', attempt_count: delivery.attempt_count })
    .where('next_attempt_at', '>', knex.fn.now())
    .update({ response_status: outcome.responseStatus, ...changes });
  const record: WebhookAttempt = {
    deliveryId: delivery.id,
    eventId: delivery.event_id,
    endpointId: delivery.webhook_endpoint_id,
    attempt: delivery.attempt_count,
    status,
    responseStatus: outcome.responseStatus,
    failure: outcome.failure,
  };
  options.onAttempt?.(record);
  return record;
}

async function send(delivery: ClaimedDelivery, options: DeliverOptions & { timeoutMs: number }): Promise<PostOutcome> {
  let secret: string;
  try {
    secret = options.secrets.open(delivery.secret_encrypted);
  } catch {
    // Sealed under another key: sending unsigned would teach receivers to accept forgeries, so the attempt fails.
    return { ok: false, responseStatus: null, failure: 'secret_unreadable' };
  }
  const body = JSON.stringify(delivery.payload);
  const timestamp = Math.floor(Date.now() / 1000);
  const headers = {
    'Content-Type': 'application/json',
    'User-Agent': 'Ledgerflow-Webhooks/1',
    [WEBHOOK_HEADERS.eventId]: delivery.event_id,
    [WEBHOOK_HEADERS.eventType]: delivery.event_type,
    [WEBHOOK_HEADERS.deliveryId]: delivery.id,
    [WEBHOOK_HEADERS.timestamp]: String(timestamp),
    [WEBHOOK_HEADERS.signature]: signatureHeader(secret, timestamp, body),
  };
  return postWebhook(delivery.url, body, headers, { timeoutMs: options.timeoutMs, allowPrivateNetworks: options.allowPrivateNetworks ?? false });
}
