import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, type Worker } from '@temporalio/worker';
import { createActionRegistry } from '../../activities/action-registry';
import { CORE_ACTIONS } from '../../activities/core-actions';
import { createActivities } from '../../activities/create-activities';
import { tenantScope, type TenantScope } from '../../engine/db/tenant-scope';
import { definitionStore, type DefinitionStore } from '../../engine/definition-store/definition-store';
import { createActionCatalogue } from '../../engine/dsl/semantics/action-catalogue';
import { startDevServer, type DevServer } from '../../engine/temporal/dev-server';
import { createRunWorker } from '../../engine/temporal/run-worker';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../../engine/temporal/search-attributes';
import { createTenant } from '../helpers/tenant-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

export interface DevServerEngine {
  db: TestDatabase;
  server: DevServer;
  client: Client;
  companyId: string;
  scope: TenantScope;
  store: DefinitionStore;
  taskQueue: string;
  teardown(): Promise<void>;
}

/**
 * The real dev server (the time-skipping test server has no Schedule API), with Ledgerflow's search attributes, a real
 * worker and real activities. Flows here send no email, so the mailer refuses.
 */
export async function createDevServerEngine(): Promise<DevServerEngine> {
  const db = await createTestDatabase();
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-triggers-'));
  const server = await startDevServer({ dataDir, headless: true, searchAttributes: DEV_SERVER_SEARCH_ATTRIBUTES });
  const connection = await Connection.connect({ address: server.address });
  const client = new Client({ connection, namespace: server.namespace });
  const workerConnection = await NativeConnection.connect({ address: server.address });
  const { companyId } = await createTenant(db.knex, 'schedules');
  const registry = createActionRegistry(CORE_ACTIONS);
  const scope = tenantScope(db.knex, companyId);
  const store = definitionStore(scope, createActionCatalogue(registry.names()));
  const taskQueue = `schedules-${companyId.slice(0, 8)}`;
  const mailer = { send: async () => Promise.reject(new Error('schedule tests send no email')) };
  const activities = createActivities({ knex: db.knex, mailer, actions: registry });
  const worker: Worker = await createRunWorker({ connection: workerConnection, namespace: server.namespace, taskQueue, activities, workflowBundlePath: process.env.LEDGERFLOW_WORKFLOW_BUNDLE });
  const running = worker.run();

  return {
    db, server, client, companyId, scope, store, taskQueue,
    async teardown() {
      worker.shutdown();
      await running;
      await workerConnection.close();
      await connection.close();
      await server.stop();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
