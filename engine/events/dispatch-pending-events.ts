import type { Knex } from 'knex';
import { deliverEvent, type EventDispatchDeps, type PendingEvent } from './deliver-event';

export interface DispatchOptions {
  /** Rows locked and delivered per transaction. */
  batchSize?: number;
  /** After this many failed attempts a row is no longer picked; it stays, undispatched with its last_error, for a person. */
  maxAttempts?: number;
  /** Wait before the next attempt of a row that has failed `attempts` times. */
  retryDelayMs?: (attempts: number) => number;
}

export interface DispatchSummary {
  dispatched: number;
  failed: number;
}

const defaultRetryDelayMs = (attempts: number) => Math.min(1000 * 2 ** attempts, 60 * 60 * 1000);
const MAX_ERROR_TEXT = 2000;

/**
 * Delivers committed, undispatched events, one locked batch at a time. FOR UPDATE SKIP LOCKED lets several dispatchers
 * share the outbox without delivering a row twice at once; a crash before the batch commits leaves its rows pending,
 * and they are delivered again (which the receivers deduplicate). A failure is recorded on the row and never drops it.
 * Deliveries run beside the batch's transaction, so that path needs two connections; on a one-connection pool (the
 * embedded single-process database) there is no other dispatcher to race, and rows are read without a lock.
 */
export async function dispatchPendingEvents(knex: Knex, deps: EventDispatchDeps, options: DispatchOptions = {}): Promise<DispatchSummary> {
  const batchSize = options.batchSize ?? 50;
  const maxAttempts = options.maxAttempts ?? 20;
  const retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs;
  const summary: DispatchSummary = { dispatched: 0, failed: 0 };
  for (;;) {
    const failedBefore = summary.failed;
    const work = async (trx: Knex | Knex.Transaction): Promise<number> => {
      const rows: (PendingEvent & { id: string; attempts: number })[] = await trx('domain_events')
        .whereNull('dispatched_at')
        .where('next_attempt_at', '<=', trx.fn.now())
        .where('attempts', '<', maxAttempts)
        .orderBy('next_attempt_at')
        .orderBy('occurred_at')
        .limit(batchSize)
        .modify((query) => (trx === knex ? query : query.forUpdate().skipLocked()))
        .select('id', 'company_id', 'event_id', 'name', 'entity_type', 'entity_id', 'payload', 'attempts');
      for (const row of rows) {
        try {
          // Deliveries use `knex`, not `trx`: the runs they record must not depend on this batch committing.
          await deliverEvent(knex, deps, row);
          await trx('domain_events').where({ id: row.id }).update({ dispatched_at: trx.fn.now(), last_error: null });
          summary.dispatched += 1;
        } catch (error) {
          const delay = retryDelayMs(row.attempts + 1);
          await trx('domain_events')
            .where({ id: row.id })
            .update({
              attempts: row.attempts + 1,
              last_error: describeError(error).slice(0, MAX_ERROR_TEXT),
              next_attempt_at: trx.raw(`now() + make_interval(secs => ?)`, [delay / 1000]),
            });
          summary.failed += 1;
        }
      }
      return rows.length;
    };
    const picked = poolSize(knex) > 1 ? await knex.transaction(work) : await work(knex);
    // Another pass only after a full, clean batch: rows that just failed wait for their next attempt, not a hot loop.
    if (picked < batchSize || summary.failed > failedBefore) return summary;
  }
}

function poolSize(knex: Knex): number {
  const pool = (knex.client as { config?: { pool?: { max?: number } } }).config?.pool;
  return pool?.max ?? 10;
}

function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause instanceof Error ? ` (cause: ${error.cause.name}: ${error.cause.message})` : '';
  return `${error.name}: ${error.message}${cause}`;
}
