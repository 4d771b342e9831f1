/**
 * The worker's background loops over the outbox (dispatching events to runs, sending webhooks) share one shape: do a
 * round, wait `intervalMs`, repeat; a round that fails as a whole is reported and the loop keeps going; stopping lets
 * the round in progress finish, and cuts the wait short.
 */

export interface PollingLoop {
  /** Ends the loop after the round in progress, and resolves once it has. */
  stop(): Promise<void>;
}

export function runPollingLoop(round: () => Promise<void>, options: { intervalMs: number; onError?: (error: unknown) => void }): PollingLoop {
  let stopped = false;
  let wake: (() => void) | undefined;

  const loop = (async () => {
    while (!stopped) {
      try {
        await round();
      } catch (error) {
        options.onError?.(error);
      }
      if (stopped) break;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, options.intervalMs);
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
