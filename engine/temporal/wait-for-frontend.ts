import net from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { Connection } from '@temporalio/client';

export interface FrontendReadiness {
  address: string;
  namespace: string;
  searchAttributeNames: string[];
  timeoutMs: number;
  signal: AbortSignal;
}

/**
 * Resolves once a client can describe the namespace and sees every requested search attribute;
 * the port accepting connections is not enough, as the namespace is created a moment later.
 */
export async function waitForFrontend(readiness: FrontendReadiness): Promise<void> {
  const deadline = Date.now() + readiness.timeoutMs;
  let lastProblem = 'no attempt finished';
  while (!readiness.signal.aborted) {
    const remainingMs = deadline - Date.now();
    if (remainingMs <= 0) throw new Error(`not reachable at ${readiness.address} within ${readiness.timeoutMs} ms (last problem: ${lastProblem})`);
    lastProblem = await probeFrontend(readiness, Math.min(remainingMs, 1_000));
    if (lastProblem === '') return;
    await sleep(100);
  }
}

/** Returns '' when ready, otherwise what is still missing. */
async function probeFrontend(readiness: FrontendReadiness, connectTimeoutMs: number): Promise<string> {
  // gRPC waits out its whole connect timeout on a closed port; a plain TCP probe fails at once.
  if (!(await acceptsTcp(readiness.address))) return 'port not accepting connections yet';
  let connection: Connection | undefined;
  try {
    connection = await Connection.connect({ address: readiness.address, connectTimeout: connectTimeoutMs });
    const { namespace } = readiness;
    await connection.workflowService.describeNamespace({ namespace });
    const { customAttributes } = await connection.operatorService.listSearchAttributes({ namespace });
    const missing = readiness.searchAttributeNames.filter((name) => !(name in (customAttributes ?? {})));
    return missing.length ? `search attributes not registered yet: ${missing.join(', ')}` : '';
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    await connection?.close();
  }
}

function acceptsTcp(address: string): Promise<boolean> {
  const separator = address.lastIndexOf(':');
  const socket = net.connect({ host: address.slice(0, separator), port: Number(address.slice(separator + 1)) });
  const connected = new Promise<boolean>((resolve) => {
    socket.setTimeout(1_000, () => resolve(false));
    socket.once('connect', () => resolve(true));
    socket.once('error', () => resolve(false));
  });
  return connected.finally(() => socket.destroy());
}
