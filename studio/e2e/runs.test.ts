/**
 * Runs, tasks and data in a real headless Chromium, served by the real API on the seeded demo database with the
 * Temporal test server and the run worker. A demo owner opens a contract, starts its installment schedule, sees the
 * run wait for its payment, records the exact open amount, and sees the payment reach the run and settle the
 * installment; then starts a run of a flow with an approval step, approves the task in the inbox, and sees the run
 * complete.
 */
import type { Page } from 'playwright-core';
import { eventually } from '../../test/helpers/eventually';
import { type LiveStudio, useLiveStudioInThisFile } from './live-studio';

jest.setTimeout(90_000);

let studio: LiveStudio;
let page: Page;
let acmeId: string;
const pageErrors: string[] = [];

useLiveStudioInThisFile(async (opened) => {
  studio = opened;
  page = opened.page;
  acmeId = opened.tenants.find((tenant) => tenant.slug === 'acme')!.companyId;
  await opened.signIn('owner@acme.test', undefined, { next: '#/data/contracts' });
}, pageErrors);

const open = async (hash: string) => {
  await page.goto(`${studio.baseUrl}${hash}`);
};
const timelineTitles = () => page.locator('.lf-timeline-title').allTextContents();
const currentWaits = () => page.locator('.current-steps li').allTextContents();
/** Minor units as a person types them: 87_655 → "876.55". */
const typed = (minor: number) => `${Math.trunc(minor / 100)}.${String(minor % 100).padStart(2, '0')}`;

async function installment(contractNumber: string, sequence: number) {
  return studio.knex('contract_installments as i').join('contracts as c', 'c.id', 'i.contract_id')
    .where({ 'c.company_id': acmeId, 'c.contract_number': contractNumber, 'i.sequence': sequence }).first('i.*');
}

/** Publishes a definition through the API with the page's session, as the editor would. */
async function publish(definition: object): Promise<void> {
  const csrf = (await page.context().cookies()).find((cookie) => cookie.name === 'lf_csrf')?.value ?? '';
  const headers = { 'x-csrf-token': csrf };
  const created = await page.context().request.post(`${studio.baseUrl}api/definitions`, { data: { definition }, headers });
  expect(created.status()).toBe(201);
  const published = await page.context().request.post(`${studio.baseUrl}api/definitions/${(await created.json()).id}/publish`, { headers });
  expect(published.status()).toBe(200);
}

describe('runs, tasks and data in headless Chromium', () => {
  let runHash = '';

  it('lists the seeded contracts and shows a contract with its installments, amounts to the cent', async () => {
    await page.locator('table.data-table-contracts').waitFor();
    expect(await page.locator('table.data-table-contracts tbody th a').allTextContents()).toEqual(expect.arrayContaining(['ACME-C-001', 'ACME-C-002']));
    await page.getByRole('link', { name: 'ACME-C-002' }).click();
    await page.locator('table.installments-table').waitFor();
    expect(await page.getByRole('heading', { level: 2, name: 'Contract ACME-C-002' }).isVisible()).toBe(true);
    const first = page.locator('tr[data-installment="1"] td');
    // 100_000 over three: 33_333 each but the last (the rounding rest), 12_345 of the first paid in the seed.
    expect((await first.allTextContents()).slice(0, 5)).toEqual(['2026-09-15', '€333.33', '€123.45', '€209.88', 'Partially paid']);
    await studio.screenshot('data-contract');
  });

  it('starts the installment schedule from the contract; the run detail says it waits for a payment', async () => {
    await page.getByRole('button', { name: 'Start installment schedule' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    runHash = new URL(page.url()).hash;
    const waits = await eventually(currentWaits, (lines) => lines.some((line) => line.includes('Waiting for event payment.received')), 30_000);
    expect(waits.filter((line) => line.includes('payment.received')).length).toBeGreaterThan(0);
    expect(await page.locator('.lf-badge').first().textContent()).toBe('Running');
    expect(await timelineTitles()).toEqual(expect.arrayContaining(['Run started', 'Step schedule: core.scheduleContractInstallments done']));
    await studio.screenshot('run-waiting');
  });

  it('records the exact open amount of the installment from the run; the run receives payment.received and the installment is paid', async () => {
    const before = await installment('ACME-C-002', 1);
    const openMinor = Number(before.principal_minor) + Number(before.fee_minor) + Number(before.interest_minor) - Number(before.paid_minor);
    const form = page.getByRole('form', { name: 'Record a payment on installment 1' });
    await form.getByLabel('Amount (EUR)').fill(typed(openMinor));
    await form.getByRole('button', { name: 'Record payment' }).click();
    const confirmation = page.getByRole('status').filter({ hasText: 'Recorded' });
    await confirmation.waitFor();
    expect(await confirmation.textContent()).toBe(`Recorded €${typed(openMinor)} on installment 1.`);

    const after = await installment('ACME-C-002', 1);
    expect([after.status, Number(after.paid_minor)]).toEqual(['paid', Number(before.paid_minor) + openMinor]);
    const payments = await studio.knex('payments').where({ company_id: acmeId, installment_id: before.id, status: 'succeeded' }).orderBy('created_at');
    expect(payments.at(-1).amount_minor).toBe(openMinor);

    await open(runHash);
    await eventually(timelineTitles, (titles) => titles.includes('Event payment.received received'), 30_000);
    await open(`#/data/contracts?id=${before.contract_id}`);
    await page.locator('tr[data-installment="1"][data-status="paid"]').waitFor();
    expect((await page.locator('tr[data-installment="1"] td').allTextContents()).slice(3, 5)).toEqual(['€0.00', 'Paid']);
  });

  it('lists the running run under its filters, and a reload keeps them', async () => {
    await open('#/runs?definition=installment-schedule&status=running');
    await page.locator('table.runs-table').waitFor();
    await page.reload();
    await page.locator('table.runs-table').waitFor();
    expect(await page.getByLabel('Status').inputValue()).toBe('running');
    expect(await page.getByLabel('Definition').inputValue()).toBe('installment-schedule');
    const rows = page.locator('table.runs-table tbody tr');
    expect(await rows.count()).toBe(1);
    expect(await rows.first().locator('th a').getAttribute('href')).toBe(runHash);
    await eventually(async () => (await rows.first().locator('td').last().textContent()) ?? '', (text) => text.includes('Waiting'), 15_000);
    await studio.screenshot('runs-list');

    await page.getByLabel('Status').selectOption('completed');
    await page.waitForURL(/status=completed/);
    await page.getByText('No runs match these filters.').waitFor();
  });

  it('starts a run with an approval step from the runs list; the approval is decided in the tasks inbox and the run completes', async () => {
    await publish({
      key: 'e2e-write-off', name: 'Write-off approval', version: 1, triggers: [{ type: 'manual' }], start: 'ask',
      steps: [
        { id: 'ask', type: 'approval', assignee: { role: 'owner' }, title: 'Write off the last 5 euros?', timeout: 'P7D', onApproved: 'yes', onRejected: 'no', onTimeout: 'no' },
        { id: 'yes', type: 'succeed' },
        { id: 'no', type: 'fail', error: { kind: 'Rejected', message: 'not written off' } },
      ],
    });
    await open('#/runs');
    await page.getByRole('button', { name: 'Start run' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a run' });
    await dialog.getByLabel('Definition').selectOption('e2e-write-off');
    await dialog.getByLabel('Input (JSON object)').fill('{ "reason": ');
    await dialog.getByRole('button', { name: 'Start run' }).click();
    expect(await dialog.locator('.lf-field-error').first().textContent()).toMatch(/^Not valid JSON/);
    await dialog.getByLabel('Input (JSON object)').fill('{}');
    await dialog.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    const approvalRun = new URL(page.url()).hash;
    await eventually(currentWaits, (lines) => lines.length > 0, 30_000);
    expect(await currentWaits()).toEqual([`ask (approval): Waiting for an approval decision until ${await approvalDeadline()}`]);

    await open('#/tasks');
    const card = page.locator('article.lf-task', { hasText: 'Write off the last 5 euros?' });
    await card.waitFor();
    expect(await card.locator('p.muted').textContent()).toContain('for role owner');
    await studio.screenshot('tasks');
    await card.getByLabel('Comment (optional)').fill('Too small to chase');
    await card.getByRole('button', { name: 'Approve' }).click();
    await card.waitFor({ state: 'detached' });
    const task = await studio.knex('tasks').where({ company_id: acmeId, title: 'Write off the last 5 euros?' }).first();
    expect([task.decision, task.status]).toEqual(['approved', 'done']);

    await open(approvalRun);
    await eventually(() => page.locator('.lf-badge').first().textContent(), (status) => status === 'Completed', 30_000);
    expect(await timelineTitles()).toEqual(expect.arrayContaining(['Approval task created done', 'Approval decision received', 'Run completed']));
    await studio.screenshot('run-completed');
    await open('#/tasks?show=done');
    await page.locator('article.lf-task', { hasText: 'Write off the last 5 euros?' }).getByText('Approved').waitFor();
    expect(pageErrors).toEqual([]);
  });

  it('cancels a running run after confirming, then retries it as a new run of the same definition', async () => {
    await open('#/runs');
    await page.getByRole('button', { name: 'Start run' }).click();
    const dialog = page.getByRole('dialog', { name: 'Start a run' });
    await dialog.getByLabel('Definition').selectOption('e2e-write-off');
    await dialog.getByRole('button', { name: 'Start run' }).click();
    await page.waitForURL(/#\/runs\/[0-9a-f-]{36}$/);
    const canceledId = new URL(page.url()).hash.replace('#/runs/', '');
    await eventually(currentWaits, (lines) => lines.length > 0, 30_000);

    await page.getByRole('button', { name: 'Cancel run' }).click();
    const confirm = page.getByRole('dialog', { name: 'Cancel this run?' });
    await confirm.getByRole('button', { name: 'Keep running' }).click();
    expect(await page.locator('.lf-badge').first().textContent()).toBe('Running');
    await page.getByRole('button', { name: 'Cancel run' }).click();
    await confirm.getByRole('button', { name: 'Cancel run' }).click();
    await eventually(() => page.locator('.lf-badge').first().textContent(), (status) => status === 'Canceled', 30_000);

    await page.getByRole('button', { name: 'Retry' }).click();
    await page.waitForURL((url) => /#\/runs\/[0-9a-f-]{36}$/.test(url.hash) && !url.hash.endsWith(canceledId));
    await eventually(currentWaits, (lines) => lines.some((line) => line.startsWith('ask (approval): Waiting for an approval decision')), 30_000);
    const runs = await studio.knex('workflow_runs').where({ company_id: acmeId, definition_key: 'e2e-write-off' }).orderBy('started_at');
    expect(runs.map((run) => run.status).slice(-2)).toEqual(['canceled', 'running']);
    expect(runs.at(-2).id).toBe(canceledId);
    expect(pageErrors).toEqual([]);
  });

  it('pages through older runs with "Load more runs", keeping the filters, each run shown once', async () => {
    // 60 closed runs recorded on one old day: more than a page (50), so the list continues with the API's cursor.
    const template = await studio.knex('workflow_runs').where({ company_id: acmeId, definition_key: 'e2e-write-off' }).first();
    await studio.knex('workflow_runs').insert(Array.from({ length: 60 }, (_, i) => ({
      company_id: acmeId, workflow_id: `e2e-old-${i}`, definition_id: template.definition_id, definition_version_id: template.definition_version_id,
      definition_key: 'e2e-write-off', definition_version: template.definition_version, trigger_kind: 'api', status: 'completed',
      started_at: new Date(Date.UTC(2020, 0, 1, 0, i)).toISOString(), closed_at: new Date(Date.UTC(2020, 0, 1, 1, i)).toISOString(),
    })));
    await open('#/runs?status=completed&from=2020-01-01&until=2020-01-01');
    const rows = page.locator('table.runs-table tbody tr');
    await eventually(() => rows.count(), (count) => count === 50, 15_000);
    await page.getByRole('button', { name: 'Load more runs' }).click();
    await eventually(() => rows.count(), (count) => count === 60, 15_000);
    expect(await page.getByRole('button', { name: 'Load more runs' }).count()).toBe(0);
    const ids = await rows.evaluateAll((cells) => cells.map((row) => row.getAttribute('data-run-id')));
    expect(new Set(ids).size).toBe(60);
    expect(await page.getByLabel('Status').inputValue()).toBe('completed');
    expect(pageErrors).toEqual([]);
  });

  it('reads the open tasks assigned to me a page at a time: "Load more tasks" shows the rest, each once', async () => {
    const owner = await studio.knex('users').where({ company_id: acmeId, email: 'owner@acme.test' }).first('id');
    const contract = await studio.knex('contracts').where({ company_id: acmeId, contract_number: 'ACME-C-001' }).first('id');
    await studio.knex('tasks').insert(Array.from({ length: 55 }, (_, i) => ({
      company_id: acmeId, entity_type: 'contract', entity_id: contract.id, title: `Inbox page task ${i}`, assigned_to: owner.id,
      created_at: new Date(Date.UTC(2026, 0, 1, 0, i)).toISOString(),
    })));
    await open('#/tasks');
    await page.getByRole('button', { name: 'Load more tasks' }).waitFor();
    // A page holds 50 of the tasks assigned to me, newest first, so at most 50 of these older ones come first.
    const cards = page.locator('article.lf-task', { hasText: 'Inbox page task' });
    expect(await cards.count()).toBeLessThanOrEqual(50);
    await page.getByRole('button', { name: 'Load more tasks' }).click();
    await eventually(() => cards.count(), (count) => count === 55, 15_000);
    expect(new Set(await cards.allTextContents()).size).toBe(55);
    expect(pageErrors).toEqual([]);
  });
});

/** The approval task's due instant, as the run detail shows it (minute, UTC). */
async function approvalDeadline(): Promise<string> {
  const run = await studio.knex('workflow_runs').where({ company_id: acmeId, definition_key: 'e2e-write-off' }).first('workflow_id');
  const state = (await studio.harness.env.client.workflow.getHandle(run.workflow_id).query('state')) as { positions: { waitingFor: { timeoutAt: string } }[] };
  return `${state.positions[0].waitingFor.timeoutAt.slice(0, 10)} ${state.positions[0].waitingFor.timeoutAt.slice(11, 16)} UTC`;
}
