/**
 * Stop functions in the order things started; stopAll() runs them last-first, so the worker stops before the
 * dev server and the database it uses. Startup uses the same stack to undo a half-finished start.
 */
export class ShutdownStack {
  private readonly stops: Array<{ label: string; stop: () => Promise<void> }> = [];

  push(label: string, stop: () => Promise<void>): void {
    this.stops.push({ label, stop });
  }

  /** Runs every stop even if one fails, then rethrows the first failure. */
  async stopAll(): Promise<void> {
    const failures: Error[] = [];
    for (const { label, stop } of this.stops.splice(0).reverse()) {
      try {
        await stop();
      } catch (error) {
        failures.push(new Error(`stopping ${label}: ${error instanceof Error ? error.message : String(error)}`));
      }
    }
    if (failures.length > 0) throw failures[0];
  }
}
