import type { WorkflowHandle } from '@temporalio/client';
import { randomBytes } from 'node:crypto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import type { Worker } from '@temporalio/worker';
import type { WorkflowDefinition } from '../../definitions/generated/definition';
import type { ActionDefinition } from '../../activities/action-definition';
import { createActionRegistry } from '../../activities/action-registry';
import { CORE_ACTIONS } from '../../activities/core-actions';
import { createActivities } from '../../activities/create-activities';
import { createSmtpMailer } from '../../activities/mailer';
import { tenantScope, type TenantScope } from '../../engine/db/tenant-scope';
import { definitionStore, type DefinitionStore } from '../../engine/definition-store/definition-store';
import { createSecretBox, type SecretBox } from '../../engine/security/secret-box';
import { createActionCatalogue } from '../../engine/dsl/semantics/action-catalogue';
import { startRun, type RunEngine, type StartRunRequest } from '../../engine/runs/start-run';
import { ensureTemporalTestServer } from '../../engine/temporal/ensure-binaries';
import { createRunWorker } from '../../engine/temporal/run-worker';
import { timeSkippingEnvironmentOptions } from '../../engine/temporal/test-environment-options';
import { startSmtpSink, type SmtpSink } from './smtp-sink';
import { createTestDatabase, type TestDatabase } from './test-database';
import { createTenant } from './tenant-fixtures';

export interface EngineHarness {
  db: TestDatabase;
  env: TestWorkflowEnvironment;
  smtp: SmtpSink;
  companyId: string;
  scope: TenantScope;
  store: DefinitionStore;
  engine: RunEngine;
  /** Seals tenant secrets (connector credentials) with the key the worker's actions open them with. */
  secrets: SecretBox;
  /** Saves and publishes a definition, returning its published version number. */
  publish(definition: WorkflowDefinition): Promise<number>;
  start(request: Omit<StartRunRequest, 'trigger'> & { trigger?: StartRunRequest['trigger'] }): ReturnType<typeof startRun>;
  /** Publishes the definition and starts a run of it with the input, returning the run's handle. */
  publishAndStart(definition: WorkflowDefinition, input?: unknown): Promise<WorkflowHandle>;
  /**
   * Starts (or restarts) the worker; tests that prove crash recovery stop it mid-run. `cache: false` turns off the
   * worker's run cache, so no run is tied to a stopped worker's sticky queue (the test server never times those out).
   */
  startWorker(options?: { cache?: boolean }): Promise<void>;
  stopWorker(): Promise<void>;
  teardown(): Promise<void>;
}

/**
 * Real PostgreSQL, the real time-skipping Temporal test server, a real SMTP sink and the real worker with the real
 * activities; tests may add actions of their own (e.g. one that fails twice) through the same registry.
 */
export async function createEngineHarness(extraActions: ActionDefinition<never>[] = []): Promise<EngineHarness> {
  const db = await createTestDatabase();
  const smtp = await startSmtpSink();
  const testServer = await ensureTemporalTestServer();
  const env = await TestWorkflowEnvironment.createTimeSkipping(timeSkippingEnvironmentOptions(testServer.path));
  const { companyId } = await createTenant(db.knex, 'harness');
  const registry = createActionRegistry([...CORE_ACTIONS, ...extraActions]);
  const scope = tenantScope(db.knex, companyId);
  const store = definitionStore(scope, createActionCatalogue(registry.signatures()));
  const taskQueue = `harness-${companyId.slice(0, 8)}`;
  const engine: RunEngine = { client: env.client, taskQueue, searchAttributes: false };
  const secrets = createSecretBox(randomBytes(32));
  const activities = createActivities({ knex: db.knex, mailer: createSmtpMailer({ host: smtp.host, port: smtp.port, from: 'flows@ledgerflow.test' }), actions: registry, secrets });

  let worker: Worker | undefined;
  let running: Promise<void> | undefined;
  const harness: EngineHarness = {
    db, env, smtp, companyId, scope, store, engine, secrets,
    async publish(definition) {
      await store.saveDraft(definition);
      return (await store.publish(definition.key)).version;
    },
    start: (request) => startRun(scope, store, engine, { trigger: 'api', ...request }),
    async publishAndStart(definition, input = {}) {
      await harness.publish(definition);
      const started = await harness.start({ definitionKey: definition.key, input });
      return env.client.workflow.getHandle(started.workflowId);
    },
    async startWorker(options = {}) {
      worker = await createRunWorker({
        connection: env.nativeConnection, namespace: 'default', taskQueue, activities, workflowBundlePath: process.env.LEDGERFLOW_WORKFLOW_BUNDLE,
        ...(options.cache === false ? { maxCachedWorkflows: 0 } : {}),
      });
      running = worker.run();
    },
    async stopWorker() {
      worker?.shutdown();
      await running;
      worker = undefined;
    },
    async teardown() {
      await harness.stopWorker();
      await env.teardown();
      await smtp.close();
      await db.drop();
    },
  };
  await harness.startWorker();
  return harness;
}
