import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { TemporalBinarySpec } from './temporal-binaries';

const execFileAsync = promisify(execFile);

/** Returns a one-line version for display; never throws, since a missing version must not block startup. */
export async function readBinaryVersion(spec: TemporalBinarySpec, executablePath: string): Promise<string> {
  const source = spec.versionSource;
  if (source.kind === 'dist-info') {
    const version = readDistInfoVersion(executablePath, source.distribution);
    return version ? `${source.distribution.replace(/_/g, '-')} ${version}` : 'unknown (no pip metadata beside it)';
  }
  try {
    const { stdout } = await execFileAsync(executablePath, source.args, { timeout: 30_000 });
    return stdout.trim().split('\n')[0] ?? 'unknown';
  } catch (error) {
    return `unknown (${executablePath} ${source.args.join(' ')} failed: ${(error as Error).message})`;
  }
}

/** pip --target leaves `<name>-<version>.dist-info` beside the bin/ folder holding the executable. */
export function readDistInfoVersion(executablePath: string, distribution: string): string | undefined {
  const installRoot = path.dirname(path.dirname(executablePath));
  const pattern = new RegExp(`^${distribution}-(.+)\\.dist-info$`);
  try {
    const match = fs.readdirSync(installRoot).map((entry) => pattern.exec(entry)).find(Boolean);
    return match?.[1];
  } catch {
    return undefined;
  }
}
