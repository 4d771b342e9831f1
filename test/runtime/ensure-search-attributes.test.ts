import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ensureSearchAttributes } from '../../engine/runtime/ensure-search-attributes';
import { connectClient, type TemporalClient } from '../../engine/temporal/client-connection';
import { startDevServer, type DevServer } from '../../engine/temporal/dev-server';

// A cluster that knows nothing of Ledgerflow, like docker-compose's auto-setup server on first start.
let dataDir: string;
let server: DevServer;
let temporal: TemporalClient;

beforeAll(async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-attributes-'));
  server = await startDevServer({ dataDir, headless: true });
  temporal = await connectClient({ address: server.address, namespace: server.namespace, taskQueue: 'unused' });
}, 60_000);

afterAll(async () => {
  await temporal?.close();
  await server?.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

it('registers the three Ledgerflow search attributes on a cluster that lacks them', async () => {
  expect(await ensureSearchAttributes(temporal.connection, server.namespace)).toEqual({ ok: true, added: ['LedgerflowTenant', 'LedgerflowDefinition', 'LedgerflowEntity'] });
  const { customAttributes } = await temporal.connection.operatorService.listSearchAttributes({ namespace: server.namespace });
  expect(Object.keys(customAttributes ?? {})).toEqual(expect.arrayContaining(['LedgerflowTenant', 'LedgerflowDefinition', 'LedgerflowEntity']));
});

it('adds nothing the second time', async () => {
  expect(await ensureSearchAttributes(temporal.connection, server.namespace)).toEqual({ ok: true, added: [] });
});
