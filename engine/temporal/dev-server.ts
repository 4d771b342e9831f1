import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs/promises';
import { devServerArgs, devServerDbPath, type DevServerSearchAttributeType } from './dev-server-args';
import { ensureTemporalCli } from './ensure-binaries';
import { DevServerStartError } from './errors';
import { findFreePort } from './free-port';
import { OutputTail } from './output-tail';
import { waitForFrontend } from './wait-for-frontend';

export interface DevServerOptions {
  /** Holds the SQLite file, so workflows survive a restart with the same dataDir. */
  dataDir: string;
  port?: number;
  uiPort?: number;
  headless?: boolean;
  namespace?: string;
  searchAttributes?: Record<string, DevServerSearchAttributeType>;
  /** Defaults to the binary found or installed by ensureTemporalCli(). */
  cliPath?: string;
  ip?: string;
  readyTimeoutMs?: number;
}

export interface DevServer {
  address: string;
  uiUrl: string | undefined;
  namespace: string;
  dbFilename: string;
  pid: number;
  /** Ends the server (SIGTERM, then SIGKILL after a grace period) and resolves once it has exited. */
  stop(): Promise<void>;
}

const stopGraceMs = 10_000;

/** Spawns `temporal server start-dev` and resolves once a client can use it. */
export async function startDevServer(options: DevServerOptions): Promise<DevServer> {
  const ip = options.ip ?? '127.0.0.1';
  const namespace = options.namespace ?? 'default';
  const headless = options.headless ?? false;
  const searchAttributes = options.searchAttributes ?? {};
  const cliPath = options.cliPath ?? (await ensureTemporalCli()).path;
  const port = options.port ?? (await findFreePort(ip));
  // Without --ui-port the CLI picks port + 1000, which nothing guarantees is free.
  const uiPort = headless ? undefined : (options.uiPort ?? (await findFreePort(ip)));
  const dbFilename = devServerDbPath(options.dataDir);
  await fs.mkdir(options.dataDir, { recursive: true });

  const args = devServerArgs({ dbFilename, ip, port, uiPort, headless, namespace, searchAttributes });
  const child = spawn(cliPath, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  const stderrTail = new OutputTail();
  const stdoutTail = new OutputTail();
  stderrTail.follow(child.stderr!);
  stdoutTail.follow(child.stdout!);
  const exited = waitForExit(child);
  const killOnParentExit = () => child.kill('SIGKILL');
  process.once('exit', killOnParentExit);

  const stop = async () => {
    process.removeListener('exit', killOnParentExit);
    await stopChild(child, exited);
  };

  const address = `${ip}:${port}`;
  const readiness = new AbortController();
  const exitedEarly = exited.then(({ code, signal, spawnError }) => {
    throw new Error(spawnError ? `could not be spawned: ${spawnError.message}` : `exited before it was ready (code ${code}, signal ${signal})`);
  });
  const ready = waitForFrontend({
    address,
    namespace,
    searchAttributeNames: Object.keys(searchAttributes),
    timeoutMs: options.readyTimeoutMs ?? 30_000,
    signal: readiness.signal,
  });
  try {
    await Promise.race([ready, exitedEarly]);
  } catch (error) {
    readiness.abort();
    // Let an in-flight probe finish, so no client connection outlives a failed start.
    await ready.catch(() => undefined);
    await stop();
    const reason = error instanceof Error ? error.message : String(error);
    throw new DevServerStartError(`Temporal dev server (${cliPath} ${args.join(' ')}) ${reason}`, stderrTail.toString(), stdoutTail.toString());
  } finally {
    readiness.abort();
    // The server exiting later, after a normal stop(), is not a failure of this start.
    exitedEarly.catch(() => undefined);
    ready.catch(() => undefined);
  }

  return { address, uiUrl: uiPort === undefined ? undefined : `http://${ip}:${uiPort}`, namespace, dbFilename, pid: child.pid!, stop };
}

interface ExitStatus {
  code: number | null;
  signal: NodeJS.Signals | null;
  spawnError?: Error;
}

function waitForExit(child: ChildProcess): Promise<ExitStatus> {
  return new Promise((resolve) => {
    child.once('error', (spawnError) => resolve({ code: null, signal: null, spawnError }));
    // 'close' rather than 'exit': it waits for stdout and stderr to drain, so the tails are complete.
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
}

async function stopChild(child: ChildProcess, exited: Promise<ExitStatus>): Promise<void> {
  const stillRunning = child.exitCode === null && child.signalCode === null;
  if (stillRunning) child.kill('SIGTERM');
  const forceKill = setTimeout(() => child.kill('SIGKILL'), stopGraceMs);
  await exited;
  clearTimeout(forceKill);
}
