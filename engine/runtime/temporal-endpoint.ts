import { temporalSettingsFrom } from '../temporal/connection-settings';
import type { TemporalEndpoint } from '../temporal/client-connection';
import { readDevServerRecord } from './dev-server-record';

/** Raised when a command needs Temporal and neither TEMPORAL_ADDRESS nor a running `npm start` says where it is. */
export class TemporalNotConfiguredError extends Error {
  override name = 'TemporalNotConfiguredError';
  constructor() {
    super('No Temporal server to talk to: set TEMPORAL_ADDRESS (and TEMPORAL_NAMESPACE), or run `npm start`, which starts a local dev server');
  }
}

/** TEMPORAL_ADDRESS if set; else the dev server a running `npm start` recorded in the data folder. */
export function resolveTemporalEndpoint(env: NodeJS.ProcessEnv, dataDir: string): TemporalEndpoint {
  const settings = temporalSettingsFrom(env);
  if (settings.address) return { ...settings, address: settings.address };
  const recorded = readDevServerRecord(dataDir);
  if (!recorded) throw new TemporalNotConfiguredError();
  return { ...settings, address: recorded.address, namespace: recorded.namespace };
}
