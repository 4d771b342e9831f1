/** Builds the studio once and opens it in Debian's headless Chromium through playwright-core. */
import { execFileSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { serveFolder } from './static-server';

export const STUDIO_ROOT = join(__dirname, '..');
export const SCREENSHOTS = join(STUDIO_ROOT, '..', 'test-artifacts', 'studio');

/** Vite is ESM-only and jest loads CommonJS, so the build runs in a child Node process. */
export function buildStudio(): void {
  execFileSync(process.execPath, [join(STUDIO_ROOT, 'scripts', 'build-studio.mjs')], { cwd: join(STUDIO_ROOT, '..'), stdio: ['ignore', 'ignore', 'inherit'] });
}

export async function openStudio(): Promise<{ page: Page; url: string; close: () => Promise<void> }> {
  const server = await serveFolder(join(STUDIO_ROOT, 'dist'));
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    mkdirSync(SCREENSHOTS, { recursive: true });
    const opened = browser;
    return { page, url: server.url, close: async () => { await opened.close(); await server.close(); } };
  } catch (error) {
    await browser?.close();
    await server.close();
    throw error;
  }
}
