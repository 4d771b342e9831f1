import type { ParseArgsConfig } from 'node:util';

/** Where a command writes and what environment it reads; tests pass their own to run commands as functions. */
export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  env: NodeJS.ProcessEnv;
}

export type CommandOptions = NonNullable<ParseArgsConfig['options']>;

export interface CommandArgs {
  positionals: string[];
  values: Record<string, string | boolean | undefined>;
}

export interface CliCommand {
  name: string;
  summary: string;
  /** The arguments after the command name, e.g. `<file.json> --tenant <slug>`. */
  usage: string;
  /** Names of the required positional arguments, in order; no others are accepted. */
  positionals?: string[];
  options?: CommandOptions;
  /** Resolves with the exit code. */
  run(args: CommandArgs, io: CliIo): Promise<number>;
}

/** A command line that cannot be run as written: unknown command or flag, missing argument. Exit code 2. */
export class UsageError extends Error {
  override name = 'UsageError';
  constructor(
    message: string,
    readonly command?: CliCommand,
  ) {
    super(message);
  }
}

/** A failure worth one clear line and no stack trace: a missing file, bad JSON, an unknown tenant. Exit code 1. */
export class CliFailure extends Error {
  override name = 'CliFailure';
}
