import fs from 'node:fs';
import path from 'node:path';
import { Client, Connection } from '@temporalio/client';
import { NativeConnection, Worker } from '@temporalio/worker';
import { startDevServer, type DevServer } from '../../engine/temporal/dev-server';
import { greetTenant } from './fixtures/greeting-workflow';
import { makeTempDir } from './fake-executables';
import { installQuietWorkerRuntime } from './quiet-worker-runtime';

installQuietWorkerRuntime();

const namespace = 'ledgerflow-test';
const tenantAttribute = { name: 'LedgerflowTenantId', type: 'KEYWORD' } as const;

describe('the real dev server started by startDevServer', () => {
  let dataDir: string;
  let server: DevServer;
  let connection: Connection;
  let client: Client;

  beforeAll(async () => {
    dataDir = makeTempDir('dev-server');
    server = await startDevServer({ dataDir, headless: true, namespace, searchAttributes: { [tenantAttribute.name]: 'Keyword' } });
    connection = await Connection.connect({ address: server.address });
    client = new Client({ connection, namespace });
  });

  afterAll(async () => {
    await connection?.close();
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('listens on 127.0.0.1 and keeps its SQLite file in dataDir', () => {
    expect(server.address).toMatch(/^127\.0\.0\.1:\d+$/);
    expect(fs.existsSync(path.join(dataDir, 'temporal.sqlite'))).toBe(true);
  });

  it('runs a workflow to completion with a worker', async () => {
    const workerConnection = await NativeConnection.connect({ address: server.address });
    try {
      const taskQueue = 'greeting';
      const worker = await Worker.create({
        connection: workerConnection,
        namespace,
        taskQueue,
        workflowsPath: require.resolve('./fixtures/greeting-workflow'),
      });
      const greeting = worker.runUntil(
        client.workflow.execute(greetTenant, {
          args: ['Acme'],
          taskQueue,
          workflowId: 'greet-acme',
          typedSearchAttributes: [{ key: tenantAttribute, value: 'acme' }],
        }),
      );
      await expect(greeting).resolves.toBe('Hello, Acme');
    } finally {
      await workerConnection.close();
    }
  });

  it('registers the requested search attribute, so visibility queries can filter on it', async () => {
    await client.workflow.start(greetTenant, {
      args: ['Globex'],
      taskQueue: 'nobody-polls-this',
      workflowId: 'greet-globex',
      typedSearchAttributes: [{ key: tenantAttribute, value: 'globex' }],
    });

    const matches: string[] = [];
    for await (const execution of client.workflow.list({ query: `${tenantAttribute.name} = "globex"` })) matches.push(execution.workflowId);
    expect(matches).toEqual(['greet-globex']);
  });
});
