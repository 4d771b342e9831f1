import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { isExecutableFile } from './locate-binary';
import { pipInstallTarget, type PipCommand } from './pip-install';
import type { PipInstallCandidate, TemporalBinarySpec } from './temporal-binaries';
import { toolsBinDir } from './tools-dir';

const execFileAsync = promisify(execFile);

export type InstallOutcome = { ok: true; path: string } | { ok: false; failures: string[] };

/**
 * Tries each pip candidate of the spec until one yields the executable in `<toolsDir>/bin`.
 * Each install goes to its own staging folder first: pip --target skips (or, with --upgrade, wipes) an
 * existing bin/, and a private folder also keeps two concurrent installs from writing over each other.
 */
export async function installBinaryWithPip(
  spec: TemporalBinarySpec,
  toolsDir: string,
  pipCommands: PipCommand[],
): Promise<InstallOutcome> {
  const failures: string[] = [];
  await fs.mkdir(toolsDir, { recursive: true });
  for (const candidate of spec.installCandidates) {
    const stagingDir = path.join(toolsDir, `.staging-${spec.executableName}-${randomUUID()}`);
    try {
      const pip = await pipInstallTarget(candidate.pipRequirement, stagingDir, pipCommands);
      if (!pip.ok) {
        failures.push(...pip.failures);
        continue;
      }
      const stagedExecutable = path.join(stagingDir, candidate.executableInTarget);
      if (!isExecutableFile(stagedExecutable)) {
        failures.push(`${pip.commandLine} → succeeded but left no executable at ${candidate.executableInTarget}`);
        continue;
      }
      const runProblem = await whyItCannotRun(spec, stagedExecutable);
      if (runProblem) {
        failures.push(`${pip.commandLine} → installed an executable that does not run here: ${runProblem}`);
        continue;
      }
      return { ok: true, path: await promoteStagedInstall(spec, candidate, stagingDir, toolsDir) };
    } finally {
      await fs.rm(stagingDir, { recursive: true, force: true });
    }
  }
  return { ok: false, failures };
}

/** A wheel can carry a binary for another platform; a binary with a version flag must answer it before we keep it. */
async function whyItCannotRun(spec: TemporalBinarySpec, executable: string): Promise<string | undefined> {
  if (spec.versionSource.kind !== 'flag') return undefined;
  try {
    await execFileAsync(executable, spec.versionSource.args, { timeout: 30_000 });
    return undefined;
  } catch (error) {
    const failed = error as { stderr?: string; message?: string };
    return (failed.stderr ?? '').trim().split('\n')[0] || failed.message || String(error);
  }
}

async function promoteStagedInstall(
  spec: TemporalBinarySpec,
  candidate: PipInstallCandidate,
  stagingDir: string,
  toolsDir: string,
): Promise<string> {
  const finalPath = path.join(toolsBinDir(toolsDir), spec.executableName);
  await fs.mkdir(path.dirname(finalPath), { recursive: true });
  const stagedExecutable = path.join(stagingDir, candidate.executableInTarget);
  await fs.chmod(stagedExecutable, 0o755);
  await moveDistInfo(stagingDir, toolsDir);
  // rename() is atomic, so a concurrent reader sees either no binary or a complete one.
  await fs.rename(stagedExecutable, finalPath);
  return finalPath;
}

/** Keeps pip's metadata next to bin/, where the version lookup for the test server reads it. */
async function moveDistInfo(stagingDir: string, toolsDir: string): Promise<void> {
  const existing = await fs.readdir(toolsDir);
  for (const entry of await fs.readdir(stagingDir)) {
    if (!entry.endsWith('.dist-info')) continue;
    const distribution = entry.split('-')[0];
    for (const stale of existing.filter((name) => name.endsWith('.dist-info') && name.split('-')[0] === distribution)) {
      await fs.rm(path.join(toolsDir, stale), { recursive: true, force: true });
    }
    // A concurrent install of the same package may have just put it there; either copy will do.
    await fs.rename(path.join(stagingDir, entry), path.join(toolsDir, entry)).catch(() => undefined);
  }
}
