import path from 'node:path';
import { createApp } from '../api/app';
import { migrateToLatest } from '../db/knex-factory';
import { seedDemo, type DemoTenantSummary } from '../db/seed/seed-demo';
import { createSecretBox } from '../security/secret-box';
import { loadSecretKey } from '../security/secret-key';
import { connectClient, type TemporalEndpoint } from '../temporal/client-connection';
import { ensureTemporalBinaries } from '../temporal/ensure-binaries';
import { dataDirFrom } from './data-dir';
import { listen } from './listen';
import { startDevMailCatcher } from './dev-mail-catcher';
import { mailerFromEnv, smtpSettingsFrom } from './mailer-from-env';
import { openDatabase } from './open-database';
import { ShutdownStack } from './shutdown-stack';
import { startTemporal } from './start-temporal';
import { startRunWorker } from './start-worker';
import { tenantScope } from '../db/tenant-scope';
import { installBuiltInDefinitions } from '../definition-store/built-in-definitions';
import { coreActionCatalogue } from '../definition-store/core-catalogue';
import { definitionStore } from '../definition-store/definition-store';
import { DEFAULT_DEMO_PASSWORD } from '../db/seed/demo-tenants';
import { ensureStudioBuilt, STUDIO_DIST } from './studio-build';
import { studioUrlOf } from './studio-url';

export interface RunningProduct {
  url: string;
  /** Where a person opens the studio (the API serves it at `/`). */
  studioUrl: string;
  tenants: DemoTenantSummary[];
  temporal: { endpoint: TemporalEndpoint; uiUrl?: string };
  /** Rejects if the worker stops on its own while the product runs; the caller then shuts everything down. */
  workerDone: Promise<void>;
  /** Stops the HTTP server, the worker, the dev server and the database, in that order. */
  stop(): Promise<void>;
}

/** Everything `npm start` brings up: tools, database, migrations, demo data, Temporal, the run worker and the HTTP service. */
export async function startProduct(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<RunningProduct> {
  const dataDir = dataDirFrom(env);
  let cliPath: string | undefined;
  if (env.TEMPORAL_ADDRESS) {
    log('TEMPORAL_ADDRESS is set: using that Temporal cluster, so no local Temporal binaries are needed');
  } else {
    const binaries = await ensureTemporalBinaries({ env, onInstallStart: (spec) => log(`installing ${spec.label} with pip…`) });
    log(`Temporal CLI: ${binaries.cli.path}; test server: ${binaries.testServer.path}`);
    cliPath = binaries.cli.path;
  }

  const running = new ShutdownStack();
  try {
    const database = await openDatabase(env, dataDir);
    running.push('database', () => database.close());
    log(`database: ${database.displayUrl}`);
    const applied = await migrateToLatest(database.knex);
    log(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');
    const secretBox = createSecretBox(loadSecretKey(env, dataDir));
    const tenants = await seedDemo(database.knex, secretBox);
    // Each demo tenant gets its own copies of the built-in flows; the worker syncs their schedules when it starts.
    for (const tenant of tenants) {
      const scope = tenantScope(database.knex, tenant.companyId);
      const installed = await installBuiltInDefinitions(scope, definitionStore(scope, coreActionCatalogue()));
      if (installed.length > 0) log(`${tenant.slug}: published the built-in flows ${installed.join(', ')}`);
    }

    const temporal = await startTemporal({ env, dataDir, log, ...(cliPath ? { cliPath } : {}) });
    running.push('Temporal', () => temporal.stop());
    const mailEnv = await mailSettings(env, dataDir, log, running);
    const smtp = smtpSettingsFrom(mailEnv);
    log(`run worker: task queue ${temporal.endpoint.taskQueue}; mail through SMTP ${smtp.host}:${smtp.port} (SMTP_HOST, SMTP_PORT)`);
    const worker = await startRunWorker({ knex: database.knex, endpoint: temporal.endpoint, mailer: mailerFromEnv(mailEnv), workflowBundlePath: env.LEDGERFLOW_WORKFLOW_BUNDLE, secrets: secretBox });
    running.push('run worker', () => worker.stop());

    // The API starts, signals and inspects runs through its own client.
    const apiTemporal = await connectClient(temporal.endpoint);
    running.push('API Temporal client', () => apiTemporal.close());
    // The studio links each run to its raw history in the Temporal UI: the embedded dev server's, or TEMPORAL_UI_URL's.
    const uiUrl = temporal.uiUrl ?? env.TEMPORAL_UI_URL;
    const engine = { client: apiTemporal.client, taskQueue: temporal.endpoint.taskQueue, searchAttributes: true, ...(uiUrl ? { uiUrl } : {}) };
    await buildStudioIfStale(log);
    const http = await listen(createApp({ knex: database.knex, secretBox, trustProxy: env.TRUST_PROXY === '1', mailer: mailerFromEnv(mailEnv), publicUrl: env.PUBLIC_URL, temporal: engine, studioDist: STUDIO_DIST }), env);
    running.push('HTTP server', () => http.close());
    const studioUrl = studioUrlOf(http.url);
    log(`Studio: ${studioUrl} (sign in with a demo user below)`);
    return {
      url: http.url,
      studioUrl,
      tenants,
      temporal: { endpoint: temporal.endpoint, ...(temporal.uiUrl ? { uiUrl: temporal.uiUrl } : {}) },
      workerDone: worker.done,
      stop: () => running.stopAll(),
    };
  } catch (error) {
    // Undo a half-finished start, so no dev server or embedded database outlives the failure.
    await running.stopAll().catch(() => undefined);
    throw error;
  }
}

/**
 * Without SMTP_HOST, mail goes to the built-in catcher (dev-mail-catcher.ts) on SMTP_PORT, saved under <data>/mail;
 * if something already listens there (a sink such as maildev), mail goes to it instead.
 */
async function mailSettings(env: NodeJS.ProcessEnv, dataDir: string, log: (line: string) => void, running: ShutdownStack): Promise<NodeJS.ProcessEnv> {
  if (env.SMTP_HOST) return env;
  // SMTP_PORT=0 asks for any free port (tests); otherwise the port the mailer would use.
  const port = env.SMTP_PORT === '0' ? 0 : smtpSettingsFrom(env).port;
  const catcher = await startDevMailCatcher({ port, folder: path.join(dataDir, 'mail'), log });
  if (!catcher) {
    log(`mail: something already listens on 127.0.0.1:${port}; mail goes there`);
    return { ...env, SMTP_HOST: '127.0.0.1' };
  }
  running.push('mail catcher', () => catcher.stop());
  log(`mail: no SMTP_HOST, so mail is caught on ${catcher.host}:${catcher.port} and saved in ${catcher.folder}`);
  return { ...env, SMTP_HOST: catcher.host, SMTP_PORT: String(catcher.port) };
}

/** A studio that cannot be built (no dev dependencies installed) must not stop the API: `/` then says how to build it. */
async function buildStudioIfStale(log: (line: string) => void): Promise<void> {
  try {
    if (await ensureStudioBuilt(log)) log('studio built into studio/dist');
  } catch (error) {
    log(`could not build the studio, so / explains how to build it instead: ${(error as Error).message.split('\n')[0]}`);
  }
}

export function describeTenants(tenants: DemoTenantSummary[]): string[] {
  return tenants.flatMap((tenant) => [
    `  ${tenant.name} (${tenant.slug})${tenant.created ? ' — created now' : ''}`,
    `    sign in (company "${tenant.slug}"): ${tenant.users.join(', ')}, password "${process.env.LEDGERFLOW_DEMO_PASSWORD ?? DEFAULT_DEMO_PASSWORD}"`,
    `    ${Object.entries(tenant.counts).map(([table, count]) => `${table} ${count}`).join(' · ')}`,
  ]);
}
