import path from 'node:path';
import knexFactory, { type Knex } from 'knex';
import { installPgTypeParsers } from './pg-types';

export const MIGRATIONS_DIRECTORY = path.join(__dirname, 'migrations');

export interface KnexOptions {
  /** The embedded PGlite server takes one connection at a time. */
  maxConnections?: number;
}

export function createKnex(url: string, options: KnexOptions = {}): Knex {
  installPgTypeParsers();
  return knexFactory({
    client: 'pg',
    connection: url,
    pool: { min: 0, max: options.maxConnections ?? 10 },
    migrations: { directory: MIGRATIONS_DIRECTORY, loadExtensions: ['.ts'], tableName: 'knex_migrations' },
  });
}

/** Applies every pending migration and returns the names it ran. */
export async function migrateToLatest(knex: Knex): Promise<string[]> {
  const [, applied] = (await knex.migrate.latest()) as [number, string[]];
  return applied;
}
