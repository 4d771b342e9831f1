import { randomBytes } from 'node:crypto';
import type { Knex } from 'knex';
import { Client } from 'pg';
import { createKnex } from '../../engine/db/knex-factory';

/** The server the suite runs on: TEST_DATABASE_URL, else DATABASE_URL, else the local trust-auth server. */
export function testServerUrl(database = 'postgres'): string {
  const base = process.env.TEST_DATABASE_URL ?? process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const url = new URL(base);
  url.pathname = `/${database}`;
  return url.toString();
}

export async function withAdminClient<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  name: string;
  url: string;
  knex: Knex;
  drop(): Promise<void>;
}

/**
 * A fresh, fully migrated database for one test file, cloned from the template that global setup migrated once.
 * Each file gets its own, so jest can run files in parallel.
 */
export async function createTestDatabase(): Promise<TestDatabase> {
  const template = process.env.LEDGERFLOW_TEST_TEMPLATE;
  if (!template) throw new Error('LEDGERFLOW_TEST_TEMPLATE is not set: run the suite through jest, whose global setup creates it');
  const name = `${template}_${randomBytes(4).toString('hex')}`;
  // Names are generated here from [a-z0-9_] only; identifiers cannot be bound as parameters.
  await withAdminClient((client) => client.query(`CREATE DATABASE "${name}" TEMPLATE "${template}"`));
  const url = testServerUrl(name);
  const knex = createKnex(url, { maxConnections: 4 });
  return {
    name,
    url,
    knex,
    async drop() {
      await knex.destroy();
      await withAdminClient((client) => client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`));
    },
  };
}
