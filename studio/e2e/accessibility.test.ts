/**
 * Every main studio page as a tenant admin meets it at 1280×800 in headless Chromium, on the real API with the demo
 * tenants: one h1, no sideways scrolling, a name on every control, a keyboard-operable navigation bar with a visible
 * focus ring, an empty list said in words, and an API error said in words (role="alert") instead of a blank page.
 */
import type { Page } from 'playwright-core';
import { useLiveStudioInThisFile, VIEWPORT, type LiveStudio } from './live-studio';

jest.setTimeout(90_000);

let studio: LiveStudio;
let page: Page;
let definitionId = '';
let runId = '';
const failedRequests: string[] = [];
/** What the browser refused under the studio's Content-Security-Policy while the pages were visited. */
const policyViolations: string[] = [];

interface PageAudit {
  h1s: string[];
  scrollWidth: number;
  clientWidth: number;
  /** Controls a screen reader would announce without a name, described by tag, type and classes. */
  unnamedControls: string[];
}

/**
 * Reads the page as assistive technology would, in the browser: a control's name comes from aria-labelledby,
 * aria-label, its <label>s, a title, its text (buttons) or its value (input buttons). A placeholder is not a name:
 * it disappears as soon as someone types.
 */
async function audit(target: Page): Promise<PageAudit> {
  return target.evaluate(() => {
    const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
    const nameOf = (control: HTMLElement): string => {
      const labelledBy = control.getAttribute('aria-labelledby');
      if (labelledBy) {
        const joined = labelledBy.split(/\s+/).map((id) => text(document.getElementById(id))).join(' ').trim();
        if (joined) return joined;
      }
      const ariaLabel = control.getAttribute('aria-label')?.trim();
      if (ariaLabel) return ariaLabel;
      const labels = (control as HTMLInputElement).labels;
      const labelled = labels ? Array.from(labels).map((label) => text(label)).join(' ').trim() : '';
      if (labelled) return labelled;
      if (control.title.trim()) return control.title.trim();
      if (control.tagName === 'BUTTON') return text(control);
      if (control instanceof HTMLInputElement && ['button', 'submit', 'reset'].includes(control.type)) return control.value;
      return '';
    };
    const controls = Array.from(document.querySelectorAll<HTMLElement>('input, select, textarea, button'))
      .filter((control) => !(control instanceof HTMLInputElement && control.type === 'hidden'))
      .filter((control) => control.getClientRects().length > 0);
    return {
      h1s: Array.from(document.querySelectorAll('h1')).map((heading) => text(heading)),
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
      unnamedControls: controls.filter((control) => nameOf(control) === '')
        .map((control) => `${control.tagName.toLowerCase()}[type=${control.getAttribute('type') ?? ''}].${control.className}`),
    };
  });
}

/** Opens a studio hash and waits until the page has finished loading (no "Loading…" left). */
async function open(hash: string): Promise<void> {
  await page.goto(`${studio.baseUrl}${hash}`);
  await page.locator('nav.studio-nav, .sign-in-card').first().waitFor();
  await page.waitForFunction(() => document.querySelector('[aria-busy="true"]') === null);
}

useLiveStudioInThisFile(async (opened) => {
  studio = opened;
  page = opened.page;
  page.on('response', (response) => {
    if (response.status() === 404 && !response.url().includes('/api/')) failedRequests.push(response.url());
  });
  // A refused resource is reported on the console; a refused eval is thrown, so it surfaces as a page error.
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) policyViolations.push(message.text());
  });
  page.on('pageerror', (error) => {
    if (String(error).includes('Content Security Policy')) policyViolations.push(String(error));
  });
  await studio.signIn('owner@acme.test');
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'lf_csrf')?.value ?? '';
  const definitions = await (await page.context().request.get(`${studio.baseUrl}api/definitions`)).json();
  definitionId = definitions.data.find((definition: { key: string }) => definition.key === 'dunning').id;
  const started = await page.context().request.post(`${studio.baseUrl}api/runs`, {
    data: { definition_key: 'overdue-invoices', input: {} }, headers: { 'x-csrf-token': csrf },
  });
  expect(started.status()).toBe(201);
  runId = (await started.json()).id;
});

describe('studio pages at 1280×800', () => {
  const pages: Array<[string, () => string]> = [
    ['definitions list', () => '#/definitions'],
    ['new definition', () => '#/definitions/new'],
    ['editor', () => `#/definitions/${definitionId}`],
    ['versions', () => `#/definitions/${definitionId}/versions`],
    ['runs list', () => '#/runs'],
    ['run detail', () => `#/runs/${runId}`],
    ['tasks', () => '#/tasks'],
    ['contacts', () => '#/data/contacts'],
    ['invoices', () => '#/data/invoices'],
    ['contracts', () => '#/data/contracts'],
    ['subscriptions', () => '#/data/subscriptions'],
    ['account', () => '#/account'],
  ];

  it.each(pages)('the %s page has one h1, no horizontal scrollbar and a name on every control', async (name, hash) => {
    await open(hash());
    const found = await audit(page);
    expect(found.h1s).toHaveLength(1);
    expect(found.h1s[0].length).toBeGreaterThan(0);
    expect(found.clientWidth).toBe(VIEWPORT.width);
    expect(found.scrollWidth).toBeLessThanOrEqual(found.clientWidth);
    expect(found.unnamedControls).toEqual([]);
    if (name === 'new definition') await studio.screenshot('new-definition');
  });

  it('the sign-in page, signed out, has one h1, no horizontal scrollbar and a name on every control', async () => {
    const visitor = await studio.newPage();
    await visitor.goto(`${studio.baseUrl}#/sign-in`);
    await visitor.locator('.sign-in-card').waitFor();
    const found = await audit(visitor);
    expect(found.h1s).toEqual(['Sign in to the studio']);
    expect(found.scrollWidth).toBeLessThanOrEqual(found.clientWidth);
    expect(found.unnamedControls).toEqual([]);
    await visitor.context().close();
  });
});

describe('keyboard use', () => {
  it('Tab reaches "Runs" in the navigation bar, with a visible focus ring, and Enter opens the runs list', async () => {
    await open('#/definitions');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    let focused = '';
    for (let presses = 0; presses < 10 && focused !== 'Runs'; presses += 1) {
      await page.keyboard.press('Tab');
      focused = await page.evaluate(() => document.activeElement?.textContent?.trim() ?? '');
    }
    expect(focused).toBe('Runs');
    const ring = await page.evaluate(() => {
      const style = getComputedStyle(document.activeElement as Element);
      return { style: style.outlineStyle, width: parseFloat(style.outlineWidth) };
    });
    expect(ring.style).not.toBe('none');
    expect(ring.width).toBeGreaterThanOrEqual(2);
    await studio.screenshot('nav-keyboard-focus');
    await page.keyboard.press('Enter');
    await page.waitForURL(/#\/runs$/);
    await page.getByRole('heading', { level: 1, name: 'Runs' }).waitFor();
  });
});

describe('empty lists and errors in words', () => {
  it('the runs list filtered by an entity that has no runs says so in a sentence instead of an empty table', async () => {
    await open('#/runs?entity=11111111-2222-4333-8444-555555555555');
    expect(await page.locator('table.runs-table').count()).toBe(0);
    expect((await page.locator('.lf-empty').textContent())?.trim()).toBe('No runs match these filters.');
    await studio.screenshot('runs-empty');
  });

  it('a run that does not exist is explained in a role="alert" sentence under an h1, not a blank page or JSON', async () => {
    await open('#/runs/00000000-0000-0000-0000-000000000000');
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const words = (await alert.textContent())?.trim() ?? '';
    expect(words).toMatch(/^The run could not be loaded: /);
    expect(words).not.toMatch(/[{}]/);
    expect((await audit(page)).h1s).toEqual(['Run']);
    await studio.screenshot('run-not-found');
  });

  it('loading the studio asks for no missing file: the favicon is an inline SVG', async () => {
    await open('#/definitions');
    expect(await page.locator('link[rel="icon"]').getAttribute('href')).toMatch(/^data:image\/svg\+xml,/);
    expect(failedRequests).toEqual([]);
  });

  it('no page visited above broke the Content-Security-Policy the studio is served with', async () => {
    const answer = await page.context().request.get(studio.baseUrl);
    expect(answer.headers()['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(policyViolations).toEqual([]);
  });
});
