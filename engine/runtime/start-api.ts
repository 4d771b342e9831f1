import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createApp } from '../api/app';
import { connectClient } from '../temporal/client-connection';
import { resolveTemporalEndpoint } from './temporal-endpoint';
import { migrateToLatest } from '../db/knex-factory';
import { createSecretBox } from '../security/secret-box';
import { loadSecretKey } from '../security/secret-key';
import { dataDirFrom } from './data-dir';
import { listen } from './listen';
import { mailerFromEnv } from './mailer-from-env';
import { openDatabase } from './open-database';
import { ShutdownStack } from './shutdown-stack';
import { STUDIO_DIST } from './studio-build';
import { studioUrlOf } from './studio-url';

export interface RunningApi {
  url: string;
  /** Where a person opens the studio (the API serves the prebuilt studio/dist at `/`). */
  studioUrl: string;
  stop(): Promise<void>;
}

/**
 * The API process of a deployment (docker-compose's `ledgerflow` service): migrates and serves HTTP. It starts no
 * Temporal and no worker, and loads no demo data; the `worker` processes run the flows.
 */
export async function startApi(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<RunningApi> {
  const running = new ShutdownStack();
  try {
    const database = await openDatabase(env, dataDirFrom(env));
    running.push('database', () => database.close());
    log(`database: ${database.displayUrl}`);
    const applied = await migrateToLatest(database.knex);
    log(applied.length ? `applied ${applied.length} migration(s)` : 'database schema is up to date');
    const secretBox = createSecretBox(loadSecretKey(env, dataDirFrom(env)));
    // With TEMPORAL_ADDRESS the API also starts, signals and inspects runs; without it those routes answer 503.
    let engine;
    if (env.TEMPORAL_ADDRESS) {
      const endpoint = resolveTemporalEndpoint(env, dataDirFrom(env));
      const temporal = await connectClient(endpoint);
      running.push('Temporal client', () => temporal.close());
      engine = { client: temporal.client, taskQueue: endpoint.taskQueue, searchAttributes: true, ...(env.TEMPORAL_UI_URL ? { uiUrl: env.TEMPORAL_UI_URL } : {}) };
    }
    // A deployment serves the studio built into its image (or LEDGERFLOW_STUDIO_DIST); it never builds, as the image
    // has no dev dependencies.
    const studioDist = env.LEDGERFLOW_STUDIO_DIST ?? STUDIO_DIST;
    const studioMissing = !existsSync(join(studioDist, 'index.html'));
    if (studioMissing) log(`no studio build in ${studioDist}: / answers a page that says how to build the studio`);
    const http = await listen(createApp({ knex: database.knex, secretBox, trustProxy: env.TRUST_PROXY === '1', mailer: mailerFromEnv(env), publicUrl: env.PUBLIC_URL, studioDist, ...(engine ? { temporal: engine } : {}) }), env);
    running.push('HTTP server', () => http.close());
    const studioUrl = studioUrlOf(http.url);
    if (!studioMissing) log(`Studio: ${studioUrl}`);
    return { url: http.url, studioUrl, stop: () => running.stopAll() };
  } catch (error) {
    await running.stopAll().catch(() => undefined);
    throw error;
  }
}
