import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { portAnswers } from '../../engine/db/connection/database-target';
import { devServerRecordPath, readDevServerRecord } from '../../engine/runtime/dev-server-record';
import { describeTenants, startProduct, type RunningProduct } from '../../engine/runtime/start-product';
import { connectClient } from '../../engine/temporal/client-connection';
import { DEFAULT_DEMO_PASSWORD } from '../../engine/db/seed/demo-tenants';
import { findFreePort } from '../../engine/temporal/free-port';
import { retryUntilPasses } from '../helpers/eventually';
import { cli } from '../cli/cli-io';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';

installQuietWorkerRuntime();

const quickRun = path.join(__dirname, 'fixtures', 'quick-run.json');

async function productEnv(db: TestDatabase, dataDir: string): Promise<NodeJS.ProcessEnv> {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    DATABASE_URL: db.url,
    LEDGERFLOW_DATA_DIR: dataDir,
    LEDGERFLOW_TASK_QUEUE: `product-${path.basename(dataDir)}`,
    HOST: '127.0.0.1',
    PORT: '0',
    TEMPORAL_DEV_PORT: String(await findFreePort()),
    TEMPORAL_DEV_UI_PORT: String(await findFreePort()),
  };
  // startProduct must start its own dev server and mail catcher here, whatever the shell that runs the tests has set.
  delete env.TEMPORAL_ADDRESS;
  delete env.SMTP_HOST;
  env.SMTP_PORT = '0';
  return env;
}

describe('startProduct with no TEMPORAL_ADDRESS', () => {
  let db: TestDatabase;
  let dataDir: string;
  let env: NodeJS.ProcessEnv;
  let product: RunningProduct | undefined;
  const log: string[] = [];

  beforeAll(async () => {
    db = await createTestDatabase();
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-product-'));
    env = await productEnv(db, dataDir);
    product = await startProduct(env, (line) => log.push(line));
  }, 120_000);

  afterAll(async () => {
    await product?.stop();
    await db?.drop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('starts the dev server with its SQLite file in the data folder and prints the web UI URL', () => {
    expect(product!.temporal.endpoint.address).toBe(`127.0.0.1:${env.TEMPORAL_DEV_PORT}`);
    expect(fs.existsSync(path.join(dataDir, 'temporal.sqlite'))).toBe(true);
    expect(log).toContain(`Temporal web UI: http://127.0.0.1:${env.TEMPORAL_DEV_UI_PORT}`);
  });

  it("gives each demo tenant its own published built-in flows, and the worker creates their Temporal Schedules", async () => {
    const acme = product!.tenants.find((tenant) => tenant.slug === 'acme')!;
    const published = await db.knex('workflow_definitions').where({ company_id: acme.companyId }).orderBy('key').pluck('key');
    expect(published).toEqual(['dunning', 'dunning-balance', 'installment-schedule', 'overdue-invoices', 'subscription-lifecycle']);
    const temporal = await connectClient(product!.temporal.endpoint);
    try {
      const schedule = await temporal.client.schedule.getHandle(`lf/${acme.companyId}/overdue-invoices/schedule/0`).describe();
      expect(schedule.spec).toMatchObject({ timezone: 'UTC' });
    } finally {
      await temporal.close();
    }
  });

  it('keeps serving /health', async () => {
    expect((await fetch(`${product!.url}/health`)).status).toBe(200);
  });

  it('prints the Studio URL on localhost with the port it listens on', () => {
    const port = new URL(product!.url).port;
    expect(product!.studioUrl).toBe(`http://localhost:${port}/`);
    expect(log).toContain(`Studio: http://localhost:${port}/ (sign in with a demo user below)`);
  });

  it('describes each demo tenant for `serve` to print: the users to sign in as and a password that signs them in', async () => {
    const printed = describeTenants(product!.tenants);
    expect(printed).toContain(`    sign in (company "acme"): owner@acme.test (owner), designer@acme.test (designer), operator@acme.test (operator), password "${DEFAULT_DEMO_PASSWORD}"`);
    const password = /password "([^"]+)"/.exec(printed.find((line) => line.includes('sign in (company "globex")'))!)![1];
    const signIn = await fetch(`${product!.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'viewer@globex.test', password }) });
    expect(signIn.status).toBe(200);
  });

  it("serves the built studio's HTML at /, and the script it names", async () => {
    const page = await fetch(`${product!.url}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const html = await page.text();
    expect(html).toContain('<title>Ledgerflow studio</title>');
    const script = /src="\.(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    const asset = await fetch(`${product!.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
  });

  it('runs a flow to completion with its worker, started by the CLI through the recorded dev server', async () => {
    const cliEnv = { ...env };
    expect(await cli(cliEnv, 'publish', quickRun, '--tenant', 'acme')).toMatchObject({ code: 0 });
    const started = await cli(cliEnv, 'start', 'quick-run', '--tenant', 'acme', '--input', '{"amount":1250}');
    expect(started.code).toBe(0);
    const temporal = await connectClient(product!.temporal.endpoint);
    try {
      expect(await temporal.client.workflow.getHandle(started.out[0]).result()).toEqual({ doubled: 2500 });
    } finally {
      await temporal.close();
    }
  });

  it("links a run's detail to its raw history in the embedded dev server's Temporal UI", async () => {
    const signIn = await fetch(`${product!.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@acme.test', password: DEFAULT_DEMO_PASSWORD }) });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie().map((line) => line.split(';')[0]).join('; ');
    const runs = (await (await fetch(`${product!.url}/api/runs?definition=quick-run`, { headers: { cookie } })).json()) as { data: Array<{ id: string; workflow_id: string }> };
    const run = runs.data[0];
    const detail = (await (await fetch(`${product!.url}/api/runs/${run.id}`, { headers: { cookie } })).json()) as { temporal_ui_url?: string };
    expect(detail.temporal_ui_url).toBe(`http://127.0.0.1:${env.TEMPORAL_DEV_UI_PORT}/namespaces/default/workflows/${encodeURIComponent(run.workflow_id)}`);
  });

  it('catches mail in the data folder when no SMTP_HOST is set: a password reset for a demo user is saved as an .eml file', async () => {
    expect(log).toContainEqual(expect.stringMatching(/^mail: no SMTP_HOST, so mail is caught on 127\.0\.0\.1:\d+ and saved in /));
    const reset = await fetch(`${product!.url}/api/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'owner@acme.test' }) });
    expect(reset.status).toBe(202);
    const mailFolder = path.join(dataDir, 'mail');
    const raw = await retryUntilPasses(async () => {
      const files = fs.existsSync(mailFolder) ? fs.readdirSync(mailFolder) : [];
      expect(files).toHaveLength(1);
      return fs.readFileSync(path.join(mailFolder, files[0]), 'utf8');
    });
    expect(raw).toMatch(/^To: owner@acme\.test/m);
    expect(log.filter((line) => line.startsWith('mail caught:')).join('\n')).not.toContain('owner@acme.test');
  });

  it('stops the HTTP server, the worker and the dev server, and removes the dev-server record', async () => {
    const url = product!.url;
    expect(readDevServerRecord(dataDir)?.address).toBe(product!.temporal.endpoint.address);
    await product!.stop();
    product = undefined;
    expect(await portAnswers('127.0.0.1', Number(env.TEMPORAL_DEV_PORT))).toBe(false);
    expect(await portAnswers('127.0.0.1', Number(new URL(url).port))).toBe(false);
    expect(fs.existsSync(devServerRecordPath(dataDir))).toBe(false);
  });
});

describe('startProduct that fails half-way', () => {
  it('stops the dev server it had started when the HTTP port is taken', async () => {
    const db = await createTestDatabase();
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-product-'));
    const busy = net.createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    try {
      const env: NodeJS.ProcessEnv = { ...(await productEnv(db, dataDir)), PORT: String((busy.address() as net.AddressInfo).port) };
      await expect(startProduct(env, () => undefined)).rejects.toThrow(/already in use: set PORT/);
      await retryUntilPasses(async () => expect(await portAnswers('127.0.0.1', Number(env.TEMPORAL_DEV_PORT))).toBe(false), 5_000);
      expect(fs.existsSync(devServerRecordPath(dataDir))).toBe(false);
    } finally {
      busy.close();
      await db.drop();
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }, 120_000);
});
