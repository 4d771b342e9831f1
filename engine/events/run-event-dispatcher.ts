import type { Knex } from 'knex';
import type { EventDispatchDeps } from './deliver-event';
import { dispatchPendingEvents, type DispatchOptions, type DispatchSummary } from './dispatch-pending-events';
import { runPollingLoop, type PollingLoop } from './polling-loop';

export interface EventDispatcherOptions extends DispatchOptions {
  /** Pause between polls when the outbox is empty. */
  intervalMs?: number;
  /** Told about a poll that failed as a whole (e.g. the database is unreachable); the loop keeps going. */
  onError?: (error: unknown) => void;
  onDispatched?: (summary: DispatchSummary) => void;
}

/** Ends the loop after the poll in progress, and resolves once it has. */
export type EventDispatcher = PollingLoop;

/** The worker process's outbox poller: dispatches pending events every `intervalMs` until stopped. */
export function runEventDispatcher(knex: Knex, deps: EventDispatchDeps, options: EventDispatcherOptions = {}): EventDispatcher {
  return runPollingLoop(
    async () => {
      const summary = await dispatchPendingEvents(knex, deps, options);
      if (summary.dispatched + summary.failed > 0) options.onDispatched?.(summary);
    },
    { intervalMs: options.intervalMs ?? 1000, ...(options.onError ? { onError: options.onError } : {}) },
  );
}
