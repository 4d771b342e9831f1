import { parseArgs } from 'node:util';
import { messageOf } from './message-of';
import { UsageError, type CliCommand, type CommandArgs } from './cli-command';

/** Strict parsing: an unknown flag or a stray argument is a usage error, never silently ignored. */
export function parseCommandArgs(command: CliCommand, argv: string[]): CommandArgs & { help: boolean } {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...command.options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's messages add advice about '--' after the first sentence; the usage line that follows says more.
    throw new UsageError(messageOf(error).split('. ')[0], command);
  }
  const { help, ...values } = parsed.values as Record<string, string | boolean | undefined>;
  if (help) return { positionals: parsed.positionals, values, help: true };
  const expected = command.positionals ?? [];
  if (parsed.positionals.length < expected.length) throw new UsageError(`missing ${expected.slice(parsed.positionals.length).map((name) => `<${name}>`).join(' ')}`, command);
  if (parsed.positionals.length > expected.length) throw new UsageError(`unexpected argument "${parsed.positionals[expected.length]}"`, command);
  return { positionals: parsed.positionals, values, help: false };
}

/** A string flag the command cannot do without. */
export function requiredFlag(args: CommandArgs, name: string, command?: CliCommand): string {
  const value = args.values[name];
  if (typeof value !== 'string' || value === '') throw new UsageError(`--${name} is required`, command);
  return value;
}

export function optionalFlag(args: CommandArgs, name: string): string | undefined {
  const value = args.values[name];
  return typeof value === 'string' ? value : undefined;
}
