import fs from 'node:fs';
import path from 'node:path';
import { TemporalBinaryEnvVarError } from '../../engine/temporal/errors';
import { locateBinary } from '../../engine/temporal/locate-binary';
import { TEMPORAL_CLI, TEMPORAL_TEST_SERVER } from '../../engine/temporal/temporal-binaries';
import { makeTempDir, writeScript } from './fake-executables';

describe('locateBinary', () => {
  let root: string;
  let envCopy: string;
  let pathDir: string;
  let toolsDir: string;

  beforeAll(() => {
    root = makeTempDir('locate');
    envCopy = writeScript(path.join(root, 'from-env', 'temporal'), 'echo env');
    pathDir = path.join(root, 'on-path');
    writeScript(path.join(pathDir, 'temporal'), 'echo path');
    toolsDir = path.join(root, 'tools');
    writeScript(path.join(toolsDir, 'bin', 'temporal'), 'echo tools');
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('prefers the env var over PATH and the tools folder', () => {
    const env = { TEMPORAL_CLI_PATH: envCopy, PATH: pathDir };
    expect(locateBinary(TEMPORAL_CLI, { env, toolsDir })).toEqual({ path: envCopy, source: 'env' });
  });

  it('prefers PATH over the tools folder when the env var is unset', () => {
    const env = { PATH: ['/nonexistent', pathDir].join(path.delimiter) };
    expect(locateBinary(TEMPORAL_CLI, { env, toolsDir })).toEqual({ path: path.join(pathDir, 'temporal'), source: 'path' });
  });

  it('falls back to <toolsDir>/bin when neither the env var nor PATH has it', () => {
    const env = { PATH: '/nonexistent' };
    expect(locateBinary(TEMPORAL_CLI, { env, toolsDir })).toEqual({ path: path.join(toolsDir, 'bin', 'temporal'), source: 'tools-dir' });
  });

  it('returns undefined when no place has the binary', () => {
    const env = { PATH: pathDir };
    expect(locateBinary(TEMPORAL_TEST_SERVER, { env, toolsDir })).toBeUndefined();
  });

  it('skips a PATH entry that is not executable', () => {
    const notExecutableDir = path.join(root, 'not-executable');
    fs.mkdirSync(notExecutableDir, { recursive: true });
    fs.writeFileSync(path.join(notExecutableDir, 'temporal'), 'plain text', { mode: 0o644 });
    const env = { PATH: [notExecutableDir, pathDir].join(path.delimiter) };
    expect(locateBinary(TEMPORAL_CLI, { env, toolsDir })?.path).toBe(path.join(pathDir, 'temporal'));
  });

  it('throws, naming the variable, when the env var points at no executable', () => {
    const env = { TEMPORAL_TEST_SERVER_PATH: path.join(root, 'missing'), PATH: pathDir };
    expect(() => locateBinary(TEMPORAL_TEST_SERVER, { env, toolsDir })).toThrow(TemporalBinaryEnvVarError);
    expect(() => locateBinary(TEMPORAL_TEST_SERVER, { env, toolsDir })).toThrow(/TEMPORAL_TEST_SERVER_PATH/);
  });
});
