import type { Knex } from 'knex';
import { createActionRegistry } from '../../activities/action-registry';
import { CORE_ACTIONS } from '../../activities/core-actions';
import { createActivities } from '../../activities/create-activities';
import type { Mailer } from '../../activities/mailer';
import type { SecretBox } from '../security/secret-box';
import { definitionStore } from '../definition-store/definition-store';
import { createActionCatalogue } from '../dsl/semantics/action-catalogue';
import { runEventDispatcher } from '../events';
import { describeAttempt, runWebhookDeliverer } from '../webhooks';
import { syncAllSchedules } from '../schedules';
import { connectClient, connectWorkerConnection, type TemporalEndpoint } from '../temporal/client-connection';
import { createRunWorker } from '../temporal/run-worker';

export interface RunningWorker {
  /** Settles when the worker stops: resolves after stop(), rejects if the worker fails on its own. */
  done: Promise<void>;
  stop(): Promise<void>;
}

export interface StartWorkerOptions {
  knex: Knex;
  endpoint: TemporalEndpoint;
  mailer: Mailer;
  /** A prebuilt workflow bundle (tests share one); otherwise the worker bundles workflows/ at start. */
  workflowBundlePath?: string;
  /** False where Ledgerflow's search attributes could not be registered: runs then start without them. */
  searchAttributes?: boolean;
  /** Opens tenants' sealed secrets (connector credentials) for the actions that need them. */
  secrets: SecretBox;
}

/** The one place where the run worker gets its real dependencies: database, mailer and the action registry. */
export async function startRunWorker({ knex, endpoint, mailer, workflowBundlePath, searchAttributes = true, secrets }: StartWorkerOptions): Promise<RunningWorker> {
  const registry = createActionRegistry(CORE_ACTIONS);
  const activities = createActivities({ knex, mailer, actions: registry, secrets });
  const connection = await connectWorkerConnection(endpoint);
  let worker;
  try {
    worker = await createRunWorker({ connection, namespace: endpoint.namespace, taskQueue: endpoint.taskQueue, activities, ...(workflowBundlePath ? { workflowBundlePath } : {}) });
  } catch (error) {
    await connection.close();
    throw error;
  }
  // The worker process also delivers domain events from the outbox: to waiting runs, and as triggers of new runs.
  const temporal = await connectClient(endpoint);
  const catalogue = createActionCatalogue(registry.signatures());
  try {
    await syncAllSchedules(knex, temporal.client, endpoint.taskQueue, catalogue, searchAttributes);
  } catch (error) {
    // A schedule that cannot be synced must not keep the worker from running the flows it can.
    console.error(`[ledgerflow] schedule sync failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  const dispatcher = runEventDispatcher(
    knex,
    { engine: { client: temporal.client, taskQueue: endpoint.taskQueue, searchAttributes }, storeFor: (scope) => definitionStore(scope, catalogue) },
    { onError: (error) => console.error(`[ledgerflow] event dispatch failed: ${error instanceof Error ? error.message : String(error)}`) },
  );
  // And sends the tenants' outbound webhooks, logging ids and outcomes only (payloads may carry personal data).
  const webhooks = runWebhookDeliverer(knex, {
    secrets,
    // Loopback and private addresses are refused unless this install opts in (a developer's machine, one tenant).
    allowPrivateNetworks: process.env.LEDGERFLOW_WEBHOOKS_ALLOW_PRIVATE_NETWORKS === '1',
    onAttempt: (attempt) => {
      if (attempt.status !== 'succeeded') console.error(`[ledgerflow] ${describeAttempt(attempt)}`);
    },
    onError: (error) => console.error(`[ledgerflow] webhook delivery failed: ${error instanceof Error ? error.message : String(error)}`),
  });
  const done = worker.run().finally(async () => {
    await webhooks.stop();
    await dispatcher.stop();
    await temporal.close();
    await connection.close();
  });
  // Marked as handled here; whoever awaits `done` still sees the failure, but a process that never does is not killed by it.
  done.catch(() => undefined);
  return {
    done,
    async stop() {
      // shutdown() throws unless the worker is still running; a worker that already failed has nothing to stop.
      if (worker.getState() === 'RUNNING') worker.shutdown();
      await done.catch(() => undefined);
    },
  };
}
