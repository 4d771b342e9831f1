import { Client, Connection, type ConnectionOptions } from '@temporalio/client';
import { NativeConnection, type NativeConnectionOptions } from '@temporalio/worker';
import type { TemporalSettings } from './connection-settings';

/** Settings once an address is known: from TEMPORAL_ADDRESS, or from the dev server Ledgerflow started. */
export type TemporalEndpoint = TemporalSettings & { address: string };

export interface TemporalClient {
  client: Client;
  connection: Connection;
  close(): Promise<void>;
}

/** The same TLS and API-key options serve the client and the worker's native connection. */
export function connectionOptionsFor(endpoint: TemporalEndpoint): ConnectionOptions & NativeConnectionOptions {
  return {
    address: endpoint.address,
    ...(endpoint.tls ? { tls: endpoint.tls } : {}),
    ...(endpoint.apiKey ? { apiKey: endpoint.apiKey } : {}),
  };
}

/** Raised when no Temporal frontend answers, with the address tried, so an operator sees what to fix. */
export class TemporalUnreachableError extends Error {
  override name = 'TemporalUnreachableError';
  constructor(address: string, cause: unknown) {
    super(`Cannot reach Temporal at ${address}: ${cause instanceof Error ? cause.message : String(cause)}`, { cause });
  }
}

export async function connectClient(endpoint: TemporalEndpoint): Promise<TemporalClient> {
  let connection: Connection;
  try {
    connection = await Connection.connect({ ...connectionOptionsFor(endpoint), connectTimeout: '10s' });
  } catch (error) {
    throw new TemporalUnreachableError(endpoint.address, error);
  }
  return { client: new Client({ connection, namespace: endpoint.namespace }), connection, close: () => connection.close() };
}

export async function connectWorkerConnection(endpoint: TemporalEndpoint): Promise<NativeConnection> {
  try {
    return await NativeConnection.connect(connectionOptionsFor(endpoint));
  } catch (error) {
    throw new TemporalUnreachableError(endpoint.address, error);
  }
}
