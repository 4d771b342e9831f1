// Ledgerflow's command line: `npm start` runs `start`; the other commands serve operators and scripts.
import { migrateToLatest } from './db/knex-factory';
import { seedDemo } from './db/seed/seed-demo';
import { createSecretBox } from './security/secret-box';
import { loadSecretKey } from './security/secret-key';
import { dataDirFrom } from './runtime/data-dir';
import { openDatabase } from './runtime/open-database';
import { describeTenants, startProduct } from './runtime/start-product';

const log = (line: string) => console.log(`[ledgerflow] ${line}`);

const COMMANDS: Record<string, { summary: string; run: () => Promise<void> }> = {
  start: { summary: 'install what is missing, migrate, load the demo data and serve', run: start },
  migrate: { summary: 'apply pending database migrations', run: () => withDatabase(async (db) => log(`applied: ${(await migrateToLatest(db.knex)).join(', ') || 'nothing'}`)) },
  seed: {
    summary: 'load the demo tenants (idempotent)',
    run: () => withDatabase(async (db) => describeTenants(await seedDemo(db.knex, createSecretBox(loadSecretKey(process.env, dataDirFrom(process.env))))).forEach(log)),
  },
};

async function start(): Promise<void> {
  const product = await startProduct(process.env, log);
  log('demo tenants:');
  describeTenants(product.tenants).forEach(log);
  log(`health: ${product.url}/health · ready: ${product.url}/ready`);
  log('press Ctrl+C to stop');
  const shutdown = async () => {
    log('stopping…');
    await product.stop();
    process.exit(0);
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

async function withDatabase(work: (db: Awaited<ReturnType<typeof openDatabase>>) => Promise<void>): Promise<void> {
  const db = await openDatabase(process.env, dataDirFrom(process.env));
  try {
    await work(db);
  } finally {
    await db.close();
  }
}

const name = process.argv[2] ?? 'start';
const command = COMMANDS[name];
if (!command) {
  console.error(`Unknown command "${name}". Commands:\n${Object.entries(COMMANDS).map(([key, c]) => `  ${key.padEnd(10)} ${c.summary}`).join('\n')}`);
  process.exit(2);
}
command.run().catch((error: unknown) => {
  console.error(`[ledgerflow] ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
