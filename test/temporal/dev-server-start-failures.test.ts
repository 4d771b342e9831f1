import fs from 'node:fs';
import path from 'node:path';
import { startDevServer } from '../../engine/temporal/dev-server';
import { DevServerStartError } from '../../engine/temporal/errors';
import { makeTempDir, writeScript } from './fake-executables';

describe('startDevServer when the server does not come up', () => {
  let root: string;

  beforeAll(() => {
    root = makeTempDir('dev-server-failure');
  });

  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('rejects with the stderr tail when the server exits early', async () => {
    const crashingCli = writeScript(path.join(root, 'crashing-temporal'), 'echo "bind: address already in use" >&2; exit 3');
    const start = startDevServer({ dataDir: path.join(root, 'data-crash'), cliPath: crashingCli, headless: true });

    await expect(start).rejects.toBeInstanceOf(DevServerStartError);
    await expect(start).rejects.toThrow(/exited before it was ready \(code 3[\s\S]*bind: address already in use/);
  });

  it('rejects after the ready timeout, and stops the process, when the server never answers', async () => {
    const pidFile = path.join(root, 'silent.pid');
    const silentCli = writeScript(path.join(root, 'silent-temporal'), `echo $$ > ${pidFile}; echo "still starting" >&2; exec sleep 60`);
    const start = startDevServer({ dataDir: path.join(root, 'data-silent'), cliPath: silentCli, headless: true, readyTimeoutMs: 1_500 });

    await expect(start).rejects.toThrow(/not reachable at 127\.0\.0\.1:\d+ within 1500 ms[\s\S]*still starting/);
    const pid = Number(fs.readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow(/ESRCH/);
  });

  it('rejects with the spawn error when the executable does not exist', async () => {
    const start = startDevServer({ dataDir: path.join(root, 'data-missing'), cliPath: path.join(root, 'no-such-temporal'), headless: true });

    await expect(start).rejects.toThrow(/could not be spawned: spawn .*no-such-temporal ENOENT/);
  });
});
