// Runs PGlite in its own process and serves it over the PostgreSQL wire protocol on a loopback port.
// Its own process keeps the WASM heap out of the app and lets test runners (whose VMs lack dynamic import) use it.
import fs from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

async function main(): Promise<void> {
  const [dataDir, port = '0'] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: embedded-postgres-process <data-dir> [port]');
  fs.mkdirSync(dataDir, { recursive: true });
  const db = await PGlite.create(dataDir);
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: Number(port) });
  await server.start();
  process.stdout.write(`LISTENING ${server.getServerConn()}\n`);
  const stop = async () => {
    await server.stop();
    await db.close();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

main().catch((error) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
