import { connectClient, type TemporalEndpoint } from '../temporal/client-connection';
import { temporalSettingsFrom } from '../temporal/connection-settings';
import { startDevServer } from '../temporal/dev-server';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../temporal/search-attributes';
import { removeDevServerRecord, writeDevServerRecord } from './dev-server-record';
import { ensureSearchAttributes } from './ensure-search-attributes';
import { portFromEnv, preferredPort } from './preferred-port';

export interface RunningTemporal {
  endpoint: TemporalEndpoint;
  /** The dev server's web UI; absent for an existing cluster. */
  uiUrl?: string;
  stop(): Promise<void>;
}

export interface StartTemporalOptions {
  env: NodeJS.ProcessEnv;
  dataDir: string;
  log: (line: string) => void;
  /** The `temporal` CLI, already located by the caller; only used for the dev server. */
  cliPath?: string;
}

/**
 * With TEMPORAL_ADDRESS, uses that cluster (registering our search attributes if it lets us). Without it, starts
 * the dev server: its SQLite file in the data folder, so runs survive a restart, and its UI on a local port.
 */
export async function startTemporal({ env, dataDir, log, cliPath }: StartTemporalOptions): Promise<RunningTemporal> {
  const settings = temporalSettingsFrom(env);
  if (settings.address) {
    const endpoint: TemporalEndpoint = { ...settings, address: settings.address };
    await registerSearchAttributes(endpoint, log);
    log(`Temporal: ${endpoint.address} (namespace ${endpoint.namespace}${endpoint.tls ? ', TLS' : ''}${endpoint.apiKey ? ', API key' : ''})`);
    return { endpoint, stop: async () => undefined };
  }

  const ip = '127.0.0.1';
  const port = portFromEnv(env, 'TEMPORAL_DEV_PORT') ?? (await preferredPort(7233, ip));
  const uiPort = portFromEnv(env, 'TEMPORAL_DEV_UI_PORT') ?? (await preferredPort(8233, ip));
  log('starting the Temporal dev server…');
  const server = await startDevServer({ dataDir, ip, port, uiPort, namespace: settings.namespace, searchAttributes: DEV_SERVER_SEARCH_ATTRIBUTES, ...(cliPath ? { cliPath } : {}) });
  writeDevServerRecord(dataDir, { address: server.address, namespace: server.namespace, ...(server.uiUrl ? { uiUrl: server.uiUrl } : {}), pid: process.pid });
  log(`Temporal dev server: ${server.address} (namespace ${server.namespace}, data in ${server.dbFilename})`);
  log(`Temporal web UI: ${server.uiUrl}`);
  return {
    endpoint: { ...settings, address: server.address, namespace: server.namespace },
    ...(server.uiUrl ? { uiUrl: server.uiUrl } : {}),
    async stop() {
      removeDevServerRecord(dataDir);
      await server.stop();
    },
  };
}

async function registerSearchAttributes(endpoint: TemporalEndpoint, log: (line: string) => void): Promise<void> {
  const temporal = await connectClient(endpoint);
  try {
    const outcome = await ensureSearchAttributes(temporal.connection, endpoint.namespace);
    if (!outcome.ok) log(`warning: could not register search attributes, so runs cannot be started or listed until they exist: ${outcome.reason}`);
    else if (outcome.added.length > 0) log(`registered search attributes ${outcome.added.join(', ')}`);
  } finally {
    await temporal.close();
  }
}
