/**
 * The studio editor in a real headless Chromium, served by the real API to a signed-in demo owner: open the dunning
 * template as a draft, shorten its payment wait and lower the reminder condition in the inspector, see a malformed
 * duration reported on the node and field and fix it, undo and redo, and simulate: the timeline shows each reminder,
 * the collections task and the run's end by day.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { REPOSITORY_ROOT } from '../../engine/runtime/studio-build';
import { type LiveStudio, useLiveStudioInThisFile } from './live-studio';

jest.setTimeout(60_000);

let studio: LiveStudio;
let page: Page;
const pageErrors: string[] = [];

useLiveStudioInThisFile(async (opened) => {
  studio = opened;
  page = opened.page;
  await opened.signIn('owner@acme.test');
}, pageErrors);

const node = (id: string) => page.locator(`.svelte-flow__node[data-id="${id}"]`);
const shot = (name: string) => studio.screenshot(name);
const timelineRows = () => page.locator('.timeline-row').evaluateAll((rows) => rows.map((row) => `${row.querySelector('.timeline-day')?.textContent} · ${row.querySelector('.timeline-text')?.textContent} @ ${row.querySelector('time')?.getAttribute('datetime')}`));
/** The draft as the JSON view would download it. */
const downloadedDraft = async () => {
  const href = (await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href')) ?? '';
  return JSON.parse(decodeURIComponent(href.replace(/^data:application\/json;charset=utf-8,/, '')));
};
const routeTarget = async (stepId: string, route: string) => {
  await page.getByRole('tab', { name: 'JSON' }).click();
  const draft = await downloadedDraft();
  await page.getByRole('tab', { name: 'Inspector' }).click();
  return draft.steps.find((step: { id: string }) => step.id === stepId)?.[route];
};
const EMAIL = 'email “invoice-reminder” to ada@example.com';
const ESCALATION = 'approval task for role collections: Invoice unpaid after three reminders: send to collections?';

describe('the studio editor in headless Chromium', () => {
  it('opens the dunning ladder template from the browser\'s draft storage as a valid draft on the graph', async () => {
    // The template picker belongs to the new-definition page; the editor opens whatever draft the browser keeps.
    const { $schema: _schema, ...template } = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'definitions', 'templates', 'dunning-ladder.json'), 'utf8'));
    await page.evaluate((draft) => localStorage.setItem('ledgerflow.studio.draft', draft), JSON.stringify(template));
    await page.goto(`${studio.baseUrl}#/editor`);
    await page.reload();
    await node('awaitPayment').waitFor();
    expect(await page.locator('.svelte-flow__node').count()).toBe(10);
    expect(await page.getByRole('status').textContent()).toContain('Valid');
    await shot('02-editor-dunning');
  });

  it('shows a malformed wait duration on the node and on the inspector field, and clears it once fixed', async () => {
    await node('awaitPayment').click();
    const timeout = page.getByLabel('Timeout', { exact: true });
    await timeout.fill('14 days');
    await timeout.press('Tab');
    await node('awaitPayment').locator('.node-error').first().waitFor();
    expect(await node('awaitPayment').locator('.node-error').first().textContent()).toMatch(/^timeout: .*duration/i);
    expect(await timeout.getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('status').textContent()).toMatch(/1 problem/);
    await shot('03-validation-error');
    await timeout.fill('P14D');
    await timeout.press('Tab');
    await page.getByRole('status').filter({ hasText: 'Valid' }).waitFor();
    expect(await node('awaitPayment').locator('.node-error').count()).toBe(0);
    expect(await node('awaitPayment').textContent()).toContain('payment.received, at most P14D');
  });

  it('changes the choice condition in the condition builder, and undoes and redoes it with the keyboard', async () => {
    await node('again').click();
    const value = page.locator('#when-0-condition-value');
    expect(await value.inputValue()).toBe('3');
    expect(await page.locator('#when-0-condition-field').inputValue()).toBe('vars.reminders');
    await value.fill('2');
    await value.press('Tab');
    await page.locator('.svelte-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+z');
    await node('again').click();
    expect(await page.locator('#when-0-condition-value').inputValue()).toBe('3');
    await page.locator('.svelte-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+Shift+z');
    await node('again').click();
    expect(await page.locator('#when-0-condition-value').inputValue()).toBe('2');
    await page.getByRole('tab', { name: 'JSON' }).click();
    const href = (await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href')) ?? '';
    const draft = JSON.parse(decodeURIComponent(href.replace(/^data:application\/json;charset=utf-8,/, '')));
    expect(draft.steps.find((step: { id: string }) => step.id === 'awaitPayment')).toMatchObject({ timeout: 'P14D' });
    expect(draft.steps.find((step: { id: string }) => step.id === 'again').when[0].condition).toEqual({ '<': [{ var: 'vars.reminders' }, 2] });
    expect(await page.locator('.cm-content').textContent()).toContain('"key": "dunning-ladder"');
    await shot('04-json-view');
  });

  it('applies an edit typed in the JSON view to the draft, and Ctrl+Z outside the editor takes it back', async () => {
    const href = (await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href')) ?? '';
    const draft = JSON.parse(decodeURIComponent(href.replace(/^data:application\/json;charset=utf-8,/, '')));
    await page.locator('.cm-content').fill(JSON.stringify({ ...draft, name: 'Dunning ladder, fortnightly' }, null, 2));
    await page.locator('.draft-name', { hasText: 'Dunning ladder, fortnightly' }).waitFor();
    await page.locator('.svelte-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+z');
    await page.locator('.draft-name', { hasText: /^Dunning ladder ·/ }).waitFor();
    expect(await page.locator('.cm-content').textContent()).toContain('"name": "Dunning ladder",');
  });

  it('adds a step from the palette, reports it unreachable on its node, and Ctrl+Z takes the addition back', async () => {
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByRole('button', { name: 'Wait', exact: true }).click();
    await node('wait1').locator('.node-error').first().waitFor();
    expect(await node('wait1').locator('.node-error').first().textContent()).toMatch(/reach/i);
    expect(await page.getByLabel('Duration').inputValue()).toBe('P1D');
    await shot('05-added-step-unreachable');
    await page.keyboard.press('Control+z');
    expect(await node('wait1').count()).toBe(0);
    expect(await page.getByRole('status').textContent()).toContain('Valid');
  });

  it('redraws a route by dragging from a node\'s handle to another node, and Ctrl+Z takes it back', async () => {
    const from = node('count').locator('.svelte-flow__handle[data-handleid="next"]');
    const to = node('paid').locator('.svelte-flow__handle.target');
    const [start, end] = [await from.boundingBox(), await to.boundingBox()];
    await page.mouse.move(start!.x + start!.width / 2, start!.y + start!.height / 2);
    await page.mouse.down();
    await page.mouse.move(end!.x + end!.width / 2, end!.y + end!.height / 2, { steps: 8 });
    await page.mouse.up();
    await page.locator('.svelte-flow__edge[data-id="count:next"]').waitFor();
    expect(await routeTarget('count', 'next')).toBe('paid');
    expect(await page.getByRole('status').textContent()).toMatch(/problem/);
    await page.keyboard.press('Control+z');
    expect(await routeTarget('count', 'next')).toBe('awaitPayment');
  });

  it('selects a focused step node with Enter and shows it in the inspector', async () => {
    await node('count').focus();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'set step' }).waitFor();
    expect(await page.locator('#field-id').inputValue()).toBe('count');
  });

  it('simulates the edited draft without a payment: reminders on days 1 and 15, the collections task on day 29, failure on day 36', async () => {
    await page.getByRole('tab', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.locator('.timeline-row').first().waitFor();
    expect(await timelineRows()).toEqual([
      'day 1 · run starts @ 2024-01-15',
      `day 1 · ${EMAIL} @ 2024-01-15`,
      'day 1 · waits for payment.received until 2024-01-29 @ 2024-01-15',
      'day 15 · no payment.received in time (awaitPayment) @ 2024-01-29',
      `day 15 · ${EMAIL} (2nd time) @ 2024-01-29`,
      'day 15 · waits for payment.received until 2024-02-12 @ 2024-01-29',
      'day 29 · no payment.received in time (awaitPayment) @ 2024-02-12',
      `day 29 · ${ESCALATION} @ 2024-02-12`,
      'day 36 · no decision in time (escalate) @ 2024-02-19',
      'day 36 · run fails: SentToCollections, The invoice was not paid after three reminders. @ 2024-02-19',
    ]);
    await shot('06-simulation-unpaid');
  });

  it('simulates a payment arriving on day 20: the run succeeds that day after two reminders', async () => {
    await page.getByLabel('arrives').check();
    await page.getByLabel('on day').fill('20');
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.locator('.timeline-row', { hasText: 'run succeeds' }).waitFor();
    expect((await timelineRows()).slice(-2)).toEqual([
      'day 20 · payment.received arrives @ 2024-02-03',
      'day 20 · run succeeds with {"outcome":"paid","reminders":2} @ 2024-02-03',
    ]);
    await shot('07-simulation-paid');
  });

  it('keeps the edited draft across a reload of the editor', async () => {
    await page.reload();
    await node('awaitPayment').waitFor();
    expect(await node('awaitPayment').textContent()).toContain('payment.received, at most P14D');
    expect(pageErrors).toEqual([]);
  });
});
