import { describeTenants, startProduct } from '../runtime/start-product';
import type { CliCommand } from './cli-command';
import { runUntilStopped } from './until-stopped';
import { installWorkerLogging } from './worker-logging';

/** `npm start`: everything on one machine (database, Temporal dev server or TEMPORAL_ADDRESS, worker, HTTP). */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'what `npm start` runs: migrate, load the demo, start Temporal (or use TEMPORAL_ADDRESS), a worker and the HTTP service',
  usage: '',
  async run(_args, io) {
    const log = (line: string) => io.out(`[ledgerflow] ${line}`);
    installWorkerLogging(io.env);
    const product = await startProduct(io.env, log);
    log('demo tenants:');
    describeTenants(product.tenants).forEach(log);
    log(`health: ${product.url}/health · ready: ${product.url}/ready`);
    log('press Ctrl+C to stop');
    return runUntilStopped({ stop: () => product.stop(), failed: product.workerDone }, log);
  },
};
