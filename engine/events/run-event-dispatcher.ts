import type { Knex } from 'knex';
import type { EventDispatchDeps } from './deliver-event';
import { dispatchPendingEvents, type DispatchOptions, type DispatchSummary } from './dispatch-pending-events';

export interface EventDispatcherOptions extends DispatchOptions {
  /** Pause between polls when the outbox is empty. */
  intervalMs?: number;
  /** Told about a poll that failed as a whole (e.g. the database is unreachable); the loop keeps going. */
  onError?: (error: unknown) => void;
  onDispatched?: (summary: DispatchSummary) => void;
}

export interface EventDispatcher {
  /** Ends the loop after the poll in progress, and resolves once it has. */
  stop(): Promise<void>;
}

/** The worker process's outbox poller: dispatches pending events every `intervalMs` until stopped. */
export function runEventDispatcher(knex: Knex, deps: EventDispatchDeps, options: EventDispatcherOptions = {}): EventDispatcher {
  const intervalMs = options.intervalMs ?? 1000;
  let stopped = false;
  let wake: (() => void) | undefined;

  const loop = (async () => {
    while (!stopped) {
      try {
        const summary = await dispatchPendingEvents(knex, deps, options);
        if (summary.dispatched + summary.failed > 0) options.onDispatched?.(summary);
      } catch (error) {
        options.onError?.(error);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, intervalMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
    }
  })();

  return {
    async stop() {
      stopped = true;
      wake?.();
      await loop;
    },
  };
}
