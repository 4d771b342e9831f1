import fs from 'node:fs';
import { bundleWorkflowCode } from '@temporalio/worker';

/** Bundles workflows/ once into a file, so several workers (or test files) skip the webpack step. */
export async function writeWorkflowBundle(path: string): Promise<string> {
  const { code } = await bundleWorkflowCode({ workflowsPath: require.resolve('../../workflows'), logger: quietLogger });
  fs.writeFileSync(path, code);
  return path;
}

const noop = () => undefined;
const quietLogger = { trace: noop, debug: noop, info: noop, warn: (message: string) => console.warn(message), error: (message: string) => console.error(message), log: noop };
