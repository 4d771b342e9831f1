import { apiCommand } from './api';
import type { CliCommand } from './cli-command';
import { migrateCommand, seedCommand } from './database-commands';
import { listRunsCommand } from './list-runs';
import { publishCommand } from './publish';
import { sendEventCommand } from './send-event';
import { serveCommand } from './serve';
import { showRunCommand } from './show-run';
import { startRunCommand } from './start-run';
import { validateCommand } from './validate';
import { workerCommand } from './worker';

/** Every command, in the order `--help` lists them. */
export const COMMANDS: CliCommand[] = [
  validateCommand,
  publishCommand,
  startRunCommand,
  sendEventCommand,
  showRunCommand,
  listRunsCommand,
  serveCommand,
  apiCommand,
  workerCommand,
  migrateCommand,
  seedCommand,
];
