import net from 'node:net';
import { findFreePort } from '../temporal/free-port';

/** Temporal's usual port when it is free, so URLs stay the same from one start to the next; else any free port. */
export async function preferredPort(preferred: number, host = '127.0.0.1'): Promise<number> {
  const free = await new Promise<boolean>((resolve) => {
    const probe = net.createServer();
    probe.unref();
    probe.once('error', () => resolve(false));
    probe.listen(preferred, host, () => probe.close(() => resolve(true)));
  });
  return free ? preferred : findFreePort(host);
}

/** A port from an env var, checked, or undefined when the variable is unset. */
export function portFromEnv(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  const port = Number(raw);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) throw new Error(`${name} must be a port number, not "${raw}"`);
  return port;
}
