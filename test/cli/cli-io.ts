import { runCli } from '../../engine/cli-commands/run-cli';

export interface CliResult {
  code: number;
  out: string[];
  err: string[];
}

/** Runs one CLI command in this process with its own env, capturing what it prints. */
export async function cli(env: NodeJS.ProcessEnv, ...argv: string[]): Promise<CliResult> {
  const result: CliResult = { code: -1, out: [], err: [] };
  result.code = await runCli(argv, { env, out: (line) => result.out.push(line), err: (line) => result.err.push(line) });
  return result;
}
