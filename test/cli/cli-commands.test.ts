import { execFile } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { emitDomainEvent } from '../../engine/events';
import { startWorkerProcess, type RunningWorkerProcess } from '../../engine/runtime/start-worker-process';
import { connectClient, type TemporalClient } from '../../engine/temporal/client-connection';
import { startDevServer, type DevServer } from '../../engine/temporal/dev-server';
import { DEV_SERVER_SEARCH_ATTRIBUTES } from '../../engine/temporal/search-attributes';
import { createTenant } from '../helpers/tenant-fixtures';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';
import { installQuietWorkerRuntime } from '../temporal/quiet-worker-runtime';
import { retryUntilPasses } from '../helpers/eventually';
import { cli } from './cli-io';

installQuietWorkerRuntime();

const fixture = (name: string) => path.join(__dirname, 'fixtures', name);
const repoRoot = path.resolve(__dirname, '..', '..');

let db: TestDatabase;
let dataDir: string;
let server: DevServer;
let worker: RunningWorkerProcess;
let temporal: TemporalClient;
let env: NodeJS.ProcessEnv;
let acmeId: string;

beforeAll(async () => {
  db = await createTestDatabase();
  acmeId = (await createTenant(db.knex, 'acme-cli')).companyId;
  await createTenant(db.knex, 'globex-cli');
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-cli-'));
  server = await startDevServer({ dataDir, headless: true, searchAttributes: DEV_SERVER_SEARCH_ATTRIBUTES });
  env = {
    ...process.env,
    DATABASE_URL: db.url,
    TEMPORAL_ADDRESS: server.address,
    TEMPORAL_NAMESPACE: server.namespace,
    LEDGERFLOW_TASK_QUEUE: 'cli-test',
    LEDGERFLOW_DATA_DIR: dataDir,
  };
  // The same path as docker-compose's worker service: database and Temporal from the environment.
  worker = await startWorkerProcess(env, () => undefined);
  temporal = await connectClient({ address: server.address, namespace: server.namespace, taskQueue: 'cli-test' });
}, 90_000);

afterAll(async () => {
  await temporal?.close();
  await worker?.stop();
  await server?.stop();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

describe('validate', () => {
  it('prints each problem as `pointer: message` and exits 1', async () => {
    const result = await cli(env, 'validate', fixture('unknown-next-step.json'));
    expect(result.code).toBe(1);
    expect(result.out).toContain('/steps/1/next: leads to "nowhere", but there is no step with that id here');
  });

  it('exits 0 for a valid definition', async () => {
    expect(await cli(env, 'validate', fixture('payment-wait.json'))).toMatchObject({ code: 0, out: [expect.stringContaining('valid (definition payment-wait)')] });
  });

  it('says a file is not JSON in one line, without a stack trace', async () => {
    const broken = path.join(dataDir, 'broken.json');
    fs.writeFileSync(broken, '{ "key": ');
    const result = await cli(env, 'validate', broken);
    expect(result.code).toBe(1);
    expect(result.err).toEqual([expect.stringMatching(/broken\.json is not valid JSON: /)]);
  });
});

describe('a run driven through the CLI against the dev server', () => {
  let workflowId: string;

  it('publish prints the published version', async () => {
    expect(await cli(env, 'publish', fixture('payment-wait.json'), '--tenant', 'acme-cli')).toMatchObject({ code: 0, out: ['published payment-wait version 1'] });
  });

  it('start prints the workflow id of the new run', async () => {
    const result = await cli(env, 'start', 'payment-wait', '--tenant', 'acme-cli', '--input', '{"invoiceId":"inv-1"}');
    expect(result.code).toBe(0);
    [workflowId] = result.out;
    expect(workflowId).toMatch(new RegExp(`^lf/${acmeId}/payment-wait/`));
  });

  it('show reports the waiting step, what it waits for and the variables', async () => {
    const shown = await retryUntilPasses(async () => {
      const result = await cli(env, 'show', workflowId, '--tenant', 'acme-cli');
      expect(result.out).toContain('  awaitPayment (waitForEvent): waiting for event payment.received');
      return result;
    });
    expect(shown.out).toEqual(expect.arrayContaining(['status:     running (waiting)', 'variables:  {"reminders":1}']));
  });

  it('event delivers the payment and the run completes with it', async () => {
    const result = await cli(env, 'event', 'payment.received', '--tenant', 'acme-cli', '--run', workflowId, '--payload', '{"amount":12345}', '--event-id', 'evt-1');
    expect(result).toMatchObject({ code: 0, out: [`sent payment.received to ${workflowId} (event id evt-1)`] });
    expect(await temporal.client.workflow.getHandle(workflowId).result()).toEqual({ paid: 12345 });
  });

  it('runs lists the run for its tenant, with the definition and status filters', async () => {
    const listed = await retryUntilPasses(async () => {
      const result = await cli(env, 'runs', '--tenant', 'acme-cli', '--definition', 'payment-wait', '--status', 'completed', '--json');
      const runs = JSON.parse(result.out.join('\n')) as Array<{ workflowId: string; status: string }>;
      expect(runs.map((run) => run.workflowId)).toContain(workflowId);
      return runs;
    });
    expect(listed.find((run) => run.workflowId === workflowId)?.status).toBe('COMPLETED');
  });

  it("runs never lists one tenant's run for another tenant", async () => {
    await cli(env, 'publish', fixture('payment-wait.json'), '--tenant', 'globex-cli');
    const globexRun = (await cli(env, 'start', 'payment-wait', '--tenant', 'globex-cli', '--input', '{"invoiceId":"inv-9"}')).out[0];
    const globexRuns = await retryUntilPasses(async () => {
      const ids = (JSON.parse((await cli(env, 'runs', '--tenant', 'globex-cli', '--json')).out.join('\n')) as Array<{ workflowId: string }>).map((run) => run.workflowId);
      expect(ids).toContain(globexRun);
      return ids;
    });
    expect(globexRuns).not.toContain(workflowId);
  });

  it("show and event refuse another tenant's run as if it did not exist", async () => {
    const shown = await cli(env, 'show', workflowId, '--tenant', 'globex-cli');
    const signalled = await cli(env, 'event', 'payment.received', '--tenant', 'globex-cli', '--run', workflowId);
    expect([shown.code, signalled.code]).toEqual([1, 1]);
    expect([...shown.err, ...signalled.err]).toEqual([`ledgerflow show: No run ${workflowId} in this tenant`, `ledgerflow event: No run ${workflowId} in this tenant`]);
  });
});

describe('what the worker process and publish wire up', () => {
  it('publishing a definition with a schedule trigger creates its Temporal Schedule, pinned to the new version', async () => {
    const result = await cli(env, 'publish', fixture('nightly-report.json'), '--tenant', 'acme-cli');
    const scheduleId = `lf/${acmeId}/nightly-report/schedule/0`;
    expect(result).toMatchObject({ code: 0, out: ['published nightly-report version 1', `schedule ${scheduleId} starts version 1`] });
    const schedule = await temporal.client.schedule.getHandle(scheduleId).describe();
    expect(schedule.spec).toMatchObject({ timezone: 'Europe/Lisbon' });
    await temporal.client.schedule.getHandle(scheduleId).delete();
  });

  it("a domain event committed to the outbox reaches the waiting run through the worker's dispatcher", async () => {
    expect((await cli(env, 'publish', fixture('outbox-wait.json'), '--tenant', 'acme-cli')).code).toBe(0);
    const entity = { type: 'invoice', id: randomUUID() };
    const started = await cli(env, 'start', 'outbox-wait', '--tenant', 'acme-cli', '--entity', `${entity.type}:${entity.id}`);
    const workflowId = started.out[0];
    await db.knex.transaction((trx) => emitDomainEvent(trx, acmeId, { name: 'payment.received', entity, payload: { amount: 4321 } }));
    expect(await temporal.client.workflow.getHandle(workflowId).result()).toEqual({ paid: 4321 });
  });
});

describe('command-line mistakes', () => {
  it('an unknown flag exits 2 with the command usage', async () => {
    const result = await cli(env, 'runs', '--tenant', 'acme-cli', '--colour', 'red');
    expect(result.code).toBe(2);
    expect(result.err).toEqual(["ledgerflow runs: Unknown option '--colour'", expect.stringMatching(/^usage: ledgerflow runs --tenant <slug>/)]);
  });

  it('bad --input JSON is one clear line, and nothing starts', async () => {
    const result = await cli(env, 'start', 'payment-wait', '--tenant', 'acme-cli', '--input', '{invoiceId: 1}');
    expect(result).toMatchObject({ code: 1, out: [], err: [expect.stringMatching(/^ledgerflow start: --input is not valid JSON: /)] });
  });

  it('input that does not fit the input schema names the pointer', async () => {
    const result = await cli(env, 'start', 'payment-wait', '--tenant', 'acme-cli', '--input', '{"invoiceId":7}');
    expect(result.code).toBe(1);
    expect(result.out).toEqual(['/invoiceId: must be string']);
  });

  it('an unknown command exits 2 from the real entry point', async () => {
    const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve) => {
      execFile(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'engine', 'cli.ts'), 'frobnicate'], { cwd: repoRoot }, (error, _stdout, stderr) =>
        resolve({ code: error ? (error.code as number) : 0, stderr }),
      );
    });
    expect(code).toBe(2);
    expect(stderr).toMatch(/^ledgerflow: unknown command "frobnicate"\n/);
  }, 30_000);
});
