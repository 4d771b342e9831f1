import { DataError } from '../db/errors/tenant-errors';
import { DefinitionInvalidError } from '../definition-store/definition-errors';
import { RunInputError } from '../runs/run-errors';
import { UsageError, type CliCommand, type CliIo } from './cli-command';
import { COMMANDS } from './commands';
import { formatDefinitionErrors } from './format-errors';
import { messageOf } from './message-of';
import { parseCommandArgs } from './parse-command-args';

const PROGRAM = 'ledgerflow';

export function helpText(commands: CliCommand[] = COMMANDS): string[] {
  return [
    `usage: ${PROGRAM} <command> [arguments]   (npx tsx engine/cli.ts … or npm run ledgerflow -- …)`,
    '',
    'commands:',
    ...commands.map((command) => `  ${command.name.padEnd(9)} ${command.summary}`),
    '',
    `${PROGRAM} <command> --help shows a command's arguments.`,
    'Database: DATABASE_URL, else 127.0.0.1:5432, else the embedded one. Temporal: TEMPORAL_ADDRESS, else the dev server of a running `npm start`.',
  ];
}

export function commandUsage(command: CliCommand): string {
  return `usage: ${PROGRAM} ${command.name}${command.usage ? ` ${command.usage}` : ''}`;
}

/** Runs one command line and resolves with the exit code: 0 done, 1 failed, 2 not understood. Never throws. */
export async function runCli(argv: string[], io: CliIo): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    helpText().forEach((line) => (name === undefined ? io.err(line) : io.out(line)));
    return name === undefined ? 2 : 0;
  }
  const command = COMMANDS.find((candidate) => candidate.name === name);
  if (!command) {
    io.err(`${PROGRAM}: unknown command "${name}"`);
    helpText().forEach((line) => io.err(line));
    return 2;
  }
  try {
    const args = parseCommandArgs(command, rest);
    if (args.help) {
      io.out(`${command.summary}\n${commandUsage(command)}`);
      return 0;
    }
    return await command.run(args, io);
  } catch (error) {
    return reportFailure(error, command, io);
  }
}

function reportFailure(error: unknown, command: CliCommand, io: CliIo): number {
  if (error instanceof UsageError) {
    io.err(`${PROGRAM} ${command.name}: ${error.message}`);
    io.err(commandUsage(error.command ?? command));
    return 2;
  }
  if (error instanceof DefinitionInvalidError) {
    formatDefinitionErrors(error.errors).forEach((line) => io.out(line));
    io.err(`${PROGRAM} ${command.name}: the definition has ${error.errors.length} problem(s)`);
    return 1;
  }
  if (error instanceof RunInputError) {
    error.problems.forEach((problem) => io.out(`${problem.pointer || '/'}: ${problem.message}`));
    io.err(`${PROGRAM} ${command.name}: the run input does not fit the definition's input schema`);
    return 1;
  }
  io.err(`${PROGRAM} ${command.name}: ${messageOf(error)}`);
  // Typed failures are the user's to fix; anything else may be a bug, and its stack is one env var away.
  if (!(error instanceof DataError) && io.env.LEDGERFLOW_DEBUG === '1' && error instanceof Error && error.stack) io.err(error.stack);
  return 1;
}
