import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chooseDatabaseTarget } from '../../engine/db/connection/database-target';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../engine/db/connection/embedded-postgres';
import { createKnex, migrateToLatest } from '../../engine/db/knex-factory';
import { createTenant } from '../helpers/tenant-fixtures';
import { SEED_TABLES } from '../helpers/seed-tables';

const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'ledgerflow-embedded-'));
let embedded: EmbeddedPostgres;

afterAll(async () => {
  await embedded?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the embedded PostgreSQL fallback runs every migration and answers tenant-scoped queries', async () => {
  embedded = await startEmbeddedPostgres(path.join(dataDir, 'pg'));
  const knex = createKnex(embedded.url, { maxConnections: 1 });
  try {
    const applied = await migrateToLatest(knex);
    expect(applied.length).toBeGreaterThanOrEqual(9);
    const tables = await knex('information_schema.tables').where({ table_schema: 'public', table_type: 'BASE TABLE' }).pluck('table_name');
    expect(tables).toEqual(expect.arrayContaining([...SEED_TABLES]));
    const { companyId } = await createTenant(knex, 'laptop');
    await knex('contacts').insert({ company_id: companyId, name: 'Embedded contact' });
    expect(await knex('contacts').where({ company_id: companyId }).pluck('name')).toEqual(['Embedded contact']);
  } finally {
    await knex.destroy();
  }
}, 120_000);

test('the database choice prefers DATABASE_URL, then a local server, then the embedded fallback', async () => {
  expect(await chooseDatabaseTarget({ DATABASE_URL: 'postgres://x@db:5432/y' }, dataDir)).toEqual({ kind: 'env', url: 'postgres://x@db:5432/y' });
  expect((await chooseDatabaseTarget({}, dataDir)).kind).toBe('local');
  expect(await chooseDatabaseTarget({}, dataDir, { host: '127.0.0.1', port: 1 })).toEqual({ kind: 'embedded', dataDir });
});
