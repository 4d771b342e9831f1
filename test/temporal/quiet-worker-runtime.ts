import { DefaultLogger, Runtime } from '@temporalio/worker';

/** Keeps warnings but drops the worker's INFO lines and webpack bundle stats, which would flood every `npm test`. */
export function installQuietWorkerRuntime(): void {
  Runtime.install({ logger: new DefaultLogger('WARN') });
}
