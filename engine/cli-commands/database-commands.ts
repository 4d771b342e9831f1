import { migrateToLatest } from '../db/knex-factory';
import { seedDemo } from '../db/seed/seed-demo';
import { createSecretBox } from '../security/secret-box';
import { loadSecretKey } from '../security/secret-key';
import { dataDirFrom } from '../runtime/data-dir';
import { describeTenants } from '../runtime/start-product';
import type { CliCommand } from './cli-command';
import { withDatabase } from './command-resources';

export const migrateCommand: CliCommand = {
  name: 'migrate',
  summary: 'apply pending database migrations',
  usage: '',
  run: (_args, io) =>
    withDatabase(io.env, async (knex) => {
      io.out(`applied: ${(await migrateToLatest(knex)).join(', ') || 'nothing'}`);
      return 0;
    }),
};

export const seedCommand: CliCommand = {
  name: 'seed',
  summary: 'load the demo tenants (idempotent)',
  usage: '',
  run: (_args, io) =>
    withDatabase(io.env, async (knex) => {
      describeTenants(await seedDemo(knex, createSecretBox(loadSecretKey(io.env, dataDirFrom(io.env))))).forEach((line) => io.out(line));
      return 0;
    }),
};
