import { connectClient } from '../temporal/client-connection';
import { dataDirFrom } from './data-dir';
import { ensureSearchAttributes } from './ensure-search-attributes';
import { mailerFromEnv } from './mailer-from-env';
import { openDatabase } from './open-database';
import { ShutdownStack } from './shutdown-stack';
import { resolveTemporalEndpoint } from './temporal-endpoint';
import { startRunWorker } from './start-worker';
import { createSecretBox } from '../security/secret-box';
import { loadSecretKey } from '../security/secret-key';

export interface RunningWorkerProcess {
  workerDone: Promise<void>;
  stop(): Promise<void>;
}

/**
 * A worker alone, for deployments that run several (docker-compose's `worker` service). It expects a migrated
 * database (the API migrates) and Temporal from TEMPORAL_ADDRESS, or the dev server of a running `npm start`.
 */
export async function startWorkerProcess(env: NodeJS.ProcessEnv, log: (line: string) => void): Promise<RunningWorkerProcess> {
  const dataDir = dataDirFrom(env);
  const endpoint = resolveTemporalEndpoint(env, dataDir);
  const running = new ShutdownStack();
  try {
    const database = await openDatabase(env, dataDir);
    running.push('database', () => database.close());
    log(`database: ${database.displayUrl}`);
    const temporal = await connectClient(endpoint);
    const attributes = await ensureSearchAttributes(temporal.connection, endpoint.namespace).finally(() => temporal.close());
    if (!attributes.ok) log(`warning: could not register search attributes: ${attributes.reason}`);
    const worker = await startRunWorker({ knex: database.knex, endpoint, mailer: mailerFromEnv(env), workflowBundlePath: env.LEDGERFLOW_WORKFLOW_BUNDLE, secrets: createSecretBox(loadSecretKey(env, dataDir)) });
    running.push('run worker', () => worker.stop());
    log(`run worker polling ${endpoint.address}, namespace ${endpoint.namespace}, task queue ${endpoint.taskQueue}`);
    return { workerDone: worker.done, stop: () => running.stopAll() };
  } catch (error) {
    await running.stopAll().catch(() => undefined);
    throw error;
  }
}
