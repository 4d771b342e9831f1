import type { Knex } from 'knex';
import { deliverDueWebhooks, type DeliverOptions, type WebhookAttempt } from './deliver-due-webhooks';
import { fanOutPendingEvents } from './fan-out-events';
import { runPollingLoop, type PollingLoop } from '../events/polling-loop';

export interface WebhookDelivererOptions extends DeliverOptions {
  /** Pause between rounds. */
  intervalMs?: number;
  /** Told about a round that failed as a whole (e.g. the database is unreachable); the loop keeps going. */
  onError?: (error: unknown) => void;
}

/** Ends the loop after the round in progress (an attempt in flight finishes or times out), and resolves once it has. */
export type WebhookDeliverer = PollingLoop;

/** The worker process's webhook loop: fans committed events out into deliveries, then sends the due ones, until stopped. */
export function runWebhookDeliverer(knex: Knex, options: WebhookDelivererOptions): WebhookDeliverer {
  return runPollingLoop(
    async () => {
      await fanOutPendingEvents(knex);
      await deliverDueWebhooks(knex, options);
    },
    { intervalMs: options.intervalMs ?? 1000, ...(options.onError ? { onError: options.onError } : {}) },
  );
}

/** One log line per attempt: ids, attempt number and outcome only; payloads may name people and URLs may hold tokens. */
export function describeAttempt(attempt: WebhookAttempt): string {
  const outcome = attempt.failure ? `${attempt.status} (${attempt.failure})` : attempt.status;
  return `webhook delivery ${attempt.deliveryId} of event ${attempt.eventId} to endpoint ${attempt.endpointId}, attempt ${attempt.attempt}: ${outcome}`;
}
