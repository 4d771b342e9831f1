import type { Server } from 'node:http';
import { createApp } from '../api/app';
import { migrateToLatest } from '../db/knex-factory';
import { seedDemo, type DemoTenantSummary } from '../db/seed/seed-demo';
import { createSecretBox } from '../security/secret-box';
import { loadSecretKey } from '../security/secret-key';
import { ensureTemporalBinaries } from '../temporal/ensure-binaries';
import { dataDirFrom } from './data-dir';
import { openDatabase } from './open-database';

export interface RunningProduct {
  url: string;
  tenants: DemoTenantSummary[];
  stop(): Promise<void>;
}

/** Everything `npm start` brings up: tools, database, migrations, demo data and the HTTP service. */
export async function startProduct(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<RunningProduct> {
  const dataDir = dataDirFrom(env);
  const binaries = await ensureTemporalBinaries({ env, onInstallStart: (spec) => log(`installing ${spec.label} with pip…`) });
  log(`Temporal CLI: ${binaries.cli.path}; test server: ${binaries.testServer.path}`);

  const database = await openDatabase(env, dataDir);
  log(`database: ${database.displayUrl}`);
  const applied = await migrateToLatest(database.knex);
  log(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');
  const tenants = await seedDemo(database.knex, createSecretBox(loadSecretKey(env, dataDir)));

  const host = env.HOST ?? '127.0.0.1';
  const port = Number(env.PORT ?? 3000);
  const server: Server = await new Promise((resolve, reject) => {
    const listening = createApp({ knex: database.knex }).listen(port, host, () => resolve(listening));
    listening.once('error', (error: NodeJS.ErrnoException) =>
      reject(error.code === 'EADDRINUSE' ? new Error(`Port ${port} on ${host} is already in use: set PORT to another port`) : error),
    );
  });
  const address = server.address();
  const url = `http://${host}:${typeof address === 'object' && address ? address.port : port}`;
  return {
    url,
    tenants,
    async stop() {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await database.close();
    },
  };
}

export function describeTenants(tenants: DemoTenantSummary[]): string[] {
  return tenants.flatMap((tenant) => [
    `  ${tenant.name} (${tenant.slug})${tenant.created ? ' — created now' : ''}`,
    `    users: ${tenant.users.join(', ')}`,
    `    ${Object.entries(tenant.counts).map(([table, count]) => `${table} ${count}`).join(' · ')}`,
  ]);
}
