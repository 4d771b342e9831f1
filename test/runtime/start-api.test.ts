import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startApi, type RunningApi } from '../../engine/runtime/start-api';
import { ensureStudioBuilt } from '../../engine/runtime/studio-build';
import { createTestDatabase, type TestDatabase } from '../helpers/test-database';

let db: TestDatabase;
let dataDir: string;
const running: RunningApi[] = [];

function apiEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env, DATABASE_URL: db.url, LEDGERFLOW_DATA_DIR: dataDir, HOST: '127.0.0.1', PORT: '0', ...extra };
  // The API process here runs without Temporal, whatever the shell that runs the tests has set.
  delete env.TEMPORAL_ADDRESS;
  return env;
}

async function start(env: NodeJS.ProcessEnv, log: string[]): Promise<RunningApi> {
  const api = await startApi(env, (line) => log.push(line));
  running.push(api);
  return api;
}

beforeAll(async () => {
  await ensureStudioBuilt();
  db = await createTestDatabase();
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'lf-api-'));
}, 120_000);

afterAll(async () => {
  for (const api of running) await api.stop();
  await db?.drop();
  fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the API process serves the prebuilt studio at / and prints its Studio URL', async () => {
  const log: string[] = [];
  const api = await start(apiEnv(), log);
  const port = new URL(api.url).port;
  expect(api.studioUrl).toBe(`http://localhost:${port}/`);
  expect(log).toContain(`Studio: http://localhost:${port}/`);
  const page = await fetch(`${api.url}/`);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>Ledgerflow studio</title>');
});

test('without a studio build the API process says so in its log, and / answers the page that says how to build it', async () => {
  const log: string[] = [];
  const missing = path.join(dataDir, 'no-studio-here');
  const api = await start(apiEnv({ LEDGERFLOW_STUDIO_DIST: missing }), log);
  expect(log).toContain(`no studio build in ${missing}: / answers a page that says how to build the studio`);
  expect(log.some((line) => line.startsWith('Studio:'))).toBe(false);
  const page = await fetch(`${api.url}/`, { headers: { accept: 'text/html' } });
  expect(page.status).toBe(503);
  expect(await page.text()).toContain('node studio/scripts/build-studio.mjs');
  expect((await fetch(`${api.url}/health`)).status).toBe(200);
});
