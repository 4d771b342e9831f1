import { spawn } from 'node:child_process';
import path from 'node:path';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

const PROCESS_SCRIPT = path.join(__dirname, 'embedded-postgres-process.ts');
const START_TIMEOUT_MS = 60_000;

/**
 * Starts PostgreSQL compiled to WASM (PGlite) in a child process, listening on a loopback port,
 * so knex and pg use it like any server. PGlite is single-connection: keep the pool at one connection.
 */
export function startEmbeddedPostgres(dataDir: string, port = 0): Promise<EmbeddedPostgres> {
  const child = spawn(process.execPath, ['--import', 'tsx', PROCESS_SCRIPT, dataDir, String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => fail(new Error(`Embedded PostgreSQL did not start within ${START_TIMEOUT_MS / 1000}s`)), START_TIMEOUT_MS);
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(new Error(`${error.message}${stderr ? `\n${stderr.slice(-2000)}` : ''}`));
    }
    child.once('exit', (code) => fail(new Error(`Embedded PostgreSQL exited with code ${code}`)));
    child.stdout.on('data', (chunk: Buffer) => {
      const match = /LISTENING (\S+)/.exec(chunk.toString());
      if (!match) return;
      clearTimeout(timer);
      child.removeAllListeners('exit');
      resolve({
        url: `postgres://postgres@${match[1]}/postgres`,
        stop: () =>
          new Promise<void>((done) => {
            if (child.exitCode !== null) return done();
            child.once('exit', () => done());
            child.kill('SIGTERM');
          }),
      });
    });
  });
}
