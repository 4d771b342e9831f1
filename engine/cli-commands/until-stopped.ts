export interface Stoppable {
  stop(): Promise<void>;
  /** Rejects if a part (the worker) fails on its own; the process then stops everything and exits 1. */
  failed?: Promise<void>;
}

/**
 * Waits for SIGINT or SIGTERM (or a failure), then stops everything cleanly. Later signals are ignored: Ctrl+C
 * reaches this process twice (from the terminal and relayed by tsx), and a hurried exit would orphan the dev server.
 */
export async function runUntilStopped(running: Stoppable, log: (line: string) => void): Promise<number> {
  let onSignal: (signal: NodeJS.Signals) => void = () => undefined;
  const signalled = new Promise<NodeJS.Signals>((resolve) => {
    onSignal = resolve;
  });
  const handler = (signal: NodeJS.Signals) => onSignal(signal);
  process.on('SIGINT', handler);
  process.on('SIGTERM', handler);
  const failure = (running.failed ?? new Promise<void>(() => undefined)).then(
    () => new Error('the worker stopped unexpectedly'),
    (error: unknown) => (error instanceof Error ? error : new Error(String(error))),
  );
  const reason = await Promise.race([signalled, failure]);
  onSignal = () => undefined;
  try {
    if (reason instanceof Error) log(`error: ${reason.message}; stopping…`);
    else log(`${reason}: stopping…`);
    await running.stop();
    log('stopped');
    return reason instanceof Error ? 1 : 0;
  } finally {
    process.removeListener('SIGINT', handler);
    process.removeListener('SIGTERM', handler);
  }
}
