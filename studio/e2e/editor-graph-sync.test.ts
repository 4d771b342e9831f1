/**
 * The editor on a local draft (`#/editor`) in a real headless Chromium, served by the real API: the server check
 * without a saved definition, the JSON view and the graph kept in step both ways (and JSON that does not parse
 * refused in words), error routes drawn and deleted on the graph, the toolbar's undo, redo and auto-layout, Ctrl+Y,
 * renaming a variable with its uses, a simulation whose timeline follows the chosen action response, and a
 * connector action added from the palette; every control of the side panels named at 1280×800.
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
const status = () => page.locator('.toolbar .validity');
/** The text CodeMirror holds (its DOM only renders the lines in view, so it is read from the editor's state). */
const jsonText = () => page.locator('.cm-content').evaluate((element) => (element as unknown as { cmTile: { root: { view: { state: { doc: { toString(): string } } } } } }).cmTile.root.view.state.doc.toString());
/** The draft as the studio holds it (the JSON view's download link is drawn from the draft, not from CodeMirror). */
const draft = async () => {
  const href = (await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href')) ?? '';
  return JSON.parse(decodeURIComponent(href.replace(/^data:application\/json;charset=utf-8,/, '')));
};
const stepOf = async (id: string) => (await draft()).steps.find((step: { id: string }) => step.id === id);
const timelineTexts = () => page.locator('.timeline-row').evaluateAll((rows) => rows.map((row) => `day ${row.getAttribute('data-day')} · ${row.querySelector('.timeline-text')?.textContent}`));
/** Waits until CodeMirror's text contains `text`: the JSON view redraws on the next turn after an edit of the graph. */
const jsonShows = (text: string) => page.waitForFunction((expected) => (document.querySelector('.cm-content') as unknown as { cmTile: { root: { view: { state: { doc: { toString(): string } } } } } }).cmTile.root.view.state.doc.toString().includes(expected), text);
const transformOf = (id: string) => node(id).evaluate((element) => (element as HTMLElement).style.transform);

async function drag(from: { x: number; y: number }, to: { x: number; y: number }) {
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  await page.mouse.move(to.x, to.y, { steps: 10 });
  await page.mouse.up();
}
const centre = async (locator: ReturnType<Page['locator']>) => {
  const box = (await locator.boundingBox())!;
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
};

describe('the editor keeps graph, JSON and server check in step on a local draft', () => {
  it('checks a local draft on the server with Validate: no problems, then the malformed timeout as one problem, words dropped once the draft changes', async () => {
    const { $schema: _schema, ...template } = JSON.parse(readFileSync(join(REPOSITORY_ROOT, 'definitions', 'templates', 'dunning-ladder.json'), 'utf8'));
    await page.evaluate((text) => localStorage.setItem('ledgerflow.studio.draft', text), JSON.stringify(template));
    await page.goto(`${studio.baseUrl}#/editor`);
    await page.reload();
    await node('awaitPayment').waitFor();
    expect(await page.locator('.draft-name').textContent()).toContain('local draft, not saved');
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.locator('.toolbar-messages .notice', { hasText: 'The server finds no problems.' }).waitFor();

    await node('awaitPayment').click();
    const timeout = page.getByLabel('Timeout', { exact: true });
    await timeout.fill('14 days');
    await timeout.press('Tab');
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.locator('.toolbar-messages .notice', { hasText: 'The server finds 1 problem.' }).waitFor();
    expect(await node('awaitPayment').locator('.node-error').first().textContent()).toMatch(/^timeout: .*duration/i);
    await studio.screenshot('editor-local-validate');
    await timeout.fill('P30D');
    await timeout.press('Tab');
    await status().filter({ hasText: 'Valid' }).waitFor();
    // The server's words were about the draft before this edit, so they go with it.
    expect(await page.locator('.toolbar-messages .notice').count()).toBe(0);
  });

  it('redraws the graph from an edit typed in the JSON view: the payment wait becomes P21D on its node', async () => {
    await page.getByRole('tab', { name: 'JSON' }).click();
    const text = await jsonText();
    expect(text).toContain('"timeout": "P30D"');
    await page.locator('.cm-content').fill(text.replace('"timeout": "P30D"', '"timeout": "P21D"'));
    await node('awaitPayment').filter({ hasText: 'at most P21D' }).waitFor();
    expect((await stepOf('awaitPayment')).timeout).toBe('P21D');
  });

  it('refuses JSON that does not parse in words, and leaves the graph and the draft as they were', async () => {
    const text = await jsonText();
    await page.locator('.cm-content').fill(text.slice(0, text.indexOf('"steps"')));
    const alert = page.locator('.json-view [role="alert"]');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/^Not applied: .*JSON/);
    expect(await page.locator('.svelte-flow__node').count()).toBe(10);
    expect(await node('awaitPayment').textContent()).toContain('at most P21D');
    expect((await draft()).steps).toHaveLength(9);
    await studio.screenshot('editor-json-refused');
    await page.locator('.cm-content').fill(text);
    await alert.waitFor({ state: 'detached' });
  });

  it('draws an onError route on the graph and the open JSON view shows it at once; the toolbar\'s Undo and Redo follow', async () => {
    await drag(await centre(node('remind').locator('.svelte-flow__handle[data-handleid="onError"]')), await centre(node('toCollections').locator('.svelte-flow__handle.target')));
    await page.locator('.svelte-flow__edge[data-id="remind:onError"]').waitFor();
    await jsonShows('"onError": "toCollections"');
    expect((await stepOf('remind')).onError).toBe('toCollections');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    await jsonShows('"onError": "escalate"');
    expect((await stepOf('remind')).onError).toBe('escalate');
    await page.getByRole('button', { name: 'Redo', exact: true }).click();
    await jsonShows('"onError": "toCollections"');
    await page.getByRole('button', { name: 'Undo', exact: true }).click();
    expect((await stepOf('remind')).onError).toBe('escalate');
  });

  it('deletes the payment wait\'s onTimeout edge with the keyboard; Ctrl+Z brings it back and Ctrl+Y removes it again', async () => {
    const edge = page.locator('.svelte-flow__edge[data-id="awaitPayment:onTimeout"]');
    await edge.focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Backspace');
    await edge.waitFor({ state: 'detached' });
    expect((await stepOf('awaitPayment')).onTimeout).toBeUndefined();
    await page.locator('.svelte-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+z');
    await edge.waitFor();
    expect((await stepOf('awaitPayment')).onTimeout).toBe('again');
    await page.keyboard.press('Control+y');
    await edge.waitFor({ state: 'detached' });
    await page.keyboard.press('Control+z');
    await edge.waitFor();
    expect((await stepOf('awaitPayment')).onTimeout).toBe('again');
  });

  it('puts nodes dragged out of place back where the draft was first drawn with Auto-layout', async () => {
    const ids = ['remind', 'count', 'awaitPayment', 'again', 'paid'];
    const laidOut = await Promise.all(ids.map(transformOf));
    // The graph as opened is already laid out: Auto-layout moves nothing.
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    expect(await Promise.all(ids.map(transformOf))).toEqual(laidOut);
    for (const id of ['paid', 'again']) {
      const from = await centre(node(id));
      await drag(from, { x: from.x + 220, y: from.y - 90 });
    }
    expect(await transformOf('paid')).not.toBe(laidOut[ids.indexOf('paid')]);
    expect(await transformOf('again')).not.toBe(laidOut[ids.indexOf('again')]);
    await page.getByRole('button', { name: 'Auto-layout' }).click();
    expect(await Promise.all(ids.map(transformOf))).toEqual(laidOut);
  });

  it('renames a variable in the definition settings and its five uses in the steps (four reads, one assignment) with it, so the draft stays valid', async () => {
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.locator('.svelte-flow__pane').click({ position: { x: 40, y: 40 } });
    const name = page.getByRole('group', { name: 'Variable reminders' }).getByLabel('Name');
    await name.fill('sent');
    await name.press('Tab');
    await page.locator('.settings-variables .notice', { hasText: 'Renamed reminders to sent, and the 5 uses in the steps with it.' }).waitFor();
    expect(await status().textContent()).toContain('Valid');
    await node('again').click();
    expect(await page.locator('#when-0-condition-field').inputValue()).toBe('vars.sent');
    await page.getByRole('tab', { name: 'JSON' }).click();
    expect((await stepOf('count')).assign).toEqual({ sent: { '+': [{ var: 'vars.sent' }, 1] } });
    expect(await jsonText()).not.toContain('vars.reminders');
  });

  it('simulates the reminder email failing for good: the onError route creates the collections task on day 1 instead of waiting for payment', async () => {
    await page.getByRole('tab', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.locator('.timeline-row').first().waitFor();
    const delivered = await timelineTexts();
    expect(delivered.slice(0, 3)).toEqual(['day 1 · run starts', 'day 1 · email “invoice-reminder” to ada@example.com', 'day 1 · waits for payment.received until 2024-02-05']);

    await page.getByLabel(/^remind/).selectOption({ label: 'fails, not retryable' });
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.locator('.timeline-row', { hasText: 'approval task' }).first().waitFor();
    const failed = await timelineTexts();
    expect(failed).not.toEqual(delivered);
    expect(failed.slice(0, 4)).toEqual([
      'day 1 · run starts',
      'day 1 · email “invoice-reminder” to ada@example.com',
      'day 1 · remind failed: ConnectorDown',
      'day 1 · approval task for role collections: Invoice unpaid after three reminders: send to collections?',
    ]);
    expect(failed.some((row) => row.includes('waits for payment.received'))).toBe(false);
    await studio.screenshot('simulation-action-fails');
  });

  it('grows the choice condition into nested and/or in the builder, then takes a rule typed as raw JSON', async () => {
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await node('again').click();
    await page.getByRole('button', { name: 'Combine with another condition (and/or)' }).click();
    await page.locator('#when-0-condition-combinator').selectOption('or');
    await page.locator('#when-0-condition-1-field').fill('input.amountDue');
    await page.locator('#when-0-condition-1-field').press('Tab');
    await page.locator('#when-0-condition-1-operator').selectOption('>');
    await page.locator('#when-0-condition-1-value').fill('0');
    await page.locator('#when-0-condition-1-value').press('Tab');
    await page.getByRole('button', { name: 'Add group' }).click();
    await page.locator('#when-0-condition-2-0-field').fill('vars.lateFee');
    await page.locator('#when-0-condition-2-0-field').press('Tab');
    await page.locator('#when-0-condition-2-0-value').fill('100');
    await page.locator('#when-0-condition-2-0-value').press('Tab');
    await status().filter({ hasText: 'Valid' }).waitFor();
    await studio.screenshot('editor-condition-nested');
    await page.getByRole('tab', { name: 'JSON' }).click();
    expect((await stepOf('again')).when[0].condition).toEqual({ or: [{ '<': [{ var: 'vars.sent' }, 3] }, { '>': [{ var: 'input.amountDue' }, 0] }, { or: [{ '==': [{ var: 'vars.lateFee' }, 100] }] }] });

    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByLabel('Edit as JSON').check();
    const raw = page.getByLabel('Condition (JSON)');
    await raw.fill('{"and": [{"<": [{"var": "vars.sent"}, 2]}, {">": [{"money_add": [{"var": "input.amountDue"}, 100]}, 5000]}]}');
    await raw.press('Tab');
    await page.getByLabel('Edit as JSON').uncheck();
    await status().filter({ hasText: 'Valid' }).waitFor();
    // The builder shows what it can and keeps the money operation as a raw part.
    expect(await page.locator('#when-0-condition-0-value').inputValue()).toBe('2');
    expect(await page.getByLabel('Condition part (JSON)').inputValue()).toContain('money_add');
    await page.getByRole('tab', { name: 'JSON' }).click();
    expect((await stepOf('again')).when[0].condition).toEqual({ and: [{ '<': [{ var: 'vars.sent' }, 2] }, { '>': [{ money_add: [{ var: 'input.amountDue' }, 100] }, 5000] }] });
  });

  it('adds a connector action from the palette: the node names the verb and the input it still needs, and Ctrl+Z takes it back', async () => {
    await page.getByRole('button', { name: 'Connector action charge (http-payments@1)' }).click();
    await node('action1').locator('.node-error').first().waitFor();
    expect(await node('action1').textContent()).toContain('http-payments@1.charge');
    expect(await node('action1').locator('.node-error').allTextContents()).toContainEqual(expect.stringMatching(/^input/));
    await studio.screenshot('editor-connector-action');
    await page.locator('.svelte-flow__pane').click({ position: { x: 40, y: 40 } });
    await page.keyboard.press('Control+z');
    await node('action1').waitFor({ state: 'detached' });
  });

  it('names every control of the Inspector, JSON and Simulate panels and fits 1280 pixels wide with each open', async () => {
    for (const tab of ['Inspector', 'JSON', 'Simulate']) {
      await page.getByRole('tab', { name: tab }).click();
      const found = await page.evaluate(() => {
        const text = (element: Element | null) => (element?.textContent ?? '').replace(/\s+/g, ' ').trim();
        const named = (control: HTMLElement) => Boolean(control.getAttribute('aria-label')?.trim() || control.getAttribute('aria-labelledby')
          || Array.from((control as HTMLInputElement).labels ?? []).some((label) => text(label)) || control.title.trim() || (control.tagName === 'BUTTON' && text(control)));
        const controls = Array.from(document.querySelectorAll<HTMLElement>('.editor input, .editor select, .editor textarea, .editor button, .editor [contenteditable="true"]'))
          .filter((control) => control.getClientRects().length > 0);
        return { controls: controls.length, unnamed: controls.filter((control) => !named(control)).map((control) => `${control.tagName.toLowerCase()}#${control.id}.${control.className}`), scrollWidth: document.documentElement.scrollWidth, clientWidth: document.documentElement.clientWidth };
      });
      expect([tab, found.unnamed]).toEqual([tab, []]);
      expect(found.controls).toBeGreaterThan(10);
      expect(found.scrollWidth).toBeLessThanOrEqual(found.clientWidth);
    }
    expect(pageErrors).toEqual([]);
  });
});
