import { Worker, type NativeConnection } from '@temporalio/worker';
import type { RunActivities } from '../../workflows/run-contract';

export interface RunWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: RunActivities;
  /** A prebuilt bundle (tests build one per run); otherwise the worker bundles workflows/ itself. */
  workflowBundlePath?: string;
  /** 0 turns off the run cache: every task replays the run's history (tests use it to hand runs between workers). */
  maxCachedWorkflows?: number;
}

/** The worker that runs every definition: the workflows/ bundle plus the activities wired by the caller. */
export function createRunWorker(options: RunWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    ...(options.maxCachedWorkflows !== undefined ? { maxCachedWorkflows: options.maxCachedWorkflows } : {}),
    activities: options.activities as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>,
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : { workflowsPath: require.resolve('../../workflows') }),
  });
}
