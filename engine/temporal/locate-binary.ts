import fs from 'node:fs';
import path from 'node:path';
import { TemporalBinaryEnvVarError } from './errors';
import type { TemporalBinarySpec } from './temporal-binaries';
import { toolsBinDir } from './tools-dir';

export type BinarySource = 'env' | 'path' | 'tools-dir' | 'pip-install';

export interface LocatedBinary {
  path: string;
  source: BinarySource;
}

export interface LocateOptions {
  env: NodeJS.ProcessEnv;
  toolsDir: string;
}

export function isExecutableFile(candidate: string): boolean {
  try {
    fs.accessSync(candidate, fs.constants.X_OK);
    return fs.statSync(candidate).isFile();
  } catch {
    return false;
  }
}

export function findOnPath(executableName: string, pathValue: string | undefined): string | undefined {
  // Empty PATH entries mean "current directory" to a shell; skipping them keeps the lookup independent of cwd.
  const dirs = (pathValue ?? '').split(path.delimiter).filter((dir) => dir !== '');
  return dirs.map((dir) => path.join(dir, executableName)).find(isExecutableFile);
}

/** Looks in the env var, then PATH, then `<toolsDir>/bin`; returns undefined when none has it. */
export function locateBinary(spec: TemporalBinarySpec, options: LocateOptions): LocatedBinary | undefined {
  const configuredPath = options.env[spec.envVar];
  if (configuredPath) {
    if (!isExecutableFile(configuredPath)) throw new TemporalBinaryEnvVarError(spec.envVar, configuredPath);
    return { path: path.resolve(configuredPath), source: 'env' };
  }
  const onPath = findOnPath(spec.executableName, options.env.PATH);
  if (onPath) return { path: onPath, source: 'path' };
  const inToolsDir = path.join(toolsBinDir(options.toolsDir), spec.executableName);
  if (isExecutableFile(inToolsDir)) return { path: inToolsDir, source: 'tools-dir' };
  return undefined;
}

/** Human-readable list of the places `locateBinary` looked, for error messages. */
export function describeLookupPlaces(spec: TemporalBinarySpec, options: LocateOptions): string[] {
  return [
    `env var ${spec.envVar} (not set)`,
    `PATH (no executable named "${spec.executableName}")`,
    `project tools folder ${path.join(toolsBinDir(options.toolsDir), spec.executableName)} (missing)`,
  ];
}
