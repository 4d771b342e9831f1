import path from 'node:path';
import type { Knex } from 'knex';
import { chooseDatabaseTarget, type DatabaseTarget } from '../db/connection/database-target';
import { startEmbeddedPostgres } from '../db/connection/embedded-postgres';
import { ensureDatabaseExists } from '../db/connection/ensure-database';
import { createKnex } from '../db/knex-factory';

export interface OpenDatabase {
  knex: Knex;
  target: DatabaseTarget;
  /** A URL safe to print: the password, if any, is masked. */
  displayUrl: string;
  close(): Promise<void>;
}

function maskPassword(url: string): string {
  const parsed = new URL(url);
  if (parsed.password) parsed.password = '****';
  return parsed.toString();
}

/** Opens Ledgerflow's database wherever it lives, creating the database on a server that lacks it. */
export async function openDatabase(env: NodeJS.ProcessEnv, dataDir: string): Promise<OpenDatabase> {
  const target = await chooseDatabaseTarget(env, dataDir);
  if (target.kind === 'embedded') {
    const embedded = await startEmbeddedPostgres(path.join(dataDir, 'postgres'));
    const knex = createKnex(embedded.url, { maxConnections: 1 });
    return {
      knex,
      target,
      displayUrl: `${embedded.url} (embedded PGlite in ${path.join(dataDir, 'postgres')})`,
      async close() {
        await knex.destroy();
        await embedded.stop();
      },
    };
  }
  await ensureDatabaseExists(target.url);
  const knex = createKnex(target.url);
  return { knex, target, displayUrl: maskPassword(target.url), close: () => knex.destroy() };
}
