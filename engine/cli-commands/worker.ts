import { startWorkerProcess } from '../runtime/start-worker-process';
import type { CliCommand } from './cli-command';
import { runUntilStopped } from './until-stopped';
import { installWorkerLogging } from './worker-logging';

export const workerCommand: CliCommand = {
  name: 'worker',
  summary: 'run only the run worker, against TEMPORAL_ADDRESS (or the dev server of a running `npm start`)',
  usage: '',
  async run(_args, io) {
    const log = (line: string) => io.out(`[ledgerflow worker] ${line}`);
    installWorkerLogging(io.env);
    const worker = await startWorkerProcess(io.env, log);
    return runUntilStopped({ stop: () => worker.stop(), failed: worker.workerDone }, log);
  },
};
