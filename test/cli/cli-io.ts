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

/** Retries until check passes: visibility and query answers arrive a moment after the action that causes them. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 15_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}
