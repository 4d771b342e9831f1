import { Worker, type NativeConnection } from '@temporalio/worker';
import type { RunActivities } from '../../workflows/run-contract';

export interface RunWorkerOptions {
  connection: NativeConnection;
  namespace: string;
  taskQueue: string;
  activities: RunActivities;
  /** A prebuilt bundle (tests build one per run); otherwise the worker bundles workflows/ itself. */
  workflowBundlePath?: string;
}

/** The worker that runs every definition: the workflows/ bundle plus the activities wired by the caller. */
export function createRunWorker(options: RunWorkerOptions): Promise<Worker> {
  return Worker.create({
    connection: options.connection,
    namespace: options.namespace,
    taskQueue: options.taskQueue,
    activities: options.activities as unknown as Record<string, (...args: unknown[]) => Promise<unknown>>,
    ...(options.workflowBundlePath
      ? { workflowBundle: { codePath: options.workflowBundlePath } }
      : { workflowsPath: require.resolve('../../workflows') }),
  });
}
