// For the knex CLI (`npx knex --knexfile engine/db/knexfile.ts migrate:status`); the app itself uses knex-factory.
import { MIGRATIONS_DIRECTORY } from './knex-factory';

const url = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/ledgerflow';

module.exports = {
  client: 'pg',
  connection: url,
  migrations: { directory: MIGRATIONS_DIRECTORY, loadExtensions: ['.ts'], tableName: 'knex_migrations' },
};
