/**
 * A tenant admin's first flow, end to end in headless Chromium against the real API, database, Temporal test server
 * and worker: the demo owner signs in through the form, sees the built-in flows, creates `dunning-eu` from the dunning
 * ladder template (a taken key is refused beside the key field), edits a wait's timeout and a choice condition, sees a
 * malformed duration on the node and the field with Publish disabled, fixes it, simulates, publishes v1, edits and
 * publishes v2 and compares the two, then starts a run that sends its reminder and waits for payment.received, sends
 * that event from the run page, and sees the run complete as paid. Then the editor's other paths.
 */
import type { Page } from 'playwright-core';
import { eventually } from '../../test/helpers/eventually';
import { DEFAULT_DEMO_PASSWORD, type LiveStudio, useLiveStudioInThisFile } from './live-studio';

jest.setTimeout(90_000);

let studio: LiveStudio;
let page: Page;
const pageErrors: string[] = [];
let definitionId = '';

useLiveStudioInThisFile(async (opened) => {
  studio = opened;
  page = opened.page;
}, pageErrors);

/** A manual run of the dunning ladder for one invoice: EUR 1,250.00 due. */
const JOURNEY_INPUT = { invoiceId: 'INV-2026-0042', amountDue: 125_000, currency: 'EUR', customerEmail: 'accounts@journey.test', customerName: 'Journey Bakery', dueDate: '2026-11-02' };
let journeyRunHash = '';
const currentWaits = () => page.locator('.current-steps li').allTextContents();
const BUILT_IN_KEYS = ['dunning', 'dunning-balance', 'installment-schedule', 'overdue-invoices', 'subscription-lifecycle'];
const node = (id: string) => page.locator(`.svelte-flow__node[data-id="${id}"]`);
const saveState = () => page.getByTestId('save-state');
const acmeId = () => studio.tenants.find((tenant) => tenant.slug === 'acme')!.companyId;
const storedVersions = () =>
  studio.knex('workflow_definition_versions').where({ company_id: acmeId(), definition_id: definitionId }).orderBy('version').select('version', 'status', 'document');
const stepOf = (document: { steps: Array<{ id: string }> }, id: string) => document.steps.find((step) => step.id === id) as Record<string, unknown>;

async function setTimeoutOf(stepId: string, value: string) {
  await node(stepId).click();
  const field = page.getByLabel('Timeout', { exact: true });
  await field.fill(value);
  await field.press('Tab');
}

describe('definitions in the studio, through the API', () => {
  it('signs the demo owner in through the sign-in form and lands on the definitions list', async () => {
    await page.goto(studio.baseUrl);
    await page.getByRole('heading', { name: 'Sign in to the studio' }).waitFor();
    await page.getByLabel('Email').fill('owner@acme.test');
    await page.getByLabel('Password').fill(DEFAULT_DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.locator('nav.studio-nav').waitFor();
    expect(new URL(page.url()).hash).toBe('#/definitions');
    expect(await page.getByTestId('signed-in-as').textContent()).toContain('owner@acme.test');
  });

  it('lists the tenant\'s five built-in flows, each published as v1, with its actions', async () => {
    await page.locator('table.definitions-table tbody tr').first().waitFor();
    const rows = await page.locator('table.definitions-table tbody tr').evaluateAll((trs) => trs.map((tr) => [tr.getAttribute('data-key'), tr.querySelector('.status-badge')?.textContent]));
    expect(rows).toEqual(BUILT_IN_KEYS.map((key) => [key, 'published v1']));
    await page.getByRole('link', { name: 'Open Dunning in the editor' }).waitFor();
    await page.getByRole('button', { name: 'Duplicate Dunning', exact: true }).waitFor();
    await page.getByRole('link', { name: 'Versions of Dunning', exact: true }).waitFor();
    await studio.screenshot('definitions-list');
  });

  it('refuses a key the tenant already uses, beside the key field, and saves nothing', async () => {
    await page.getByRole('link', { name: 'New definition' }).click();
    await page.getByRole('button', { name: 'Use template Dunning ladder' }).click();
    await page.getByLabel('Name').fill('Dunning EU');
    expect(await page.getByLabel('Key', { exact: true }).inputValue()).toBe('dunning-eu');
    await page.getByLabel('Key', { exact: true }).fill('dunning');
    await page.getByRole('button', { name: 'Create draft' }).click();
    const keyError = page.locator('#new-definition-key-error');
    await keyError.filter({ hasText: 'already used' }).waitFor();
    expect(await keyError.textContent()).toBe('The key "dunning" is already used by another definition.');
    expect(await page.getByLabel('Key', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    const dunning = await studio.knex('workflow_definitions').where({ company_id: acmeId(), key: 'dunning' }).first('id', 'name');
    expect(dunning.name).toBe('Dunning');
    expect(await studio.knex('workflow_definition_versions').where({ definition_id: dunning.id }).pluck('status')).toEqual(['published']);
  });

  it('creates dunning-eu from the dunning ladder as a draft and opens it in the editor', async () => {
    await page.getByLabel('Key', { exact: true }).fill('dunning-eu');
    await page.getByRole('button', { name: 'Create draft' }).click();
    await page.waitForURL(/#\/definitions\/[0-9a-f-]{36}$/);
    definitionId = page.url().split('/').pop()!;
    await node('awaitPayment').waitFor();
    expect(await page.locator('.draft-name').textContent()).toContain('Dunning EU · dunning-eu · draft v1');
    expect(await saveState().textContent()).toBe('Saved');
    expect((await storedVersions()).map((row) => [row.version, row.status, row.document.key])).toEqual([[1, 'draft', 'dunning-eu']]);
  });

  it('edits the payment wait\'s timeout and the reminder condition, and saves them with Ctrl+S', async () => {
    await setTimeoutOf('awaitPayment', 'P14D');
    expect(await saveState().textContent()).toBe('Unsaved changes');
    await node('again').click();
    const value = page.locator('#when-0-condition-value');
    expect(await value.inputValue()).toBe('3');
    await value.fill('2');
    await page.keyboard.press('Control+s');
    await saveState().filter({ hasText: /^Saved$/ }).waitFor();
    const [draft] = await storedVersions();
    expect(stepOf(draft.document, 'awaitPayment').timeout).toBe('P14D');
    expect((stepOf(draft.document, 'again').when as Array<{ condition: unknown }>)[0].condition).toEqual({ '<': [{ var: 'vars.reminders' }, 2] });
  });

  it('shows a malformed duration on the node and the field, disables Publish, and the server check agrees', async () => {
    await setTimeoutOf('awaitPayment', '14 days');
    await node('awaitPayment').locator('.node-error').first().waitFor();
    expect(await node('awaitPayment').locator('.node-error').first().textContent()).toMatch(/^timeout: .*duration/i);
    expect(await page.getByLabel('Timeout', { exact: true }).getAttribute('aria-invalid')).toBe('true');
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(true);
    await page.getByRole('button', { name: 'Validate' }).click();
    await page.locator('.notice', { hasText: 'The server finds 1 problem.' }).waitFor();
    await studio.screenshot('editor-validation-error');
    // The API keeps only valid drafts: saving is refused in words, and the stored draft keeps P14D.
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.getByRole('alert').filter({ hasText: 'problem' }).first().waitFor();
    expect(stepOf((await storedVersions())[0].document, 'awaitPayment').timeout).toBe('P14D');
    await setTimeoutOf('awaitPayment', 'P14D');
    await page.getByRole('status').filter({ hasText: 'Valid' }).waitFor();
    expect(await node('awaitPayment').locator('.node-error').count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Publish', exact: true }).isDisabled()).toBe(false);
  });

  it('simulates the draft: reminders on days 1 and 15, the collections task on day 29, dated from the start day', async () => {
    await page.getByRole('tab', { name: 'Simulate' }).click();
    await page.getByRole('button', { name: 'Simulate' }).click();
    await page.locator('.timeline-row').first().waitFor();
    const rows = await page.locator('.timeline-row').evaluateAll((all) => all.map((row) => `${row.querySelector('.timeline-day')?.textContent} · ${row.querySelector('time')?.getAttribute('datetime')}`));
    const start = await page.locator('#sim-start').inputValue();
    const day = (n: number) => new Date(Date.parse(`${start}T00:00:00Z`) + (n - 1) * 86_400_000).toISOString().slice(0, 10);
    expect(rows[0]).toBe(`day 1 · ${day(1)}`);
    expect(rows).toContain(`day 15 · ${day(15)}`);
    expect(rows).toContain(`day 29 · ${day(29)}`);
    await studio.screenshot('simulation');
  });

  it('publishes v1 after confirmation, and the versions page shows it published by the owner', async () => {
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('dialog').getByText('as version 1?').waitFor();
    await page.getByRole('button', { name: 'Publish version 1' }).click();
    await page.locator('.notice', { hasText: 'Published version 1.' }).waitFor();
    expect(await saveState().textContent()).toBe('No changes');
    expect((await storedVersions()).map((row) => [row.version, row.status])).toEqual([[1, 'published']]);
    await page.getByRole('link', { name: 'Versions', exact: true }).click();
    await page.locator('.versions-table tbody tr').first().waitFor();
    const rows = await page.locator('.versions-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('th, td')].slice(0, 4).map((cell, i) => (i === 2 ? cell.textContent !== '—' : cell.textContent))));
    expect(rows).toEqual([['v1', 'published', true, 'Olivia Owner']]);
  });

  it('edits again and publishes v2; the diff of v1 and v2 lists the changed timeout', async () => {
    await page.getByRole('link', { name: 'Open in the editor' }).click();
    await node('awaitPayment').waitFor();
    await setTimeoutOf('awaitPayment', 'P10D');
    await page.getByRole('button', { name: 'Publish', exact: true }).click();
    await page.getByRole('button', { name: 'Publish version 2' }).click();
    await page.locator('.notice', { hasText: 'Published version 2.' }).waitFor();
    expect((await storedVersions()).map((row) => [row.version, row.status, stepOf(row.document, 'awaitPayment').timeout])).toEqual([[1, 'published', 'P14D'], [2, 'published', 'P10D']]);
    await page.getByRole('link', { name: 'See the versions' }).click();
    await page.locator('.diff-table tbody tr').first().waitFor();
    const index = (await storedVersions())[1].document.steps.findIndex((step: { id: string }) => step.id === 'awaitPayment');
    const rows = await page.locator('.diff-table tbody tr').evaluateAll((trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((cell) => cell.textContent)));
    expect(rows).toContainEqual(['step awaitPayment · timeout', `/steps/${index}/timeout`, 'P14D', 'P10D']);
    expect(rows.map((row) => row[1]).sort()).toEqual([`/steps/${index}/timeout`, '/version']);
    await studio.screenshot('versions-diff');
  });

  it('archives v1 after confirmation, leaving v2 published', async () => {
    await page.getByRole('button', { name: 'Archive version 1' }).click();
    await page.getByRole('button', { name: 'Archive v1' }).click();
    await page.locator('.notice', { hasText: 'Version 1 is archived' }).waitFor();
    expect((await storedVersions()).map((row) => [row.version, row.status])).toEqual([[1, 'archived'], [2, 'published']]);
    // The table reloads after the notice appears; wait for the row to say so rather than reading it once.
    await page.locator('.versions-table tbody tr[data-version="1"] .status-badge', { hasText: /^archived$/ }).waitFor();
  });

  it('starts a run of dunning-eu v2 from the runs page; it sends the first reminder and waits for payment.received', async () => {
    await page.goto(`${studio.baseUrl}#/runs`);
    await page.getByRole('button', { name: 'Start run' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a run' });
    await dialog.getByLabel('Definition').selectOption('dunning-eu');
    await dialog.getByLabel('Input (JSON object)').fill(JSON.stringify(JOURNEY_INPUT));
    await dialog.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    journeyRunHash = new URL(page.url()).hash;
    const waits = await eventually(currentWaits, (lines) => lines.some((line) => line.includes('payment.received')), 30_000);
    expect(waits).toEqual([expect.stringMatching(/^awaitPayment \(waitForEvent\): Waiting for event payment\.received/)]);
    const run = await studio.knex('workflow_runs').where({ company_id: acmeId(), id: journeyRunHash.replace('#/runs/', '') }).first();
    expect([run.definition_version, run.status]).toEqual([2, 'running']);
    const reminders = studio.harness.smtp.received.filter((message) => message.to.includes(JOURNEY_INPUT.customerEmail));
    expect(reminders.map((message) => message.subject)).toEqual(['Reminder: invoice INV-2026-0042 is overdue']);
    // The body is quoted-printable, which may break long lines; read it joined again.
    const body = reminders[0].raw.replace(/=\r?\n/g, '');
    expect(body).toContain('Hello Journey Bakery,');
    expect(body).toContain('Invoice INV-2026-0042 for EUR 1,250.00 was due on 2026-11-02.');
    await studio.screenshot('journey-run-waiting');
  });

  it('sends payment.received for the invoice from the run page, and the run completes as paid after one reminder', async () => {
    const form = page.getByRole('form', { name: 'Send an event' });
    await form.getByLabel('Event name').fill('payment.received');
    await form.getByLabel('Payload (JSON object)').fill(JSON.stringify({ invoiceId: JOURNEY_INPUT.invoiceId, amountMinor: JOURNEY_INPUT.amountDue }));
    await form.getByRole('button', { name: 'Send event' }).click();
    await eventually(() => page.locator('.lf-badge').first().textContent(), (status) => status === 'Completed', 30_000);
    expect(await page.locator('.lf-timeline-title').allTextContents()).toEqual(expect.arrayContaining(['Event payment.received received', 'Run completed']));
    const run = await studio.knex('workflow_runs').where({ company_id: acmeId(), id: journeyRunHash.replace('#/runs/', '') }).first();
    expect(run.status).toBe('completed');
    const result = await studio.harness.env.client.workflow.getHandle(run.workflow_id).result();
    expect(result).toMatchObject({ outcome: 'paid', reminders: 1 });
    await studio.screenshot('journey-run-completed');
  });

  it('duplicates the built-in dunning flow under a suggested key and name, and opens the copy', async () => {
    await page.getByRole('link', { name: 'Definitions', exact: true }).first().click();
    await page.getByRole('button', { name: 'Duplicate Dunning', exact: true }).click();
    expect([await page.locator('#duplicate-name').inputValue(), await page.locator('#duplicate-key').inputValue()]).toEqual(['Dunning (copy)', 'dunning-copy']);
    await page.getByRole('button', { name: 'Save copy and open' }).click();
    await page.waitForURL(/#\/definitions\/[0-9a-f-]{36}$/);
    await node('race').waitFor();
    const copy = await studio.knex('workflow_definitions').where({ company_id: acmeId(), key: 'dunning-copy' }).first('id', 'name');
    expect(page.url().endsWith(copy.id)).toBe(true);
    expect(copy.name).toBe('Dunning (copy)');
  });

  it('adds a step inside a parallel branch from the palette, drawn inside that branch', async () => {
    await node('race#0').click({ position: { x: 6, y: 6 } });
    expect(await page.getByLabel('Add to').inputValue()).toBe('race#0');
    await page.getByRole('button', { name: 'Wait', exact: true }).click();
    await node('wait1').waitFor();
    const [branch, added] = [await node('race#0').boundingBox(), await node('wait1').boundingBox()];
    // Drawn within the branch group's box: the graph made it a child of race#0.
    expect(added!.x >= branch!.x && added!.y >= branch!.y && added!.x + added!.width <= branch!.x + branch!.width && added!.y + added!.height <= branch!.y + branch!.height).toBe(true);
    await page.getByRole('tab', { name: 'JSON' }).click();
    const href = (await page.getByRole('link', { name: 'Download JSON' }).getAttribute('href')) ?? '';
    const draft = JSON.parse(decodeURIComponent(href.replace(/^data:application\/json;charset=utf-8,/, '')));
    expect((stepOf(draft, 'race').branches as Array<{ steps: Array<{ id: string }> }>)[0].steps.map((step: { id: string }) => step.id)).toEqual(['paidMeanwhile', 'paidFirst', 'wait1']);
    await page.getByRole('tab', { name: 'Inspector' }).click();
    await page.locator('.svelte-flow__pane').click({ position: { x: 20, y: 20 } });
    await page.keyboard.press('Control+z');
    expect(await node('wait1').count()).toBe(0);
  });

  it('edits triggers and variables in the definition settings and saves them', async () => {
    await page.getByLabel('Type of trigger to add').selectOption('schedule');
    await page.getByRole('button', { name: 'Add trigger' }).click();
    await page.getByLabel('Cron (minute hour day month weekday)').fill('0 6 * * 1-5');
    await page.getByLabel('Cron (minute hour day month weekday)').press('Tab');
    await page.getByLabel('Time zone').fill('Europe/Paris');
    await page.getByLabel('Time zone').press('Tab');
    await page.getByRole('button', { name: 'Add variable' }).click();
    await page.keyboard.press('Control+s');
    await saveState().filter({ hasText: /^Saved$/ }).waitFor();
    const copyId = page.url().split('/').pop();
    const draft = await studio.knex('workflow_definition_versions').where({ company_id: acmeId(), definition_id: copyId, status: 'draft' }).first('document');
    expect(draft.document.triggers.at(-1)).toEqual({ type: 'schedule', cron: '0 6 * * 1-5', timeZone: 'Europe/Paris', overlapPolicy: 'skip', catchupWindow: 'PT1H' });
    expect(draft.document.variables.variable1).toEqual({ initial: 0 });
  });

  it('keeps an unsaved edit in this browser across a reload, and discards it on request', async () => {
    await node('awaitPaidEvent').click();
    await page.getByLabel('Timeout', { exact: true }).fill('P3D');
    await page.getByLabel('Timeout', { exact: true }).press('Tab');
    await saveState().filter({ hasText: 'Unsaved changes' }).waitFor();
    await page.reload();
    await page.locator('.notice', { hasText: 'were restored from this browser' }).waitFor();
    expect(await node('awaitPaidEvent').textContent()).toContain('P3D');
    expect(await saveState().textContent()).toBe('Unsaved changes');
    await page.getByRole('button', { name: 'Discard them' }).click();
    await saveState().filter({ hasText: /^Saved$/ }).waitFor();
    expect(await node('awaitPaidEvent').textContent()).toContain('P1D');
    await page.reload();
    await node('awaitPaidEvent').waitFor();
    expect(await page.locator('.notice', { hasText: 'were restored' }).count()).toBe(0);
    expect(pageErrors).toEqual([]);
  });

  it('tries a blank definition without saving, then saves the local draft as a definition and forgets the local copy', async () => {
    await page.goto(`${studio.baseUrl}#/definitions/new`);
    await page.getByRole('button', { name: 'Start blank' }).click();
    await page.getByRole('button', { name: 'Try it without saving' }).click();
    await page.waitForURL(/#\/editor$/);
    await node('done').waitFor();
    expect(await page.locator('.draft-name').textContent()).toContain('local draft, not saved');
    expect(await page.evaluate(() => localStorage.getItem('ledgerflow.studio.draft'))).not.toBeNull();
    await page.getByRole('button', { name: 'Save as definition…' }).click();
    await page.locator('#save-local-name').fill('Quick follow-up');
    expect(await page.locator('#save-local-key').inputValue()).toBe('quick-follow-up');
    await page.getByRole('button', { name: 'Save draft' }).click();
    await page.waitForURL(/#\/definitions\/[0-9a-f-]{36}$/);
    await saveState().filter({ hasText: /^Saved$/ }).waitFor();
    const saved = await studio.knex('workflow_definitions').where({ company_id: acmeId(), key: 'quick-follow-up' }).first('id', 'name');
    expect([page.url().endsWith(saved.id), saved.name]).toEqual([true, 'Quick follow-up']);
    expect(await page.evaluate(() => localStorage.getItem('ledgerflow.studio.draft'))).toBeNull();
  });

  it('offers an operator (definitions read only) no creating, saving, publishing or archiving', async () => {
    const operator = await studio.newPage();
    await studio.signIn('operator@acme.test', undefined, { page: operator });
    await operator.locator('table.definitions-table tbody tr').first().waitFor();
    expect(await operator.getByRole('link', { name: 'New definition' }).count()).toBe(0);
    expect(await operator.getByRole('button', { name: /^Duplicate/ }).count()).toBe(0);
    await operator.getByRole('link', { name: 'Open Dunning EU in the editor' }).click();
    await operator.locator('.svelte-flow__node[data-id="awaitPayment"]').waitFor();
    expect(await operator.getByRole('button', { name: 'Save draft' }).count()).toBe(0);
    expect(await operator.getByRole('button', { name: 'Publish', exact: true }).count()).toBe(0);
    await operator.getByRole('link', { name: 'Versions', exact: true }).click();
    await operator.locator('.versions-table tbody tr').first().waitFor();
    expect(await operator.getByRole('button', { name: /^Archive/ }).count()).toBe(0);
    await operator.context().close();
  });
});
