import net from 'node:net';

/** Where Ledgerflow's PostgreSQL lives, and how it was chosen. */
export type DatabaseTarget =
  | { kind: 'env'; url: string }
  | { kind: 'local'; url: string }
  | { kind: 'embedded'; dataDir: string };

export const LOCAL_SERVER = { host: '127.0.0.1', port: 5432 };
export const DEFAULT_DATABASE_NAME = 'ledgerflow';

/** True when something accepts TCP connections at host:port within the timeout. */
export function portAnswers(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port });
    const done = (answer: boolean) => {
      socket.destroy();
      resolve(answer);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

/**
 * DATABASE_URL wins; otherwise a local server on 127.0.0.1:5432 (trust auth);
 * otherwise an embedded PostgreSQL (PGlite) in the data folder, for laptops with no server.
 * LEDGERFLOW_EMBEDDED_DB=1 asks for the embedded one even where a server answers.
 */
export async function chooseDatabaseTarget(env: NodeJS.ProcessEnv, dataDir: string, localServer = LOCAL_SERVER): Promise<DatabaseTarget> {
  if (env.DATABASE_URL) return { kind: 'env', url: env.DATABASE_URL };
  if (env.LEDGERFLOW_EMBEDDED_DB === '1') return { kind: 'embedded', dataDir };
  if (await portAnswers(localServer.host, localServer.port)) {
    const user = env.PGUSER ?? 'postgres';
    const name = env.LEDGERFLOW_DB_NAME ?? DEFAULT_DATABASE_NAME;
    return { kind: 'local', url: `postgres://${user}@${localServer.host}:${localServer.port}/${name}` };
  }
  return { kind: 'embedded', dataDir };
}
