import { execFile } from 'node:child_process';
import { promisify } from 'node:util';

const execFileAsync = promisify(execFile);

/** A way to run pip: `python3 -m pip` first, since a bare pip3 may belong to another Python. */
export interface PipCommand {
  command: string;
  args: string[];
}

export const defaultPipCommands: PipCommand[] = [
  { command: 'python3', args: ['-m', 'pip'] },
  { command: 'pip3', args: [] },
];

export type PipInstallResult = { ok: true; commandLine: string } | { ok: false; failures: string[] };

const tenMinutesMs = 10 * 60 * 1000;

/** Installs one requirement into targetDir with the first pip command that exists; never throws. */
export async function pipInstallTarget(
  pipRequirement: string,
  targetDir: string,
  pipCommands: PipCommand[],
): Promise<PipInstallResult> {
  const failures: string[] = [];
  for (const pip of pipCommands) {
    const args = [...pip.args, 'install', '--disable-pip-version-check', '--target', targetDir, pipRequirement];
    const commandLine = [pip.command, ...args].join(' ');
    try {
      await execFileAsync(pip.command, args, { timeout: tenMinutesMs, maxBuffer: 16 * 1024 * 1024 });
      return { ok: true, commandLine };
    } catch (error) {
      failures.push(`${commandLine} → ${summarizeExecError(error)}`);
      // Another pip would fail the same way on the package itself; only a missing pip is worth a second try.
      if (!pipIsMissing(error)) break;
    }
  }
  return { ok: false, failures };
}

function summarizeExecError(error: unknown): string {
  const failed = error as { code?: unknown; stderr?: string; message?: string };
  if (failed.code === 'ENOENT') return 'command not found';
  // pip ends a failure with hints: its own "ERROR:" line, or else the first ERROR a package build logged, says what went wrong.
  const stderrLines = (failed.stderr ?? '').trim().split('\n').map((line) => line.trim());
  const errorLine = stderrLines.filter((line) => line.startsWith('ERROR:')).pop() ?? stderrLines.find((line) => /\bERROR\b/.test(line));
  return errorLine || stderrLines.pop() || failed.message || String(error);
}

function pipIsMissing(error: unknown): boolean {
  const failed = error as { code?: unknown; stderr?: string };
  return failed.code === 'ENOENT' || /No module named pip/.test(failed.stderr ?? '');
}
