import { startApi } from '../runtime/start-api';
import type { CliCommand } from './cli-command';
import { runUntilStopped } from './until-stopped';

export const apiCommand: CliCommand = {
  name: 'api',
  summary: 'a deployment\'s API process: migrate and serve HTTP only (no Temporal, no worker, no demo data)',
  usage: '',
  async run(_args, io) {
    const log = (line: string) => io.out(`[ledgerflow api] ${line}`);
    const api = await startApi(io.env, log);
    log(`listening on ${api.url}`);
    return runUntilStopped(api, log);
  },
};
