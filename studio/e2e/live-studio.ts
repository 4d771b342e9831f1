/**
 * The studio as a user meets it: the real API (createApp) serving the built studio, on a fresh migrated database
 * seeded with the demo tenants and their published built-in flows, connected to the Temporal time-skipping test
 * server with the real run worker, and opened in Debian's headless Chromium through playwright-core.
 *
 * Browser test files import `startLiveStudio()` once per file (beforeAll) and `close()` it in afterAll.
 */
import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import type { Knex } from 'knex';
import { chromium, type Browser, type Page } from 'playwright-core';
import { createSmtpMailer } from '../../activities/mailer';
import { createApp } from '../../engine/api/app';
import { createSignInLimiter } from '../../engine/auth/sign-in-limiter';
import { runEventDispatcher, type EventDispatcher } from '../../engine/events';
import { DEFAULT_DEMO_PASSWORD } from '../../engine/db/seed/demo-tenants';
import { seedDemo, type DemoTenantSummary } from '../../engine/db/seed/seed-demo';
import { tenantScope } from '../../engine/db/tenant-scope';
import { installBuiltInDefinitions } from '../../engine/definition-store/built-in-definitions';
import { coreActionCatalogue } from '../../engine/definition-store/core-catalogue';
import { definitionStore } from '../../engine/definition-store/definition-store';
import { ensureStudioBuilt, REPOSITORY_ROOT, STUDIO_DIST } from '../../engine/runtime/studio-build';
import { createEngineHarness, type EngineHarness } from '../../test/helpers/engine-harness';
import { installQuietWorkerRuntime } from '../../test/temporal/quiet-worker-runtime';

export const SCREENSHOTS = join(REPOSITORY_ROOT, 'test-artifacts', 'studio');
export { DEFAULT_DEMO_PASSWORD };

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'];
export const VIEWPORT = { width: 1280, height: 800 };

export interface LiveStudio {
  /** A page in its own browser context (its own cookies), not signed in yet. */
  page: Page;
  /** The API's address, ending in `/`: the studio is at baseUrl, the API under `${baseUrl}api/…`. */
  baseUrl: string;
  knex: Knex;
  /** Temporal test server (`harness.env`), SMTP sink (`harness.smtp`) and the run worker. */
  harness: EngineHarness;
  /** The Temporal time-skipping test environment (same as harness.env), e.g. `env.sleep('3d')` to let runs wait. */
  env: EngineHarness['env'];
  /** The demo tenants as seeded: slug, name, companyId. */
  tenants: DemoTenantSummary[];
  browser: Browser;
  /** Another page in a fresh browser context: a second browser, with no cookies of the first. */
  newPage(): Promise<Page>;
  /**
   * Signs in through the API from the page's browser context (the session cookie lands in that context), then opens
   * `next` (a studio hash, '#/definitions' by default) and waits for the signed-in navigation bar.
   */
  signIn(email: string, password?: string, options?: { page?: Page; company?: string; next?: string }): Promise<void>;
  /** Saves `<name>.png` of the page under test-artifacts/studio/. */
  screenshot(name: string, page?: Page): Promise<string>;
  close(): Promise<void>;
}

async function listen(app: ReturnType<typeof createApp>): Promise<Server> {
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  return server;
}

/** Publishes the built-in flows for each demo tenant, as `npm start` does. */
async function publishBuiltIns(knex: Knex, tenants: DemoTenantSummary[]): Promise<void> {
  for (const tenant of tenants) {
    const scope = tenantScope(knex, tenant.companyId);
    await installBuiltInDefinitions(scope, definitionStore(scope, coreActionCatalogue()));
  }
}

export async function startLiveStudio(): Promise<LiveStudio> {
  installQuietWorkerRuntime();
  await ensureStudioBuilt();
  const harness = await createEngineHarness();
  let server: Server | undefined;
  let browser: Browser | undefined;
  let dispatcher: EventDispatcher | undefined;
  try {
    const knex = harness.db.knex;
    const tenants = await seedDemo(knex, harness.secrets, undefined, DEFAULT_DEMO_PASSWORD);
    await publishBuiltIns(knex, tenants);
    const mailer = createSmtpMailer({ host: harness.smtp.host, port: harness.smtp.port, from: 'studio@ledgerflow.test' });
    // Like the worker process, deliver committed domain events (a recorded payment, POST /api/events) to the runs.
    dispatcher = runEventDispatcher(knex, { engine: harness.engine, storeFor: (scope) => definitionStore(scope, coreActionCatalogue()) }, { intervalMs: 200 });
    server = await listen(createApp({ knex, secretBox: harness.secrets, signInLimiter: createSignInLimiter(10_000), mailer, temporal: harness.engine, studioDist: STUDIO_DIST }));
    const baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const openedBrowser = browser;
    const listening = server;
    const newPage = async () => (await openedBrowser.newContext({ viewport: VIEWPORT })).newPage();
    const page = await newPage();

    const studio: LiveStudio = {
      page, baseUrl, knex, harness, env: harness.env, tenants, browser: openedBrowser, newPage,
      async signIn(email, password = DEFAULT_DEMO_PASSWORD, options = {}) {
        const target = options.page ?? page;
        const response = await target.context().request.post(`${baseUrl}api/auth/sign-in`, {
          data: { email, password, ...(options.company ? { company: options.company } : {}) },
          failOnStatusCode: false,
        });
        if (response.status() !== 200) throw new Error(`sign-in of ${email} failed: ${response.status()} ${await response.text()}`);
        await target.goto(`${baseUrl}${options.next ?? '#/definitions'}`);
        // A page already on baseUrl only changes its hash; reload so the studio reads the new session.
        await target.reload();
        await target.locator('nav.studio-nav').waitFor();
      },
      async screenshot(name, target = page) {
        const path = join(SCREENSHOTS, `${name}.png`);
        await target.screenshot({ path });
        return path;
      },
      async close() {
        await openedBrowser.close().catch(() => undefined);
        listening.closeAllConnections();
        await new Promise<void>((resolve) => listening.close(() => resolve()));
        await dispatcher?.stop();
        await harness.teardown();
      },
    };
    return studio;
  } catch (error) {
    await browser?.close().catch(() => undefined);
    server?.closeAllConnections();
    server?.close();
    await dispatcher?.stop();
    await harness.teardown();
    throw error;
  }
}

/**
 * One live studio for a test file: started before its tests (page errors collected into `pageErrors` when given),
 * handed to `onOpen` (keep it, sign in…), and closed after them.
 */
export function useLiveStudioInThisFile(onOpen: (studio: LiveStudio) => Promise<void> | void, pageErrors?: string[]): void {
  let opened: LiveStudio | undefined;
  beforeAll(async () => {
    opened = await startLiveStudio();
    const errors = pageErrors;
    if (errors) opened.page.on('pageerror', (error) => errors.push(String(error)));
    await onOpen(opened);
  }, 240_000);
  afterAll(async () => {
    await opened?.close();
  });
}
