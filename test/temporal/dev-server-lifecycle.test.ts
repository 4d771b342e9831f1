import fs from 'node:fs';
import { Client, Connection } from '@temporalio/client';
import { startDevServer } from '../../engine/temporal/dev-server';
import { makeTempDir } from './fake-executables';

describe('startDevServer lifecycle', () => {
  let dataDir: string;

  beforeEach(() => {
    dataDir = makeTempDir('dev-server-lifecycle');
  });

  afterEach(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  it('stop() resolves only once the server process has exited', async () => {
    const server = await startDevServer({ dataDir, headless: true });
    await server.stop();

    expect(() => process.kill(server.pid, 0)).toThrow(/ESRCH/);
  });

  it('keeps workflows across a restart with the same dataDir', async () => {
    const first = await startDevServer({ dataDir, headless: true });
    const firstConnection = await Connection.connect({ address: first.address });
    await new Client({ connection: firstConnection }).workflow.start('untilRestart', { taskQueue: 'nobody-polls-this', workflowId: 'survives-restart' });
    await firstConnection.close();
    await first.stop();

    const second = await startDevServer({ dataDir, headless: true });
    const secondConnection = await Connection.connect({ address: second.address });
    try {
      const description = await new Client({ connection: secondConnection }).workflow.getHandle('survives-restart').describe();
      expect(description.status.name).toBe('RUNNING');
    } finally {
      await secondConnection.close();
      await second.stop();
    }
  });

  it('serves the web UI on the returned uiUrl unless headless', async () => {
    const server = await startDevServer({ dataDir });
    try {
      expect(server.uiUrl).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const response = await fetch(server.uiUrl!);
      expect(response.status).toBe(200);
    } finally {
      await server.stop();
    }
  });
});
